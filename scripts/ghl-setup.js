#!/usr/bin/env node
// Prepares a GHL sub-account (location) for the bot, and says what to put
// in wrangler.toml:
//   1. lists the location's contact custom fields,
//   2. creates the ones the bot keeps its conversation in that are missing
//      (never a second copy of one that exists),
//   3. checks that the calendar exists and has free slots in the next 14 days,
//   4. prints a summary, the [vars] lines and the webhook URL.
//
//   GHL_API_TOKEN=... GHL_LOCATION_ID=... [GHL_CALENDAR_ID=...] [BUSINESS_TIMEZONE=...] \
//   [GHL_API_BASE=https://services.leadconnectorhq.com] npm run ghl:setup -- [--dry-run] [--worker-url URL]
//
// Safe to run again: it only creates what is missing. Exit codes: 0 done,
// 1 something needs fixing (the message says what), 2 wrong usage.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { retryAfterMs } from '../worker/ghl.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The bot's conversation state: one contact field per key of core/state.hpp
// (kStateFields). The name is the key itself: GHL derives the field key from
// the name (lower case, spaces and symbols to "_"), and "booking_step" is
// already in that form, so the field key is exactly contact.booking_step.
// All hold text the core writes and reads back as is: typed fields
// (NUMERICAL, DATE, EMAIL) would let GHL reformat or refuse the values.
// The two free-text answers may be long or span lines: LARGE_TEXT.
const BOT_FIELDS = [
  ['booking_step', 'TEXT'],
  ['language', 'TEXT'],
  ['customer_name', 'TEXT'],
  ['customer_goal', 'LARGE_TEXT'],
  ['customer_pain_point', 'LARGE_TEXT'],
  ['customer_budget', 'TEXT'],
  ['customer_email', 'TEXT'],
  ['preferred_day', 'TEXT'],
  ['preferred_time', 'TEXT'],
  ['appointment_id', 'TEXT'],
  ['appointment_datetime', 'TEXT'],
  ['booking_attempts', 'TEXT'],
  ['last_interaction', 'TEXT'],
  ['offered_slots', 'TEXT'],
  ['last_message_id', 'TEXT'],
].map(([key, dataType]) => ({ key, dataType }));

const TEXT_TYPES = new Set(['TEXT', 'LARGE_TEXT']);
// The Version header each endpoint's spec requires (../shared/ghl-openapi).
const V_LOCATIONS = '2021-07-28';
const V_CALENDARS = '2021-04-15';
// What the worker calls, per the specs' security sections.
const SCOPES = [
  'locations/customFields.readonly', 'locations/customFields.write', 'contacts.readonly', 'contacts.write',
  'calendars.readonly', 'calendars/events.write', 'conversations/message.write',
];
const SLOT_DAYS = 14;
const MAX_RATE_WAIT_MS = 60_000;
const TIMEOUT_MS = Number(process.env.GHL_SETUP_TIMEOUT_MS || 20_000);

class SetupError extends Error {}

// GHL's field-key rule for a name, as far as it matters here (and as the
// emulator applies it): "Booking Step" → booking_step.
const keyFromName = (name) => String(name).trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (line = '') => process.stdout.write(`${line}\n`);
const step = (n, total, what) => say(`\n==> [ghl:setup ${n}/${total}] ${what}`);

function usage() {
  return `usage: GHL_API_TOKEN=... GHL_LOCATION_ID=... [GHL_CALENDAR_ID=...] [BUSINESS_TIMEZONE=America/Mexico_City]
       [GHL_API_BASE=https://services.leadconnectorhq.com] node scripts/ghl-setup.js [--dry-run] [--worker-url URL]

Creates the bot's ${BOT_FIELDS.length} contact custom fields in your GHL location (only those missing),
checks the calendar has free slots, and prints the wrangler.toml [vars] lines and the webhook URL.
  --dry-run          show what would be created; create nothing
  --worker-url URL   your deployed worker (https://<name>.<subdomain>.workers.dev), for the webhook URL
Token: a Private Integration token of the sub-account (GHL → Settings → Private Integrations)
with the scopes: ${SCOPES.join(', ')}.`;
}

function wranglerName() {
  try {
    return /^\s*name\s*=\s*"([^"]+)"/m.exec(fs.readFileSync(path.join(root, 'wrangler.toml'), 'utf8'))?.[1] || 'your-worker';
  } catch {
    return 'your-worker';
  }
}

function webhookUrl(workerUrl) {
  if (!workerUrl) return `https://${wranglerName()}.<your-subdomain>.workers.dev/webhook`;
  const url = new URL(/^https?:\/\//.test(workerUrl) ? workerUrl : `https://${workerUrl}`);
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/webhook$/, '') + '/webhook';
  url.search = '';
  url.hash = '';
  return url.href;
}

function ghlMessage(data) {
  if (!data || typeof data !== 'object') return '';
  const m = Array.isArray(data.message) ? data.message.join('; ') : data.message || data.error || data.msg || '';
  return String(m).trim().replace(/\.+$/, '').slice(0, 300);
}

function createClient({ base, token, locationId }) {
  // One GHL call; a 429 is waited out once, as its reset header asks.
  async function request(method, apiPath, { version, query, body, what }) {
    const url = new URL(base + apiPath);
    for (const [k, v] of Object.entries(query || {})) url.searchParams.set(k, String(v));
    const headers = { Authorization: `Bearer ${token}`, Version: version, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    for (let attempt = 0; ; attempt++) {
      let res;
      try {
        res = await fetch(url, {
          method, headers, body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (e) {
        const why = e?.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : e?.cause?.code || e?.cause?.message || e?.message;
        throw new SetupError(`Could not reach GHL at ${base} while ${what} (${why}). Check GHL_API_BASE and the network.`);
      }
      const text = await res.text();
      let data = null;
      try { data = text ? JSON.parse(text) : null; } catch { data = { message: text.slice(0, 200) }; }
      if (res.status === 429) {
        const wait = retryAfterMs(res.headers);
        if (attempt === 0 && wait <= MAX_RATE_WAIT_MS) {
          say(`    GHL is rate limiting (429) while ${what}: waiting ${(wait / 1000).toFixed(1)} s as its reset header asks, then retrying once...`);
          await sleep(wait);
          continue;
        }
        throw new SetupError(
          `GHL is rate limiting this token (429) while ${what}${attempt ? ', again after waiting' : ''}. ` +
          `Wait ${Math.max(1, Math.ceil(wait / 1000))} s or more and run this again: it only creates what is still missing.`);
      }
      return { status: res.status, ok: res.ok, data };
    }
  }

  // An answer that is not 2xx, in words a newcomer can act on.
  function explain(res, what, { notFound } = {}) {
    const detail = `GHL answered ${res.status}${ghlMessage(res.data) ? `: ${ghlMessage(res.data)}` : ''}`;
    if (res.status === 401) {
      return `GHL rejected the token while ${what} (${detail}). Check GHL_API_TOKEN: it must be a Private Integration ` +
        `token of this sub-account (GHL → Settings → Private Integrations), copied whole, with the scopes ${SCOPES.join(', ')}.`;
    }
    if (res.status === 403) {
      return `The token may not do this in location ${locationId} (${detail}). A sub-account token works only in its own ` +
        `location, and needs the scopes ${SCOPES.join(', ')}. Check GHL_LOCATION_ID and the token's scopes.`;
    }
    if ((res.status === 400 || res.status === 404 || res.status === 422) && notFound) {
      return `${notFound.what} (${detail}).${notFound.hint ? ` ${notFound.hint}` : ''}`;
    }
    if (res.status >= 500) return `GHL had a server error while ${what} (${detail}). Try again in a minute.`;
    return `GHL refused the request while ${what} (${detail}).`;
  }

  return { request, explain };
}

async function listFields(ghl, locationId) {
  const what = 'listing the custom fields';
  const res = await ghl.request('GET', `/locations/${encodeURIComponent(locationId)}/customFields`,
    { version: V_LOCATIONS, query: { model: 'contact' }, what });
  if (!res.ok) {
    throw new SetupError(ghl.explain(res, what, {
      notFound: {
        what: `GHL does not know location '${locationId}'`,
        hint: 'Check GHL_LOCATION_ID: it is the id in your GHL address bar, app.gohighlevel.com/v2/location/<LOCATION_ID>/...',
      },
    }));
  }
  const fields = res.data?.customFields;
  if (!Array.isArray(fields)) throw new SetupError(`GHL's answer to ${what} has no customFields list.`);
  return fields;
}

// Which of the bot's fields exist, are missing, or clash with a field of another key.
function plan(fields) {
  const byKey = new Map();
  for (const f of fields) {
    if (typeof f?.fieldKey === 'string' && (!f.model || f.model === 'contact')) byKey.set(f.fieldKey.replace(/^contact\./, ''), f);
  }
  const present = [];
  const missing = [];
  const conflicts = [];
  const warnings = [];
  for (const want of BOT_FIELDS) {
    const have = byKey.get(want.key);
    if (have) {
      present.push({ ...want, field: have });
      if (have.dataType && !TEXT_TYPES.has(have.dataType)) {
        warnings.push(`contact.${want.key} is a ${have.dataType} field; the bot stores text in it. ` +
          `If GHL reformats or refuses its values, delete it in GHL (Settings → Custom Fields) and run this again.`);
      }
      continue;
    }
    // A field with this name under another key: creating ours would clash with it.
    const clash = fields.find((f) => keyFromName(f?.name ?? '') === want.key);
    if (clash) {
      conflicts.push(`a field named '${clash.name}' exists with key ${clash.fieldKey}, not contact.${want.key}: ` +
        `rename or delete it in GHL (Settings → Custom Fields), then run this again.`);
    } else {
      missing.push(want);
    }
  }
  return { present, missing, conflicts, warnings };
}

async function createField(ghl, locationId, want) {
  const what = `creating contact.${want.key}`;
  const res = await ghl.request('POST', `/locations/${encodeURIComponent(locationId)}/customFields`, {
    version: V_LOCATIONS, what,
    body: { name: want.key, dataType: want.dataType, model: 'contact' },
  });
  if (!res.ok) throw new SetupError(ghl.explain(res, what, { notFound: { what: `GHL refused to create contact.${want.key}` } }));
  return res.data?.customField ?? res.data ?? {};
}

const isDateKey = (k) => /^\d{4}-\d{2}-\d{2}$/.test(k);

async function checkCalendar(ghl, calendarId, timeZone, nowMs = Date.now()) {
  const what = `reading calendar ${calendarId}'s free slots`;
  const res = await ghl.request('GET', `/calendars/${encodeURIComponent(calendarId)}/free-slots`, {
    version: V_CALENDARS, what,
    query: { startDate: nowMs, endDate: nowMs + SLOT_DAYS * 86_400_000, timezone: timeZone },
  });
  if (!res.ok) {
    throw new SetupError(ghl.explain(res, what, {
      notFound: {
        what: `Calendar '${calendarId}' was not found in this location`,
        hint: 'Check GHL_CALENDAR_ID: the id of the calendar the bot books calls in ' +
          '(GHL → Calendars → Calendar Settings; it is part of the calendar\'s edit address and share link).',
      },
    }));
  }
  // Only the date keys are days; GHL adds others (traceId, _dates_).
  const days = Object.entries(res.data || {})
    .filter(([k, v]) => isDateKey(k) && Array.isArray(v?.slots) && v.slots.length)
    .sort(([a], [b]) => a.localeCompare(b));
  const slots = days.flatMap(([, v]) => v.slots.filter((s) => typeof s === 'string'));
  return { days: days.length, slots };
}

async function main() {
  let args;
  try {
    ({ values: args } = parseArgs({
      options: {
        'dry-run': { type: 'boolean', default: false },
        'worker-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    console.error(`${e.message}\n\n${usage()}`);
    return 2;
  }
  if (args.help) {
    say(usage());
    return 0;
  }
  const env = process.env;
  const token = (env.GHL_API_TOKEN || '').trim();
  const locationId = (env.GHL_LOCATION_ID || '').trim();
  const calendarId = (env.GHL_CALENDAR_ID || '').trim();
  const timeZone = (env.BUSINESS_TIMEZONE || 'America/Mexico_City').trim();
  const base = (env.GHL_API_BASE || 'https://services.leadconnectorhq.com').trim().replace(/\/+$/, '');
  const dry = args['dry-run'];
  const missingEnv = [['GHL_API_TOKEN', token], ['GHL_LOCATION_ID', locationId]].filter(([, v]) => !v).map(([k]) => k);
  if (missingEnv.length) {
    console.error(`${missingEnv.join(' and ')} ${missingEnv.length > 1 ? 'are' : 'is'} not set.\n\n${usage()}`);
    return 2;
  }
  if (!/^https?:\/\/[^/]+/.test(base)) {
    console.error(`GHL_API_BASE: '${base}' is not an http(s) URL.`);
    return 2;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    console.error(`BUSINESS_TIMEZONE: '${timeZone}' is not an IANA time zone such as America/Mexico_City.`);
    return 2;
  }
  let hook;
  try {
    hook = webhookUrl(args['worker-url']);
  } catch {
    console.error(`--worker-url: '${args['worker-url']}' is not a URL.`);
    return 2;
  }

  const ghl = createClient({ base, token, locationId });
  const total = 4;
  say(`GHL setup for location ${locationId} at ${base}${dry ? ' (dry run: nothing will be created)' : ''}`);
  const problems = [];

  // 1. What is there.
  step(1, total, `Reading the location's contact custom fields`);
  let fields = await listFields(ghl, locationId);
  let p = plan(fields);
  say(`    ${fields.length} contact field(s) in the location; ${p.present.length} of the bot's ${BOT_FIELDS.length} already there` +
    (p.present.length && p.missing.length ? `: ${p.present.map((f) => f.key).join(', ')}` : ''));

  // 2. What is missing.
  let created = 0;
  if (!p.missing.length) {
    step(2, total, 'Creating the missing custom fields');
    say(`    nothing to create: all ${p.present.length} present`);
  } else if (dry) {
    step(2, total, `Would create ${p.missing.length} custom field(s) (dry run)`);
    p.missing.forEach((want, i) => {
      say(`    [${String(i + 1).padStart(2)}/${p.missing.length}] would create ${want.key} (${want.dataType}) → contact.${want.key}`);
    });
  } else {
    step(2, total, `Creating ${p.missing.length} missing custom field(s)`);
    for (const [i, want] of p.missing.entries()) {
      const field = await createField(ghl, locationId, want);
      created++;
      const key = String(field.fieldKey || '');
      const ok = key === `contact.${want.key}`;
      say(`    [${String(i + 1).padStart(2)}/${p.missing.length}] ${want.key} (${want.dataType}) created → ${key || '(no field key in the answer)'}${ok ? '' : '  ✗'}`);
      if (!ok) {
        problems.push(`GHL gave the new field '${want.key}' the key '${key}', not contact.${want.key}; ` +
          `the bot cannot use it: rename it in GHL (Settings → Custom Fields) so its key is contact.${want.key}.`);
      }
    }
    // Read back: every field the bot needs must now be there.
    fields = await listFields(ghl, locationId);
    p = plan(fields);
    say(`    read back: ${p.present.length} of ${BOT_FIELDS.length} present`);
    for (const want of p.missing) problems.push(`contact.${want.key} is still missing after creating it.`);
  }
  for (const c of p.conflicts) problems.push(c);
  for (const w of p.warnings) say(`    warning: ${w}`);

  // 3. The calendar.
  step(3, total, 'Checking the calendar');
  let calendarLine;
  if (!calendarId) {
    calendarLine = 'not checked: GHL_CALENDAR_ID is not set';
    say(`    skipped: set GHL_CALENDAR_ID to the calendar the bot books calls in, and run this again to check it`);
  } else {
    const { days, slots } = await checkCalendar(ghl, calendarId, timeZone);
    if (!slots.length) {
      calendarLine = `${calendarId}: NO free slots in the next ${SLOT_DAYS} days`;
      problems.push(`Calendar ${calendarId} has no free slots in the next ${SLOT_DAYS} days (${timeZone}): the bot could not ` +
        `offer any time. Set its availability (GHL → Calendars → Calendar Settings → Availability).`);
      say(`    ${calendarLine}`);
    } else {
      calendarLine = `${calendarId}: ${slots.length} free slot(s) on ${days} day(s) in the next ${SLOT_DAYS} days`;
      say(`    ${calendarLine} (${timeZone}); first: ${slots.slice(0, 3).join(', ')}`);
    }
  }

  // 4. What to do next.
  step(4, total, 'Summary');
  const have = p.present.length;
  say(dry
    ? `    custom fields: ${have} of ${BOT_FIELDS.length} present, ${p.missing.length} would be created (dry run: nothing was created)`
    : `    custom fields: ${have} of ${BOT_FIELDS.length} present (${created} created now, ${have - created} already there)`);
  say(`    calendar:      ${calendarLine}`);
  for (const problem of problems) say(`    ✗ ${problem}`);
  say(`
Put these lines in wrangler.toml (they replace its [vars] entries of the same names):

[vars]
GHL_API_BASE = "${base}"
GHL_LOCATION_ID = "${locationId}"
GHL_CALENDAR_ID = "${calendarId || '<your calendar id>'}"
BUSINESS_TIMEZONE = "${timeZone}"

The token is a secret, not a var:  npx wrangler secret put GHL_API_TOKEN

Webhook URL for GHL (InboundMessage events):
  ${hook}${args['worker-url'] ? '' : `\n  (or pass your worker's URL: npm run ghl:setup -- --worker-url https://...)`}`);
  if (problems.length) {
    console.error(`\nghl:setup: ${problems.length} problem(s) to fix (listed above).`);
    return 1;
  }
  say(dry ? '\nDry run done: run it again without --dry-run to create the fields.' : '\nGHL is ready for the bot.');
  return 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof SetupError) {
    console.error(`\nghl:setup failed: ${e.message}`);
    process.exitCode = 1;
  } else {
    throw e;
  }
}
