// Issue 12 end to end (signed webhooks → worker with the WASM core → GHL
// emulator): a booked lead moves or cancels the call by chat, the calendar
// is the truth when the business changes it, and GHL's appointment
// webhooks bring the contact's fields in line without a message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appointmentEvent } from '../../emulator/webhooks.js';
import { bookableDates, dayPhrase, dayText, leadFields, slotAt, startStack } from './harness.js';

let stack;
let ghl;
// Each test books and moves on its own dates, so no two compete for a slot.
const dates = bookableDates(24, { from: 3 });
let nextDate = 0;
const freshDate = () => dates[nextDate++];
let nextId = 0;

before(async () => {
  stack = await startStack();
  ghl = stack.ghl;
});
after(async () => {
  await stack?.close();
});

const mine = (id) => ghl.listAppointments().filter((a) => a.contactId === id);
const sentTo = (id) => ghl.listMessages({ contactId: id }).map((m) => m.message);

async function say(id, text) {
  const res = await stack.say(id, text);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.reply;
}

// A lead booked on `date` at 2pm, through the bot (the appointment is real in the emulator).
async function booked(lang = 'es') {
  const date = freshDate();
  const id = `ab${++nextId}`;
  ghl.createContact({ id, customFields: leadFields('time', { lang, date }) });
  await say(id, lang === 'es' ? 'a las 2' : '2pm');
  const [appt] = mine(id);
  assert.equal(appt.startTime, slotAt(date, '14:00'));
  assert.equal(ghl.getContactFields(id).booking_step, 'scheduled');
  return { id, date, appt };
}

test('reschedule by chat: the same appointment moves to the new day and time', async () => {
  const { id, date, appt } = await booked();
  const to = freshDate();
  assert.equal(await say(id, '¿se puede mover la llamada?'), 'Claro. ¿Para qué día quieres mover tu llamada? (Martes a Viernes)');
  assert.equal(ghl.getContactFields(id).booking_step, 'reschedule');
  assert.equal(await say(id, dayText(to, 'es')),
    `Tengo estos horarios disponibles para el ${dayPhrase(to, 'es')}: 10am, 2pm, 4pm. ¿Cuál prefieres?`);
  assert.equal(ghl.getContactFields(id).booking_step, 'reschedule_time');
  const before = ghl.requests().length;
  assert.equal(await say(id, 'a las 4'),
    `¡Listo! Moví tu llamada: antes el ${dayPhrase(date, 'es')} a las 2pm, ahora el ${dayPhrase(to, 'es')} a las 4pm.`);
  const calls = ghl.requests().slice(before).map((r) => r.operationId);
  assert.deepEqual(calls.filter((c) => c === 'get-appointment' || c === 'edit-appointment'), ['get-appointment', 'edit-appointment']);
  assert.ok(!calls.includes('create-appointment'), 'moved, never booked again');

  const now = mine(id);
  assert.equal(now.length, 1, 'exactly one appointment');
  assert.equal(now[0].id, appt.id, 'the same appointment');
  assert.equal(now[0].startTime, slotAt(to, '16:00'));
  assert.equal(now[0].appointmentStatus, 'confirmed');
  assert.equal(Date.parse(now[0].endTime) - Date.parse(now[0].startTime), Date.parse(appt.endTime) - Date.parse(appt.startTime), 'same length');
  const fields = ghl.getContactFields(id);
  assert.equal(fields.booking_step, 'scheduled');
  assert.equal(fields.appointment_id, appt.id);
  assert.equal(fields.appointment_datetime, slotAt(to, '16:00'));
  assert.equal(fields.preferred_day, to);
  assert.equal(fields.preferred_time, '16:00');
  assert.equal(fields.reschedule_count, '1');
  // The old slot is free again.
  const free = await stack.ghlApi('GET', `/calendars/cal_dev/free-slots?startDate=${Date.parse(`${date}T00:00:00Z`)}&endDate=${Date.parse(`${date}T23:59:00Z`)}&timezone=America/Mexico_City`);
  assert.ok(free.body[date].slots.includes(slotAt(date, '14:00')));
});

test('reschedule with the day and time in one message, and giving up midway changes nothing', async () => {
  const { id, appt } = await booked('en');
  const to = freshDate();
  assert.equal(await say(id, `can we move it to ${dayText(to, 'en')} at 10am?`),
    `Done! I moved your call from ${dayPhrase(appt.startTime.slice(0, 10), 'en')} at 2pm to ${dayPhrase(to, 'en')} at 10am.`);
  assert.equal(mine(id)[0].startTime, slotAt(to, '10:00'));

  await say(id, 'I need to reschedule');
  assert.equal(ghl.getContactFields(id).booking_step, 'reschedule');
  assert.equal(await say(id, 'never mind, keep it'), `Perfect, your call stays on ${dayPhrase(to, 'en')} at 10am.`);
  assert.equal(ghl.getContactFields(id).booking_step, 'scheduled');
  assert.equal(mine(id)[0].startTime, slotAt(to, '10:00'));
});

test('the new slot taken between the offer and the move gets fresh times', async () => {
  const { id, appt } = await booked();
  const to = freshDate();
  await say(id, 'quiero reagendar');
  await say(id, dayText(to, 'es'));
  ghl.createContact({ id: `${id}other` });
  const other = await stack.ghlApi('POST', '/calendars/events/appointments', {
    calendarId: 'cal_dev', locationId: 'loc_dev', contactId: `${id}other`, startTime: slotAt(to, '16:00'),
  });
  assert.equal(other.status, 200);
  assert.equal(await say(id, '4pm'),
    `Ese horario se acaba de ocupar. Para el ${dayPhrase(to, 'es')} todavía tengo: 10am, 2pm. ¿Cuál prefieres?`);
  assert.equal(ghl.getContactFields(id).booking_step, 'reschedule_time');
  assert.equal(mine(id)[0].startTime, appt.startTime, 'the old appointment stands');
  await say(id, '10am');
  assert.equal(mine(id).length, 1);
  assert.equal(mine(id)[0].startTime, slotAt(to, '10:00'));
});

test('GHL failing on the move: the old appointment stands and the lead is told', async () => {
  const { id, date, appt } = await booked();
  const to = freshDate();
  await say(id, 'necesito cambiar la hora');
  await say(id, dayText(to, 'es'));
  ghl.setFaults({ 'edit-appointment': { status: 500, times: 2 } });
  const reply = await say(id, 'a las 10');
  ghl.setFaults({});
  assert.equal(reply, `Lo siento, no pude hacer el cambio por un problema técnico: tu llamada sigue en pie para el ${dayPhrase(date, 'es')} a las 2pm. Intenta de nuevo en unos minutos.`);
  assert.equal(mine(id).length, 1);
  assert.equal(mine(id)[0].startTime, appt.startTime);
  assert.equal(ghl.getContactFields(id).appointment_datetime, appt.startTime);
});

test('cancel by chat with one confirmation, then book again', async () => {
  const { id, date, appt } = await booked();
  assert.equal(await say(id, 'por favor cancela mi cita'),
    `¿Seguro que quieres cancelar tu llamada agendada para el ${dayPhrase(date, 'es')} a las 2pm? Responde SÍ para cancelar.`);
  assert.equal(ghl.getContactFields(id).booking_step, 'cancel_confirm');
  assert.equal(await say(id, 'sí'),
    `Listo, cancelé tu llamada agendada para el ${dayPhrase(date, 'es')} a las 2pm. Si quieres agendar otra, dime qué día te gustaría. (Martes a Viernes)`);
  const [cancelled] = mine(id);
  assert.equal(cancelled.id, appt.id);
  assert.equal(cancelled.appointmentStatus, 'cancelled', 'through the status, so GHL workflows run');
  let fields = ghl.getContactFields(id);
  assert.equal(fields.booking_step, 'day');
  assert.equal(fields.appointment_id, undefined);
  assert.equal(fields.appointment_datetime, undefined);

  const again = freshDate();
  await say(id, `${dayText(again, 'es')} a las 4`);
  fields = ghl.getContactFields(id);
  assert.equal(fields.booking_step, 'scheduled');
  const active = mine(id).filter((a) => a.appointmentStatus !== 'cancelled');
  assert.equal(active.length, 1);
  assert.equal(active[0].startTime, slotAt(again, '16:00'));
});

test('anything but yes keeps the call', async () => {
  const { id, date } = await booked('en');
  await say(id, 'please cancel');
  assert.equal(await say(id, 'hmm, no'), `Perfect, your call stays on ${dayPhrase(date, 'en')} at 2pm.`);
  assert.equal(mine(id)[0].appointmentStatus, 'confirmed');
  assert.equal(ghl.getContactFields(id).booking_step, 'scheduled');
});

test('the business moves the call in GHL: the next message shows the new time', async () => {
  const { id, appt } = await booked();
  const to = freshDate();
  ghl.moveAppointment(appt.id, slotAt(to, '10:00'));
  assert.equal(await say(id, 'gracias!'), `Tu cita ya está confirmada para el ${dayPhrase(to, 'es')} a las 10am. ¡Te esperamos!`);
  const fields = ghl.getContactFields(id);
  assert.equal(fields.appointment_datetime, slotAt(to, '10:00'));
  assert.equal(fields.preferred_day, to);
  assert.equal(fields.preferred_time, '10:00');
});

test('the business cancels in GHL: the lead is told at the next message and offered a new booking', async () => {
  const { id, date, appt } = await booked();
  ghl.cancelAppointment(appt.id);
  assert.equal(await say(id, 'hola, una duda'),
    `Tu llamada agendada para el ${dayPhrase(date, 'es')} a las 2pm fue cancelada. ¿Qué día te gustaría agendar tu llamada? (Martes a Viernes)`);
  const fields = ghl.getContactFields(id);
  assert.equal(fields.booking_step, 'day');
  assert.equal(fields.appointment_id, undefined);
});

test('AppointmentUpdate and AppointmentDelete webhooks bring the fields in line without a message', async () => {
  const { id, date, appt } = await booked();
  const to = freshDate();
  const sent = sentTo(id).length;
  const moved = ghl.moveAppointment(appt.id, slotAt(to, '16:00'));
  let res = await stack.deliver(appointmentEvent('AppointmentUpdate', moved));
  assert.equal(res.status, 200, JSON.stringify(res.body));
  let fields = ghl.getContactFields(id);
  assert.equal(fields.appointment_datetime, slotAt(to, '16:00'));
  assert.equal(fields.preferred_day, to);
  assert.equal(sentTo(id).length, sent, 'no message to the lead');

  ghl.deleteAppointment(appt.id);
  res = await stack.deliver(appointmentEvent('AppointmentDelete', moved));
  assert.equal(res.status, 200, JSON.stringify(res.body));
  fields = ghl.getContactFields(id);
  assert.equal(fields.appointment_id, undefined);
  assert.equal(fields.booking_step, 'cancelled');
  assert.equal(sentTo(id).length, sent, 'no message to the lead');
  // The lead's next message hears of it.
  assert.equal(await say(id, 'hola'),
    `Tu llamada agendada para el ${dayPhrase(to, 'es')} a las 4pm fue cancelada. ¿Qué día te gustaría agendar tu llamada? (Martes a Viernes)`);
  void date;

  // An event for an appointment that is not the contact's: nothing changes.
  const other = await booked();
  const before = ghl.getContactFields(other.id);
  res = await stack.deliver(appointmentEvent('AppointmentUpdate', { ...other.appt, id: 'someone-elses' }));
  assert.equal(res.status, 200);
  assert.deepEqual(ghl.getContactFields(other.id), before);
});
