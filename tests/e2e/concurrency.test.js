// Redeliveries, bursts and many contacts at once: each message is answered
// exactly once, a contact's messages in order, contacts never mix.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookableDates, dayPhrase, dayText, leadFields, sleep, startStack } from './harness.js';

let stack;
let ghl;
const dates = bookableDates(6);

before(async () => {
  // Generous timeouts: 50 webhooks at once on a busy machine are slow, not failing.
  stack = await startStack({ env: { GHL_TIMEOUT_MS: '5000', WEBHOOK_DEADLINE_MS: '20000' } });
  ghl = stack.ghl;
  ghl.createContact({ id: 'warmup' });
  assert.equal((await stack.say('warmup', 'hola')).status, 200);
});
after(async () => {
  await stack?.close();
});

const writesFor = (contactId, from) => ghl.requests().slice(from)
  .filter((r) => r.operationId === 'update-contact' && r.path.endsWith(`/${contactId}`));

test('the same message 5 times in a row: one reply, one state change', async () => {
  ghl.createContact({ id: 'dup1', customFields: leadFields('day') });
  const from = ghl.requests().length;
  const results = [];
  for (let i = 0; i < 5; i++) results.push(await stack.say('dup1', dayText(dates[0], 'es'), { messageId: 'wamid.dup1' }));
  assert.ok(results.every((r) => r.status === 200));
  assert.equal(results[0].body.step, 'time');
  assert.match(results[0].body.reply, /^Tengo estos horarios/);
  assert.deepEqual(results.slice(1).map((r) => r.body), Array(4).fill({ duplicate: true }));
  assert.equal(ghl.listMessages({ contactId: 'dup1' }).length, 1, 'one reply sent');
  assert.equal(writesFor('dup1', from).length, 1, 'one state change');
  assert.equal(ghl.requests().slice(from).filter((r) => r.operationId === 'get-slots').length, 1);
  assert.equal(ghl.getContactFields('dup1').booking_step, 'time');
});

test('the same message 5 times at once: one reply, one state change', async () => {
  ghl.createContact({ id: 'dup2', customFields: leadFields('day') });
  const from = ghl.requests().length;
  const results = await Promise.all(Array.from({ length: 5 }, () =>
    stack.say('dup2', dayText(dates[1], 'es'), { messageId: 'wamid.dup2' })));
  assert.ok(results.every((r) => r.status === 200), JSON.stringify(results.map((r) => r.status)));
  const answered = results.filter((r) => r.body.reply);
  const duplicates = results.filter((r) => r.body.duplicate === true);
  assert.equal(answered.length, 1, JSON.stringify(results.map((r) => r.body)));
  assert.equal(duplicates.length, 4);
  assert.equal(answered[0].body.reply, `Tengo estos horarios disponibles para el ${dayPhrase(dates[1], 'es')}: 10am, 2pm, 4pm. ¿Cuál prefieres?`);
  assert.equal(ghl.listMessages({ contactId: 'dup2' }).length, 1, 'one reply sent');
  assert.equal(writesFor('dup2', from).length, 1, 'one state change');
});

test('a redelivery the queue has not seen is still caught by last_message_id', async () => {
  // As after the queue's memory was lost: GHL holds the id of the last message handled.
  ghl.createContact({ id: 'dup3', customFields: leadFields('day', { last_message_id: 'wamid.seen' }) });
  const from = ghl.requests().length;
  const res = await stack.say('dup3', dayText(dates[2], 'es'), { messageId: 'wamid.seen' });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { duplicate: true });
  assert.equal(ghl.listMessages({ contactId: 'dup3' }).length, 0);
  assert.deepEqual(ghl.requests().slice(from).filter((r) => r.method !== 'GET'), []);
});

test('a message whose handling failed is handled when GHL delivers it again', async () => {
  ghl.createContact({ id: 'dup4', customFields: leadFields('day') });
  ghl.setFaults({ 'get-slots': { status: 500, times: 2 } });
  let res = await stack.say('dup4', dayText(dates[3], 'es'), { messageId: 'wamid.dup4' });
  assert.equal(res.body.reply, 'Lo siento, tuvimos un problema técnico. Por favor, intenta de nuevo en unos minutos.');
  res = await stack.say('dup4', dayText(dates[3], 'es'), { messageId: 'wamid.dup4' });
  assert.match(res.body.reply, /^Tengo estos horarios/);
  assert.equal(ghl.getContactFields('dup4').booking_step, 'time');
});

test('6 messages 5 ms apart from one contact are handled in order', async () => {
  ghl.createContact({ id: 'burst1' });
  const turns = [
    ['Hola', '¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?'],
    ['Marta Ruiz', 'Mucho gusto Marta Ruiz. ¿Qué objetivos quieres lograr para tu negocio?'],
    ['Abrir una segunda tienda', 'Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?'],
    ['Nadie conoce la marca', '¿Cuál es tu presupuesto mensual para marketing?'],
    ['1200 al mes', 'Perfecto. ¿Cuál es tu correo electrónico?'],
    ['marta@ruiz.mx', '¿Qué día te gustaría agendar tu llamada? (Martes a Viernes)'],
  ];
  const pending = [];
  for (const [i, [text]] of turns.entries()) {
    pending.push(stack.say('burst1', text, { messageId: `wamid.burst1.${i}` }));
    await sleep(5);
  }
  const results = await Promise.all(pending);
  assert.deepEqual(results.map((r) => r.status), Array(6).fill(200));
  assert.deepEqual(results.map((r) => r.body.reply), turns.map(([, want]) => want));
  assert.deepEqual(ghl.listMessages({ contactId: 'burst1' }).map((m) => m.message), turns.map(([, want]) => want));
  const fields = ghl.getContactFields('burst1');
  delete fields.last_interaction;
  assert.deepEqual(fields, {
    booking_step: 'day',
    language: 'es',
    customer_name: 'Marta Ruiz',
    customer_goal: 'Abrir una segunda tienda',
    customer_pain_point: 'Nadie conoce la marca',
    customer_budget: '1200',
    customer_email: 'marta@ruiz.mx',
    booking_attempts: '0',
    last_message_id: 'wamid.burst1.5',
  });
});

test('50 contacts at once: each answered once with its own data', async () => {
  const first = ['Ana', 'Luis', 'Marta', 'Jorge', 'Elena', 'Pablo', 'Sofía', 'Diego', 'Lucía', 'Raúl'];
  const last = ['García', 'Pérez', 'Ramos', 'Torres', 'Vega'];
  const names = first.flatMap((f) => last.map((l) => `${f} ${l}`));
  assert.equal(names.length, 50);
  const ids = names.map((_, i) => `many${i}`);
  ids.forEach((id, i) => ghl.createContact({ id, customFields: { booking_step: 'name', language: i % 2 ? 'es' : 'en' } }));
  const want = (i) => (i % 2
    ? `Mucho gusto ${names[i]}. ¿Qué objetivos quieres lograr para tu negocio?`
    : `Nice to meet you, ${names[i]}. What goals do you want to achieve for your business?`);
  const started = Date.now();
  const results = await Promise.all(ids.map((id, i) => stack.say(id, i % 2 ? `Soy ${names[i]}` : `I'm ${names[i]}`)));
  const ms = Date.now() - started;
  results.forEach((r, i) => {
    assert.equal(r.status, 200, `${ids[i]}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.reply, want(i));
    assert.equal(r.body.step, 'goal');
  });
  ids.forEach((id, i) => {
    assert.deepEqual(ghl.listMessages({ contactId: id }).map((m) => m.message), [want(i)], `${id} got exactly its own reply`);
    const fields = ghl.getContactFields(id);
    assert.equal(fields.customer_name, names[i]);
    assert.equal(fields.booking_step, 'goal');
    assert.equal(fields.language, i % 2 ? 'es' : 'en');
  });
  assert.ok(ms < 20_000, `50 contacts took ${ms} ms`);
});

test('every request the worker sent matched the GHL spec', () => {
  assert.deepEqual(ghl.validationErrors(), []);
});
