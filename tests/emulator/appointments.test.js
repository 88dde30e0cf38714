// POST /calendars/events/appointments and PUT .../{eventId}: only free,
// offered slots can be booked; cancelling frees the slot.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, ghl, slotsQuery } from './helpers.js';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());
beforeEach(() => {
  emu.reset();
  emu.createContact({ id: 'c1', firstName: 'Ana' });
  emu.createContact({ id: 'c2', firstName: 'Luis' });
});

const SLOT = '2026-12-03T10:00:00-06:00';
const book = (contactId, startTime, extra = {}) => ghl(emu, 'POST', '/calendars/events/appointments', {
  body: { calendarId: 'cal_dev', locationId: 'loc_dev', contactId, startTime, ...extra },
});
const slotsOnDec3 = async () => {
  const res = await ghl(emu, 'GET', `/calendars/cal_dev/free-slots?${slotsQuery({
    from: '2026-12-03T06:00:00Z', to: '2026-12-04T05:59:59Z',
  })}`);
  return res.body['2026-12-03']?.slots ?? [];
};

test('booking a free slot confirms it and removes it from free slots', async () => {
  const res = await book('c1', SLOT, { title: 'Consulta', appointmentStatus: 'confirmed' });
  assert.equal(res.status, 200);
  assert.equal(res.body.calendarId, 'cal_dev');
  assert.equal(res.body.contactId, 'c1');
  assert.equal(res.body.locationId, 'loc_dev');
  assert.equal(res.body.startTime, SLOT);
  assert.equal(res.body.endTime, '2026-12-03T10:30:00-06:00');
  assert.equal(res.body.appointmentStatus, 'confirmed');
  assert.match(res.body.id, /^[A-Za-z0-9]{20}$/);
  assert.ok(!(await slotsOnDec3()).includes(SLOT));
  assert.equal(emu.listAppointments().length, 1);
});

test('the same instant written in another offset is the same slot', async () => {
  assert.equal((await book('c1', '2026-12-03T16:00:00Z')).status, 200);
  assert.ok(!(await slotsOnDec3()).includes(SLOT));
});

test('booking a taken slot → 400 "no longer available"', async () => {
  assert.equal((await book('c1', SLOT)).status, 200);
  const res = await book('c2', SLOT);
  assert.equal(res.status, 400);
  assert.deepEqual(res.body, { statusCode: 400, message: 'The slot you have selected is no longer available.' });
});

test('a time the calendar does not offer, or one already past → 400 slot', async () => {
  for (const startTime of ['2026-12-03T11:00:00-06:00', '2026-12-05T10:00:00-06:00', '2026-11-30T10:00:00-06:00']) {
    const res = await book('c1', startTime);
    assert.equal(res.status, 400, startTime);
    assert.match(res.body.message, /slot/);
  }
});

test('cancelling frees the slot for another contact', async () => {
  const first = await book('c1', SLOT);
  const cancel = await ghl(emu, 'PUT', `/calendars/events/appointments/${first.body.id}`, {
    body: { appointmentStatus: 'cancelled' },
  });
  assert.equal(cancel.status, 200);
  assert.equal(cancel.body.appointmentStatus, 'cancelled');
  assert.ok((await slotsOnDec3()).includes(SLOT));
  assert.equal((await book('c2', SLOT)).status, 200);
  // reviving the cancelled one now clashes
  const revive = await ghl(emu, 'PUT', `/calendars/events/appointments/${first.body.id}`, {
    body: { appointmentStatus: 'confirmed' },
  });
  assert.equal(revive.status, 400);
});

test('rescheduling checks the new slot and frees the old one', async () => {
  const appt = await book('c1', SLOT);
  const moved = await ghl(emu, 'PUT', `/calendars/events/appointments/${appt.body.id}`, {
    body: { startTime: '2026-12-03T14:00:00-06:00' },
  });
  assert.equal(moved.status, 200);
  assert.equal(moved.body.endTime, '2026-12-03T14:30:00-06:00');
  assert.deepEqual(await slotsOnDec3(), [SLOT, '2026-12-03T16:00:00-06:00']);
});

test('unknown appointment, contact, calendar or location → 400', async () => {
  const cases = [
    () => ghl(emu, 'PUT', '/calendars/events/appointments/nope', { body: { appointmentStatus: 'cancelled' } }),
    () => book('nobody', SLOT),
    () => ghl(emu, 'POST', '/calendars/events/appointments', {
      body: { calendarId: 'nope', locationId: 'loc_dev', contactId: 'c1', startTime: SLOT },
    }),
    () => ghl(emu, 'POST', '/calendars/events/appointments', {
      body: { calendarId: 'cal_dev', locationId: 'other', contactId: 'c1', startTime: SLOT },
    }),
  ];
  for (const run of cases) {
    const res = await run();
    assert.equal(res.status, 400);
    assert.equal(res.body.statusCode, 400);
  }
});

test('start times need an offset (emulator strictness); endTime is kept as sent', async () => {
  const bare = await book('c1', '2026-12-03T10:00:00');
  assert.equal(bare.status, 400);
  assert.match(bare.body.message, /offset/);
  const withEnd = await book('c1', SLOT, { endTime: '2026-12-03T11:00:00-06:00' });
  assert.equal(withEnd.body.endTime, '2026-12-03T11:00:00-06:00');
  // the one-hour booking blocks 10:00 only
  assert.deepEqual(await slotsOnDec3(), ['2026-12-03T14:00:00-06:00', '2026-12-03T16:00:00-06:00']);
});

test('ignoreFreeSlotValidation books regardless, as GHL does', async () => {
  assert.equal((await book('c1', SLOT)).status, 200);
  assert.equal((await book('c2', SLOT, { ignoreFreeSlotValidation: true })).status, 200);
});
