#!/usr/bin/env node
// Prepares a GHL sub-account (location) for the bot, and says what to put
// in wrangler.toml:
//   1. lists the location's contact custom fields,
//   2. creates the ones the bot keeps its conversation in that are missing
//      (never a second copy of one that exists),
//   3. checks that the calendar exists and has free slots on the days the
//      bot would offer: from tomorrow (never today), on BOOKING_DAYS
//      weekdays, in the next 14 days, in BUSINESS_TIMEZONE,
//   4. prints a summary, the [vars] lines and the webhook URL.
//
//   GHL_API_TOKEN=... GHL_LOCATION_ID=... [GHL_CALENDAR_ID=...] [BUSINESS_TIMEZONE=...] [BOOKING_DAYS=...] \
//   [GHL_API_BASE=https://services.leadconnectorhq.com] npm run ghl:setup -- [--dry-run] [--worker-url URL]
//
// GHL_API_TOKEN is a Private Integration token of the sub-account (GHL →
// Settings → Private Integrations). GHL_SETUP_NOW (an ISO instant) sets the
// script's clock, for tests.
//
// Safe to run again: it only creates what is missing. Exit codes: 0 done,
// 1 something needs fixing (the message says what), 2 wrong usage.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { retryAfterMs } from '../worker/ghl.js';
import { BOT_FIELDS } from '../wasm/description.js';
import { createFieldBody } from '../worker/field-body.js';
import { dayWindow, localNow } from '../worker/time.js';
import {
  comingDays, dayLabel, daysText, daysValue, readBookingDays, slotsToOffer, weekdayOf, DEFAULT_BOOKING_DAYS,
} from './booking-days.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The bot's conversation state, one contact field per key of core/state.hpp
// (kStateFields): BOT_FIELDS of wasm/description.js, the core's own list, as the worker,
// the emulator and this script share.
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
// How many of the coming bookable days with free slots step 3 lists.
const SHOW_DAYS = 5;
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
       [BOOKING_DAYS=${DEFAULT_BOOKING_DAYS}] [GHL_API_BASE=https://services.leadconnectorhq.com]
       node scripts/ghl-setup.js [--dry-run] [--worker-url URL]

Creates the bot's ${BOT_FIELDS.length} contact custom fields in your GHL location (only those missing),
checks the calendar has free slots on the days the bot offers, and prints the wrangler.toml [vars] lines
and the webhook URL.
  GHL_API_TOKEN      a Private Integration token of the sub-account (GHL → Settings → Private Integrations)
                     with the scopes: ${SCOPES.join(', ')}
  GHL_LOCATION_ID    the sub-account's id: app.gohighlevel.com/v2/location/<LOCATION_ID>/...
  GHL_CALENDAR_ID    the calendar the bot books calls in; without it the calendar is not checked
  BUSINESS_TIMEZONE  the business's IANA time zone (default America/Mexico_City)
  BOOKING_DAYS       the weekdays the bot offers, as in wrangler.toml (default ${DEFAULT_BOOKING_DAYS};
                     also e.g. mon-fri, lun,mie,vie, 1-5 with 0 = Sunday)
  --dry-run          show what would be created; create nothing
  --worker-url URL   your deployed worker (https://<name>.<subdomain>.workers.dev), for the webhook URL`;
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
    body: createFieldBody(want),
  });
  if (!res.ok) throw new SetupError(ghl.explain(res, what, { notFound: { what: `GHL refused to create contact.${want.key}` } }));
  return res.data?.customField ?? res.data ?? {};
}

// The calendar's free slots on the next SLOT_DAYS days (from tomorrow), as
// the bot would see them: it asks GHL in the business's zone, reads a day's
// date key only and offers at most 5 of its slots (booking-days.js); it never
// offers today, nor a weekday outside BOOKING_DAYS. One request covers all
// the days here.
async function checkCalendar(ghl, calendarId, timeZone, bookingDays, nowMs) {
  const today = localNow(timeZone, new Date(nowMs)).slice(0, 10);
  const days = comingDays(today, bookingDays, SLOT_DAYS);
  const what = `reading calendar ${calendarId}'s free slots`;
  const res = await ghl.request('GET', `/calendars/${encodeURIComponent(calendarId)}/free-slots`, {
    version: V_CALENDARS, what,
    query: { startDate: dayWindow(days[0].date).startDate, endDate: dayWindow(days.at(-1).date).endDate, timezone: timeZone },
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
  // The answer is keyed by date; GHL adds other keys (traceId, _dates_).
  const answer = res.data && typeof res.data === 'object' ? res.data : {};
  const slotsOf = (date) => slotsToOffer(answer[date]?.slots, date);
  for (const day of days) Object.assign(day, slotsOf(day.date));
  return { todayFree: slotsOf(today).free, days, first: days[0].date, last: days.at(-1).date };
}

// Step 3's lines and, when the bot could offer nothing, the problem.
function reportCalendar(calendarId, timeZone, booking, cal) {
  const lines = [];
  const bookable = cal.days.filter((d) => d.bookable);
  const open = bookable.filter((d) => d.free);
  const offDays = cal.days.filter((d) => !d.bookable && d.free);
  const offWeekdays = Array(7).fill(false);
  for (const d of offDays) offWeekdays[weekdayOf(d.date)] = true;
  const setting = booking.set ? `BOOKING_DAYS=${booking.value}` : `BOOKING_DAYS not set: the default ${booking.value}`;
  lines.push(`the bot offers calls on ${daysText(booking.days)} (${setting}), from tomorrow on, in ${timeZone}`);
  const dates = `${dayLabel(cal.first)} to ${dayLabel(cal.last)}`;
  const span = `in the next ${SLOT_DAYS} days (${dates})`;
  const notOffered = [];
  if (cal.todayFree) notOffered.push(`today's ${cal.todayFree} free slot(s) (the bot never offers same-day calls)`);
  if (offDays.length) {
    notOffered.push(`${offDays.reduce((n, d) => n + d.free, 0)} free slot(s) on ${daysText(offWeekdays)} ` +
      `(not in BOOKING_DAYS)`);
  }

  if (open.length) {
    lines.push(`${calendarId}: free slots on ${open.length} of the ${bookable.length} bookable days ${span}; the bot would offer:`);
    for (const d of open.slice(0, SHOW_DAYS)) {
      lines.push(`  ${dayLabel(d.date)}: ${d.offered.join(', ')}${d.free > d.offered.length ? ` (${d.offered.length} of ${d.free} free)` : ''}`);
    }
    if (open.length > SHOW_DAYS) lines.push(`  ... and ${open.length - SHOW_DAYS} more day(s) with free slots`);
    if (notOffered.length) lines.push(`not offered: ${notOffered.join('; ')}`);
    const summary = `${calendarId}: free slots on ${open.length} of ${bookable.length} bookable days in the next ${SLOT_DAYS} days; ` +
      `first: ${dayLabel(open[0].date)} ${open[0].offered[0]}`;
    return { lines, summary, problem: null };
  }

  lines.push(`${calendarId}: NO free slots on the days the bot offers ${span}`);
  if (notOffered.length) lines.push(`not offered: ${notOffered.join('; ')}`);
  const availability = 'GHL → Calendars → Calendar Settings → Availability';
  let why;
  if (offDays.length) {
    why = `Its free slots are on ${daysText(offWeekdays)}, which BOOKING_DAYS (${booking.value}) leaves out` +
      `${cal.todayFree ? ', and today, which the bot never offers' : ''}. Either open the calendar on ` +
      `${daysText(booking.days)} (${availability}), or set BOOKING_DAYS to days it is open, e.g. ` +
      `BOOKING_DAYS = "${daysValue(offWeekdays)}" in wrangler.toml [vars] (and BOOKING_DAYS=${daysValue(offWeekdays)} ` +
      `when you run this again).`;
  } else if (cal.todayFree) {
    why = `Its only free slots are today's, and the bot never offers same-day calls. Open the calendar on the coming ` +
      `${daysText(booking.days)} (${availability}), or set BOOKING_DAYS to the days it is open.`;
  } else {
    why = `It has no free slot at all in that time: it is closed or fully booked. Set its availability on ` +
      `${daysText(booking.days)} (${availability}), or set BOOKING_DAYS to the days it is open.`;
  }
  const problem = `Calendar ${calendarId} has no free slot on any day the bot offers in the next ${SLOT_DAYS} days (${dates}, ${timeZone}): ` +
    `the bot could not offer any time. ${why}`;
  return { lines, summary: `${calendarId}: NO free slots on the days the bot offers ${span}`, problem };
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
  const booking = readBookingDays(env.BOOKING_DAYS);
  if (booking.error) {
    console.error(`${booking.error}.`);
    return 2;
  }
  const nowMs = env.GHL_SETUP_NOW ? Date.parse(env.GHL_SETUP_NOW) : Date.now();
  if (Number.isNaN(nowMs)) {
    console.error(`GHL_SETUP_NOW: '${env.GHL_SETUP_NOW}' is not an ISO date and time.`);
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
    const cal = await checkCalendar(ghl, calendarId, timeZone, booking.days, nowMs);
    const report = reportCalendar(calendarId, timeZone, booking, cal);
    for (const line of report.lines) say(`    ${line}`);
    calendarLine = report.summary;
    if (report.problem) problems.push(report.problem);
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
BUSINESS_TIMEZONE = "${timeZone}"${booking.set ? `\nBOOKING_DAYS = ${JSON.stringify(booking.value)}` : ''}

The token is a secret, not a var:  npx wrangler secret put GHL_API_TOKEN

Webhook URL for GHL (InboundMessage events):
  ${hook}${args['worker-url'] ? '' : `\n  (or pass your worker's URL: npm run ghl:setup -- --worker-url https://...)`}`);
  if (problems.length) {
    console.error(`\nghl:setup: ${problems.length} problem(s) to fix (listed above).`);
    return 1;
  }
  if (!dry) say('\nGHL is ready for the bot.');
  else if (p.missing.length) say(`\nDry run done: run it again without --dry-run to create the ${p.missing.length} missing field(s).`);
  else say(`\nDry run done: all ${BOT_FIELDS.length} fields are there, nothing needs creating.`);
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
