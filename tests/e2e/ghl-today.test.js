// GHL as it is now (issue: Ed25519, workflow webhooks, a location not set
// up): the /workflow entry end to end, phone-keyed contacts, channels, and
// a location that has only the seed's 13 fields. Signatures themselves are
// in webhook.test.js.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { specScopes } from '../../emulator/ghl-emulator.js';
import { createDevKeys, inboundMessage } from '../../emulator/webhooks.js';
import { BOT_FIELD_KEYS, ORIGINAL_FIELD_KEYS } from '../../wasm/description.js';
import { bookableDates, englishTurns, leadFields, slotAt, spanishTurns, startStack, TRY_AGAIN } from './harness.js';

const SECRET = 'wf-secret-3b9f2c7d1e';
const dates = bookableDates(10);
let nextDate = 0;
const freshDate = () => dates[nextDate++];

// Sends each [text, reply, step] with `send(text, i)`; checks every answer.
async function converse(send, turns) {
  for (const [i, [text, want, step]] of turns.entries()) {
    const res = await send(text, i);
    assert.equal(res.status, 200, `"${text}": ${res.text}`);
    assert.equal(res.body.reply, want, `reply to "${text}"`);
    assert.equal(res.body.step, step, `step after "${text}"`);
  }
}

function assertShortError(res, status, code) {
  assert.equal(res.status, status, res.text);
  assert.equal(res.body.error, code, res.text);
  assert.equal(typeof res.body.message, 'string');
  assert.ok(res.text.length < 300, `short error: ${res.text.length} chars`);
}

describe('POST /workflow (GHL Workflow webhooks)', () => {
  let stack;
  let ghl;
  before(async () => {
    stack = await startStack({ env: { WORKFLOW_SECRET: SECRET } });
    ghl = stack.ghl;
  });
  after(async () => stack?.close());

  test('a whole Spanish conversation books, the secret in Custom Data (free Webhook action)', async () => {
    ghl.createContact({ id: 'wfes1', phone: '+5215550000101' });
    const date = freshDate();
    await converse((text) => stack.workflow('wfes1', text, { secret: SECRET }), spanishTurns(date));
    const appts = ghl.listAppointments().filter((a) => a.contactId === 'wfes1');
    assert.equal(appts.length, 1);
    assert.equal(appts[0].startTime, slotAt(date, '14:00'));
    const out = ghl.listMessages({ contactId: 'wfes1' });
    assert.equal(out.length, spanishTurns(date).length, 'one reply per message');
    assert.ok(out.every((m) => m.type === 'WhatsApp'));
    assert.equal(ghl.getContactFields('wfes1').booking_step, 'scheduled');
  });

  test('a whole English conversation books, the secret in the x-workflow-secret header (Custom Webhook)', async () => {
    ghl.createContact({ id: 'wfen1' });
    const date = freshDate();
    await converse((text) => stack.workflow('wfen1', text, { secret: SECRET, secretIn: 'header' }), englishTurns(date));
    const appts = ghl.listAppointments().filter((a) => a.contactId === 'wfen1');
    assert.equal(appts.length, 1);
    assert.equal(appts[0].startTime, slotAt(date, '10:00'));
  });

  test('wrong, missing, padded-out or misplaced secrets: 401, no GHL call', async () => {
    ghl.createContact({ id: 'wfsec', customFields: leadFields('day') });
    const snapshot = ghl.getContactFields('wfsec');
    const from = ghl.requests().length;
    const cases = {
      'no secret at all': {},
      'a wrong secret in Custom Data': { secret: 'nope' },
      'a wrong secret in the header': { secret: 'nope', secretIn: 'header' },
      'the secret with a character more': { secret: `${SECRET}x` },
      'a prefix of the secret': { secret: SECRET.slice(0, -1) },
      'an empty secret': { secret: '' },
      'a wrong header beside a right Custom Data secret': { headers: { 'x-workflow-secret': 'nope' }, customData: { secret: SECRET } },
      'the secret in another Custom Data key': { customData: { password: SECRET } },
      'the secret as a number': { customData: { secret: 12345 } },
    };
    for (const [name, opts] of Object.entries(cases)) {
      const res = await stack.workflow('wfsec', 'jueves', opts);
      assertShortError(res, 401, 'bad_secret');
      assert.equal(ghl.requests().length, from, `${name}: no GHL call`);
    }
    // Not JSON at all, with no header: the secret cannot be read either.
    assertShortError(await stack.post('not json', { 'content-type': 'application/json' }, '/workflow'), 401, 'bad_secret');
    assert.deepEqual(ghl.getContactFields('wfsec'), snapshot);
  });

  test('SMS and other channels are ignored with the raw type logged; another location is 403', async () => {
    ghl.createContact({ id: 'wfch', customFields: leadFields('day') });
    const from = ghl.requests().length;
    const ignored = [
      [{ type: 2 }, 'message.type 2'],
      [{ type: 11 }, 'message.type 11'],
      [{ type: 'Email' }, 'message.type Email'],
      [{ type: 19, customData: { channel: 'sms' } }, 'customData.channel sms'],
      [{ type: null }, 'message.type null'],
    ];
    for (const [opts, reason] of ignored) {
      const res = await stack.workflow('wfch', 'jueves', { secret: SECRET, ...opts });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body, { ignored: reason });
      const logged = stack.eventLogs('ignored').at(-1);
      assert.equal(logged.route, 'workflow');
      assert.equal(logged.messageType, reason);
    }
    assertShortError(await stack.workflow('wfch', 'jueves', { secret: SECRET, locationId: 'loc_other' }), 403, 'wrong_location');
    // A channel named in Custom Data wins over the number.
    const named = await stack.workflow('wfch', 'hola', { secret: SECRET, type: 2, customData: { channel: 'WhatsApp' } });
    assert.equal(named.status, 200);
    assert.equal(typeof named.body.reply, 'string');
    assert.equal(ghl.requests().slice(from).filter((r) => r.operationId === 'send-a-new-message').length, 1, 'only the WhatsApp one answered');
  });

  test('malformed payloads: short 4xx errors, no GHL call', async () => {
    const from = ghl.requests().length;
    const cases = [
      ['message without body', { contact_id: 'wfbad', message: { type: 19 }, customData: { secret: SECRET } }, 400],
      ['no contact_id and no phone', { phone: '', message: { type: 19, body: 'hola' }, customData: { secret: SECRET } }, 400],
      ['a phone that is not one', { phone: 'call me', message: { type: 19, body: 'hola' }, customData: { secret: SECRET } }, 400],
      ['contact_id with a slash', { contact_id: '../x', message: { type: 19, body: 'hola' }, customData: { secret: SECRET } }, 400],
      ['contact_id a number', { contact_id: 42, message: { type: 19, body: 'hola' }, customData: { secret: SECRET } }, 400],
    ];
    for (const [name, payload, status] of cases) {
      const res = await stack.post(JSON.stringify(payload), { 'content-type': 'application/json' }, '/workflow');
      assert.equal(res.status, status, `${name}: ${res.text}`);
      assertShortError(res, status, 'bad_payload');
    }
    const big = await stack.workflow('wfbad', 'x'.repeat(70 * 1024), { secret: SECRET });
    assertShortError(big, 413, 'too_large');
    const get = await stack.request('/workflow');
    assert.equal(get.status, 405);
    assert.equal(ghl.requests().length, from);
  });

  test('no contact_id but a phone: the contact is created once (upsert), and found again by phone', async () => {
    const before = ghl.listContacts().length;
    const first = await stack.workflow(null, 'Hola', { secret: SECRET, phone: '+52 1 555 000 0777' });
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body.step, 'name');
    const contacts = ghl.listContacts();
    assert.equal(contacts.length, before + 1, 'one contact created');
    const made = contacts.find((c) => String(c.phone || '').replace(/\D/g, '') === '5215550000777');
    assert.ok(made, JSON.stringify(contacts.at(-1)));
    // The same phone, written another way: the same contact goes on.
    const second = await stack.workflow(null, 'me llamo Lucía', { secret: SECRET, phone: '+5215550000777' });
    assert.equal(second.status, 200, second.text);
    assert.equal(second.body.step, 'goal');
    assert.equal(ghl.listContacts().length, before + 1, 'no second contact');
    assert.equal(ghl.getContactFields(made.id).customer_name, 'Lucía');
    const upserts = ghl.requests().filter((r) => r.operationId === 'upsert-contact');
    assert.equal(upserts.length, 2);
    for (const u of upserts) assert.deepEqual(Object.keys(u.body).sort(), ['locationId', 'phone'], 'locationId and phone only, never tags');
  });

  test('an upsert GHL refuses: 502 with a short error, nothing sent', async () => {
    ghl.setFaults({ 'upsert-contact': { status: 500 } });
    try {
      const sends = ghl.listMessages().length;
      const res = await stack.workflow(null, 'Hola', { secret: SECRET, phone: '+5215550000888' });
      assertShortError(res, 502, 'ghl_failed');
      assert.equal(ghl.listMessages().length, sends);
    } finally {
      ghl.clearFaults();
    }
  });

  test('redeliveries: the same mapped messageId, or the same text without an id, is answered once', async () => {
    ghl.createContact({ id: 'wfdup' });
    const first = await stack.workflow('wfdup', 'Hola', { secret: SECRET });
    assert.equal(first.body.step, 'name');
    const again = await stack.workflow('wfdup', 'Hola', { secret: SECRET });
    assert.deepEqual(again.body, { duplicate: true });
    const mapped = await stack.workflow('wfdup', 'me llamo Ana', { secret: SECRET, customData: { messageId: 'm-1' } });
    assert.equal(mapped.body.step, 'goal');
    // GHL retrying the same delivery (same mapped id), even with other text.
    const retried = await stack.workflow('wfdup', 'me llamo Ana', { secret: SECRET, customData: { messageId: 'm-1' } });
    assert.deepEqual(retried.body, { duplicate: true });
    // Another message goes through.
    const next = await stack.workflow('wfdup', 'Vender más', { secret: SECRET, customData: { messageId: 'm-2' } });
    assert.equal(next.body.step, 'pain');
    assert.equal(ghl.listMessages({ contactId: 'wfdup' }).length, 3, 'one reply per distinct message');
  });

  test('every request the worker sent matched the GHL spec (upsert included)', () => {
    assert.deepEqual(ghl.validationErrors(), []);
    assert.ok(ghl.requests().some((r) => r.operationId === 'upsert-contact'));
  });
});

describe('POST /workflow without WORKFLOW_SECRET', () => {
  test('404 with a JSON error that says how to turn it on, no GHL call', async () => {
    const stack = await startStack();
    try {
      const res = await stack.workflow('wfoff', 'hola', { secret: 'anything' });
      assert.equal(res.status, 404);
      assert.equal(res.body.error, 'workflow_disabled');
      assert.match(res.body.message, /WORKFLOW_SECRET/);
      assert.deepEqual(stack.ghl.requests(), []);
    } finally {
      await stack.close();
    }
  });
});

describe('a location that was never set up', () => {
  test('only the seed\'s 13 fields: the first message creates the missing ones, and the conversation books', async () => {
    const stack = await startStack({ emulator: { customFields: ORIGINAL_FIELD_KEYS } });
    try {
      const keys = () => stack.ghl.listCustomFields().map((f) => f.fieldKey.replace(/^contact\./, ''));
      assert.deepEqual(keys().sort(), [...ORIGINAL_FIELD_KEYS].sort());
      stack.ghl.createContact({ id: 'old13' });
      const date = freshDate();
      await converse((text, i) => stack.say('old13', text, { messageId: `wamid.old13.${i}` }), spanishTurns(date));
      assert.ok(keys().includes('offered_slots') && keys().includes('last_message_id'), keys().join(','));
      const added = BOT_FIELD_KEYS.slice(ORIGINAL_FIELD_KEYS.length);  // offered_slots, last_message_id, ...
      assert.equal(keys().length, BOT_FIELD_KEYS.length);
      const creates = stack.ghl.requests().filter((r) => r.operationId === 'create-custom-field');
      assert.deepEqual(creates.map((r) => r.body.name).sort(), [...added].sort(), 'created once each');
      const setup = stack.eventLogs('setup');
      assert.deepEqual(setup.map((l) => l.createdFields), [added]);
      assert.equal(stack.ghl.listAppointments().filter((a) => a.contactId === 'old13').length, 1);
      assert.equal(stack.ghl.getContactFields('old13').last_message_id, 'wamid.old13.7');
      assert.deepEqual(stack.ghl.validationErrors(), []);
    } finally {
      await stack.close();
    }
  });

  test('a token that may not create fields: a clear log line and the try-again reply, never a 5xx', async () => {
    const scopes = specScopes().filter((s) => s !== 'locations/customFields.write');
    const stack = await startStack({ emulator: { customFields: ORIGINAL_FIELD_KEYS, scopes } });
    try {
      stack.ghl.createContact({ id: 'noscope' });
      for (const text of ['hola', 'hola otra vez']) {
        const res = await stack.say('noscope', text);
        assert.equal(res.status, 200, res.text);
        assert.equal(res.body.reply, TRY_AGAIN.es);
      }
      const lines = stack.eventLogs('setup').map((l) => l.error);
      assert.ok(lines.length >= 1);
      for (const line of lines) {
        assert.equal(line, `custom fields missing: ${BOT_FIELD_KEYS.slice(13).join(', ')}; run npm run ghl:setup or give the token locations/customFields.write`);
      }
      assert.deepEqual(stack.ghl.getContactFields('noscope'), {}, 'nothing half-saved');
      assert.equal(stack.ghl.listMessages({ contactId: 'noscope' }).length, 2, 'one try-again reply per message');
      // Once someone runs ghl:setup (here: the scope is granted), the next message just works.
      stack.ghl.setConfig({ scopes: null });
      const res = await stack.say('noscope', 'hola');
      assert.equal(res.body.reply, '¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?');
    } finally {
      await stack.close();
    }
  });
});

describe('channels', () => {
  test('WhatsApp in every spelling is answered; SMS is ignored with its raw type logged', async () => {
    const stack = await startStack();
    try {
      for (const [i, messageType] of ['WhatsApp', 'whatsapp', 'TYPE_WHATSAPP', 'WHATSAPP'].entries()) {
        stack.ghl.createContact({ id: `chwa${i}` });
        const res = await stack.say(`chwa${i}`, 'hola', { messageType });
        assert.equal(res.status, 200, res.text);
        assert.equal(res.body.step, 'name', messageType);
      }
      stack.ghl.createContact({ id: 'chsms' });
      const res = await stack.say('chsms', 'hola', { messageType: 'SMS' });
      assert.deepEqual(res.body, { ignored: 'messageType SMS' });
      const logged = stack.eventLogs('ignored').at(-1);
      assert.deepEqual({ route: logged.route, messageType: logged.messageType }, { route: 'webhook', messageType: 'SMS' });
      assert.equal(stack.ghl.listMessages({ contactId: 'chsms' }).length, 0);
    } finally {
      await stack.close();
    }
  });

  test('CHANNELS=whatsapp,sms: an SMS conversation books and its replies go out as SMS', async () => {
    const stack = await startStack({ env: { CHANNELS: 'whatsapp,sms', WORKFLOW_SECRET: SECRET } });
    try {
      stack.ghl.createContact({ id: 'smslead' });
      const date = freshDate();
      await converse((text, i) => stack.say('smslead', text, { messageType: 'SMS', messageId: `sms.${i}` }), spanishTurns(date));
      const out = stack.ghl.listMessages({ contactId: 'smslead' });
      assert.equal(out.length, spanishTurns(date).length);
      assert.ok(out.every((m) => m.type === 'SMS'), out.map((m) => m.type).join(','));
      assert.equal(stack.ghl.listAppointments().filter((a) => a.contactId === 'smslead').length, 1);
      // Through a workflow too: message.type 2 is SMS.
      stack.ghl.createContact({ id: 'smswf' });
      const res = await stack.workflow('smswf', 'Hola', { secret: SECRET, type: 2 });
      assert.equal(res.body.step, 'name');
      assert.equal(stack.ghl.listMessages({ contactId: 'smswf' }).at(-1).type, 'SMS');
      // Facebook is still not on.
      const fb = await stack.say('smslead', 'hola', { messageType: 'FB' });
      assert.deepEqual(fb.body, { ignored: 'messageType FB' });
      assert.deepEqual(stack.ghl.validationErrors(), []);
    } finally {
      await stack.close();
    }
  });

  test('a CHANNELS value that names no channel is a config error naming it', async () => {
    const stack = await startStack({ env: { CHANNELS: 'whatsapp,telegram' } });
    try {
      const res = await stack.say('chcfg', 'hola');
      assert.equal(res.status, 500);
      assert.equal(res.body.error, 'config');
      assert.match(res.body.message, /^CHANNELS: 'telegram' is not one of whatsapp, sms, fb, ig, live_chat/);
    } finally {
      await stack.close();
    }
  });
});

describe('GHL_WEBHOOK_PUBLIC_KEY', () => {
  // Each configured key replaces the built-in key of its algorithm only.
  const cases = [
    ['only an RSA key: Ed25519 stays GHL\'s', (k) => k.rsa.publicKey, { ed25519: 401, rsa: 200 }],
    ['only an Ed25519 key: RSA stays GHL\'s', (k) => k.ed25519.publicKey, { ed25519: 200, rsa: 401 }],
    ['both, as one value with \\n escapes', (k) => k.publicKey.trim().replace(/\n/g, '\\n'), { ed25519: 200, rsa: 200 }],
  ];
  for (const [name, configured, want] of cases) {
    test(name, async () => {
      const k = createDevKeys();
      const stack = await startStack({ env: { GHL_WEBHOOK_PUBLIC_KEY: configured(k) } });
      try {
        stack.ghl.createContact({ id: 'keyed' });
        const ed = await stack.deliver(inboundMessage({ contactId: 'keyed', text: 'hola' }), { privateKey: k.privateKey });
        const rsa = await stack.deliver(inboundMessage({ contactId: 'keyed', text: 'hola' }), { privateKey: k.rsa.privateKey });
        assert.deepEqual({ ed25519: ed.status, rsa: rsa.status }, want, `${ed.text} / ${rsa.text}`);
      } finally {
        await stack.close();
      }
    });
  }

  test('a value with no PEM key, or junk beside one: 500 config naming the variable', async () => {
    for (const value of ['not a key', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
      `${'-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=\n-----END PUBLIC KEY-----'}\ntrailing junk`]) {
      const stack = await startStack({ env: { GHL_WEBHOOK_PUBLIC_KEY: value } });
      try {
        const res = await stack.say('keybad', 'hola');
        assert.equal(res.status, 500, value);
        assert.equal(res.body.error, 'config');
        assert.match(res.body.message, /^GHL_WEBHOOK_PUBLIC_KEY: /);
        assert.deepEqual(stack.ghl.requests(), []);
      } finally {
        await stack.close();
      }
    }
  });
});
