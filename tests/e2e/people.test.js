// Issue 13 end to end (signed webhooks → worker → the contact's Durable
// Object → GHL emulator): a person's message pauses the bot, the bot's own
// echoes do not; the cap; a burst of messages answered as one (a Durable
// Object alarm); one follow-up (an alarm too); DND and tags in GHL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { outboundMessage } from '../../emulator/webhooks.js';
import { leadFields, sleep, startStack } from './harness.js';

const sentTo = (ghl, id) => ghl.listMessages({ contactId: id });
let nextId = 0;
const fresh = (ghl, fields, extra = {}) => {
  const id = `pp${++nextId}`;
  ghl.createContact({ id, customFields: fields, ...extra });
  return id;
};

// Waits until `check()` is true (an alarm's work), or fails after `ms`.
async function until(check, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return;
    await sleep(50);
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('a person takes over; stop and hand-off in GHL; the cap', () => {
  let stack;
  let ghl;
  before(async () => {
    stack = await startStack({ env: { MAX_BOT_MESSAGES: '4', WORKFLOW_SECRET: 'wf-secret-people-0123456789' } });
    ghl = stack.ghl;
  });
  after(async () => {
    assert.deepEqual(ghl.validationErrors(), [], 'every request the worker sent matched the GHL spec');
    await stack?.close();
  });

  test('a person\'s reply pauses the bot; the bot\'s own echo does not; clearing the field resumes it', async () => {
    const id = fresh(ghl, leadFields('goal'));
    let res = await stack.say(id, 'Más clientes');
    assert.equal(res.body.reply, 'Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?');
    // GHL echoes the bot's own message as an OutboundMessage: ignored.
    const own = sentTo(ghl, id).at(-1);
    res = await stack.deliver(outboundMessage({ contactId: id, messageId: own.messageId, body: own.message }));
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { ignored: 'the bot\'s own message' });
    assert.equal(ghl.getContactFields(id).bot_paused_until, undefined);

    // A person writes from GHL: the bot pauses for HUMAN_PAUSE_HOURS (24).
    res = await stack.deliver(outboundMessage({ contactId: id, messageId: 'human-1', body: 'Hola Ana, soy Luis', userId: 'user_luis' }));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const until = ghl.getContactFields(id).bot_paused_until;
    assert.match(until, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00-06:00$/);
    assert.ok(Date.parse(until) - Date.now() > 23.9 * 3600_000 && Date.parse(until) - Date.now() < 24.1 * 3600_000);
    const sent = sentTo(ghl, id).length;
    res = await stack.say(id, 'No tengo tiempo');
    assert.equal(res.status, 200);
    assert.equal(res.body.reply, null);
    assert.equal(sentTo(ghl, id).length, sent, 'no answer while paused');
    assert.equal(ghl.getContactFields(id).booking_step, 'pain');
    // The pause expires (its time passed): the bot answers again.
    ghl.setContactFields(id, { bot_paused_until: '2020-01-01T10:00:00-06:00' });
    res = await stack.say(id, 'No tengo tiempo');
    assert.equal(res.body.reply, '¿Cuál es tu presupuesto mensual para marketing?');
    // Paused again by a person, then a person clears the field in GHL: the bot answers again.
    await stack.deliver(outboundMessage({ contactId: id, messageId: 'human-2', body: 'Te escribo yo', userId: 'user_luis' }));
    assert.equal((await stack.say(id, '900')).body.reply, null);
    ghl.setContactFields(id, { bot_paused_until: '' });
    res = await stack.say(id, '900');
    assert.equal(res.body.reply, 'Perfecto. ¿Cuál es tu correo electrónico?');
  });

  test('a person\'s message GHL could not take in is answered 429, and its redelivery pauses the bot', async () => {
    const id = fresh(ghl, leadFields('goal'));
    const payload = outboundMessage({ contactId: id, messageId: 'human-429', body: 'Hola, soy Luis', userId: 'user_luis' });
    ghl.setFaults({ 'get-contact': { status: 500 } });
    let res = await stack.deliver(payload);
    ghl.clearFaults();
    assert.equal(res.status, 429, JSON.stringify(res.body));
    assert.equal(ghl.getContactFields(id).bot_paused_until, undefined);
    res = await stack.deliver(payload);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(ghl.getContactFields(id).bot_paused_until);
  });

  test('the Workflow route: a workflow for a user\'s outbound message pauses the bot too', async () => {
    const id = fresh(ghl, leadFields('goal'));
    const res = await stack.workflow(id, 'Hola, soy Luis del equipo', {
      secret: 'wf-secret-people-0123456789', customData: { event: 'outbound' },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(ghl.getContactFields(id).bot_paused_until);
    const sent = sentTo(ghl, id).length;
    await stack.say(id, 'Más clientes');
    assert.equal(sentTo(ghl, id).length, sent);
  });

  test('stop sets WhatsApp DND after the confirmation; a hand-off pauses and tags the contact', async () => {
    const a = fresh(ghl, leadFields('pain'));
    const res = await stack.say(a, 'por favor no me escribas más');
    assert.equal(res.body.reply, 'Entendido, no te enviaremos más mensajes. ¡Gracias!');
    assert.equal(ghl.getDnd(a).dndSettings.WhatsApp.status, 'active');
    const b = fresh(ghl, leadFields('goal'), { tags: ['vip'] });
    await stack.say(b, 'quiero hablar con una persona');
    assert.deepEqual(ghl.getContactTags(b), ['vip', 'bot-handoff']);
    assert.ok(ghl.getContactFields(b).bot_paused_until);
  });

  test('the cap: the 4th message says a person follows up and tags the contact, then silence', async () => {
    const id = fresh(ghl, { booking_step: 'name', language: 'es' }, { tags: ['lead-fb'] });
    const replies = [];
    for (const text of ['Ana', 'Más clientes', 'No tengo tiempo', '900', 'ana@acme.co', '¿hola?']) {
      const res = await stack.say(id, text);
      replies.push(res.body.reply);
    }
    assert.deepEqual(replies.slice(0, 3), [
      'Mucho gusto Ana. ¿Qué objetivos quieres lograr para tu negocio?',
      'Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?',
      '¿Cuál es tu presupuesto mensual para marketing?',
    ]);
    assert.equal(replies[3], 'Gracias por tu paciencia. Una persona de nuestro equipo seguirá la conversación contigo por aquí.');
    assert.deepEqual(replies.slice(4), [null, null]);
    assert.equal(sentTo(ghl, id).length, 4, 'exactly MAX_BOT_MESSAGES');
    assert.deepEqual(ghl.getContactTags(id), ['lead-fb', 'bot-cap-reached'], 'added, nothing removed');
  });
});

describe('a burst of messages answered as one (REPLY_WAIT_MS)', () => {
  let stack;
  let ghl;
  before(async () => {
    stack = await startStack({ env: { REPLY_WAIT_MS: '1000' } });
    ghl = stack.ghl;
  });
  after(async () => {
    assert.deepEqual(ghl.validationErrors(), [], 'every request the worker sent matched the GHL spec');
    await stack?.close();
  });

  test('three messages 300 ms apart get one reply built from all three; a redelivery inside the wait is dropped', async () => {
    const id = fresh(ghl, { booking_step: 'name', language: 'es' });
    const answers = [];
    answers.push(await stack.say(id, 'Juan', { messageId: 'b1' }));
    await sleep(300);
    answers.push(await stack.say(id, 'Carlos', { messageId: 'b2' }));
    answers.push(await stack.say(id, 'Carlos', { messageId: 'b2' }));  // GHL's redelivery
    await sleep(300);
    answers.push(await stack.say(id, 'Pérez', { messageId: 'b3' }));
    assert.deepEqual(answers.map((a) => [a.status, a.body]), [
      [200, { queued: true }], [200, { queued: true }], [200, { duplicate: true }], [200, { queued: true }],
    ]);
    assert.equal(sentTo(ghl, id).length, 0, 'nothing before the wait is over');
    await until(() => sentTo(ghl, id).length > 0, 5000, 'the reply to the burst');
    await sleep(300);
    assert.deepEqual(sentTo(ghl, id).map((m) => m.message), ['Mucho gusto Juan Carlos Pérez. ¿Qué objetivos quieres lograr para tu negocio?']);
    assert.equal(ghl.getContactFields(id).customer_name, 'Juan Carlos Pérez');
    assert.equal(ghl.getContactFields(id).last_message_id, 'b3');
    // Every message of the burst counts as answered: a late redelivery is a duplicate.
    const late = await stack.say(id, 'Juan', { messageId: 'b1' });
    assert.deepEqual(late.body, { duplicate: true });
  });
});

describe('one follow-up (FOLLOW_UP_AFTER_MINUTES)', () => {
  let stack;
  let ghl;
  before(async () => {
    stack = await startStack({ env: { FOLLOW_UP_AFTER_MINUTES: '0.02' } });  // 1.2 s
    ghl = stack.ghl;
  });
  after(async () => {
    assert.deepEqual(ghl.validationErrors(), [], 'every request the worker sent matched the GHL spec');
    await stack?.close();
  });

  test('a silent lead gets exactly one follow-up with the pending question', async () => {
    const id = fresh(ghl, leadFields('goal'));
    await stack.say(id, 'Más clientes');
    await until(() => sentTo(ghl, id).length === 2, 6000, 'the follow-up');
    await sleep(2000);
    assert.deepEqual(sentTo(ghl, id).map((m) => m.message), [
      'Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?',
      '¿Sigues por ahí? Te dejo la pregunta pendiente: Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?',
    ]);
    assert.equal(ghl.getContactFields(id).follow_up_sent, ghl.getContactFields(id).last_message_id);
  });

  test('none if the lead answered meanwhile; none once the 24-hour window has passed', async () => {
    const a = fresh(ghl, leadFields('goal'));
    await stack.say(a, 'Más clientes');
    await stack.say(a, 'No tengo tiempo');  // answered before the follow-up time
    await stack.say(a, '900');
    // Each answer replaced the follow-up; the last one is for '900' (the email question).
    await until(() => sentTo(ghl, a).length === 4, 6000, 'the follow-up of the last question');
    await sleep(1500);
    assert.equal(sentTo(ghl, a).filter((m) => m.message.startsWith('¿Sigues por ahí?')).length, 1);

    const b = fresh(ghl, leadFields('goal'));
    await stack.say(b, 'Más clientes');
    // The lead's last message is older than 24 hours by the time the alarm fires.
    ghl.setContactFields(b, { last_interaction: '2020-01-01T10:00:00-06:00' });
    await sleep(3000);
    assert.equal(sentTo(ghl, b).length, 1, 'no follow-up outside WhatsApp\'s window');
  });
});
