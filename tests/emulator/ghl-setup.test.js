// scripts/ghl-setup.js (npm run ghl:setup), run as a child process against
// the emulator as a fresh or half-prepared GHL location: what it creates,
// what it never creates twice, and what it says when GHL says no.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, NOW, TOKEN } from './helpers.js';
import { BOT_FIELDS } from '../../wasm/description.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(root, 'scripts/ghl-setup.js');

// The bot's keys, from the core itself (its description, wasm/description.js).
const STATE_KEYS = BOT_FIELDS.map((f) => f.key);
const LARGE = BOT_FIELDS.filter((f) => f.dataType === 'LARGE_TEXT').map((f) => f.key);
const N = STATE_KEYS.length;

// The setup emulator runs on the real clock: the script asks for the next 14
// days from now. Tests that look at dates fix both clocks instead (fixedClock).
async function emulator(t, options = {}) {
  const emu = await startEmulator({ now: undefined, ...options });
  t.after(() => emu.stop());
  return emu;
}

// Runs the script with only the GHL settings given here (never the caller's own).
function run(emu, args = [], env = {}) {
  const clean = Object.fromEntries(Object.entries(process.env)
    .filter(([k]) => !k.startsWith('GHL_') && k !== 'BUSINESS_TIMEZONE' && k !== 'BOOKING_DAYS'));
  const settings = {
    GHL_API_BASE: emu?.url, GHL_API_TOKEN: TOKEN, GHL_LOCATION_ID: 'loc_dev', GHL_CALENDAR_ID: 'cal_dev', ...env,
  };
  for (const [k, v] of Object.entries(settings)) if (v === undefined) delete settings[k];
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { env: { ...clean, ...settings }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr, out: stdout + stderr });
    });
  });
}

const posts = (emu) => emu.requests().filter((r) => r.method === 'POST');
const contactKeys = (emu) => emu.listCustomFields().filter((f) => f.model === 'contact').map((f) => f.fieldKey);

test('the script takes the core\'s own field list (wasm/description.js), no list of its own', () => {
  assert.equal(BOT_FIELDS.length, STATE_KEYS.length);
  assert.ok(N >= 15);
  assert.ok(BOT_FIELDS.every((f) => /^[a-z_]+$/.test(f.key) && ['TEXT', 'LARGE_TEXT'].includes(f.dataType)));
  assert.deepEqual(BOT_FIELDS.filter((f) => f.dataType === 'LARGE_TEXT').map((f) => f.key), ['customer_goal', 'customer_pain_point']);
  const source = fs.readFileSync(script, 'utf8');
  assert.match(source, /^import \{ BOT_FIELDS \} from '\.\.\/wasm\/description\.js';$/m);
  assert.doesNotMatch(source, /\['booking_step', /, 'no second copy of the list');
});

test('--dry-run on an empty location shows every field it would create and creates none', async (t) => {
  const emu = await emulator(t, { customFields: false });
  const r = await run(emu, ['--dry-run']);
  assert.equal(r.code, 0, r.out);
  for (const key of STATE_KEYS) assert.match(r.stdout, new RegExp(`would create ${key} \\((LARGE_)?TEXT\\) → contact\\.${key}\\n`));
  assert.match(r.stdout, new RegExp(`\\[ghl:setup 1/4\\].*\\n[\\s\\S]*\\[ghl:setup 2/4\\] Would create ${N} custom field\\(s\\) \\(dry run\\)`));
  assert.ok(r.stdout.includes(`[${N}/${N}] would create ${STATE_KEYS.at(-1)}`));
  assert.ok(r.stdout.includes(`0 of ${N} present, ${N} would be created (dry run: nothing was created)`));
  assert.deepEqual(emu.listCustomFields(), []);
  assert.deepEqual(posts(emu), []);
  assert.deepEqual(emu.validationErrors(), []);
});

test('a real run creates them all with the keys the worker reads, and a second run creates none', async (t) => {
  const emu = await emulator(t, { customFields: false });
  const first = await run(emu, ['--worker-url', 'https://bot.acme.workers.dev/']);
  assert.equal(first.code, 0, first.out);
  assert.equal(posts(emu).length, N);
  const fields = emu.listCustomFields();
  assert.deepEqual(fields.map((f) => f.fieldKey).sort(), STATE_KEYS.map((k) => `contact.${k}`).sort());
  for (const f of fields) {
    const key = f.fieldKey.replace('contact.', '');
    // The name sent is the key: GHL's name → key rule leaves it as it is.
    assert.equal(f.name, key);
    assert.equal(f.model, 'contact');
    assert.equal(f.dataType, LARGE.includes(key) ? 'LARGE_TEXT' : 'TEXT', key);
  }
  assert.ok(first.stdout.includes(`[ 1/${N}] booking_step (TEXT) created → contact.booking_step\n`));
  assert.ok(first.stdout.includes(`read back: ${N} of ${N} present`));
  assert.ok(first.stdout.includes(`custom fields: ${N} of ${N} present (${N} created now, 0 already there)`));
  assert.match(first.stdout, /cal_dev: free slots on \d+ of the \d+ bookable days in the next 14 days \(.*\); the bot would offer:\n/);
  assert.match(first.stdout, /calendar: {6}cal_dev: free slots on \d+ of \d+ bookable days in the next 14 days; first: \w{3} \d{4}-\d\d-\d\d 10:00\n/);
  assert.match(first.stdout, new RegExp(
    `\\[vars\\]\\nGHL_API_BASE = "${emu.url}"\\nGHL_LOCATION_ID = "loc_dev"\\nGHL_CALENDAR_ID = "cal_dev"\\nBUSINESS_TIMEZONE = "America/Mexico_City"\\n`));
  assert.match(first.stdout, /wrangler secret put GHL_API_TOKEN/);
  assert.match(first.stdout, /Webhook URL for GHL.*\n {2}https:\/\/bot\.acme\.workers\.dev\/webhook\n/);
  assert.match(first.stdout, /GHL is ready for the bot\./);

  const before = emu.requests().length;
  const second = await run(emu);
  assert.equal(second.code, 0, second.out);
  assert.deepEqual(emu.requests().slice(before).filter((r) => r.method === 'POST'), []);
  assert.equal(emu.listCustomFields().length, N);
  assert.ok(second.stdout.includes(`nothing to create: all ${N} present`));
  assert.ok(second.stdout.includes(`${N} of ${N} present (0 created now, ${N} already there)`));
  // Without --worker-url: the workers.dev address of wrangler.toml's name.
  assert.match(second.stdout, /https:\/\/whatsapp-booking-assistant\.<your-subdomain>\.workers\.dev\/webhook/);
  assert.deepEqual(emu.validationErrors(), []);
});

test('fields that exist (under GHL-style names) are kept; only the missing ones are created', async (t) => {
  const emu = await emulator(t, {
    customFields: [{ name: 'Booking Step' }, { name: 'Customer Goal', dataType: 'LARGE_TEXT' }, 'language', { name: 'Favorite Color' }],
  });
  const existing = emu.listCustomFields();
  const r = await run(emu);
  assert.equal(r.code, 0, r.out);
  assert.equal(posts(emu).length, N - 3);
  assert.deepEqual(posts(emu).map((p) => p.body.name).sort(),
    STATE_KEYS.filter((k) => !['booking_step', 'customer_goal', 'language'].includes(k)).sort());
  assert.equal(new Set(contactKeys(emu)).size, contactKeys(emu).length, 'no field twice');
  assert.equal(emu.listCustomFields().length, N + 1, "the bot's fields and Favorite Color");
  for (const f of existing) assert.deepEqual(emu.listCustomFields().find((g) => g.id === f.id), f);
  assert.ok(r.stdout.includes(`3 of the bot's ${N} already there: booking_step, language, customer_goal`));
  assert.ok(r.stdout.includes(`${N} of ${N} present (${N - 3} created now, 3 already there)`));
  assert.deepEqual(emu.validationErrors(), []);
});

test('a created field that GHL keyed differently is reported, not trusted', async (t) => {
  const emu = await emulator(t, { customFields: false });
  // As if GHL had answered with another key for the first field (and not stored it).
  emu.setFaults({
    'create-custom-field': {
      status: 201, times: 1,
      body: { customField: { id: 'f1', name: 'booking_step', fieldKey: 'contact.booking_step_1', dataType: 'TEXT', model: 'contact' } },
    },
  });
  const r = await run(emu);
  assert.equal(r.code, 1, r.out);
  assert.ok(r.stdout.includes(`[ 1/${N}] booking_step (TEXT) created → contact.booking_step_1  ✗`));
  assert.ok(r.stdout.includes(`read back: ${N - 1} of ${N} present`));
  assert.match(r.stdout, /✗ GHL gave the new field 'booking_step' the key 'contact\.booking_step_1', not contact\.booking_step/);
  assert.match(r.stdout, /✗ contact\.booking_step is still missing after creating it/);
  assert.match(r.stderr, /2 problem\(s\) to fix/);
  assert.deepEqual(emu.validationErrors(), []);
});

test('a wrong token stops at the first call with the 401 explained', async (t) => {
  const emu = await emulator(t, { customFields: false });
  const r = await run(emu, [], { GHL_API_TOKEN: 'not-the-token' });
  assert.equal(r.code, 1, r.out);
  assert.match(r.stderr, /GHL rejected the token while listing the custom fields \(GHL answered 401: Invalid JWT\)\. Check GHL_API_TOKEN/);
  assert.match(r.stderr, /Private Integration/);
  assert.doesNotMatch(r.out, /not-the-token/, 'the token is never printed');
  assert.equal(emu.requests().length, 1);
  assert.deepEqual(emu.listCustomFields(), []);
  // The one invalid request is the bad token itself; the request is otherwise as the spec wants it.
  assert.deepEqual(emu.validationErrors().flatMap((e) => e.errors), ['header Authorization: token is not the emulator\'s token']);
});

test('a wrong location: GHL\'s 400, and a 403 for a token of another location, are explained', async (t) => {
  const emu = await emulator(t, { customFields: false });
  const r = await run(emu, [], { GHL_LOCATION_ID: 'loc_typo' });
  assert.equal(r.code, 1, r.out);
  assert.match(r.stderr, /GHL does not know location 'loc_typo' \(GHL answered 400: Location loc_typo not found\)\. Check GHL_LOCATION_ID/);

  emu.setFaults({ 'get-custom-fields': { status: 403, body: { statusCode: 403, message: 'The token does not have access to this location.' }, times: 1 } });
  const denied = await run(emu);
  assert.equal(denied.code, 1, denied.out);
  assert.match(denied.stderr, /may not do this in location loc_dev \(GHL answered 403: The token does not have access to this location\)\..*Check GHL_LOCATION_ID/);
  assert.deepEqual(posts(emu), []);
  assert.deepEqual(emu.validationErrors(), []);
});

test('a 429 is waited out once, as the reset header asks; a second one stops with a clear message', async (t) => {
  const emu = await emulator(t, { customFields: false });
  emu.setFaults({ 'create-custom-field': { status: 429, headers: { 'x-ratelimit-reset': '1' }, times: 1 } });
  const started = Date.now();
  const r = await run(emu);
  assert.equal(r.code, 0, r.out);
  assert.ok(Date.now() - started >= 1000, 'waited the reset time');
  assert.match(r.stdout, /rate limiting \(429\) while creating contact\.booking_step: waiting 1\.0 s as its reset header asks, then retrying once/);
  assert.deepEqual(posts(emu).map((p) => p.status), [429, ...Array(N).fill(201)]);
  assert.equal(emu.listCustomFields().length, N);

  emu.setFaults({ 'get-custom-fields': { status: 429, headers: { 'retry-after': '0' }, times: 2 } });
  const again = await run(emu);
  assert.equal(again.code, 1, again.out);
  assert.match(again.stderr, /GHL is rate limiting this token \(429\) while listing the custom fields, again after waiting\. Wait \d+ s or more and run this again/);
  assert.deepEqual(emu.validationErrors(), []);
});

test('the calendar: an unknown id and a calendar with no free slots are problems', async (t) => {
  const emu = await emulator(t);
  const unknown = await run(emu, [], { GHL_CALENDAR_ID: 'cal_typo' });
  assert.equal(unknown.code, 1, unknown.out);
  assert.match(unknown.stderr, /Calendar 'cal_typo' was not found in this location \(GHL answered 400: Calendar not found\)\. Check GHL_CALENDAR_ID/);

  emu.setConfig({ calendar: { weekdays: [] } });
  const full = await run(emu);
  assert.equal(full.code, 1, full.out);
  assert.match(full.stdout, /cal_dev: NO free slots on the days the bot offers in the next 14 days/);
  assert.match(full.stdout, /✗ Calendar cal_dev has no free slot on any day the bot offers in the next 14 days .*It has no free slot at all/);

  const unset = await run(emu, [], { GHL_CALENDAR_ID: undefined, BUSINESS_TIMEZONE: 'America/Bogota' });
  assert.equal(unset.code, 0, unset.out);
  assert.match(unset.stdout, /skipped: set GHL_CALENDAR_ID/);
  assert.match(unset.stdout, /GHL_CALENDAR_ID = "<your calendar id>"\nBUSINESS_TIMEZONE = "America\/Bogota"/);
  assert.equal(emu.requests().filter((r) => r.operationId === 'get-slots').length, 2);
  assert.deepEqual(emu.validationErrors(), []);
});

// Both clocks at NOW: Tuesday 2026-12-01 08:00 in Mexico City. The bot's
// default days (Tue-Fri) from tomorrow in the next 14 days are Wed 12-02 to
// Fri 12-04, Tue 12-08 to Fri 12-11 and Tue 12-15.
const fixedClock = { now: () => NOW };
const AT_NOW = { GHL_SETUP_NOW: NOW.toISOString() };
const dayLines = (stdout) => [...stdout.matchAll(/^ {6}(\w{3} \d{4}-\d\d-\d\d): (.*)$/gm)].map((m) => `${m[1]}: ${m[2]}`);

test('the calendar check lists what the bot would offer: BOOKING_DAYS days from tomorrow, in local time; not today', async (t) => {
  // Open on Mondays and Tuesdays; today (a Tuesday) still has both its slots free.
  const emu = await emulator(t, { ...fixedClock, calendar: { weekdays: [1, 2], slotTimes: ['09:30', '13:00'] } });
  const r = await run(emu, [], AT_NOW);
  assert.equal(r.code, 0, r.out);
  assert.match(r.stdout, /\n {4}the bot offers calls on Tue, Wed, Thu, Fri \(BOOKING_DAYS not set: the default tue,wed,thu,fri\), from tomorrow on, in America\/Mexico_City\n/);
  assert.match(r.stdout, /\n {4}cal_dev: free slots on 2 of the 8 bookable days in the next 14 days \(Wed 2026-12-02 to Tue 2026-12-15\); the bot would offer:\n/);
  assert.deepEqual(dayLines(r.stdout), ['Tue 2026-12-08: 09:30, 13:00', 'Tue 2026-12-15: 09:30, 13:00']);
  assert.doesNotMatch(r.stdout, /2026-12-01:/, 'today is never offered');
  assert.match(r.stdout, /\n {4}not offered: today's 2 free slot\(s\) \(the bot never offers same-day calls\); 4 free slot\(s\) on Mon \(not in BOOKING_DAYS\)\n/);
  assert.match(r.stdout, /calendar: {6}cal_dev: free slots on 2 of 8 bookable days in the next 14 days; first: Tue 2026-12-08 09:30\n/);
  assert.doesNotMatch(r.stdout, /BOOKING_DAYS = /, 'not set: not in the [vars] lines');

  // The business's local time, not the calendar's: Bogotá is an hour ahead of Mexico City in December.
  const bogota = await run(emu, [], { ...AT_NOW, BUSINESS_TIMEZONE: 'America/Bogota', BOOKING_DAYS: 'lunes-MARTES' });
  assert.equal(bogota.code, 0, bogota.out);
  assert.match(bogota.stdout, /the bot offers calls on Mon, Tue \(BOOKING_DAYS=lunes-MARTES\), from tomorrow on, in America\/Bogota\n/);
  assert.deepEqual(dayLines(bogota.stdout),
    ['Mon 2026-12-07: 10:30, 14:00', 'Tue 2026-12-08: 10:30, 14:00', 'Mon 2026-12-14: 10:30, 14:00', 'Tue 2026-12-15: 10:30, 14:00']);
  assert.match(bogota.stdout, /BUSINESS_TIMEZONE = "America\/Bogota"\nBOOKING_DAYS = "lunes-MARTES"\n/);
  assert.deepEqual(emu.validationErrors(), []);
});

test('many slots and days: at most 5 slots a day, thinned as the bot does, and the first 5 days', async (t) => {
  const slotTimes = ['08:30', '09:00', '10:00', '11:00', '12:00', '13:30', '15:00', '17:00', '18:30'];
  const emu = await emulator(t, { ...fixedClock, calendar: { weekdays: [0, 1, 2, 3, 4, 5, 6], slotTimes } });
  const r = await run(emu, [], { ...AT_NOW, BOOKING_DAYS: 'mon-fri' });
  assert.equal(r.code, 0, r.out);
  assert.match(r.stdout, /free slots on 10 of the 10 bookable days/);
  assert.deepEqual(dayLines(r.stdout), ['Wed 2026-12-02', 'Thu 2026-12-03', 'Fri 2026-12-04', 'Mon 2026-12-07', 'Tue 2026-12-08']
    .map((day) => `${day}: 08:30, 10:00, 12:00, 15:00, 18:30 (5 of 9 free)`));
  assert.match(r.stdout, /\n {6}\.\.\. and 5 more day\(s\) with free slots\n/);
  assert.match(r.stdout, /not offered: today's 9 free slot\(s\) .*; 36 free slot\(s\) on Sat, Sun \(not in BOOKING_DAYS\)/);
});

test('a calendar open only on Mondays, with the default BOOKING_DAYS, fails and says what to change', async (t) => {
  const emu = await emulator(t, { ...fixedClock, calendar: { weekdays: [1] } });
  const r = await run(emu, [], AT_NOW);
  assert.equal(r.code, 1, r.out);
  assert.deepEqual(dayLines(r.stdout), []);
  assert.match(r.stdout, /\n {4}cal_dev: NO free slots on the days the bot offers in the next 14 days \(Wed 2026-12-02 to Tue 2026-12-15\)\n/);
  assert.match(r.stdout, /\n {4}not offered: 6 free slot\(s\) on Mon \(not in BOOKING_DAYS\)\n/);
  assert.match(r.stdout, new RegExp(
    '\\n {4}✗ Calendar cal_dev has no free slot on any day the bot offers in the next 14 days ' +
    '\\(Wed 2026-12-02 to Tue 2026-12-15, America/Mexico_City\\): the bot could not offer any time\\. ' +
    'Its free slots are on Mon, which BOOKING_DAYS \\(tue,wed,thu,fri\\) leaves out\\. ' +
    'Either open the calendar on Tue, Wed, Thu, Fri \\(GHL → Calendars → Calendar Settings → Availability\\), ' +
    'or set BOOKING_DAYS to days it is open, e\\.g\\. BOOKING_DAYS = "mon" in wrangler\\.toml \\[vars\\] ' +
    '\\(and BOOKING_DAYS=mon when you run this again\\)\\.\\n'));
  assert.match(r.stderr, /1 problem\(s\) to fix/);
  assert.doesNotMatch(r.stdout, /GHL is ready/);

  // Doing what it says works.
  const mondays = await run(emu, [], { ...AT_NOW, BOOKING_DAYS: 'mon' });
  assert.equal(mondays.code, 0, mondays.out);
  assert.deepEqual(dayLines(mondays.stdout), ['Mon 2026-12-07: 10:00, 14:00, 16:00', 'Mon 2026-12-14: 10:00, 14:00, 16:00']);
  assert.match(mondays.stdout, /BOOKING_DAYS = "mon"\n/);
  assert.deepEqual(emu.validationErrors(), []);
});

test('free slots only today do not count: the bot never offers same-day calls', async (t) => {
  const emu = await emulator(t, fixedClock);
  emu.setFaults({
    'get-slots': {
      status: 200, times: 1,
      body: { '2026-12-01': { slots: ['2026-12-01T10:00:00-06:00', '2026-12-01T14:00:00-06:00'] }, traceId: 'trace' },
    },
  });
  const r = await run(emu, [], AT_NOW);
  assert.equal(r.code, 1, r.out);
  assert.match(r.stdout, /not offered: today's 2 free slot\(s\) \(the bot never offers same-day calls\)\n/);
  assert.match(r.stdout, /✗ Calendar cal_dev has no free slot on any day the bot offers.*Its only free slots are today's, and the bot never offers same-day calls\. Open the calendar on the coming Tue, Wed, Thu, Fri \(GHL → Calendars → Calendar Settings → Availability\), or set BOOKING_DAYS/);
});

test('--dry-run says to run without --dry-run only when something would be created', async (t) => {
  const emu = await emulator(t);
  const ready = await run(emu, ['--dry-run']);
  assert.equal(ready.code, 0, ready.out);
  assert.ok(ready.stdout.includes(`nothing to create: all ${N} present`));
  assert.ok(ready.stdout.endsWith(`\nDry run done: all ${N} fields are there, nothing needs creating.\n`));
  assert.doesNotMatch(ready.out, /without --dry-run/);

  const half = await emulator(t, { customFields: ['language'] });
  const missing = await run(half, ['--dry-run']);
  assert.equal(missing.code, 0, missing.out);
  assert.ok(missing.stdout.endsWith(`\nDry run done: run it again without --dry-run to create the ${N - 1} missing field(s).\n`));
  assert.deepEqual([...posts(emu), ...posts(half)], []);
});

test('an invalid BOOKING_DAYS is a usage error naming it, before any request', async (t) => {
  const emu = await emulator(t);
  for (const [value, message] of [
    ['funday', "BOOKING_DAYS: unknown day in 'funday' (use e.g. tue,wed,thu,fri).\n"],
    ['Tue-Fryday', "BOOKING_DAYS: unknown day in 'tue-fryday' (use e.g. tue,wed,thu,fri).\n"],
    [' , ', 'BOOKING_DAYS: no days given (use e.g. tue,wed,thu,fri).\n'],
  ]) {
    const r = await run(emu, [], { BOOKING_DAYS: value });
    assert.equal(r.code, 2, r.out);
    assert.equal(r.stderr, message);
    assert.equal(r.stdout, '');
  }
  assert.deepEqual(emu.requests(), []);
});

test('--help: the token is a Private Integration token', async () => {
  const r = await run(null, ['--help'], { GHL_API_TOKEN: undefined, GHL_LOCATION_ID: undefined });
  assert.equal(r.code, 0, r.out);
  assert.match(r.stdout, /\n {2}GHL_API_TOKEN {6}a Private Integration token of the sub-account \(GHL → Settings → Private Integrations\)\n/);
  assert.match(r.stdout, /\n {2}BOOKING_DAYS {7}the weekdays the bot offers, as in wrangler\.toml \(default tue,wed,thu,fri;/);
  assert.doesNotMatch(r.out, /OAuth|access token/i);
});

test('missing settings: usage and exit code 2, no request', async () => {
  const r = await run(null, [], { GHL_API_TOKEN: undefined, GHL_LOCATION_ID: undefined });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /GHL_API_TOKEN and GHL_LOCATION_ID are not set\.\n\nusage:/);
  const tz = await run(null, [], { GHL_API_BASE: 'http://127.0.0.1:9', BUSINESS_TIMEZONE: 'Mars/Olympus' });
  assert.equal(tz.code, 2);
  assert.match(tz.stderr, /BUSINESS_TIMEZONE: 'Mars\/Olympus' is not an IANA time zone/);
});
