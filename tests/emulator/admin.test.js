// The admin API over HTTP (/_emulator/...), in-process fetch, config and
// where the spec is looked for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BOT_FIELD_KEYS } from '../../wasm/description.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, ghl, slotsQuery, TOKEN } from './helpers.js';
import { createEmulator } from '../../emulator/ghl-emulator.js';
import { defaultSpecDir } from '../../emulator/spec.js';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());

async function admin(method, route, body) {
  const res = await fetch(`${emu.url}/_emulator${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

test('contacts and fields over HTTP', async () => {
  await admin('POST', '/reset');
  const made = await admin('POST', '/contacts', { id: 'wa1', firstName: 'Ana', phone: '+52155', customFields: { language: 'es' } });
  assert.equal(made.status, 201);
  assert.equal(made.body.id, 'wa1');
  assert.deepEqual((await admin('GET', '/contacts/wa1/fields')).body, { language: 'es' });
  assert.deepEqual((await admin('PUT', '/contacts/wa1/fields', { booking_step: 'ask_name' })).body, { language: 'es', booking_step: 'ask_name' });
  assert.equal((await admin('GET', '/contacts/wa1')).body.firstName, 'Ana');
  assert.equal((await admin('GET', '/contacts')).body.length, 1);
  assert.equal((await admin('GET', '/contacts/nobody/fields')).status, 404);
  assert.equal((await admin('PUT', '/contacts/wa1/fields', { nope: 1 })).status, 400);
  assert.equal((await admin('GET', '/custom-fields')).body.length, BOT_FIELD_KEYS.length);
});

test('log, validation errors, messages and appointments over HTTP', async () => {
  await admin('POST', '/reset');
  await admin('POST', '/contacts', { id: 'wa1' });
  await ghl(emu, 'POST', '/conversations/messages', { body: { type: 'WhatsApp', contactId: 'wa1', message: 'hola' } });
  await ghl(emu, 'GET', '/contacts/wa1', { version: null });
  await ghl(emu, 'POST', '/calendars/events/appointments', {
    body: { calendarId: 'cal_dev', locationId: 'loc_dev', contactId: 'wa1', startTime: '2026-12-03T10:00:00-06:00' },
  });
  assert.equal((await admin('GET', '/requests')).body.length, 3);
  const invalid = (await admin('GET', '/validation-errors')).body;
  assert.equal(invalid.length, 1);
  assert.equal(invalid[0].operationId, 'get-contact');
  assert.deepEqual((await admin('GET', '/messages?contactId=wa1')).body.map((m) => m.message), ['hola']);
  assert.deepEqual((await admin('GET', '/messages?contactId=other')).body, []);
  assert.equal((await admin('GET', '/appointments')).body[0].startTime, '2026-12-03T10:00:00-06:00');
  assert.deepEqual((await admin('GET', '/response-errors')).body, []);
});

test('faults over HTTP', async () => {
  await admin('POST', '/reset');
  await admin('POST', '/contacts', { id: 'wa1' });
  const set = await admin('PUT', '/faults', { 'get-contact': { status: 503, times: 1 } });
  assert.deepEqual(set.body, { 'get-contact': { status: 503, times: 1 } });
  assert.equal((await ghl(emu, 'GET', '/contacts/wa1')).status, 503);
  assert.equal((await ghl(emu, 'GET', '/contacts/wa1')).status, 200);
  await admin('PUT', '/faults', { 'get-contact': { status: 500 } });
  assert.deepEqual((await admin('DELETE', '/faults')).body, {});
  assert.equal((await ghl(emu, 'GET', '/contacts/wa1')).status, 200);
  assert.equal((await admin('PUT', '/faults', { 'get-contact': { status: 'x' } })).status, 400);
});

test('config: read, change calendar, clock and auto-create; reset restores', async () => {
  await admin('POST', '/reset');
  const config = (await admin('GET', '/config')).body;
  assert.equal(config.url, emu.url);
  assert.equal(config.token, TOKEN);
  assert.equal(config.locationId, 'loc_dev');
  assert.equal(config.calendars[0].timeZone, 'America/Mexico_City');
  assert.equal(config.customFields.length, BOT_FIELD_KEYS.length);
  assert.equal(config.scopes, null);
  const changed = (await admin('PATCH', '/config', {
    calendar: { timeZone: 'Europe/Madrid', slotTimes: ['09:00'] }, now: '2026-12-01T07:00:00Z', autoCreateContacts: true,
  })).body;
  assert.equal(changed.calendars[0].timeZone, 'Europe/Madrid');
  assert.equal(changed.now, '2026-12-01T07:00:00.000Z');
  assert.equal((await ghl(emu, 'GET', '/contacts/new1')).status, 200);
  const slots = await ghl(emu, 'GET', `/calendars/cal_dev/free-slots?${slotsQuery({
    from: '2026-11-30T23:00:00Z', to: '2026-12-01T22:59:59Z',
  })}`);
  assert.deepEqual(slots.body['2026-12-01'].slots, ['2026-12-01T09:00:00+01:00']);
  assert.equal((await admin('PATCH', '/config', { calendar: { timeZone: 'Nowhere/City' } })).status, 400);
  assert.equal((await admin('PATCH', '/config', { colour: 'red' })).status, 400);
  await admin('POST', '/reset');
  const back = (await admin('GET', '/config')).body;
  assert.equal(back.calendars[0].timeZone, 'America/Mexico_City');
  assert.equal(back.autoCreateContacts, false);
  assert.equal(back.clockFixed, false);
});

test('admin routes answer CORS preflights and list themselves', async () => {
  const pre = await fetch(`${emu.url}/_emulator/contacts`, { method: 'OPTIONS' });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), '*');
  const index = await admin('GET', '');
  assert.ok(index.body.routes.includes('PUT /_emulator/faults'));
  assert.equal((await admin('GET', '/nothing')).status, 404);
  // admin calls are not part of the GHL request log
  await admin('POST', '/reset');
  await admin('GET', '/config');
  assert.deepEqual(emu.requests(), []);
});

test('in-process fetch works without a port, hang included', async () => {
  const local = createEmulator({ token: TOKEN, contacts: [{ id: 'c1' }], quiet: true });
  const headers = { Authorization: `Bearer ${TOKEN}`, Version: '2021-07-28' };
  const res = await local.fetch('https://services.leadconnectorhq.com/contacts/c1', { headers });
  assert.equal(res.status, 200);
  assert.equal((await res.json()).contact.id, 'c1');
  local.setFaults({ 'get-contact': { hang: true, times: 1 } });
  await assert.rejects(
    local.fetch('https://services.leadconnectorhq.com/contacts/c1', { headers, signal: AbortSignal.timeout(100) }),
    (err) => err.name === 'TimeoutError',
  );
  assert.equal(local.requests().at(-1).hung, true);
  const viaHandle = await local.handle({ method: 'GET', url: '/contacts/c1', headers: { Authorization: `Bearer ${TOKEN}`, version: '2021-07-28' } });
  assert.equal(viaHandle.status, 200);
  await local.stop();
});

test('the spec is found beside the repo, or where GHL_OPENAPI_DIR says', () => {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const saved = process.env.GHL_OPENAPI_DIR;
  try {
    delete process.env.GHL_OPENAPI_DIR;
    assert.equal(defaultSpecDir(), path.resolve(repoRoot, '../shared/ghl-openapi'));
    process.env.GHL_OPENAPI_DIR = '/somewhere/else';
    assert.equal(defaultSpecDir(), '/somewhere/else');
    assert.throws(() => createEmulator({ specDir: '/nonexistent-spec-dir' }), /GHL_OPENAPI_DIR/);
  } finally {
    if (saved === undefined) delete process.env.GHL_OPENAPI_DIR;
    else process.env.GHL_OPENAPI_DIR = saved;
  }
});
