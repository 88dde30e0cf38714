// A missing or wrong setting is named in the answer (a 500 with a short
// JSON error), never discovered deep inside a GHL call; nothing is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leadFields, startStack, TOKEN } from './harness.js';

// Starts a stack with `env`, sends one message from a lead at the day step.
async function tryWith(env, check) {
  const stack = await startStack({ env });
  try {
    stack.ghl.createContact({ id: 'cfg1', customFields: leadFields('day') });
    const snapshot = stack.ghl.getContactFields('cfg1');
    const res = await stack.say('cfg1', 'jueves');
    await check(res, stack);
    assert.deepEqual(stack.ghl.getContactFields('cfg1'), snapshot, 'nothing written');
    assert.deepEqual(stack.ghl.requests().filter((r) => r.method !== 'GET'), [], 'no GHL write');
    assert.ok(!res.text.includes(TOKEN));
    // /health does not depend on the settings.
    assert.equal((await stack.request('/health')).status, 200);
    assert.deepEqual(stack.ghl.validationErrors(), []);
  } finally {
    await stack.close();
  }
}

function assertNames(res, variable) {
  assert.equal(res.status, 500, res.text);
  assert.equal(res.body.error, 'config');
  assert.ok(res.body.message.includes(variable), `"${res.body.message}" names ${variable}`);
  assert.ok(res.text.length < 300);
}

// Settings the worker reads: checked before any GHL call.
const WORKER_SETTINGS = [
  ['GHL_CALENDAR_ID', undefined],
  ['GHL_CALENDAR_ID', '  '],
  ['GHL_API_TOKEN', undefined],
  ['GHL_LOCATION_ID', ''],
  ['BUSINESS_TIMEZONE', undefined],
  ['BUSINESS_TIMEZONE', 'Mars/Olympus_Mons'],
  ['BUSINESS_TIMEZONE', 'CST6CDT,garbage'],
  ['GHL_TIMEOUT_MS', 'soon'],
  ['GHL_TIMEOUT_MS', '-5'],
  ['WEBHOOK_DEADLINE_MS', 'never'],
  ['GHL_API_BASE', 'services.leadconnectorhq.com'],
  ['GHL_WEBHOOK_PUBLIC_KEY', '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----'],
];

for (const [name, value] of WORKER_SETTINGS) {
  test(`${name} ${value === undefined ? 'missing' : `= ${JSON.stringify(value)}`}: named, no GHL call`, async () => {
    await tryWith({ [name]: value }, (res, stack) => {
      assertNames(res, name);
      assert.deepEqual(stack.ghl.requests(), []);
      if (name === 'BUSINESS_TIMEZONE' && value) assert.ok(res.body.message.includes(value));
    });
  });
}

// Settings the core reads: it names them too.
const CORE_SETTINGS = [
  ['MIN_BUDGET', 'lots'], ['BOOKING_DAYS', 'someday'], ['DEFAULT_LANGUAGE', 'fr'],
  // REPLIES: each problem named, with the key and the language.
  ['REPLIES', '{"es": {"ask_gaol": "x"}}', "unknown key 'ask_gaol' (es)"],
  ['REPLIES', '{"en": {"offer_slots": "Times: {times} on {dia}"}}', 'en.offer_slots: unknown placeholder {dia}'],
  ['REPLIES', '{"en": {"offer_slots": "Times for {day}"}}', 'en.offer_slots: missing {times}'],
  ['REPLIES', '{"fr": {"greeting": "Salut"}}', "unknown language 'fr'"],
  ['REPLIES', 'not json', 'REPLIES: not valid JSON'],
];
for (const [name, value, says] of CORE_SETTINGS) {
  test(`${name} = ${JSON.stringify(value)}: named by the core, nothing written`, async () => {
    await tryWith({ [name]: value }, (res, stack) => {
      assertNames(res, name);
      if (says) assert.ok(res.body.message.includes(says), res.body.message);
      assert.equal(stack.ghl.listMessages().length, 0);
    });
  });
}

test('optional settings shape the conversation', async () => {
  const stack = await startStack({
    env: { AGENT_NAME: 'Sofía', BUSINESS_NAME: 'Growth Lab', BOOKING_DAYS: 'mon,wed,fri', DEFAULT_LANGUAGE: 'en', MIN_BUDGET: '1000' },
  });
  try {
    stack.ghl.createContact({ id: 'opt1' });
    let res = await stack.say('opt1', '👋');
    assert.equal(res.body.reply, "Hi! I'm Sofía from Growth Lab. What's your name?");
    stack.ghl.createContact({ id: 'opt2', customFields: { ...leadFields('email'), customer_email: undefined, customer_budget: '1000' } });
    res = await stack.say('opt2', 'ana@x.com');
    assert.equal(res.body.reply, '¿Qué día te gustaría agendar tu llamada? (Lunes, Miércoles y Viernes)');
    stack.ghl.createContact({ id: 'opt3', customFields: { ...leadFields('budget'), customer_budget: undefined, customer_email: undefined } });
    res = await stack.say('opt3', '999');
    assert.equal(res.body.reply, 'Lo siento, trabajamos con presupuestos mínimos de $1,000/mes.');
    assert.deepEqual(stack.ghl.validationErrors(), []);
  } finally {
    await stack.close();
  }
});

test('REPLIES changes a text for one language and keeps every other text', async () => {
  const replies = { es: { ask_goal: '¡Qué gusto, {name}! ¿Qué quieres lograr con {business}?' } };
  const stack = await startStack({ env: { REPLIES: JSON.stringify(replies) } });
  try {
    stack.ghl.createContact({ id: 'rep1' });
    assert.equal((await stack.say('rep1', 'Hola')).body.reply, '¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?');
    assert.equal((await stack.say('rep1', 'me llamo Ana')).body.reply, '¡Qué gusto, Ana! ¿Qué quieres lograr con AI Outlet Media?');
    stack.ghl.createContact({ id: 'rep2' });
    await stack.say('rep2', 'Hi there');
    assert.equal((await stack.say('rep2', 'I am Tom')).body.reply, 'Nice to meet you, Tom. What goals do you want to achieve for your business?');
  } finally {
    await stack.close();
  }
});
