// Fault injection per operationId: status (+ body, headers), times, delay, hang,
// applied-but-late (lateMs), rate, and the faultHook option.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, ghl, fieldId } from './helpers.js';

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

// --- applied but answered late, not applied, rate, hook ----------------------

const sendMessage = (opts) =>
  ghl(emu, 'POST', '/conversations/messages', { body: { type: 'WhatsApp', contactId: 'c1', message: 'hola' }, ...opts });
const saveStep = (step, opts) =>
  ghl(emu, 'PUT', '/contacts/c1', { body: { customFields: [{ id: fieldId(emu, 'booking_step'), field_value: step }] }, ...opts });
const isAbort = (err) => err.name === 'TimeoutError' || err.name === 'AbortError';
const settle = () => new Promise((r) => setTimeout(r, 30));

test('lateMs: the write is carried out at once, the client that gives up never hears of it', async () => {
  emu.setFaults({ 'update-contact': { lateMs: 400, times: 1 }, 'send-a-new-message': { lateMs: 400, times: 1 } });
  const t0 = performance.now();
  await assert.rejects(saveStep('goal', { signal: AbortSignal.timeout(150) }), isAbort);
  await assert.rejects(sendMessage({ signal: AbortSignal.timeout(150) }), isAbort);
  assert.ok(performance.now() - t0 < 390, 'the client gave up before lateMs');
  await settle();
  assert.equal(emu.getContactFields('c1').booking_step, 'goal', 'the contact was updated');
  assert.deepEqual(emu.listMessages().map((m) => m.message), ['hola'], 'the message was recorded as sent');
  for (const entry of emu.requests()) {
    assert.equal(entry.applied, true);
    assert.equal(entry.appliedStatus, 200);
    assert.equal(entry.hung, true);
    assert.equal(entry.status, null);
  }
});

test('lateMs on create-appointment: the slot is booked (and taken) though the client timed out', async () => {
  emu.setFaults({ 'create-appointment': { lateMs: 300, times: 1 } });
  const body = {
    calendarId: 'cal_dev', locationId: 'loc_dev', contactId: 'c1', startTime: '2026-12-03T10:00:00-06:00',
    title: 'Llamada', appointmentStatus: 'confirmed', toNotify: true,
  };
  await assert.rejects(ghl(emu, 'POST', '/calendars/events/appointments', { body, signal: AbortSignal.timeout(100) }), isAbort);
  await settle();
  assert.deepEqual(emu.listAppointments().map((a) => [a.contactId, a.startTime, a.appointmentStatus]),
    [['c1', '2026-12-03T10:00:00-06:00', 'confirmed']]);
  // Booking the same slot again is refused: it really is taken.
  assert.notEqual((await ghl(emu, 'POST', '/calendars/events/appointments', { body })).status, 200);
});

test('lateMs: a patient client gets the real answer, late', async () => {
  emu.setFaults({ 'get-contact': { lateMs: 150, times: 1 } });
  const t0 = performance.now();
  const res = await getContact();
  assert.equal(res.status, 200);
  assert.equal(res.body.contact.id, 'c1');
  assert.ok(performance.now() - t0 >= 140);
  const entry = emu.requests()[0];
  assert.equal(entry.applied, true);
  assert.equal(entry.status, 200);
  assert.equal(entry.hung, undefined);
});

test('lateMs with a status: carried out, then answered with that error (a gateway error after the write)', async () => {
  emu.setFaults({ 'send-a-new-message': { lateMs: 0, status: 502, times: 1 } });
  const res = await sendMessage();
  assert.equal(res.status, 502);
  assert.deepEqual(res.body, { statusCode: 502, message: 'Bad Gateway', error: 'Bad Gateway' });
  assert.equal(emu.listMessages().length, 1, 'sent although the answer says otherwise');
  assert.equal(emu.requests()[0].appliedStatus, 200);
});

test('the failures that are NOT carried out: a status, a hang, a delay the client does not wait for', async () => {
  emu.setFaults({ 'update-contact': { status: 503, times: 1 } });
  assert.equal((await saveStep('goal')).status, 503);
  emu.setFaults({ 'update-contact': { hang: true, times: 1 }, 'send-a-new-message': { hang: true, times: 1 } });
  await assert.rejects(saveStep('goal', { signal: AbortSignal.timeout(100) }), isAbort);
  await assert.rejects(sendMessage({ signal: AbortSignal.timeout(100) }), isAbort);
  emu.setFaults({ 'update-contact': { delayMs: 300, times: 1 } });
  await assert.rejects(saveStep('goal', { signal: AbortSignal.timeout(100) }), isAbort);
  await settle();
  assert.equal(emu.getContactFields('c1').booking_step, undefined, 'never updated');
  assert.deepEqual(emu.listMessages(), [], 'never sent');
  assert.ok(emu.requests().every((e) => e.applied === undefined));
});

test('a 429 without Retry-After carries no rate-limit header at all', async () => {
  emu.setFaults({ 'get-slots': { status: 429, times: 1 } });
  const res = await ghl(emu, 'GET', '/calendars/cal_dev/free-slots?startDate=1796133600000&endDate=1796220000000');
  assert.equal(res.status, 429);
  assert.equal(res.headers.get('retry-after'), null);
  assert.equal(res.headers.get('x-ratelimit-reset'), null);
  assert.deepEqual(res.body, { statusCode: 429, message: 'Too Many Requests', error: 'Too Many Requests' });
});

test('rate: a fraction of the requests, the same ones after reset(); times counts only those hit', async () => {
  const draw = async () => {
    emu.setFaults({ 'get-contact': { status: 500, rate: 0.5 } });
    const out = [];
    for (let i = 0; i < 30; i++) out.push((await getContact()).status);
    return out;
  };
  const first = await draw();
  const hit = first.filter((s) => s === 500).length;
  assert.ok(hit > 5 && hit < 25, `${hit} of 30 hit at rate 0.5`);
  assert.ok(first.every((s) => s === 500 || s === 200));
  emu.reset();
  emu.createContact({ id: 'c1' });
  assert.deepEqual(await draw(), first, 'same seed, same draws');

  emu.reset();
  emu.createContact({ id: 'c1' });
  emu.setFaults({ 'get-contact': { status: 500, rate: 0.5, times: 2 } });
  const statuses = [];
  for (let i = 0; i < 30; i++) statuses.push((await getContact()).status);
  assert.equal(statuses.filter((s) => s === 500).length, 2);
  assert.deepEqual(emu.faults(), {});
});

test('faultHook: asked about every spec-valid request, with its operation, params and body', async () => {
  const seen = [];
  emu.setFaultHook((req) => {
    seen.push(req);
    if (req.operationId === 'send-a-new-message') return { lateMs: 300 };
    if (req.operationId === 'update-contact') return { status: 429, headers: { 'Retry-After': '2' } };
    return null;
  });
  try {
    assert.equal((await getContact()).status, 200);
    const limited = await saveStep('goal');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '2');
    await assert.rejects(sendMessage({ signal: AbortSignal.timeout(100) }), isAbort);
    assert.equal((await getContact({ version: null })).status, 422, 'an invalid request never reaches the hook');
    await settle();
    assert.deepEqual(seen.map((r) => r.operationId), ['get-contact', 'update-contact', 'send-a-new-message']);
    assert.deepEqual(seen[0], {
      operationId: 'get-contact', method: 'GET', path: '/contacts/c1', params: { contactId: 'c1' }, query: {}, body: undefined,
    });
    assert.deepEqual(seen[2].body, { type: 'WhatsApp', contactId: 'c1', message: 'hola' });
    assert.equal(emu.getContactFields('c1').booking_step, undefined, 'the 429 changed nothing');
    assert.equal(emu.listMessages().length, 1, 'the late send was carried out');
    const log = emu.requests();
    assert.equal(log[1].faultFromHook, true);
    assert.deepEqual(log[2].fault, { lateMs: 300 });
    // A fault set for the operation wins over the hook.
    emu.setFaults({ 'get-contact': { status: 502, times: 1 } });
    assert.equal((await getContact()).status, 502);
    assert.equal(seen.length, 3);
  } finally {
    emu.setFaultHook(null);
  }
  assert.equal((await saveStep('goal')).status, 200);
});

test('faultHook: a hook that throws or returns a bad fault answers 500 and says why', async () => {
  emu.setFaultHook(() => ({ status: 500, times: 2 }));
  let res = await getContact();
  assert.equal(res.status, 500);
  assert.match(res.body.message, /faultHook.*times and rate have no meaning/);
  emu.setFaultHook(() => { throw new Error('driver bug'); });
  res = await getContact();
  assert.equal(res.status, 500);
  assert.match(res.body.message, /driver bug/);
  assert.deepEqual(emu.requests().map((e) => e.hookError), [
    "faultHook's fault for get-contact: times and rate have no meaning for a fault the hook returns for one request",
    'driver bug',
  ]);
  emu.reset();  // back to the option's hook: none
  emu.createContact({ id: 'c1' });
  assert.equal((await getContact()).status, 200);
  assert.throws(() => emu.setFaultHook('nope'), /faultHook must be a function/);
});

test('the faultHook option: one hook for the emulator\'s life, kept by reset()', async () => {
  const calls = [];
  const other = await startEmulator({ contacts: [{ id: 'c1' }], faultHook: (r) => (calls.push(r.operationId), { status: 503 }) });
  try {
    assert.equal((await ghl(other, 'GET', '/contacts/c1')).status, 503);
    other.reset();
    assert.equal((await ghl(other, 'GET', '/contacts/c1')).status, 503, 'reset() keeps the option\'s hook');
    assert.deepEqual(calls, ['get-contact', 'get-contact']);
  } finally {
    await other.stop();
  }
});

test('bad lateMs, hang and rate definitions are refused', () => {
  assert.throws(() => emu.setFaults({ 'get-contact': { lateMs: -1 } }), /lateMs/);
  assert.throws(() => emu.setFaults({ 'get-contact': { lateMs: 'soon' } }), /lateMs/);
  assert.throws(() => emu.setFaults({ 'get-contact': { lateMs: 100, hang: true } }), /exclude each other/);
  assert.throws(() => emu.setFaults({ 'get-contact': { hang: 'yes' } }), /hang/);
  assert.throws(() => emu.setFaults({ 'get-contact': { status: 500, rate: 0 } }), /rate/);
  assert.throws(() => emu.setFaults({ 'get-contact': { status: 500, rate: 1.5 } }), /rate/);
  assert.deepEqual(emu.faults(), {});
});
