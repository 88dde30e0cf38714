// POST /contacts/upsert (upsert-contact): the worker's way to get or create
// the contact of a WhatsApp phone, with {locationId, phone}.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, ghl, fieldId } from './helpers.js';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());
beforeEach(() => emu.reset());

const upsert = (body, options = {}) => ghl(emu, 'POST', '/contacts/upsert', { body, ...options });

function assertValidAnswer(res) {
  const operation = emu.spec.findOperation('upsert-contact', 'apps/contacts.json');
  const { checked, errors } = emu.spec.validateResponse(operation, res.status, res.body);
  assert.ok(checked, `no schema for ${res.status}`);
  assert.deepEqual(errors, [], JSON.stringify(res.body));
}

test('creates the contact once; the same phone in other spellings finds it again', async () => {
  const first = await upsert({ locationId: 'loc_dev', phone: '+52 1 555 000 0001' });
  assert.equal(first.status, 200);
  assert.equal(first.body.new, true);
  assert.match(first.body.contact.id, /^[A-Za-z0-9]{20}$/);
  assert.equal(first.body.contact.locationId, 'loc_dev');
  assert.equal(first.body.contact.phone, '+5215550000001', 'stored in E.164');
  assert.equal(typeof first.body.traceId, 'string');
  assertValidAnswer(first);

  for (const phone of ['+5215550000001', '5215550000001', '+52 (1) 555-000-0001', '+52 1 555 000 0001']) {
    const again = await upsert({ locationId: 'loc_dev', phone });
    assert.equal(again.status, 200, phone);
    assert.equal(again.body.new, false, phone);
    assert.equal(again.body.contact.id, first.body.contact.id, phone);
    assertValidAnswer(again);
  }
  assert.equal(emu.listContacts().length, 1);
  assert.deepEqual(emu.validationErrors(), []);
  assert.deepEqual(emu.responseErrors(), []);
  const entry = emu.requests()[0];
  assert.equal(entry.operationId, 'upsert-contact');
  assert.equal(entry.status, 200);
  assert.deepEqual(entry.body, { locationId: 'loc_dev', phone: '+52 1 555 000 0001' });
});

test('another phone is another contact, with its own id', async () => {
  const a = await upsert({ locationId: 'loc_dev', phone: '+5215550000001' });
  const b = await upsert({ locationId: 'loc_dev', phone: '+5215550000002' });
  // a number that merely ends the same is not the same number
  const c = await upsert({ locationId: 'loc_dev', phone: '+15550000001' });
  assert.deepEqual([a.body.new, b.body.new, c.body.new], [true, true, true]);
  assert.equal(new Set([a, b, c].map((r) => r.body.contact.id)).size, 3);
  assert.equal(emu.listContacts().length, 3);
});

test('finds a contact GHL already had (seeded) and keeps its fields; updates only what is given', async () => {
  emu.createContact({ id: 'wa1', firstName: 'Ana', phone: '+5215550000001', customFields: { language: 'es' } });
  const res = await upsert({ locationId: 'loc_dev', phone: '+52 1 555 000 0001' });
  assert.equal(res.body.new, false);
  assert.equal(res.body.contact.id, 'wa1');
  assert.equal(res.body.contact.firstName, 'Ana');
  assert.deepEqual(res.body.contact.customFields, [{ id: fieldId(emu, 'language'), value: 'es' }]);
  assertValidAnswer(res);

  const named = await upsert({ locationId: 'loc_dev', phone: '5215550000001', lastName: 'López', customFields: [{ key: 'booking_step', field_value: 'ask_goal' }] });
  assert.equal(named.body.contact.id, 'wa1');
  assert.equal(named.body.contact.name, 'Ana López');
  assert.deepEqual(emu.getContactFields('wa1'), { language: 'es', booking_step: 'ask_goal' });
});

test('matching by email (any case) comes first; a phone held by another contact is not duplicated', async () => {
  emu.createContact({ id: 'byPhone', phone: '+5215550000001' });
  emu.createContact({ id: 'byEmail', email: 'Ana@Example.com' });
  const res = await upsert({ locationId: 'loc_dev', email: 'ana@example.com', phone: '+5215550000001', firstName: 'Ana' });
  assert.equal(res.status, 200);
  assert.equal(res.body.new, false);
  assert.equal(res.body.contact.id, 'byEmail');
  assert.equal(res.body.contact.firstName, 'Ana');
  assert.equal(res.body.contact.phone, undefined);
  assert.equal(emu.getContact('byPhone').phone, '+5215550000001');
  assert.equal(emu.listContacts().length, 2);
  assertValidAnswer(res);

  // an email nobody has, with a known phone: the phone's contact
  const byPhone = await upsert({ locationId: 'loc_dev', email: 'luis@example.com', phone: '+5215550000001' });
  assert.equal(byPhone.body.contact.id, 'byPhone');
  assert.equal(byPhone.body.contact.email, 'luis@example.com');
});

test('bodies that break the spec → 422, logged as invalid, nothing created', async () => {
  const cases = [
    ['no locationId', { phone: '+5215550000001' }, /locationId/],
    ['phone is a number', { locationId: 'loc_dev', phone: 5215550000001 }, /phone/],
    ['a property the DTO lacks', { locationId: 'loc_dev', phone: '+5215550000001', contactId: 'x' }, /contactId/],
    ['locationId is not a string', { locationId: 7, phone: '+5215550000001' }, /locationId/],
    ['tags is not a list', { locationId: 'loc_dev', phone: '+5215550000001', tags: 'vip' }, /tags/],
    ['no body at all', undefined, /body is required/],
    ['a custom field the location lacks', { locationId: 'loc_dev', phone: '+5215550000001', customFields: [{ key: 'nope', field_value: 'x' }] }, /nope/],
  ];
  for (const [name, body, pattern] of cases) {
    const res = await upsert(body);
    assert.equal(res.status, 422, name);
    assert.equal(res.body.statusCode, 422, name);
    assert.equal(res.body.error, 'Unprocessable Entity', name);
    assert.match(res.body.message.join('\n'), pattern, name);
    assertValidAnswer(res);
  }
  const wrongVersion = await upsert({ locationId: 'loc_dev', phone: '+5215550000001' }, { version: '2021-04-15' });
  assert.equal(wrongVersion.status, 422);
  assert.match(wrongVersion.body.message.join(), /Version/);
  assert.deepEqual(emu.listContacts(), []);
  assert.equal(emu.validationErrors().length, cases.length + 1);
  assert.ok(emu.validationErrors().every((e) => e.operationId === 'upsert-contact'));
});

test('another location → 400, a valid request answered as GHL does; no token → 401', async () => {
  const res = await upsert({ locationId: 'someone_else', phone: '+5215550000001' });
  assert.equal(res.status, 400);
  assert.deepEqual(res.body, { statusCode: 400, message: 'Location someone_else not found' });
  assertValidAnswer(res);
  const noToken = await upsert({ locationId: 'loc_dev', phone: '+5215550000001' }, { token: null });
  assert.equal(noToken.status, 401);
  assert.deepEqual(emu.listContacts(), []);
  assert.deepEqual(emu.requests().map((e) => [e.status, e.valid]), [[400, true], [401, false]]);
  assert.deepEqual(emu.responseErrors(), []);
});

test('faults apply to upsert-contact like to any operation', async () => {
  emu.setFaults({ 'upsert-contact': { status: 429, times: 1 } });
  assert.equal((await upsert({ locationId: 'loc_dev', phone: '+5215550000001' })).status, 429);
  assert.deepEqual(emu.listContacts(), []);
  assert.equal((await upsert({ locationId: 'loc_dev', phone: '+5215550000001' })).body.new, true);
});

test('the response check is not vacuous for upsert', () => {
  const operation = emu.spec.findOperation('upsert-contact');
  assert.notDeepEqual(emu.spec.validateResponse(operation, 200, { new: 'yes', contact: {} }).errors, []);
  assert.notDeepEqual(emu.spec.validateResponse(operation, 200, { new: true, contact: { id: 1 } }).errors, []);
  assert.deepEqual(emu.spec.validateResponse(operation, 200, { new: true, contact: { id: 'a' }, traceId: 't' }).errors, []);
});
