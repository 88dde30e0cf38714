// Contacts, the location's custom fields, and sent messages.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, ghl, fieldId } from './helpers.js';
import { createEmulator } from '../../emulator/ghl-emulator.js';
import { BOT_FIELD_KEYS } from '../../emulator/store.js';
import { BOT_FIELDS, BOT_FIELD_KEYS as SHARED_KEYS, ORIGINAL_FIELD_KEYS } from '../../wasm/description.js';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());
beforeEach(() => emu.reset());

test('the location starts with the bot fields: their data types, contact.<key>, 20-char ids stable per seed', async () => {
  assert.equal(BOT_FIELD_KEYS, SHARED_KEYS, 'store.js re-exports the shared list');
  const res = await ghl(emu, 'GET', '/locations/loc_dev/customFields');
  assert.equal(res.status, 200);
  const fields = res.body.customFields;
  assert.deepEqual(fields.map((f) => [f.fieldKey, f.dataType]), BOT_FIELDS.map((f) => [`contact.${f.key}`, f.dataType]));
  assert.deepEqual(fields.filter((f) => f.dataType === 'LARGE_TEXT').map((f) => f.fieldKey), [
    'contact.customer_goal', 'contact.customer_pain_point',
  ]);
  assert.ok(fields.every((f) => /^[A-Za-z0-9]{20}$/.test(f.id) && f.model === 'contact'));
  assert.equal(fields.find((f) => f.fieldKey === 'contact.last_message_id').name, 'Last Message ID');
  assert.equal(new Set(fields.map((f) => f.id)).size, fields.length);
  const again = await startEmulator();
  try {
    assert.deepEqual(again.listCustomFields().map((f) => f.id), fields.map((f) => f.id));
  } finally {
    await again.stop();
  }
  const other = await startEmulator({ seed: 'other' });
  try {
    assert.notEqual(other.listCustomFields()[0].id, fields[0].id);
  } finally {
    await other.stop();
  }
});

test('customFields: false starts empty; POST creates fields, duplicates → 400', async () => {
  const bare = await startEmulator({ customFields: false });
  try {
    assert.deepEqual((await ghl(bare, 'GET', '/locations/loc_dev/customFields')).body, { customFields: [] });
    const made = await ghl(bare, 'POST', '/locations/loc_dev/customFields', {
      body: { name: 'Booking Step', dataType: 'TEXT', model: 'contact' },
    });
    assert.equal(made.status, 201);
    assert.equal(made.body.customField.fieldKey, 'contact.booking_step');
    assert.equal(made.body.customField.name, 'Booking Step');
    const dup = await ghl(bare, 'POST', '/locations/loc_dev/customFields', { body: { name: 'booking step', dataType: 'TEXT' } });
    assert.equal(dup.status, 400);
    assert.match(dup.body.message, /already exists/);
    const noType = await ghl(bare, 'POST', '/locations/loc_dev/customFields', { body: { name: 'Language' } });
    assert.equal(noType.status, 422);
    assert.equal((await ghl(bare, 'GET', '/locations/loc_dev/customFields')).body.customFields.length, 1);
    const wrongLocation = await ghl(bare, 'GET', '/locations/elsewhere/customFields');
    assert.equal(wrongLocation.status, 400);
  } finally {
    await bare.stop();
  }
});

test('an explicit field list', async () => {
  const few = await startEmulator({
    customFields: ['language', 'customer_goal', { name: 'Score', dataType: 'NUMERICAL' }, { key: 'customer_pain_point', dataType: 'TEXT' }],
  });
  try {
    assert.deepEqual(few.listCustomFields().map((f) => [f.fieldKey, f.dataType]), [
      ['contact.language', 'TEXT'], ['contact.customer_goal', 'LARGE_TEXT'], ['contact.score', 'NUMERICAL'],
      ['contact.customer_pain_point', 'TEXT'],
    ]);
  } finally {
    await few.stop();
  }
});

test('customFields: ORIGINAL_FIELD_KEYS or BOT_FIELDS items give a location set up before the last two fields', async () => {
  for (const customFields of [ORIGINAL_FIELD_KEYS, BOT_FIELDS.slice(0, 13)]) {
    const old = await startEmulator({ customFields });
    try {
      const res = await ghl(old, 'GET', '/locations/loc_dev/customFields');
      assert.equal(res.status, 200);
      const byKey = Object.fromEntries(res.body.customFields.map((f) => [f.fieldKey.replace(/^contact\./, ''), f.dataType]));
      assert.deepEqual(Object.keys(byKey), ORIGINAL_FIELD_KEYS);
      assert.ok(!('offered_slots' in byKey) && !('last_message_id' in byKey));
      assert.equal(byKey.customer_goal, 'LARGE_TEXT');
      assert.deepEqual(old.responseErrors(), []);
    } finally {
      await old.stop();
    }
  }
});

test('customFields that are neither keys nor fields are refused at start', () => {
  for (const customFields of [[42], [null], [{ dataType: 'TEXT' }], 'language', true]) {
    assert.throws(() => createEmulator({ customFields, quiet: true }), TypeError, JSON.stringify(customFields));
  }
});

test('GET contact → {contact} with custom field values by id; unknown → 400', async () => {
  emu.createContact({ id: 'c1', firstName: 'Ana', phone: '+5215550000001', customFields: { language: 'es' } });
  const res = await ghl(emu, 'GET', '/contacts/c1');
  assert.equal(res.status, 200);
  assert.equal(res.body.contact.id, 'c1');
  assert.equal(res.body.contact.firstName, 'Ana');
  assert.equal(res.body.contact.phone, '+5215550000001');
  assert.equal(res.body.contact.locationId, 'loc_dev');
  assert.deepEqual(res.body.contact.customFields, [{ id: fieldId(emu, 'language'), value: 'es' }]);
  const missing = await ghl(emu, 'GET', '/contacts/nobody');
  assert.equal(missing.status, 400);
  assert.equal(missing.body.statusCode, 400);
});

test('autoCreateContacts: an unknown id is created empty on GET', async () => {
  const dev = await startEmulator({ autoCreateContacts: true });
  try {
    const res = await ghl(dev, 'GET', '/contacts/fresh123');
    assert.equal(res.status, 200);
    assert.equal(res.body.contact.id, 'fresh123');
    assert.deepEqual(res.body.contact.customFields, []);
    assert.deepEqual(dev.getContactFields('fresh123'), {});
  } finally {
    await dev.stop();
  }
});

test('PUT contact sets fields by id, by contact.key and by bare key; "" clears', async () => {
  emu.createContact({ id: 'c1', customFields: { customer_goal: 'grow', language: 'en' } });
  const res = await ghl(emu, 'PUT', '/contacts/c1', {
    body: {
      customFields: [
        { id: fieldId(emu, 'booking_step'), field_value: 'ask_name' },
        { key: 'contact.customer_name', field_value: 'Ana' },
        { key: 'preferred_day', field_value: '2026-12-03' },
        { id: fieldId(emu, 'customer_goal'), field_value: '' },
      ],
    },
  });
  assert.equal(res.status, 200);
  assert.equal(res.body.succeded, true);
  assert.equal(res.body.contact.id, 'c1');
  assert.deepEqual(emu.getContactFields('c1'), {
    language: 'en', booking_step: 'ask_name', customer_name: 'Ana', preferred_day: '2026-12-03',
  });
  const listed = res.body.contact.customFields;
  assert.ok(listed.some((f) => f.id === fieldId(emu, 'customer_name') && f.value === 'Ana'));
  assert.ok(!listed.some((f) => f.id === fieldId(emu, 'customer_goal')));
});

test('PUT unknown contact → 400; plain contact properties update too', async () => {
  assert.equal((await ghl(emu, 'PUT', '/contacts/nobody', { body: { customFields: [] } })).status, 400);
  emu.createContact({ id: 'c1' });
  const res = await ghl(emu, 'PUT', '/contacts/c1', { body: { firstName: 'Ana', email: 'ana@example.com' } });
  assert.equal(res.body.contact.firstName, 'Ana');
  assert.equal(res.body.contact.email, 'ana@example.com');
});

test('admin field helpers: set, read back, clear; unknown keys and contacts are errors', () => {
  const c = emu.createContact({ firstName: 'Luis', phone: '+5215550000002' });
  assert.match(c.id, /^[A-Za-z0-9]{20}$/);
  assert.deepEqual(emu.setContactFields(c.id, { booking_step: 'ask_goal', 'contact.language': 'es' }), {
    booking_step: 'ask_goal', language: 'es',
  });
  assert.deepEqual(emu.setContactFields(c.id, { booking_step: '' }), { language: 'es' });
  assert.throws(() => emu.setContactFields(c.id, { nope: 'x' }), /nope/);
  assert.throws(() => emu.getContactFields('nobody'), /not found/);
  assert.throws(() => emu.createContact({ id: c.id }), /exists/);
});

test('send a WhatsApp message: recorded, answered with ids; type, contactId and message suffice', async () => {
  emu.createContact({ id: 'c1' });
  emu.createContact({ id: 'c2' });
  const res = await ghl(emu, 'POST', '/conversations/messages', {
    body: { type: 'WhatsApp', contactId: 'c1', message: 'Hola Ana' },
  });
  assert.equal(res.status, 200);
  assert.match(res.body.conversationId, /^[A-Za-z0-9]{20}$/);
  assert.match(res.body.messageId, /^[A-Za-z0-9]{20}$/);
  await ghl(emu, 'POST', '/conversations/messages', { body: { type: 'WhatsApp', contactId: 'c2', message: 'Hola Luis' } });
  await ghl(emu, 'POST', '/conversations/messages', { body: { type: 'WhatsApp', contactId: 'c1', message: '¿Qué día?' } });
  const forC1 = emu.listMessages({ contactId: 'c1' });
  assert.deepEqual(forC1.map((m) => m.message), ['Hola Ana', '¿Qué día?']);
  assert.deepEqual(Object.keys(forC1[0]).sort(), ['at', 'contactId', 'conversationId', 'message', 'messageId', 'type']);
  assert.equal(forC1[0].type, 'WhatsApp');
  assert.equal(forC1[0].conversationId, forC1[1].conversationId);
  assert.equal(emu.listMessages().length, 3);
});

test('messages: unknown contact or empty text → 400, bad type → 422', async () => {
  emu.createContact({ id: 'c1' });
  assert.equal((await ghl(emu, 'POST', '/conversations/messages', { body: { type: 'WhatsApp', contactId: 'x', message: 'a' } })).status, 400);
  assert.equal((await ghl(emu, 'POST', '/conversations/messages', { body: { type: 'WhatsApp', contactId: 'c1' } })).status, 400);
  assert.equal((await ghl(emu, 'POST', '/conversations/messages', { body: { type: 'Whatsapp', contactId: 'c1', message: 'a' } })).status, 422);
  assert.deepEqual(emu.listMessages(), []);
});
