// Requests that do not fit GHL's spec are answered 401/404/422 in GHL's
// error shape and recorded, so end-to-end tests can assert none happened.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, ghl, fieldId, TOKEN } from './helpers.js';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());
beforeEach(() => {
  emu.reset();
  emu.createContact({ id: 'c1', firstName: 'Ana', phone: '+5215550000001' });
});

const lastEntry = () => emu.requests().at(-1);

test('a valid request is logged as valid', async () => {
  const res = await ghl(emu, 'GET', '/contacts/c1');
  assert.equal(res.status, 200);
  const entry = lastEntry();
  assert.equal(entry.method, 'GET');
  assert.equal(entry.path, '/contacts/c1');
  assert.equal(entry.operationId, 'get-contact');
  assert.equal(entry.status, 200);
  assert.equal(entry.valid, true);
  assert.deepEqual(entry.errors, []);
  assert.equal(typeof entry.ms, 'number');
  assert.deepEqual(emu.validationErrors(), []);
});

test('missing Version header → 422 naming Version', async () => {
  const res = await ghl(emu, 'GET', '/contacts/c1', { version: null });
  assert.equal(res.status, 422);
  assert.equal(res.body.statusCode, 422);
  assert.equal(res.body.error, 'Unprocessable Entity');
  assert.ok(Array.isArray(res.body.message));
  assert.match(res.body.message.join(), /Version/);
  assert.equal(emu.validationErrors().length, 1);
  assert.equal(emu.validationErrors()[0].operationId, 'get-contact');
});

test('a Version value from another API → 422 listing the allowed one', async () => {
  // contacts take 2021-07-28, calendars and conversations 2021-04-15
  const res = await ghl(emu, 'GET', '/contacts/c1', { version: '2021-04-15' });
  assert.equal(res.status, 422);
  assert.match(res.body.message.join(), /Version.*2021-07-28/);
  const slots = await ghl(emu, 'GET', '/calendars/cal_dev/free-slots?startDate=1&endDate=2', { version: '2021-07-28' });
  assert.equal(slots.status, 422);
  assert.match(slots.body.message.join(), /2021-04-15/);
});

test('missing or wrong Bearer token → 401 Invalid JWT', async () => {
  for (const headers of [{}, { Authorization: 'Basic abc' }, { Authorization: 'Bearer nope' }]) {
    const res = await fetch(`${emu.url}/contacts/c1`, { headers: { Version: '2021-07-28', ...headers } });
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), { statusCode: 401, message: 'Invalid JWT', error: 'Unauthorized' });
  }
  const errors = emu.validationErrors();
  assert.equal(errors.length, 3);
  assert.ok(errors.every((e) => e.status === 401 && e.errors.some((m) => /Authorization/.test(m))));
});

test('token null accepts any Bearer token', async () => {
  const open = await startEmulator({ token: null, contacts: [{ id: 'x' }] });
  try {
    assert.equal((await ghl(open, 'GET', '/contacts/x', { token: 'anything' })).status, 200);
    assert.equal((await ghl(open, 'GET', '/contacts/x', { token: null })).status, 401);
  } finally {
    await open.stop();
  }
});

test('appointment without startTime → 422', async () => {
  const res = await ghl(emu, 'POST', '/calendars/events/appointments', {
    body: { calendarId: 'cal_dev', locationId: 'loc_dev', contactId: 'c1' },
  });
  assert.equal(res.status, 422);
  assert.match(res.body.message.join(), /startTime/);
  assert.deepEqual(emu.listAppointments(), []);
});

test('body type errors, unknown body properties, bad JSON and missing body → 422', async () => {
  const cases = [
    [{ customFields: [{ id: fieldId(emu, 'language'), field_value: 3 }] }, /field_value/],
    [{ customFields: [], firstname: 'x' }, /firstname/],
    ['{"customFields": [', /JSON/],
    [undefined, /body is required/],
  ];
  for (const [body, pattern] of cases) {
    const res = await ghl(emu, 'PUT', '/contacts/c1', { body });
    assert.equal(res.status, 422, String(body));
    assert.match(res.body.message.join(), pattern);
  }
});

test('PUT with an unknown custom field id or key → 422 (emulator strictness)', async () => {
  for (const item of [{ id: 'NoSuchField000000000', field_value: 'x' }, { key: 'contact.nope', field_value: 'x' }]) {
    const res = await ghl(emu, 'PUT', '/contacts/c1', {
      body: { customFields: [{ id: fieldId(emu, 'language'), field_value: 'es' }, item] },
    });
    assert.equal(res.status, 422);
    assert.match(res.body.message.join(), /no custom field/);
  }
  // nothing was applied: the update is all or nothing
  assert.deepEqual(emu.getContactFields('c1'), {});
  assert.equal(emu.validationErrors().length, 2);
  assert.match(emu.validationErrors()[0].errors[0], /NoSuchField/);
});

test('query strings: types are coerced, unknown parameters rejected', async () => {
  const ok = await ghl(emu, 'GET', '/calendars/cal_dev/free-slots?startDate=1796133600000&endDate=1796220000000');
  assert.equal(ok.status, 200);
  const typo = await ghl(emu, 'GET', '/calendars/cal_dev/free-slots?startDate=1796133600000&endDate=1796220000000&timeZone=UTC');
  assert.equal(typo.status, 422);
  assert.match(typo.body.message.join(), /timeZone/);
  const iso = await ghl(emu, 'GET', '/calendars/cal_dev/free-slots?startDate=2026-12-01&endDate=2026-12-02');
  assert.equal(iso.status, 422);
  assert.match(iso.body.message.join(), /startDate must be number/);
  const model = await ghl(emu, 'GET', '/locations/loc_dev/customFields?model=contacts');
  assert.equal(model.status, 422);
});

test('unknown route → 404 in GHL shape, recorded as invalid', async () => {
  const res = await ghl(emu, 'GET', '/contacts/c1/nothing-here');
  assert.equal(res.status, 404);
  assert.deepEqual(res.body, { statusCode: 404, message: 'Cannot GET /contacts/c1/nothing-here', error: 'Not Found' });
  const wrongMethod = await ghl(emu, 'PATCH', '/contacts/c1', { body: {} });
  assert.equal(wrongMethod.status, 404);
  assert.equal(emu.validationErrors().length, 2);
});

test('a spec operation the emulator does not implement → 501, request still validated', async () => {
  const res = await ghl(emu, 'DELETE', '/contacts/c1');
  assert.equal(res.status, 501);
  assert.match(res.body.message, /delete-contact/);
  assert.equal(lastEntry().valid, true);
});

test('the request log records the parsed body; reset clears it', async () => {
  await ghl(emu, 'POST', '/conversations/messages', { body: { type: 'WhatsApp', contactId: 'c1', message: 'hola' } });
  assert.deepEqual(lastEntry().body, { type: 'WhatsApp', contactId: 'c1', message: 'hola' });
  emu.reset();
  assert.deepEqual(emu.requests(), []);
  assert.equal(TOKEN, emu.config().token);
});
