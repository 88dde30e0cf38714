// Token scopes: an operation needs one of the scope sets its spec `security`
// lists; a token without it gets GHL's 401 "not authorized for this scope".
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { BOT_FIELD_KEYS } from '../../wasm/description.js';
import { startEmulator, ghl } from './helpers.js';
import { createEmulator, specScopes, SCOPE_REFUSED } from '../../emulator/ghl-emulator.js';

const REFUSED = { statusCode: 401, message: 'The token is not authorized for this scope.' };
const ALL = specScopes();
const allBut = (...denied) => ALL.filter((s) => !denied.includes(s));

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());
beforeEach(() => {
  emu.reset();
  emu.createContact({ id: 'c1', phone: '+5215550000001' });
});

async function admin(method, route, body) {
  const res = await fetch(`${emu.url}/_emulator${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const CALLS = {
  getFields: () => ghl(emu, 'GET', '/locations/loc_dev/customFields'),
  createField: () => ghl(emu, 'POST', '/locations/loc_dev/customFields', { body: { name: 'booking_step_2', dataType: 'TEXT', model: 'contact' } }),
  getContact: () => ghl(emu, 'GET', '/contacts/c1'),
  updateContact: () => ghl(emu, 'PUT', '/contacts/c1', { body: { firstName: 'Ana' } }),
  upsert: () => ghl(emu, 'POST', '/contacts/upsert', { body: { locationId: 'loc_dev', phone: '+5215550000009' } }),
  send: () => ghl(emu, 'POST', '/conversations/messages', { body: { type: 'WhatsApp', contactId: 'c1', message: 'hola' } }),
  slots: () => ghl(emu, 'GET', `/calendars/cal_dev/free-slots?startDate=${Date.parse('2026-12-02T00:00:00Z')}&endDate=${Date.parse('2026-12-03T00:00:00Z')}`),
};

test('the spec names the scopes; the list is sorted and has the ones the worker needs', () => {
  assert.deepEqual(ALL, [...new Set(ALL)].sort());
  for (const scope of ['contacts.readonly', 'contacts.write', 'locations/customFields.readonly', 'locations/customFields.write',
    'calendars.readonly', 'calendars/events.write', 'conversations/message.write']) {
    assert.ok(ALL.includes(scope), scope);
  }
  assert.deepEqual(emu.spec.scopes, ALL);
  assert.deepEqual(SCOPE_REFUSED, REFUSED);
  assert.deepEqual(emu.spec.findOperation('create-custom-field', 'apps/locations.json').scopes, [['locations/customFields.write']]);
});

test('by default (scopes null) the token may do everything', async () => {
  assert.equal(emu.config().scopes, null);
  for (const [name, call] of Object.entries(CALLS)) {
    const res = await call();
    assert.ok(res.status < 300, `${name}: ${res.status} ${JSON.stringify(res.body)}`);
  }
});

test('which operations each scope set refuses', async () => {
  const cases = [
    ['all but customFields.write', allBut('locations/customFields.write'), ['createField']],
    ['all but contacts.write', allBut('contacts.write'), ['updateContact', 'upsert']],
    ['all but contacts.readonly (write does not imply read)', allBut('contacts.readonly'), ['getContact']],
    ['all but calendars.readonly', allBut('calendars.readonly'), ['slots']],
    ['all but conversations/message.write', allBut('conversations/message.write'), ['send']],
    ['read-only', ['contacts.readonly', 'locations/customFields.readonly', 'calendars.readonly'], ['createField', 'updateContact', 'upsert', 'send']],
    ['none', [], Object.keys(CALLS)],
    ['all the spec names', ALL, []],
  ];
  for (const [name, scopes, refused] of cases) {
    emu.reset();
    emu.createContact({ id: 'c1', phone: '+5215550000001' });
    emu.setConfig({ scopes });
    const got = [];
    for (const [call, run] of Object.entries(CALLS)) {
      const res = await run();
      if (res.status === 401) {
        assert.deepEqual(res.body, REFUSED, `${name}: ${call}`);
        got.push(call);
      } else {
        assert.ok(res.status < 300, `${name}: ${call} → ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    assert.deepEqual(got, refused, name);
    assert.deepEqual(emu.validationErrors(), [], name);
    assert.deepEqual(emu.responseErrors(), [], name);
  }
});

test('a token that may not create custom fields: 401 logged as a valid, refused request; reading still works', async () => {
  const local = await startEmulator({ scopes: allBut('locations/customFields.write') });
  try {
    const made = await ghl(local, 'POST', '/locations/loc_dev/customFields', { body: { name: 'offered_slots_2', dataType: 'TEXT', model: 'contact' } });
    assert.equal(made.status, 401);
    assert.deepEqual(made.body, REFUSED);
    const list = await ghl(local, 'GET', '/locations/loc_dev/customFields');
    assert.equal(list.status, 200);
    assert.equal(list.body.customFields.length, BOT_FIELD_KEYS.length);
    assert.equal(local.listCustomFields().length, BOT_FIELD_KEYS.length, 'nothing was created');
    const [refused, read] = local.requests();
    assert.equal(refused.operationId, 'create-custom-field');
    assert.equal(refused.status, 401);
    assert.equal(refused.valid, true);
    assert.deepEqual(refused.errors, []);
    assert.deepEqual(refused.missingScopes, ['locations/customFields.write']);
    assert.equal(read.missingScopes, undefined);
    assert.deepEqual(local.validationErrors(), []);
    // reset() keeps the option; setConfig can lift it
    local.setConfig({ scopes: null });
    local.reset();
    assert.deepEqual(local.config().scopes, allBut('locations/customFields.write'));
  } finally {
    await local.stop();
  }
});

test('order of checks: a bad token is still "Invalid JWT"; a bad body without the scope is refused but logged as invalid', async () => {
  emu.setConfig({ scopes: allBut('locations/customFields.write') });
  const badToken = await ghl(emu, 'POST', '/locations/loc_dev/customFields', { body: { name: 'x', dataType: 'TEXT' }, token: 'nope' });
  assert.equal(badToken.status, 401);
  assert.equal(badToken.body.message, 'Invalid JWT');
  // GHL's scope guard runs before body validation
  const badBody = await ghl(emu, 'POST', '/locations/loc_dev/customFields', { body: { name: 'x', colour: 'red' } });
  assert.equal(badBody.status, 401);
  assert.deepEqual(badBody.body, REFUSED);
  const entry = emu.requests().at(-1);
  assert.equal(entry.valid, false);
  assert.match(entry.errors.join(), /colour/);
  assert.deepEqual(entry.missingScopes, ['locations/customFields.write']);
  assert.equal(emu.validationErrors().length, 2);
  // with the scope, the same bad body is a 422
  emu.setConfig({ scopes: null });
  assert.equal((await ghl(emu, 'POST', '/locations/loc_dev/customFields', { body: { name: 'x', colour: 'red' } })).status, 422);
});

test('an operation whose security needs no scope is allowed with none (then 501 here: not implemented)', async () => {
  emu.setConfig({ scopes: [] });
  const op = emu.spec.findOperation('get-custom-field', 'apps/locations.json');
  assert.deepEqual(op.scopes, [[]]);
  const res = await ghl(emu, 'GET', '/locations/loc_dev/customFields/abc');
  assert.equal(res.status, 501);
});

test('checkScopes: any one alternative, all of its scopes', () => {
  const operation = { scopes: [['a'], ['b', 'c']] };
  const table = [
    [null, true, []],
    [['a'], true, []],
    [['b', 'c'], true, []],
    [['b'], false, ['a', 'c']],
    [[], false, ['a', 'b', 'c']],
  ];
  for (const [granted, allowed, missing] of table) {
    assert.deepEqual(emu.spec.checkScopes(operation, granted), { allowed, missing }, JSON.stringify(granted));
  }
  assert.deepEqual(emu.spec.checkScopes({ scopes: null }, []), { allowed: true, missing: [] });
});

test('scopes over the admin API: PATCH /_emulator/config, read back, lifted with null, restored by reset', async () => {
  const set = await admin('PATCH', '/config', { scopes: allBut('locations/customFields.write') });
  assert.equal(set.status, 200);
  assert.deepEqual(set.body.scopes, allBut('locations/customFields.write'));
  assert.deepEqual((await admin('GET', '/config')).body.scopes, allBut('locations/customFields.write'));
  assert.deepEqual((await CALLS.createField()).body, REFUSED);
  assert.equal((await CALLS.getFields()).status, 200);

  assert.equal((await admin('PATCH', '/config', { scopes: null })).body.scopes, null);
  assert.equal((await CALLS.createField()).status, 201);

  await admin('PATCH', '/config', { scopes: [] });
  assert.equal((await CALLS.getContact()).status, 401);
  await admin('POST', '/reset');
  assert.equal((await admin('GET', '/config')).body.scopes, null);
  assert.equal((await ghl(emu, 'GET', '/locations/loc_dev/customFields')).status, 200);
});

test('bad scope lists are refused (400 over HTTP, TypeError in JS) and change nothing', async () => {
  for (const scopes of ['contacts.write', [1], [''], { a: 1 }, [null]]) {
    const res = await admin('PATCH', '/config', { scopes, autoCreateContacts: true });
    assert.equal(res.status, 400, JSON.stringify(scopes));
    assert.match(res.body.message, /scopes/);
    assert.throws(() => createEmulator({ scopes, quiet: true }), TypeError);
  }
  const config = emu.config();
  assert.equal(config.scopes, null);
  assert.equal(config.autoCreateContacts, false);
});
