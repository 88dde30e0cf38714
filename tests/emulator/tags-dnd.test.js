// Issue 13: add-tags (POST /contacts/{contactId}/tags), dnd / dndSettings on
// update-contact and get-contact, the test helpers that read them, and the
// OutboundMessage webhook builder.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, ghl } from './helpers.js';
import { createEmulator } from '../../emulator/ghl-emulator.js';
import { outboundMessage, inboundMessage, signedDelivery, createDevKeys } from '../../emulator/webhooks.js';

let emu;
before(async () => {
  emu = await startEmulator({ contacts: [{ id: 'c1', firstName: 'Ana', phone: '+5215550000001' }] });
});
after(() => emu.stop());
beforeEach(() => emu.reset());

const addTags = (id, tags) => ghl(emu, 'POST', `/contacts/${id}/tags`, { body: tags === undefined ? {} : { tags } });
const specErrors = (operationId, res) =>
  emu.spec.validateResponse(emu.spec.findOperation(operationId, 'apps/contacts.json'), res.status, res.body);

// --- add-tags ------------------------------------------------------------------

test('add-tags answers 201 {tags}: every tag the contact now has, lower-cased and trimmed, each once', async () => {
  const first = await addTags('c1', ['Quiere Humano', 'vip']);
  assert.equal(first.status, 201);
  assert.deepEqual(first.body, { tags: ['quiere humano', 'vip'] });
  const { checked, errors } = specErrors('add-tags', first);
  assert.ok(checked);
  assert.deepEqual(errors, []);

  // Adding again: nothing removed, nothing twice (whatever the case), new ones at the end.
  const second = await addTags('c1', ['VIP', '  no_show  ', 'vip', 'No_Show']);
  assert.equal(second.status, 201);
  assert.deepEqual(second.body, { tags: ['quiere humano', 'vip', 'no_show'] });
  assert.deepEqual(emu.getContactTags('c1'), ['quiere humano', 'vip', 'no_show']);

  // An empty list is valid and changes nothing.
  assert.deepEqual((await addTags('c1', [])).body, { tags: ['quiere humano', 'vip', 'no_show'] });

  const read = await ghl(emu, 'GET', '/contacts/c1');
  assert.deepEqual(read.body.contact.tags, ['quiere humano', 'vip', 'no_show']);
  assert.deepEqual(emu.validationErrors(), []);
  assert.deepEqual(emu.responseErrors(), []);
});

test('add-tags keeps tags the contact already had (seeded with createContact)', async () => {
  emu.createContact({ id: 'c2', tags: ['VIP', 'lead caliente', 'vip'] });
  assert.deepEqual(emu.getContactTags('c2'), ['vip', 'lead caliente']);
  assert.deepEqual(emu.getContact('c2').tags, ['vip', 'lead caliente']);
  const res = await addTags('c2', ['dnd_whatsapp']);
  assert.deepEqual(res.body.tags, ['vip', 'lead caliente', 'dnd_whatsapp']);
  // update-contact's `tags` still overwrites (the spec says so), normalized the same way.
  const put = await ghl(emu, 'PUT', '/contacts/c2', { body: { tags: ['Solo Esta', 'solo esta'] } });
  assert.equal(put.status, 200);
  assert.deepEqual(put.body.contact.tags, ['solo esta']);
  assert.deepEqual(emu.getContactTags('c2'), ['solo esta']);
  // An empty tag there is a 422 too, and nothing of that update is written.
  const bad = await ghl(emu, 'PUT', '/contacts/c2', { body: { firstName: 'Otra', tags: ['ok', ''] } });
  assert.equal(bad.status, 422);
  assert.equal(emu.getContact('c2').firstName, undefined);
  assert.deepEqual(emu.getContactTags('c2'), ['solo esta']);
  const contacts = emu.listContacts().length;
  const upsert = await ghl(emu, 'POST', '/contacts/upsert', { body: { locationId: 'loc_dev', phone: '+5215550000099', tags: [' '] } });
  assert.equal(upsert.status, 422);
  assert.equal(emu.listContacts().length, contacts, 'no contact made by a refused upsert');
});

test('add-tags: an unknown contact is 400 "Contact not found", even with autoCreateContacts', async () => {
  const res = await addTags('nobody', ['vip']);
  assert.equal(res.status, 400);
  assert.equal(res.body.message, 'Contact not found');
  assert.deepEqual(specErrors('add-tags', res).errors, []);
  emu.setConfig({ autoCreateContacts: true });
  assert.equal((await addTags('nobody', ['vip'])).status, 400);
  assert.throws(() => emu.getContactTags('nobody'), /not found/);
});

test('add-tags refuses bad bodies with 422 and changes nothing', async () => {
  emu.createContact({ id: 'c3', tags: ['vip'] });
  const cases = [
    ['no body at all', undefined],
    ['no tags', {}],
    ['tags is a string', { tags: 'vip' }],
    ['a tag is not a string', { tags: ['ok', 5] }],
    ['an unknown key (closed body)', { tags: ['ok'], tag: 'x' }],
    ['an empty tag (STRICT.nonEmptyTags)', { tags: ['ok', '   '] }],
  ];
  for (const [name, body] of cases) {
    const res = await ghl(emu, 'POST', '/contacts/c3/tags', { body });
    assert.equal(res.status, 422, `${name}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.statusCode, 422, name);
    assert.ok(Array.isArray(res.body.message), name);
  }
  assert.deepEqual(emu.getContactTags('c3'), ['vip']);
  assert.equal(emu.validationErrors().length, cases.length);
});

test('add-tags needs contacts.write', async () => {
  emu.setConfig({ scopes: ['contacts.readonly'] });
  const res = await addTags('c1', ['vip']);
  assert.equal(res.status, 401);
  assert.equal(res.body.message, 'The token is not authorized for this scope.');
  assert.deepEqual(emu.getContactTags('c1'), []);
  emu.setConfig({ scopes: ['contacts.write'] });
  assert.equal((await addTags('c1', ['vip'])).status, 201);
});

// --- dnd / dndSettings -------------------------------------------------------

test('update-contact stores dndSettings per channel and dnd; get-contact shows them', async () => {
  const before = await ghl(emu, 'GET', '/contacts/c1');
  assert.equal(before.body.contact.dnd, false);
  assert.equal('dndSettings' in before.body.contact, false, 'no dndSettings until one is set');
  assert.deepEqual(emu.getDnd('c1'), { dnd: false, dndSettings: {} });

  const put = await ghl(emu, 'PUT', '/contacts/c1', {
    body: { dndSettings: { WhatsApp: { status: 'active', message: 'Pidió no recibir mensajes', code: 'bot' } } },
  });
  assert.equal(put.status, 200);
  assert.deepEqual(put.body.contact.dndSettings, { WhatsApp: { status: 'active', message: 'Pidió no recibir mensajes', code: 'bot' } });
  assert.deepEqual(specErrors('update-contact', put).errors, []);

  // Another channel is added; WhatsApp is kept.
  await ghl(emu, 'PUT', '/contacts/c1', { body: { dndSettings: { SMS: { status: 'permanent' } } } });
  // A channel sent again is replaced whole (the old message and code go).
  await ghl(emu, 'PUT', '/contacts/c1', { body: { dndSettings: { Email: { status: 'inactive' } }, dnd: true } });
  await ghl(emu, 'PUT', '/contacts/c1', { body: { dndSettings: { WhatsApp: { status: 'inactive' } } } });

  const read = await ghl(emu, 'GET', '/contacts/c1');
  assert.equal(read.status, 200);
  assert.equal(read.body.contact.dnd, true);
  assert.deepEqual(read.body.contact.dndSettings, {
    SMS: { status: 'permanent' },
    Email: { status: 'inactive' },
    WhatsApp: { status: 'inactive' },
  });
  assert.deepEqual(specErrors('get-contact', read).errors, []);
  assert.deepEqual(emu.getDnd('c1'), { dnd: true, dndSettings: read.body.contact.dndSettings });
  assert.deepEqual(emu.getContact('c1').dndSettings, read.body.contact.dndSettings);

  // Other updates leave the DND state alone; dnd: false clears the flag only.
  await ghl(emu, 'PUT', '/contacts/c1', { body: { firstName: 'Ana María', dnd: false } });
  assert.deepEqual(emu.getDnd('c1'), { dnd: false, dndSettings: read.body.contact.dndSettings });
  assert.deepEqual(emu.validationErrors(), []);
  assert.deepEqual(emu.responseErrors(), []);
});

test('update-contact refuses bad dnd / dndSettings with 422 and stores nothing', async () => {
  const cases = [
    ['a status outside the enum', { dndSettings: { WhatsApp: { status: 'on' } } }],
    ['no status', { dndSettings: { WhatsApp: { message: 'x' } } }],
    ['a misspelt channel (closed)', { dndSettings: { Whatsapp: { status: 'active' } } }],
    ['an unknown key in a channel (closed)', { dndSettings: { WhatsApp: { status: 'active', reason: 'x' } } }],
    ['a message that is not a string', { dndSettings: { WhatsApp: { status: 'active', message: 5 } } }],
    ['dndSettings a list', { dndSettings: [{ status: 'active' }] }],
    ['dnd a string', { dnd: 'true' }],
  ];
  for (const [name, body] of cases) {
    const res = await ghl(emu, 'PUT', '/contacts/c1', { body });
    assert.equal(res.status, 422, `${name}: ${JSON.stringify(res.body)}`);
  }
  assert.deepEqual(emu.getDnd('c1'), { dnd: false, dndSettings: {} });
  assert.equal(emu.validationErrors().length, cases.length);
});

test('upsert-contact stores dndSettings the same way', async () => {
  const res = await ghl(emu, 'POST', '/contacts/upsert', {
    body: { locationId: 'loc_dev', phone: '+52 1 555 000 0001', dndSettings: { WhatsApp: { status: 'active' } } },
  });
  assert.equal(res.status, 200);
  assert.equal(res.body.new, false);
  assert.deepEqual(res.body.contact.dndSettings, { WhatsApp: { status: 'active' } });
  assert.deepEqual(emu.getDnd('c1').dndSettings, { WhatsApp: { status: 'active' } });
  assert.deepEqual(emu.responseErrors(), []);
});

test('createContact seeds tags, dnd and dndSettings, and checks them', async () => {
  const made = emu.createContact({ id: 'c4', tags: ['VIP'], dnd: true, dndSettings: { WhatsApp: { status: 'permanent', code: 'x' } } });
  assert.deepEqual(made.tags, ['vip']);
  assert.equal(made.dnd, true);
  assert.deepEqual(made.dndSettings, { WhatsApp: { status: 'permanent', code: 'x' } });
  assert.deepEqual(emu.getDnd('c4'), { dnd: true, dndSettings: { WhatsApp: { status: 'permanent', code: 'x' } } });
  // getDnd / getContactTags hand out copies
  emu.getDnd('c4').dndSettings.WhatsApp.status = 'inactive';
  emu.getContactTags('c4').push('x');
  assert.deepEqual(emu.getDnd('c4').dndSettings.WhatsApp.status, 'permanent');
  assert.deepEqual(emu.getContactTags('c4'), ['vip']);

  assert.throws(() => emu.createContact({ id: 'c5', tags: 'vip' }), TypeError);
  assert.throws(() => emu.createContact({ id: 'c5', dnd: 'yes' }), TypeError);
  assert.throws(() => emu.createContact({ id: 'c5', dndSettings: { Whatsapp: { status: 'active' } } }), /unknown channel/);
  assert.throws(() => emu.createContact({ id: 'c5', dndSettings: { WhatsApp: { status: 'on' } } }), /status/);
  assert.throws(() => emu.createContact({ id: 'c5', dndSettings: { WhatsApp: { status: 'active', note: 'x' } } }), /unknown key/);
  assert.throws(() => emu.getDnd('c5'), /not found/);

  // options.contacts too, and reset() restores them
  const seeded = createEmulator({ quiet: true, contacts: [{ id: 's1', tags: ['Frio'], dndSettings: { SMS: { status: 'active' } } }] });
  assert.deepEqual(seeded.getContactTags('s1'), ['frio']);
  assert.deepEqual(seeded.getDnd('s1'), { dnd: false, dndSettings: { SMS: { status: 'active' } } });
});

test('admin HTTP: GET /_emulator/contacts/:id/tags and /dnd; POST /_emulator/contacts takes tags and dndSettings', async () => {
  const made = await fetch(`${emu.url}/_emulator/contacts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'h1', tags: ['Nuevo'], dndSettings: { WhatsApp: { status: 'active' } } }),
  });
  assert.equal(made.status, 201);
  await addTags('h1', ['otro']);
  const tags = await fetch(`${emu.url}/_emulator/contacts/h1/tags`);
  assert.deepEqual(await tags.json(), ['nuevo', 'otro']);
  const dnd = await fetch(`${emu.url}/_emulator/contacts/h1/dnd`);
  assert.deepEqual(await dnd.json(), { dnd: false, dndSettings: { WhatsApp: { status: 'active' } } });
  assert.equal((await fetch(`${emu.url}/_emulator/contacts/nobody/dnd`)).status, 404);
  const bad = await fetch(`${emu.url}/_emulator/contacts`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dndSettings: { X: { status: 'active' } } }),
  });
  assert.equal(bad.status, 400);
  // admin calls are not GHL requests
  assert.ok(emu.requests().every((r) => !r.path.startsWith('/_emulator')));
});

// --- the OutboundMessage webhook -------------------------------------------------

test('outboundMessage builds the OutboundMessage payload, shaped like inboundMessage', () => {
  const at = '2026-12-01T14:05:00.000Z';
  const byPerson = outboundMessage({ contactId: 'c1', messageId: 'm1', body: 'Hola, soy Luisa', userId: 'u1', dateAdded: at });
  assert.deepEqual(byPerson, {
    type: 'OutboundMessage',
    locationId: 'loc_dev',
    attachments: [],
    body: 'Hola, soy Luisa',
    contactId: 'c1',
    contentType: 'text/plain',
    conversationId: 'conv_c1',
    dateAdded: at,
    direction: 'outbound',
    messageType: 'WhatsApp',
    messageId: 'm1',
    status: 'delivered',
    source: 'app',
    timestamp: at,
    webhookId: 'wh_m1',
    userId: 'u1',
  });

  // Without userId: the echo of an API send (source api, no userId key).
  const echo = outboundMessage({
    contactId: 'c1', messageId: 'm2', body: 'x', messageType: 'SMS', locationId: 'loc_x', conversationId: 'conv_9', dateAdded: new Date(at),
  });
  assert.equal('userId' in echo, false);
  assert.equal(echo.source, 'api');
  assert.equal(echo.messageType, 'SMS');
  assert.equal(echo.locationId, 'loc_x');
  assert.equal(echo.conversationId, 'conv_9');
  assert.equal(echo.dateAdded, at);

  // The same keys as inboundMessage (plus source and userId), the other direction.
  const inbound = inboundMessage({ contactId: 'c1', text: 'hola', messageId: 'm3', timestamp: new Date(at) });
  const extra = Object.keys(byPerson).filter((k) => !(k in inbound)).sort();
  assert.deepEqual(extra, ['source', 'userId']);
  assert.deepEqual(Object.keys(inbound).filter((k) => !(k in byPerson)), []);
  assert.equal(inbound.direction, 'inbound');

  // Defaults: a generated messageId (and webhookId), now as the date.
  const t0 = Date.now();
  const plain = outboundMessage({ contactId: 'c1', body: 'y' });
  assert.match(plain.messageId, /^wamid\./);
  assert.equal(plain.webhookId, `wh_${plain.messageId}`);
  assert.ok(Date.parse(plain.dateAdded) >= t0 - 1000);
  assert.equal(plain.timestamp, plain.dateAdded);
  assert.notEqual(outboundMessage({ contactId: 'c1', body: 'y' }).messageId, plain.messageId);

  // Every value is of the type the doc's schema gives.
  const types = {
    type: 'string', locationId: 'string', body: 'string', contactId: 'string', contentType: 'string',
    conversationId: 'string', dateAdded: 'string', direction: 'string', messageType: 'string',
    status: 'string', messageId: 'string', userId: 'string', source: 'string',
  };
  for (const [k, t] of Object.entries(types)) assert.equal(typeof byPerson[k], t, k);
  assert.ok(Array.isArray(byPerson.attachments));

  // Pure JSON, signable like the others.
  assert.deepEqual(JSON.parse(JSON.stringify(byPerson)), byPerson);
  const { raw, headers } = signedDelivery(byPerson, createDevKeys().privateKey);
  assert.deepEqual(JSON.parse(raw), byPerson);
  assert.ok(headers['x-ghl-signature']);

  assert.throws(() => outboundMessage({ body: 'no contact' }), TypeError);
});
