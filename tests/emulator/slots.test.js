// GET /calendars/{id}/free-slots: the calendar's hours, the clock, bookings,
// and rendering in the requested zone with the right offset across DST.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, ghl, slotsQuery } from './helpers.js';
import { zonedToEpoch, formatInZone } from '../../emulator/slots.js';

const started = [];
async function emulator(options) {
  const emu = await startEmulator(options);
  started.push(emu);
  return emu;
}
after(() => Promise.all(started.map((e) => e.stop())));

const dates = (body) => Object.keys(body).filter((k) => /^\d{4}-\d{2}-\d{2}$/.test(k));

test('default calendar: Mon–Fri 10:00/14:00/16:00 Mexico City, past slots dropped, traceId present', async () => {
  const emu = await emulator(); // now = Tue 2026-12-01 08:00 local
  const res = await ghl(emu, 'GET', `/calendars/cal_dev/free-slots?${slotsQuery({
    from: '2026-12-01T06:00:00Z', to: '2026-12-08T05:59:59Z', timezone: 'America/Mexico_City',
  })}`);
  assert.equal(res.status, 200);
  assert.equal(typeof res.body.traceId, 'string');
  assert.deepEqual(dates(res.body), ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07']);
  assert.deepEqual(res.body['2026-12-03'].slots, [
    '2026-12-03T10:00:00-06:00', '2026-12-03T14:00:00-06:00', '2026-12-03T16:00:00-06:00',
  ]);
});

test('slots earlier than the emulator clock are not offered', async () => {
  const emu = await emulator({ now: () => new Date('2026-12-01T20:30:00Z') }); // 14:30 local
  const res = await ghl(emu, 'GET', `/calendars/cal_dev/free-slots?${slotsQuery({
    from: '2026-12-01T06:00:00Z', to: '2026-12-02T05:59:59Z',
  })}`);
  assert.deepEqual(res.body['2026-12-01'].slots, ['2026-12-01T16:00:00-06:00']);
});

test('the calendar zone is the default; another requested zone re-keys dates and offsets', async () => {
  const emu = await emulator();
  const range = { from: '2026-12-03T00:00:00Z', to: '2026-12-04T00:00:00Z' };
  const local = await ghl(emu, 'GET', `/calendars/cal_dev/free-slots?${slotsQuery(range)}`);
  assert.deepEqual(local.body['2026-12-03'].slots[0], '2026-12-03T10:00:00-06:00');
  const tokyo = await ghl(emu, 'GET', `/calendars/cal_dev/free-slots?${slotsQuery({ ...range, timezone: 'Asia/Tokyo' })}`);
  // 16:00 in Mexico City on Dec 3 is 07:00 on Dec 4 in Tokyo
  assert.deepEqual(tokyo.body['2026-12-04'].slots, [
    '2026-12-04T01:00:00+09:00', '2026-12-04T05:00:00+09:00', '2026-12-04T07:00:00+09:00',
  ]);
});

test('across a DST change the wall-clock times stay and the offset moves', async () => {
  const emu = await emulator({
    now: () => new Date('2026-10-28T12:00:00Z'),
    calendar: { id: 'cal_ny', timeZone: 'America/New_York', slotTimes: ['10:00'] },
  });
  // US clocks go back on Sunday 2026-11-01
  const res = await ghl(emu, 'GET', `/calendars/cal_ny/free-slots?${slotsQuery({
    from: '2026-10-29T00:00:00Z', to: '2026-11-04T00:00:00Z',
  })}`);
  assert.equal(res.status, 200);
  assert.deepEqual(dates(res.body), ['2026-10-29', '2026-10-30', '2026-11-02', '2026-11-03']);
  assert.deepEqual(res.body['2026-10-30'].slots, ['2026-10-30T10:00:00-04:00']);
  assert.deepEqual(res.body['2026-11-02'].slots, ['2026-11-02T10:00:00-05:00']);
  // the same instants asked for in Madrid, whose clocks went back on 2026-10-25
  const madrid = await ghl(emu, 'GET', `/calendars/cal_ny/free-slots?${slotsQuery({
    from: '2026-10-29T00:00:00Z', to: '2026-11-04T00:00:00Z', timezone: 'Europe/Madrid',
  })}`);
  assert.deepEqual(madrid.body['2026-10-30'].slots, ['2026-10-30T15:00:00+01:00']);
  assert.deepEqual(madrid.body['2026-11-02'].slots, ['2026-11-02T16:00:00+01:00']);
});

test('spring forward: a slot inside the skipped hour does not exist, the others shift offset', async () => {
  const emu = await emulator({
    now: () => new Date('2026-03-01T00:00:00Z'),
    calendar: { id: 'cal_ny', timeZone: 'America/New_York', weekdays: [0, 1, 2, 3, 4, 5, 6], slotTimes: ['02:30', '10:00'] },
  });
  const res = await ghl(emu, 'GET', `/calendars/cal_ny/free-slots?${slotsQuery({
    from: '2026-03-07T05:00:00Z', to: '2026-03-10T04:00:00Z',
  })}`);
  assert.deepEqual(res.body['2026-03-07'].slots, ['2026-03-07T02:30:00-05:00', '2026-03-07T10:00:00-05:00']);
  assert.deepEqual(res.body['2026-03-08'].slots, ['2026-03-08T10:00:00-04:00']);
  assert.deepEqual(res.body['2026-03-09'].slots, ['2026-03-09T02:30:00-04:00', '2026-03-09T10:00:00-04:00']);
});

test('zone helpers: ambiguous fall-back time takes the first instant', () => {
  const ms = zonedToEpoch({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York');
  assert.equal(formatInZone(ms, 'America/New_York'), '2026-11-01T01:30:00-04:00');
  assert.equal(zonedToEpoch({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York'), null);
});

test('per-weekday slot times', async () => {
  const emu = await emulator({ calendar: { slotTimes: { 2: ['09:00'], 3: ['11:00', '12:00'] }, weekdays: [2, 3] } });
  const res = await ghl(emu, 'GET', `/calendars/cal_dev/free-slots?${slotsQuery({
    from: '2026-12-01T06:00:00Z', to: '2026-12-08T05:59:59Z',
  })}`);
  assert.deepEqual(dates(res.body), ['2026-12-01', '2026-12-02']);
  assert.deepEqual(res.body['2026-12-01'].slots, ['2026-12-01T09:00:00-06:00']);
  assert.deepEqual(res.body['2026-12-02'].slots, ['2026-12-02T11:00:00-06:00', '2026-12-02T12:00:00-06:00']);
});

test('unknown calendar, bad zone, reversed or over-31-day range → 400 in GHL shape', async () => {
  const emu = await emulator();
  const range = { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' };
  const cases = [
    [`/calendars/nope/free-slots?${slotsQuery(range)}`, /Calendar not found/],
    [`/calendars/cal_dev/free-slots?${slotsQuery({ ...range, timezone: 'Mars/Olympus' })}`, /timezone/],
    [`/calendars/cal_dev/free-slots?${slotsQuery({ from: range.to, to: range.from })}`, /after/],
    [`/calendars/cal_dev/free-slots?${slotsQuery({ from: '2026-12-01T00:00:00Z', to: '2027-01-05T00:00:00Z' })}`, /31 days/],
  ];
  for (const [path, pattern] of cases) {
    const res = await ghl(emu, 'GET', path);
    assert.equal(res.status, 400, path);
    assert.equal(res.body.statusCode, 400);
    assert.match(res.body.message, pattern);
  }
  assert.deepEqual(emu.validationErrors(), []);
});
