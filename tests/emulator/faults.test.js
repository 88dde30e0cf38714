// Fault injection per operationId: status (+ body, headers), times, delay, hang.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, ghl } from './helpers.js';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());
beforeEach(() => {
  emu.reset();
  emu.createContact({ id: 'c1' });
});

const getContact = (opts) => ghl(emu, 'GET', '/contacts/c1', opts);

test('a 429 with rate-limit headers for the next 2 calls only', async () => {
  emu.setFaults({ 'get-contact': { status: 429, headers: { 'retry-after': '1', 'x-ratelimit-reset': '1000' }, times: 2 } });
  assert.deepEqual(emu.faults(), {
    'get-contact': { status: 429, headers: { 'retry-after': '1', 'x-ratelimit-reset': '1000' }, times: 2 },
  });
  for (let i = 0; i < 2; i++) {
    const res = await getContact();
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '1');
    assert.equal(res.headers.get('x-ratelimit-reset'), '1000');
    assert.deepEqual(res.body, { statusCode: 429, message: 'Too Many Requests', error: 'Too Many Requests' });
  }
  assert.equal((await getContact()).status, 200);
  assert.deepEqual(emu.faults(), {});
  assert.deepEqual(emu.requests().map((e) => e.status), [429, 429, 200]);
  assert.equal(emu.requests()[0].fault.status, 429);
});

test('without times a fault stays; a custom body is sent as is; other operations are untouched', async () => {
  emu.setFaults({ 'update-contact': { status: 500, body: { statusCode: 500, message: 'boom' } } });
  for (let i = 0; i < 3; i++) {
    const res = await ghl(emu, 'PUT', '/contacts/c1', { body: { customFields: [] } });
    assert.equal(res.status, 500);
    assert.deepEqual(res.body, { statusCode: 500, message: 'boom' });
  }
  assert.equal((await getContact()).status, 200);
  emu.clearFaults();
  assert.equal((await ghl(emu, 'PUT', '/contacts/c1', { body: { customFields: [] } })).status, 200);
});

test('"*" applies to every operation; an operation\'s own fault wins; null removes one', async () => {
  emu.setFaults({ '*': { status: 503 }, 'get-contact': { status: 502 } });
  assert.equal((await getContact()).status, 502);
  assert.equal((await ghl(emu, 'GET', '/locations/loc_dev/customFields')).status, 503);
  emu.setFaults({ 'get-contact': null });
  assert.equal((await getContact()).status, 503);
});

test('delayMs delays the real answer', async () => {
  emu.setFaults({ 'get-contact': { delayMs: 150, times: 1 } });
  const t0 = performance.now();
  const res = await getContact();
  assert.equal(res.status, 200);
  assert.ok(performance.now() - t0 >= 140);
  assert.ok(emu.requests()[0].ms >= 140);
});

test('delayMs with a status delays the failure', async () => {
  emu.setFaults({ 'send-a-new-message': { delayMs: 100, status: 502, times: 1 } });
  const t0 = performance.now();
  const res = await ghl(emu, 'POST', '/conversations/messages', { body: { type: 'WhatsApp', contactId: 'c1', message: 'x' } });
  assert.equal(res.status, 502);
  assert.ok(performance.now() - t0 >= 90);
  assert.deepEqual(emu.listMessages(), []);
});

test('hang never answers: the client times out, and the emulator keeps serving', async () => {
  emu.setFaults({ 'get-slots': { hang: true, times: 1 } });
  const t0 = performance.now();
  await assert.rejects(
    ghl(emu, 'GET', '/calendars/cal_dev/free-slots?startDate=1796133600000&endDate=1796220000000', {
      signal: AbortSignal.timeout(200),
    }),
    (err) => err.name === 'TimeoutError' || err.name === 'AbortError',
  );
  assert.ok(performance.now() - t0 >= 190);
  await new Promise((r) => setTimeout(r, 20));
  const entry = emu.requests()[0];
  assert.equal(entry.hung, true);
  assert.equal(entry.status, null);
  assert.equal((await getContact()).status, 200);
});

test('stop() releases a hanging request', async () => {
  const other = await startEmulator({ contacts: [{ id: 'c1' }] });
  other.setFaults({ 'get-contact': { hang: true } });
  const pending = ghl(other, 'GET', '/contacts/c1');
  await new Promise((r) => setTimeout(r, 50));
  await other.stop();
  await assert.rejects(pending);
});

test('an invalid request is answered 422 and does not use up a fault', async () => {
  emu.setFaults({ 'get-contact': { status: 500, times: 1 } });
  assert.equal((await getContact({ version: null })).status, 422);
  assert.equal((await getContact()).status, 500);
  assert.equal((await getContact()).status, 200);
});

test('bad fault definitions are refused', () => {
  assert.throws(() => emu.setFaults({ 'get-contact': { status: 42 } }), /status/);
  assert.throws(() => emu.setFaults({ 'get-contact': { times: 0 } }), /times/);
  assert.throws(() => emu.setFaults({ 'get-contact': { statusCode: 500 } }), /unknown option/);
  assert.deepEqual(emu.faults(), {});
});
