// Issue 11 end to end (signed webhooks → worker with the WASM core → GHL
// emulator): a lead who is not interested or asks to stop in other words,
// a day and a time in one message, full days and the earliest day answered
// from one free-slots call, a typo'd email, and a language switch. Each
// test checks the GHL calls its message made, not only the reply.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookableDates, dayPhrase, dayText, leadFields, slotAt, startStack } from './harness.js';

let stack;
let ghl;
// Each test books on its own dates, so no two compete for a slot.
const dates = bookableDates(6, { from: 3 });
let nextId = 0;
const freshContact = (fields) => {
  const id = `und${++nextId}`;
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

// The GHL operations one message makes, in order.
async function sayCounting(contactId, text) {
  const before = ghl.requests().length;
  const res = await stack.say(contactId, text);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { res, calls: ghl.requests().slice(before).map((r) => r.operationId), requests: ghl.requests().slice(before) };
}

// Someone else books every slot of `date` (the emulator's calendar has 10am, 2pm and 4pm).
async function fillDay(date, who) {
  ghl.createContact({ id: who });
  for (const t of ['10:00', '14:00', '16:00']) {
    const r = await stack.ghlApi('POST', '/calendars/events/appointments', {
      calendarId: 'cal_dev', locationId: 'loc_dev', contactId: who, startTime: slotAt(date, t),
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
}

const mine = (id) => ghl.listAppointments().filter((a) => a.contactId === id);
const DAY_MS = 86_400_000;

test('not interested closes politely; stop in other words opts out; nothing is stored as an answer', async () => {
  const a = freshContact(leadFields('goal'));
  let { res } = await sayCounting(a, 'no me interesa, gracias');
  assert.equal(res.body.reply, 'Entendido, gracias por tu tiempo. Si más adelante te interesa, escríbenos y con gusto te ayudamos.');
  assert.equal(ghl.getContactFields(a).booking_step, 'complete');
  assert.equal(ghl.getContactFields(a).customer_goal, 'Vender más', 'the goal is what it was');

  const b = freshContact(leadFields('pain', { lang: 'en' }));
  ({ res } = await sayCounting(b, 'please take me off your list'));
  assert.equal(res.body.reply, "Understood, we won't message you again. Thank you!");
  assert.equal(ghl.getContactFields(b).booking_step, 'opted_out');
  const silent = await sayCounting(b, 'what?');
  assert.equal(silent.res.body.reply ?? null, null);
  assert.ok(!silent.calls.includes('send-a-new-message'), 'an opted-out lead gets nothing');
  const back = await sayCounting(b, "I'd like to book after all");
  assert.equal(back.res.body.reply, "Hi! I'm María from AI Outlet Media. What's your name?");
  assert.equal(ghl.getContactFields(b).booking_step, 'name');
});

test('a day and a time in one message book at once, with one free-slots call for the range', async () => {
  const [date, other] = dates;
  const id = freshContact(leadFields('day'));
  const { res, calls, requests } = await sayCounting(id, `${dayText(date, 'es')} a las 2`);
  assert.equal(res.body.reply,
    `¡Perfecto! Tu cita está confirmada para el ${dayPhrase(date, 'es')} a las 2pm. Te envié los detalles a ana@example.com`);
  assert.equal(calls.filter((c) => c === 'get-slots').length, 1, 'one free-slots call');
  assert.equal(calls.filter((c) => c === 'create-appointment').length, 1);
  const slots = requests.find((r) => r.operationId === 'get-slots');
  const span = Number(slots.query.endDate) - Number(slots.query.startDate);
  assert.ok(span > 13 * DAY_MS && span <= 31 * DAY_MS, `two weeks asked for at once (${span / DAY_MS} days)`);
  assert.equal(mine(id).length, 1);
  assert.equal(mine(id)[0].startTime, slotAt(date, '14:00'));
  assert.equal(ghl.getContactFields(id).booking_step, 'scheduled');

  // A time that is not free that day: that day's times, saying so.
  const en = freshContact(leadFields('day', { lang: 'en' }));
  const r2 = await sayCounting(en, `${dayText(other, 'en')} at 11am`);
  assert.equal(r2.res.body.reply,
    `That time isn't free on ${dayPhrase(other, 'en')}. I have: 10am, 2pm, 4pm. Which one do you prefer?`);
  assert.equal(ghl.getContactFields(en).booking_step, 'time');
  assert.equal(mine(en).length, 0);
});

test('a full day is answered with the nearest days that have times; the earliest day is found', async () => {
  const [full, next1, next2] = dates.slice(2);
  await fillDay(full, 'und-filler');
  const id = freshContact(leadFields('day'));
  const { res, calls } = await sayCounting(id, dayText(full, 'es'));
  assert.equal(res.body.reply, `Para el ${dayPhrase(full, 'es')} ya no tengo horarios; tengo el ${dayPhrase(next1, 'es')} ` +
    `y el ${dayPhrase(next2, 'es')}. ¿Qué día prefieres?`);
  assert.equal(calls.filter((c) => c === 'get-slots').length, 1);
  assert.equal(ghl.getContactFields(id).booking_step, 'day');

  // "Cuanto antes": the first bookable day from tomorrow that has times.
  const [first] = bookableDates(1, { from: 1 });
  const soon = freshContact(leadFields('day'));
  const r2 = await sayCounting(soon, 'cuanto antes');
  assert.match(r2.res.body.reply, new RegExp(`^Tengo estos horarios disponibles para el ${dayPhrase(first, 'es')}: `));
  assert.equal(r2.calls.filter((c) => c === 'get-slots').length, 1);
  assert.equal(ghl.getContactFields(soon).preferred_day, first);
});

test('a typo in the email is asked about, and "sí" takes the corrected address', async () => {
  const id = freshContact(leadFields('email'));
  let { res } = await sayCounting(id, 'mi correo es ana@gmial.com');
  assert.equal(res.body.reply, '¿Quisiste decir ana@gmail.com? Responde SÍ para confirmarlo o escríbeme tu correo de nuevo.');
  assert.equal(ghl.getContactFields(id).booking_step, 'confirm_email');
  ({ res } = await sayCounting(id, 'sí'));
  assert.equal(res.body.reply, '¿Qué día te gustaría agendar tu llamada? (Martes a Viernes)');
  const fields = ghl.getContactFields(id);
  assert.equal(fields.booking_step, 'day');
  assert.equal(fields.customer_email, 'ana@gmail.com');

  const spelled = freshContact(leadFields('email', { lang: 'en' }));
  ({ res } = await sayCounting(spelled, 'tom dot lee at acme dot io thanks'));
  assert.equal(res.body.reply, 'What day would you like to schedule your call? (Tuesday to Friday)');
  assert.equal(ghl.getContactFields(spelled).customer_email, 'tom.lee@acme.io');
});

test('the language changes on request or with a whole message in the other language', async () => {
  const a = freshContact(leadFields('pain'));
  let { res, calls } = await sayCounting(a, '¿podemos hablar en inglés?');
  assert.equal(res.body.reply, 'I see. What is the biggest challenge you are facing right now?');
  assert.equal(ghl.getContactFields(a).language, 'en');
  assert.equal(ghl.getContactFields(a).customer_pain_point, 'Poco tráfico', 'the request is not an answer');
  assert.deepEqual(calls.filter((c) => c !== 'get-contact'), ['update-contact', 'send-a-new-message'], 'the same calls as any text step');

  const b = freshContact(leadFields('goal'));
  delete b.customer_goal;
  ({ res } = await sayCounting(b, 'I want to get more clients for my business'));
  assert.equal(res.body.reply, 'I see. What is the biggest challenge you are facing right now?');
  const fields = ghl.getContactFields(b);
  assert.equal(fields.language, 'en');
  assert.equal(fields.customer_goal, 'I want to get more clients for my business');
  assert.equal(fields.booking_step, 'pain');
});
