// Rescheduling, cancelling, deleting and reading back one appointment:
// GET /calendars/events/appointments/{eventId} (get-appointment),
// PUT .../{eventId} (edit-appointment), DELETE /calendars/events/{eventId}
// (delete-event), the business's own changes (moveAppointment,
// cancelAppointment, deleteAppointment) and the appointment webhooks'
// payloads (appointmentEvent).
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, ghl, slotsQuery, NOW } from './helpers.js';
import { appointmentEvent } from '../../emulator/webhooks.js';
import { SLOT_TAKEN } from '../../emulator/store.js';

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
// Every request of these tests is spec-valid and every answer in the spec's shape.
afterEach(() => {
  assert.deepEqual(emu.validationErrors(), []);
  assert.deepEqual(emu.responseErrors(), []);
});

const AT10 = '2026-12-03T10:00:00-06:00';
const AT14 = '2026-12-03T14:00:00-06:00';
const AT16 = '2026-12-03T16:00:00-06:00';
const TAKEN = { statusCode: 400, message: SLOT_TAKEN };
const NOT_FOUND = { statusCode: 400, message: 'Appointment not found' };

const book = (contactId, startTime, extra = {}) => ghl(emu, 'POST', '/calendars/events/appointments', {
  body: { calendarId: 'cal_dev', locationId: 'loc_dev', contactId, startTime, ...extra },
});
const edit = (id, body) => ghl(emu, 'PUT', `/calendars/events/appointments/${id}`, { body });
const get = (id) => ghl(emu, 'GET', `/calendars/events/appointments/${id}`);
const remove = (id, body = {}) => ghl(emu, 'DELETE', `/calendars/events/${id}`, { body });
const slotsOnDec3 = async () => {
  const res = await ghl(emu, 'GET', `/calendars/cal_dev/free-slots?${slotsQuery({
    from: '2026-12-03T06:00:00Z', to: '2026-12-04T05:59:59Z',
  })}`);
  assert.equal(res.status, 200);
  return res.body['2026-12-03']?.slots ?? [];
};
const bookedId = async (contactId, startTime, extra) => {
  const res = await book(contactId, startTime, extra);
  assert.equal(res.status, 200);
  return res.body.id;
};

// --- get-appointment ---------------------------------------------------------

test('get-appointment answers {event} in CalendarEventDTO shape, times as booked', async () => {
  const id = await bookedId('c1', AT10, { title: 'Consulta', address: 'Zoom', assignedUserId: 'u1' });
  const res = await get(id);
  assert.equal(res.status, 200);
  assert.deepEqual(Object.keys(res.body), ['event']);
  assert.deepEqual(res.body.event, {
    id,
    title: 'Consulta',
    calendarId: 'cal_dev',
    locationId: 'loc_dev',
    contactId: 'c1',
    appointmentStatus: 'confirmed',
    users: [],
    isRecurring: false,
    startTime: AT10,
    endTime: '2026-12-03T10:30:00-06:00',
    dateAdded: NOW.toISOString(),
    dateUpdated: NOW.toISOString(),
    assignedUserId: 'u1',
    address: 'Zoom',
  });
  assert.equal(emu.requests().at(-1).operationId, 'get-appointment');
});

test('get-appointment: no groupId, and no assignedUserId unless the booking set one', async () => {
  const id = await bookedId('c1', AT10);
  const { event } = (await get(id)).body;
  assert.equal('groupId' in event, false);
  assert.equal('assignedUserId' in event, false);
  assert.equal(event.title, 'Appointment');
});

test('get-appointment: a cancelled appointment is still returned, with its status', async () => {
  const id = await bookedId('c1', AT10);
  assert.equal((await edit(id, { appointmentStatus: 'cancelled' })).status, 200);
  const res = await get(id);
  assert.equal(res.status, 200);
  assert.equal(res.body.event.appointmentStatus, 'cancelled');
  assert.equal(res.body.event.startTime, AT10);
});

test('get-appointment: an unknown id → 400 "Appointment not found"', async () => {
  const res = await get('nope');
  assert.equal(res.status, 400);
  assert.deepEqual(res.body, NOT_FOUND);
  assert.equal(emu.requests().at(-1).valid, true);
});

test('get-appointment reads back a move: new start, the calendar\'s slot length, dateUpdated', async () => {
  const id = await bookedId('c1', AT10);
  emu.setConfig({ now: '2026-12-01T15:00:00Z' });
  assert.equal((await edit(id, { startTime: AT14 })).status, 200);
  const { event } = (await get(id)).body;
  assert.equal(event.startTime, AT14);
  assert.equal(event.endTime, '2026-12-03T14:30:00-06:00');
  assert.equal(event.dateAdded, NOW.toISOString());
  assert.equal(event.dateUpdated, '2026-12-01T15:00:00.000Z');
});

test('get-appointment needs calendars/events.readonly', async () => {
  const id = await bookedId('c1', AT10);
  emu.setConfig({ scopes: ['calendars/events.write'] });
  const res = await get(id);
  assert.equal(res.status, 401);
  assert.deepEqual(emu.requests().at(-1).missingScopes, ['calendars/events.readonly']);
  emu.setConfig({ scopes: ['calendars/events.readonly'] });
  assert.equal((await get(id)).status, 200);
});

// --- edit-appointment: moves and cancels ---------------------------------------

test('edit-appointment: a move frees the old slot and takes the new one', async () => {
  const id = await bookedId('c1', AT10);
  assert.deepEqual(await slotsOnDec3(), [AT14, AT16]);
  const moved = await edit(id, { startTime: AT16 });
  assert.equal(moved.status, 200);
  assert.equal(moved.body.id, id);
  assert.equal(moved.body.startTime, AT16);
  assert.equal(moved.body.endTime, '2026-12-03T16:30:00-06:00');
  assert.deepEqual(await slotsOnDec3(), [AT10, AT14]);
  // the freed slot can be booked by someone else
  assert.equal((await book('c2', AT10)).status, 200);
  assert.deepEqual(await slotsOnDec3(), [AT14]);
});

test('edit-appointment: a move keeps an endTime given as sent', async () => {
  const id = await bookedId('c1', AT10);
  const moved = await edit(id, { startTime: AT14, endTime: '2026-12-03T15:00:00-06:00' });
  assert.equal(moved.status, 200);
  assert.equal(moved.body.endTime, '2026-12-03T15:00:00-06:00');
  assert.equal((await get(id)).body.event.endTime, '2026-12-03T15:00:00-06:00');
});

test('edit-appointment: without endTime a move gets the calendar\'s slot length, not the old length', async () => {
  emu.setConfig({ calendar: { durationMinutes: 45 } });
  const id = await bookedId('c1', AT10, { endTime: '2026-12-03T11:00:00-06:00' });
  const moved = await edit(id, { startTime: AT14 });
  assert.equal(moved.body.endTime, '2026-12-03T14:45:00-06:00');
});

test('edit-appointment: a move onto a taken slot is refused as create-appointment refuses it, nothing changes', async () => {
  const mine = await bookedId('c1', AT10);
  await bookedId('c2', AT14);
  const before = await slotsOnDec3();
  const res = await edit(mine, { startTime: AT14 });
  const create = await book('c1', AT14);
  assert.equal(res.status, 400);
  assert.deepEqual(res.body, TAKEN);
  assert.deepEqual(create.body, res.body);
  assert.equal((await get(mine)).body.event.startTime, AT10);
  assert.deepEqual(await slotsOnDec3(), before);
});

test('edit-appointment: a move to the same instant in another offset does not clash with itself', async () => {
  const id = await bookedId('c1', AT10);
  const res = await edit(id, { startTime: '2026-12-03T16:00:00Z', title: 'Consulta' });
  assert.equal(res.status, 200);
  assert.equal(res.body.startTime, '2026-12-03T16:00:00Z');
  assert.deepEqual(await slotsOnDec3(), [AT14, AT16]);
});

test('edit-appointment: a move to a time the calendar does not offer, or a past one → 400', async () => {
  const id = await bookedId('c1', AT10);
  for (const startTime of ['2026-12-03T11:00:00-06:00', '2026-12-05T10:00:00-06:00', '2026-11-30T10:00:00-06:00']) {
    const res = await edit(id, { startTime });
    assert.equal(res.status, 400, startTime);
    assert.deepEqual(res.body, TAKEN, startTime);
  }
  assert.equal((await get(id)).body.event.startTime, AT10);
});

test('edit-appointment: cancelling sets appointmentStatus "cancelled" and frees the slot', async () => {
  const id = await bookedId('c1', AT10);
  const res = await edit(id, { appointmentStatus: 'cancelled' });
  assert.equal(res.status, 200);
  assert.equal(res.body.appointmentStatus, 'cancelled');
  assert.equal(res.body.startTime, AT10);
  assert.deepEqual(await slotsOnDec3(), [AT10, AT14, AT16]);
  // still listed for the contact, with its status
  const events = (await ghl(emu, 'GET', '/contacts/c1/appointments')).body.events;
  assert.deepEqual(events.map((e) => [e.id, e.appointmentStatus]), [[id, 'cancelled']]);
});

test('edit-appointment: a cancelled appointment moved elsewhere stays cancelled and takes no slot', async () => {
  const id = await bookedId('c1', AT10);
  await edit(id, { appointmentStatus: 'cancelled' });
  await bookedId('c2', AT14);
  const res = await edit(id, { startTime: AT14 });
  assert.equal(res.status, 200);
  assert.equal(res.body.appointmentStatus, 'cancelled');
  assert.deepEqual(await slotsOnDec3(), [AT10, AT16]);
});

test('edit-appointment / get-appointment of an unknown id → 400 "Appointment not found"', async () => {
  assert.deepEqual((await edit('nope', { startTime: AT10 })).body, NOT_FOUND);
});

// --- delete-event --------------------------------------------------------------

test('delete-event: 201 {succeeded: true}; the appointment is gone and its slot free', async () => {
  const id = await bookedId('c1', AT10);
  await bookedId('c1', AT14);
  const res = await remove(id);
  assert.equal(res.status, 201);
  assert.deepEqual(res.body, { succeeded: true });
  assert.equal(emu.requests().at(-1).operationId, 'delete-event');
  assert.deepEqual((await get(id)).body, NOT_FOUND);
  assert.deepEqual((await edit(id, { appointmentStatus: 'confirmed' })).body, NOT_FOUND);
  assert.deepEqual(await slotsOnDec3(), [AT10, AT16]);
  assert.equal(emu.listAppointments().length, 1);
  const events = (await ghl(emu, 'GET', '/contacts/c1/appointments')).body.events;
  assert.deepEqual(events.map((e) => e.startTime), [AT14]);
  assert.equal((await book('c2', AT10)).status, 200);
});

test('delete-event: a cancelled appointment can be deleted; an unknown or already deleted id → 400', async () => {
  const id = await bookedId('c1', AT10);
  await edit(id, { appointmentStatus: 'cancelled' });
  assert.equal((await remove(id)).status, 201);
  assert.deepEqual((await remove(id)).body, NOT_FOUND);
  assert.deepEqual((await remove('nope')).body, NOT_FOUND);
});

test('delete-event: the spec requires a body ({}); none, or an unknown key → 422, nothing deleted', async () => {
  const id = await bookedId('c1', AT10);
  const none = await ghl(emu, 'DELETE', `/calendars/events/${id}`);
  assert.equal(none.status, 422);
  assert.deepEqual(none.body.message, ['body is required']);
  const extra = await remove(id, { calendarId: 'cal_dev' });
  assert.equal(extra.status, 422);
  assert.match(extra.body.message.join(), /calendarId/);
  assert.equal((await get(id)).status, 200);
  assert.equal(emu.validationErrors().length, 2);
  emu.reset(); // (the afterEach check wants a clean log)
});

test('delete-event needs calendars/events.write', async () => {
  const id = await bookedId('c1', AT10);
  emu.setConfig({ scopes: ['calendars/events.readonly'] });
  assert.equal((await remove(id)).status, 401);
  assert.equal((await get(id)).status, 200);
});

// --- the business's changes (admin API) -----------------------------------------

test('moveAppointment(id, startTime): the appointment moved, old slot free, not in the request log', async () => {
  const id = await bookedId('c1', AT10);
  const logged = emu.requests().length;
  const appt = emu.moveAppointment(id, AT16);
  assert.equal(appt.id, id);
  assert.equal(appt.startTime, AT16);
  assert.equal(appt.endTime, '2026-12-03T16:30:00-06:00');
  assert.equal(appt.appointmentStatus, 'confirmed');
  assert.deepEqual(emu.listAppointments().map((a) => a.startTime), [AT16]);
  assert.equal(emu.requests().length, logged);
  assert.deepEqual(await slotsOnDec3(), [AT10, AT14]);
  assert.equal((await get(id)).body.event.startTime, AT16);
});

test('moveAppointment: an endTime option; a taken slot refused (400) unless ignoreFreeSlotValidation; unknown id 404', async () => {
  const id = await bookedId('c1', AT10);
  await bookedId('c2', AT14);
  const logged = emu.requests().length;
  const longer = emu.moveAppointment(id, AT16, { endTime: '2026-12-03T17:00:00-06:00' });
  assert.equal(longer.endTime, '2026-12-03T17:00:00-06:00');
  assert.throws(() => emu.moveAppointment(id, AT14), (err) => err.status === 400 && err.message === SLOT_TAKEN);
  assert.equal(emu.listAppointments().find((a) => a.id === id).startTime, AT16);
  assert.equal(emu.moveAppointment(id, AT14, { ignoreFreeSlotValidation: true }).startTime, AT14);
  assert.throws(() => emu.moveAppointment('nope', AT10), (err) => err.status === 404);
  assert.throws(() => emu.moveAppointment(id), TypeError);
  assert.equal(emu.requests().length, logged);
});

test('cancelAppointment(id): cancelled, still readable, slot free; unknown id 404', async () => {
  const id = await bookedId('c1', AT10);
  const logged = emu.requests().length;
  const appt = emu.cancelAppointment(id);
  assert.equal(appt.appointmentStatus, 'cancelled');
  assert.equal(appt.startTime, AT10);
  assert.equal(emu.requests().length, logged);
  assert.deepEqual(await slotsOnDec3(), [AT10, AT14, AT16]);
  assert.equal((await get(id)).body.event.appointmentStatus, 'cancelled');
  assert.throws(() => emu.cancelAppointment('nope'), (err) => err.status === 404);
});

test('deleteAppointment(id): returns nothing; gone for get-appointment, slot free; unknown id 404', async () => {
  const id = await bookedId('c1', AT10);
  const logged = emu.requests().length;
  assert.equal(emu.deleteAppointment(id), undefined);
  assert.equal(emu.requests().length, logged);
  assert.deepEqual(emu.listAppointments(), []);
  assert.deepEqual((await get(id)).body, NOT_FOUND);
  assert.deepEqual(await slotsOnDec3(), [AT10, AT14, AT16]);
  assert.throws(() => emu.deleteAppointment(id), (err) => err.status === 404);
});

test('the same over HTTP: /_emulator/appointments/:id, /move, /cancel, DELETE', async () => {
  const id = await bookedId('c1', AT10);
  const admin = async (method, path, body) => {
    const res = await fetch(emu.url + path, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: await res.json() };
  };
  assert.equal((await admin('GET', `/_emulator/appointments/${id}`)).body.startTime, AT10);
  const moved = await admin('POST', `/_emulator/appointments/${id}/move`, { startTime: AT14 });
  assert.equal(moved.status, 200);
  assert.equal(moved.body.startTime, AT14);
  await bookedId('c2', AT16);
  const clash = await admin('POST', `/_emulator/appointments/${id}/move`, { startTime: AT16 });
  assert.equal(clash.status, 400);
  assert.equal(clash.body.message, SLOT_TAKEN);
  assert.equal((await admin('POST', `/_emulator/appointments/${id}/cancel`)).body.appointmentStatus, 'cancelled');
  assert.deepEqual((await admin('DELETE', `/_emulator/appointments/${id}`)).body, { ok: true });
  assert.equal((await admin('GET', `/_emulator/appointments/${id}`)).status, 404);
  assert.equal((await admin('POST', '/_emulator/appointments/nope/cancel')).status, 404);
  const routes = (await admin('GET', '/_emulator')).body.routes;
  assert.ok(routes.includes('POST /_emulator/appointments/:id/move'));
  // only the two bookings are in the GHL request log
  assert.deepEqual(emu.requests().map((r) => r.operationId), ['create-appointment', 'create-appointment']);
});

// --- appointment webhooks ---------------------------------------------------------

test('appointmentEvent(type, appointment): the AppointmentUpdate / AppointmentDelete payload', async () => {
  const id = await bookedId('c1', AT10, { title: 'Consulta' });
  const cancelled = emu.cancelAppointment(id);
  const update = appointmentEvent('AppointmentUpdate', cancelled);
  assert.deepEqual(update, {
    type: 'AppointmentUpdate',
    locationId: 'loc_dev',
    appointment: {
      id,
      title: 'Consulta',
      calendarId: 'cal_dev',
      contactId: 'c1',
      appointmentStatus: 'cancelled',
      users: [],
      startTime: AT10,
      endTime: '2026-12-03T10:30:00-06:00',
      dateAdded: NOW.toISOString(),
      dateUpdated: NOW.toISOString(),
    },
  });
  // a get-appointment event serves as well
  const { event } = (await get(id)).body;
  assert.deepEqual(appointmentEvent('AppointmentDelete', event).appointment, update.appointment);
  assert.equal(appointmentEvent('AppointmentCreate', { ...event, source: 'booking_widget', groupId: 'g1' }).appointment.groupId, 'g1');
  assert.throws(() => appointmentEvent('AppointmentCancel', event), TypeError);
  assert.throws(() => appointmentEvent('AppointmentUpdate', null), TypeError);
});
