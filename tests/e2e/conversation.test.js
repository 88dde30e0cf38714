// Whole conversations through the real stack: signed webhooks → worker
// (WASM core) → GHL emulator. Replies are checked word for word against
// tests/native/conversation_test.cpp; dates are relative to today in the
// business zone, since the worker runs on the real clock.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bookableDates, dayPhrase, dayText, englishTurns, leadFields, slotAt, spanishTurns, startStack, TRY_AGAIN, TZ,
} from './harness.js';

let stack;
let ghl;
// Each test books on its own dates so no two tests compete for a slot.
const dates = bookableDates(12);
let nextDate = 0;
const freshDate = () => dates[nextDate++];
let nextId = 0;
const freshContact = (fields) => {
  const id = `conv${++nextId}`;
  ghl.createContact({ id, customFields: fields });
  return id;
};

before(async () => {
  stack = await startStack();
  ghl = stack.ghl;
});
after(async () => {
  await stack?.close();
});

const LOCAL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-06:00$/;

// Sends each [text, expected reply] in turn; checks status and reply.
async function converse(contactId, turns) {
  const ids = [];
  for (const [text, want, step] of turns) {
    const messageId = `wamid.${contactId}.${ids.length + 1}`;
    ids.push(messageId);
    const res = await stack.say(contactId, text, { messageId });
    assert.equal(res.status, 200, `"${text}": ${JSON.stringify(res.body)}`);
    assert.equal(res.body.reply, want, `reply to "${text}"`);
    if (step) assert.equal(res.body.step, step, `step after "${text}"`);
  }
  return ids;
}

function sentTo(contactId) {
  return ghl.listMessages({ contactId }).map((m) => m.message);
}

test('a whole Spanish conversation books the slot', async () => {
  const id = freshContact();
  const date = freshDate();
  const day = dayPhrase(date, 'es');
  const turns = [
    ...spanishTurns(date),
    ['gracias!', `Tu cita ya está confirmada para el ${day} a las 2pm. ¡Te esperamos!`, 'scheduled'],
  ];
  const ids = await converse(id, turns);

  const appts = ghl.listAppointments().filter((a) => a.contactId === id);
  assert.equal(appts.length, 1, 'exactly one appointment');
  const [appt] = appts;
  assert.equal(appt.startTime, slotAt(date, '14:00'));
  assert.equal(appt.startMs, Date.parse(`${date}T20:00:00Z`), '2pm in Mexico City is 20:00 UTC');
  assert.equal(appt.appointmentStatus, 'confirmed');
  assert.equal(appt.calendarId, 'cal_dev');
  assert.equal(appt.title, 'Llamada con Juan Carlos');

  const fields = ghl.getContactFields(id);
  assert.match(fields.last_interaction, LOCAL_ISO);
  assert.deepEqual({ ...fields, last_interaction: undefined }, {
    booking_step: 'scheduled',
    language: 'es',
    customer_name: 'Juan Carlos',
    customer_goal: 'Conseguir más clientes por Instagram',
    customer_pain_point: 'No tengo tiempo para publicar',
    customer_budget: '800',
    customer_email: 'juan.carlos@example.com',
    preferred_day: date,
    preferred_time: '14:00',
    appointment_id: appt.id,
    appointment_datetime: slotAt(date, '14:00'),
    booking_attempts: '0',
    last_message_id: ids.at(-1),
    last_interaction: undefined,
  });
  assert.equal(fields.offered_slots, undefined, 'the offer is cleared once booked');

  // One outbound WhatsApp message per inbound one, in order.
  const out = ghl.listMessages({ contactId: id });
  assert.deepEqual(out.map((m) => m.message), turns.map(([, want]) => want));
  assert.ok(out.every((m) => m.type === 'WhatsApp'));
  // The free-slots request asked for the business zone.
  const slotCalls = ghl.requests().filter((r) => r.operationId === 'get-slots');
  assert.ok(slotCalls.length >= 1 && slotCalls.every((r) => r.query.timezone === TZ));
});

test('a whole English conversation books the slot', async () => {
  const id = freshContact();
  const date = freshDate();
  const turns = englishTurns(date);
  const ids = await converse(id, turns);

  const appts = ghl.listAppointments().filter((a) => a.contactId === id);
  assert.equal(appts.length, 1);
  assert.equal(appts[0].startTime, slotAt(date, '10:00'));
  assert.equal(appts[0].startMs, Date.parse(`${date}T16:00:00Z`));
  assert.equal(appts[0].appointmentStatus, 'confirmed');
  assert.equal(appts[0].title, "Call with Sarah O'Connor");

  const fields = ghl.getContactFields(id);
  assert.match(fields.last_interaction, LOCAL_ISO);
  delete fields.last_interaction;
  assert.deepEqual(fields, {
    booking_step: 'scheduled',
    language: 'en',
    customer_name: "Sarah O'Connor",
    customer_goal: 'Get more qualified leads every month',
    customer_pain_point: 'Our ads are too expensive',
    customer_budget: '1500',
    customer_email: 'sarah@oconnor.ie',
    preferred_day: date,
    preferred_time: '10:00',
    appointment_id: appts[0].id,
    appointment_datetime: slotAt(date, '10:00'),
    booking_attempts: '0',
    last_message_id: ids.at(-1),
  });
  assert.deepEqual(sentTo(id), turns.map(([, want]) => want));
});

test('a budget under the minimum closes politely, with no appointment', async () => {
  const id = freshContact();
  const before = ghl.requests().length;
  await converse(id, [
    ['hola', '¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?'],
    ['Ana', 'Mucho gusto Ana. ¿Qué objetivos quieres lograr para tu negocio?'],
    ['Más ventas', 'Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?'],
    ['No tengo clientes', '¿Cuál es tu presupuesto mensual para marketing?'],
    ['$150', 'Lo siento, trabajamos con presupuestos mínimos de $300/mes.', 'complete'],
    ['ok', '¡Gracias por tu interés! Si tu presupuesto cambia, escribe "reiniciar" y empezamos de nuevo.', 'complete'],
  ]);
  const fields = ghl.getContactFields(id);
  assert.equal(fields.booking_step, 'complete');
  assert.equal(fields.customer_budget, '150');
  assert.equal(fields.customer_email, undefined);
  assert.equal(ghl.listAppointments().filter((a) => a.contactId === id).length, 0);
  const ops = ghl.requests().slice(before).map((r) => r.operationId);
  assert.ok(!ops.includes('get-slots') && !ops.includes('create-appointment'), ops.join(' '));
  assert.equal(sentTo(id).length, 6);
});

test('invalid answers stay on the step, count attempts and give a hint', async () => {
  const id = freshContact();
  const date = freshDate();
  const day = dayPhrase(date, 'es');
  const check = async (text, want, step, attempts) => {
    const res = await stack.say(id, text);
    assert.equal(res.status, 200);
    assert.equal(res.body.reply, want, `reply to "${text}"`);
    assert.equal(res.body.step, step);
    const fields = ghl.getContactFields(id);
    assert.equal(fields.booking_step, step, `step after "${text}"`);
    assert.equal(fields.booking_attempts, attempts, `attempts after "${text}"`);
  };
  const offer = ' Si prefieres, escribe "agente" y te atiende una persona.';
  await check('hola', '¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?', 'name', '0');
  // name
  const nameHint = 'No logré entender tu nombre. ¿Me lo escribes de nuevo? (por ejemplo: Juan Carlos)';
  await check('12345', nameHint, 'name', '1');
  await check('http://spam.example.com', nameHint, 'name', '2');
  await check('😀😀', nameHint + offer, 'name', '3');
  await check('Lucía', 'Mucho gusto Lucía. ¿Qué objetivos quieres lograr para tu negocio?', 'goal', '0');
  // goal
  await check('!!!', 'Cuéntame en pocas palabras qué objetivos quieres lograr para tu negocio.', 'goal', '1');
  await check('Vender más', 'Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?', 'pain', '0');
  // pain
  await check('...', 'Cuéntame en pocas palabras cuál es el mayor desafío que enfrentas actualmente.', 'pain', '1');
  await check('Poco tráfico', '¿Cuál es tu presupuesto mensual para marketing?', 'budget', '0');
  // budget
  const budgetHint = 'No entendí el monto. ¿Cuál es tu presupuesto mensual para marketing? Escríbelo en números, por ejemplo: 500';
  await check('no sé, depende', budgetHint, 'budget', '1');
  await check('mucho', budgetHint, 'budget', '2');
  await check('900', 'Perfecto. ¿Cuál es tu correo electrónico?', 'email', '0');
  // email
  await check('lucia arroba gmail', 'Ese correo no parece válido. ¿Me lo escribes así? nombre@empresa.com', 'email', '1');
  await check('lucia@example.com', '¿Qué día te gustaría agendar tu llamada? (Martes a Viernes)', 'day', '0');
  // day
  await check('el sábado', 'Ese día no agendamos llamadas. Puedo agendar de Martes a Viernes. ¿Qué día te gustaría?', 'day', '1');
  await check('hoy', 'Esa fecha ya pasó. Puedo agendar tu llamada de Martes a Viernes. ¿Qué día te gustaría?', 'day', '2');
  await check('pues no lo sé', 'No entendí el día. Escribe por ejemplo "jueves" o "3 de diciembre". (Martes a Viernes)' + offer, 'day', '3');
  await check(dayText(date, 'es'), `Tengo estos horarios disponibles para el ${day}: 10am, 2pm, 4pm. ¿Cuál prefieres?`, 'time', '0');
  // time
  await check('a las 11', `Ese horario no está disponible. Para el ${day} tengo: 10am, 2pm, 4pm. ¿Cuál prefieres?`, 'time', '1');
  await check('a las 4', `¡Perfecto! Tu cita está confirmada para el ${day} a las 4pm. Te envié los detalles a lucia@example.com`, 'scheduled', '0');
  assert.equal(ghl.listAppointments().filter((a) => a.contactId === id).length, 1);
  assert.equal(sentTo(id).length, 20, 'one reply per message');
});

test('a slot taken between the offer and the booking: fresh slots, then another books', async () => {
  const id = freshContact();
  const date = freshDate();
  const day = dayPhrase(date, 'es');
  await converse(id, [
    ['hola', '¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?'],
    ['Ana', 'Mucho gusto Ana. ¿Qué objetivos quieres lograr para tu negocio?'],
    ['Vender', 'Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?'],
    ['Tráfico', '¿Cuál es tu presupuesto mensual para marketing?'],
    ['900', 'Perfecto. ¿Cuál es tu correo electrónico?'],
    ['ana@x.com', '¿Qué día te gustaría agendar tu llamada? (Martes a Viernes)'],
    [dayText(date, 'es'), `Tengo estos horarios disponibles para el ${day}: 10am, 2pm, 4pm. ¿Cuál prefieres?`],
  ]);
  // Someone else books 2pm through GHL meanwhile.
  ghl.createContact({ id: `${id}other` });
  const other = await stack.ghlApi('POST', '/calendars/events/appointments', {
    calendarId: 'cal_dev', locationId: 'loc_dev', contactId: `${id}other`, startTime: slotAt(date, '14:00'),
  });
  assert.equal(other.status, 200, JSON.stringify(other.body));

  let res = await stack.say(id, '2pm');
  assert.equal(res.status, 200);
  assert.equal(res.body.reply, `Ese horario se acaba de ocupar. Para el ${day} todavía tengo: 10am, 4pm. ¿Cuál prefieres?`);
  assert.equal(res.body.step, 'time');
  let fields = ghl.getContactFields(id);
  assert.equal(fields.booking_step, 'time');
  assert.equal(fields.offered_slots, `${slotAt(date, '10:00')},${slotAt(date, '16:00')}`);
  assert.equal(ghl.listAppointments().filter((a) => a.contactId === id).length, 0);

  res = await stack.say(id, '4pm');
  assert.equal(res.body.reply, `¡Perfecto! Tu cita está confirmada para el ${day} a las 4pm. Te envié los detalles a ana@x.com`);
  const mine = ghl.listAppointments().filter((a) => a.contactId === id);
  assert.equal(mine.length, 1);
  assert.equal(mine[0].startTime, slotAt(date, '16:00'));
  assert.equal(mine[0].appointmentStatus, 'confirmed');
  fields = ghl.getContactFields(id);
  assert.equal(fields.appointment_datetime, slotAt(date, '16:00'));
  assert.equal(fields.appointment_id, mine[0].id);
  assert.equal(sentTo(id).length, 9);
});

test('the last slot taken sends the lead back to the day', async () => {
  const date = freshDate();
  const id = freshContact(leadFields('time', { lang: 'en', date, slots: ['10:00'] }));
  ghl.createContact({ id: `${id}other` });
  for (const t of ['10:00', '14:00', '16:00']) {
    const r = await stack.ghlApi('POST', '/calendars/events/appointments', {
      calendarId: 'cal_dev', locationId: 'loc_dev', contactId: `${id}other`, startTime: slotAt(date, t),
    });
    assert.equal(r.status, 200);
  }
  const res = await stack.say(id, '10am');
  assert.equal(res.status, 200);
  assert.equal(res.body.reply, `That time was just taken and there are no more times for ${dayPhrase(date, 'en')}. What other day would you like? (Tuesday to Friday)`);
  assert.equal(ghl.getContactFields(id).booking_step, 'day');
  assert.equal(ghl.getContactFields(id).offered_slots, undefined);
});

test('missing or garbage fields go back to the step that collects the data', async () => {
  const date = freshDate();
  // At the time step with no offered slots.
  let id = freshContact(leadFields('time', { lang: 'en', date, offered_slots: undefined }));
  let res = await stack.say(id, '10am');
  assert.equal(res.status, 200);
  assert.equal(res.body.reply, 'What day would you like to schedule your call? (Tuesday to Friday)');
  assert.equal(ghl.getContactFields(id).booking_step, 'day');
  assert.equal(ghl.listAppointments().filter((a) => a.contactId === id).length, 0);

  // Garbage where the offered slots should be.
  id = freshContact(leadFields('time', { lang: 'en', date, offered_slots: 'garbage' }));
  res = await stack.say(id, '10am');
  assert.equal(res.body.reply, 'What day would you like to schedule your call? (Tuesday to Friday)');
  assert.equal(ghl.getContactFields(id).booking_step, 'day');
  assert.equal(ghl.getContactFields(id).offered_slots, undefined);

  // At the day step with the email gone.
  id = freshContact(leadFields('day', { customer_email: undefined }));
  res = await stack.say(id, dayText(date, 'es'));
  assert.equal(res.body.reply, 'Perfecto. ¿Cuál es tu correo electrónico?');
  assert.equal(ghl.getContactFields(id).booking_step, 'email');

  // A budget that is not a number at the email step.
  id = freshContact({ ...leadFields('email', { lang: 'en', customer_budget: 'lots' }), customer_email: undefined });
  res = await stack.say(id, 'tom@x.com');
  assert.equal(res.body.reply, 'What is your monthly marketing budget?');
  assert.equal(ghl.getContactFields(id).booking_step, 'budget');

  // Scheduled, but the appointment data is gone.
  id = freshContact(leadFields('scheduled', { lang: 'en' }));
  res = await stack.say(id, 'thanks');
  assert.equal(res.body.reply, 'What day would you like to schedule your call? (Tuesday to Friday)');
  assert.equal(ghl.getContactFields(id).booking_step, 'day');

  // A garbage step starts over, in the message's language.
  id = freshContact({ booking_step: '🤖 broken', language: 'xx', booking_attempts: 'NaN' });
  res = await stack.say(id, 'hello');
  assert.equal(res.status, 200);
  assert.equal(res.body.reply, "Hi! I'm María from AI Outlet Media. What's your name?");
  assert.equal(ghl.getContactFields(id).booking_step, 'name');
  assert.equal(ghl.getContactFields(id).language, 'en');

  // Every field garbage (very long, odd characters).
  id = freshContact({
    booking_step: 'x'.repeat(3000), language: '\u0000', customer_name: '💥'.repeat(500), booking_attempts: '-7',
    offered_slots: ',,,,', preferred_day: '2026-02-30', appointment_datetime: 'soon', customer_budget: '1e99',
  });
  res = await stack.say(id, 'hola');
  assert.equal(res.status, 200);
  assert.equal(res.body.reply, '¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?');

  // A lone surrogate in a stored field (GHL's JSON may carry \ud800).
  id = freshContact(leadFields('day', { customer_name: 'An\ud800a', customer_email: 'ana@example.com\udc00' }));
  res = await stack.say(id, 'hola');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.reply, 'No entendí el día. Escribe por ejemplo "jueves" o "3 de diciembre". (Martes a Viernes)');

  // A contact GHL knows nothing about beyond its id: the greeting.
  id = freshContact();
  res = await stack.say(id, 'Buenas tardes');
  assert.equal(res.body.reply, '¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?');
});

test('GET /health answers 200', async () => {
  const before = ghl.requests().length;
  const res = await stack.request('/health');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { ok: true });
  assert.equal(ghl.requests().length, before);
});

test('inbound-typed outbound messages, other channels and other events are ignored with no GHL call', async () => {
  const id = freshContact(leadFields('day'));
  const snapshot = ghl.getContactFields(id);
  const before = ghl.requests().length;
  const cases = [
    { direction: 'outbound' },
    // (A person's WhatsApp message is an OutboundMessage the bot acts on: tests/e2e/people.test.js.)
    { type: 'OutboundMessage', direction: 'outbound', messageType: 'SMS' },
    { messageType: 'SMS' },
    { messageType: 'Email' },
    { type: 'ContactCreate' },
  ];
  for (const extra of cases) {
    const res = await stack.say(id, 'jueves', { extra });
    assert.equal(res.status, 200, JSON.stringify(extra));
    assert.equal(typeof res.body.ignored, 'string', JSON.stringify(res.body));
    assert.deepEqual(Object.keys(res.body), ['ignored']);
  }
  // Another location's message is not ours either.
  const res = await stack.say(id, 'jueves', { locationId: 'loc_other' });
  assert.equal(res.status, 200);
  assert.ok(res.body.ignored);
  assert.equal(ghl.requests().length, before, 'zero GHL calls');
  assert.deepEqual(ghl.getContactFields(id), snapshot);
  assert.equal(sentTo(id).length, 0);
});

test('every request the worker sent matched the GHL spec', () => {
  assert.deepEqual(ghl.validationErrors(), []);
  assert.ok(ghl.requests().length > 50);
});
