// GHL failing at each call the worker makes: 500, 429 and timeouts. The
// rule: nothing advances, nothing is left half-written (a booking whose
// save or reply failed is cancelled), and the lead is told to try again
// whenever a message can still be sent. One retry on 5xx (and on timeouts
// for GET/PUT) and 429 waits within the deadline make transient failures
// invisible.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bookableDates, dayPhrase, dayText, leadFields, slotAt, startStack, TOKEN, TRY_AGAIN,
} from './harness.js';

// Timeouts long enough that a loaded machine does not time out a healthy
// call, short enough to keep the hang cases quick.
const ENV = { GHL_TIMEOUT_MS: '1000', WEBHOOK_DEADLINE_MS: '6000' };
let stack;
let ghl;
const dates = bookableDates(60);
let nextDate = 0;
const freshDate = () => dates[nextDate++];
let nextId = 0;

before(async () => {
  stack = await startStack({ env: ENV });
  ghl = stack.ghl;
  // Warm the isolate's custom-field map so the cases below start at get-contact.
  ghl.createContact({ id: 'warmup' });
  const res = await stack.say('warmup', 'hola');
  assert.equal(res.status, 200);
});
after(async () => {
  await stack?.close();
});

const METHOD = {
  'get-custom-fields': 'GET', 'get-contact': 'GET', 'get-slots': 'GET', 'create-appointment': 'POST',
  'update-contact': 'PUT', 'edit-appointment': 'PUT', 'send-a-new-message': 'POST',
};

// A lead at `step` ('day': about to name a day; 'time': slots offered) sends
// the message that moves it on, with `faults` set for that one message.
async function scenario(s, { step, faults, lang = 'es' }) {
  const id = `f${++nextId}`;
  const date = freshDate();
  s.ghl.createContact({ id, customFields: leadFields(step, { lang, date }) });
  const fieldsBefore = s.ghl.getContactFields(id);
  const from = s.ghl.requests().length;
  s.ghl.setFaults(faults);
  const started = Date.now();
  let res;
  try {
    res = await s.say(id, step === 'day' ? dayText(date, lang) : lang === 'es' ? 'a las 10' : '10am', { messageId: `wamid.${id}` });
  } finally {
    s.ghl.clearFaults();
  }
  const ms = Date.now() - started;
  const calls = s.ghl.requests().slice(from);
  return {
    id, date, res, ms, calls, fieldsBefore, messageId: `wamid.${id}`,
    fieldsAfter: s.ghl.getContactFields(id),
    appointments: s.ghl.listAppointments().filter((a) => a.contactId === id),
    sent: s.ghl.listMessages({ contactId: id }).map((m) => m.message),
    log: s.webhookLogs().filter((l) => l.contactId === id).at(-1),
    count: (op) => calls.filter((c) => c.operationId === op).length,
  };
}

function assertNothingAdvanced(r) {
  assert.equal(r.res.status, 200, JSON.stringify(r.res.body));
  assert.deepEqual(r.fieldsAfter, r.fieldsBefore, 'contact fields unchanged');
  assert.deepEqual(r.appointments.filter((a) => a.appointmentStatus === 'confirmed'), [], 'no appointment left confirmed');
  assert.equal(r.log.outcome, 'ghl_failed');
}

const FAULTS = {
  500: { status: 500 },
  '429 past the deadline': { status: 429, headers: { 'Retry-After': '30' } },
  'a timeout': { hang: true },
};

// How many requests of `op` one attempt makes under `kind`: a 5xx is
// retried once, a timeout once for GET/PUT only, a 429 that cannot be
// waited for not at all.
function attemptsFor(op, kind) {
  if (kind === '500') return 2;
  if (kind === 'a timeout') return METHOD[op] === 'POST' ? 1 : 2;
  return 1;
}

const CASES = [
  ['get-contact', 'day'],
  ['get-slots', 'day'],
  ['create-appointment', 'time'],
  ['update-contact', 'day'],
  ['update-contact', 'time'],
  ['send-a-new-message', 'day'],
  ['send-a-new-message', 'time'],
];

describe('a lasting GHL failure changes nothing', () => {
  for (const [op, step] of CASES) {
    for (const [kind, fault] of Object.entries(FAULTS)) {
      test(`${op} (${step} step) answering ${kind}`, async () => {
        const r = await scenario(stack, { step, faults: { [op]: fault } });
        assertNothingAdvanced(r);
        // The reply, then "try again" (not after a send that timed out: that
        // reply may still arrive, so nothing follows it). A save that timed
        // out may have been applied: the contact is read again, and as GHL
        // did not make it there is nothing to undo.
        const tries = op === 'send-a-new-message' && kind !== 'a timeout' ? 2 : 1;
        assert.equal(r.count(op), attemptsFor(op, kind) * tries, r.calls.map((c) => `${c.operationId}:${c.status}`).join(' '));
        const reads = op === 'get-contact' ? attemptsFor(op, kind) : op === 'update-contact' && kind === 'a timeout' ? 2 : 1;
        assert.equal(r.count('get-contact'), reads, 'the contact is read again only after a save whose answer was lost');
        if (op === 'send-a-new-message') {
          assert.equal(r.res.body.reply, null, 'nothing could be sent');
          assert.deepEqual(r.sent, []);
        } else {
          assert.equal(r.res.body.reply, TRY_AGAIN.es);
          assert.deepEqual(r.sent, [TRY_AGAIN.es], 'the lead is told to try again, once');
        }
        // When the contact could not be read the worker does not know its step.
        if (op !== 'get-contact') assert.equal(r.res.body.step, step);
        if (step === 'time' && op !== 'create-appointment') {
          // The slot was booked before the failure: it must have been cancelled.
          assert.equal(r.appointments.length, 1);
          assert.equal(r.appointments[0].appointmentStatus, 'cancelled');
          assert.equal(r.count('edit-appointment'), 1);
        } else {
          assert.equal(r.appointments.length, 0);
        }
        const failed = r.log.calls.filter((c) => c.op === op).map((c) => c.status);
        const want = kind === '500' ? 500 : kind === 'a timeout' ? 'timeout' : 429;
        assert.ok(failed.length > 0 && failed.every((st) => st === want), JSON.stringify(r.log.calls));
      });
    }
  }

  test('a 429 that keeps coming after three short waits gives up', async () => {
    const r = await scenario(stack, { step: 'day', faults: { 'get-slots': { status: 429, headers: { 'X-RateLimit-Reset': '0.1' } } } });
    assertNothingAdvanced(r);
    assert.equal(r.res.body.reply, TRY_AGAIN.es);
    assert.equal(r.count('get-slots'), 4, 'three waits, then it gives up');
    assert.ok(r.ms >= 300, `waited ${r.ms} ms`);
  });

  test('the whole webhook stays within its deadline when GHL hangs at every call', async () => {
    const r = await scenario(stack, { step: 'time', faults: { '*': { hang: true } } });
    assert.equal(r.res.status, 200);
    assert.deepEqual(r.fieldsAfter, r.fieldsBefore);
    assert.deepEqual(r.sent, []);
    assert.ok(r.ms < 6000 + 1500, `took ${r.ms} ms with a 6000 ms deadline`);
  });

  test('an English lead is told to try again in English', async () => {
    const r = await scenario(stack, { step: 'time', lang: 'en', faults: { 'create-appointment': { status: 503 } } });
    assertNothingAdvanced(r);
    assert.equal(r.res.body.reply, TRY_AGAIN.en);
  });

  test('a save that fails after booking, with one failed cancel: the cancel is retried', async () => {
    const r = await scenario(stack, {
      step: 'time',
      faults: { 'update-contact': { status: 500 }, 'edit-appointment': { status: 502, times: 1 } },
    });
    assertNothingAdvanced(r);
    assert.equal(r.appointments[0].appointmentStatus, 'cancelled');
    assert.equal(r.count('edit-appointment'), 2);
    assert.equal(r.res.body.reply, TRY_AGAIN.es);
  });

  test('a reply that cannot be sent once: booking undone, the lead is told to try again', async () => {
    const r = await scenario(stack, { step: 'time', faults: { 'send-a-new-message': { status: 500, times: 2 } } });
    assertNothingAdvanced(r);
    assert.equal(r.res.body.reply, TRY_AGAIN.es);
    assert.deepEqual(r.sent, [TRY_AGAIN.es]);
    assert.equal(r.appointments.length, 1);
    assert.equal(r.appointments[0].appointmentStatus, 'cancelled');
    // The saved fields were written back: one save, one undo.
    assert.equal(r.count('update-contact'), 2);
  });

  // A send that timed out may still arrive: after two looks that do not
  // find it, nothing else is sent. GHL's redelivery of the message then
  // looks for that reply first, and does not send it twice.
  test('a reply whose send timed out is never followed by another, and its redelivery looks for it first', async () => {
    const r = await scenario(stack, { step: 'time', faults: { 'send-a-new-message': { hang: true, times: 1 } } });
    assertNothingAdvanced(r);
    assert.equal(r.res.body.reply, null);
    assert.deepEqual(r.sent, [], 'nothing sent: the hung send never arrived, and nothing followed it');
    assert.equal(r.count('search-conversation'), 2, 'looked twice');
    assert.equal(r.appointments.length, 1);
    assert.equal(r.appointments[0].appointmentStatus, 'cancelled');
    // GHL redelivers the same message: it looks first, finds nothing, answers.
    const again = await stack.say(r.id, 'a las 10', { messageId: r.messageId });
    assert.equal(again.status, 200);
    assert.match(again.body.reply, /confirmada/);
    const calls = stack.webhookLogs().filter((l) => l.contactId === r.id).at(-1).calls.map((c) => c.op);
    assert.deepEqual(calls.slice(0, 3), ['get-contact', 'create-appointment', 'search-conversation'], 'booked, then looked before sending');
    assert.equal(stack.ghl.listMessages({ contactId: r.id }).length, 1, 'one reply in all');
  });
});

// What the lead should get when nothing goes wrong.
function assertWentThrough(r, step) {
  assert.equal(r.res.status, 200, JSON.stringify(r.res.body));
  const day = dayPhrase(r.date, 'es');
  if (step === 'day') {
    assert.equal(r.res.body.reply, `Tengo estos horarios disponibles para el ${day}: 10am, 2pm, 4pm. ¿Cuál prefieres?`);
    assert.equal(r.fieldsAfter.booking_step, 'time');
  } else {
    assert.equal(r.res.body.reply, `¡Perfecto! Tu cita está confirmada para el ${day} a las 10am. Te envié los detalles a ana@example.com`);
    assert.equal(r.fieldsAfter.booking_step, 'scheduled');
    assert.equal(r.appointments.length, 1);
    assert.equal(r.appointments[0].appointmentStatus, 'confirmed');
    assert.equal(r.appointments[0].startTime, slotAt(r.date, '10:00'));
  }
  assert.deepEqual(r.sent, [r.res.body.reply]);
}

describe('a passing GHL failure is invisible', () => {
  for (const [op, step] of CASES) {
    test(`${op} (${step} step): one 500, then the retry works`, async () => {
      const r = await scenario(stack, { step, faults: { [op]: { status: 500, times: 1 } } });
      assertWentThrough(r, step);
      assert.deepEqual(r.log.calls.filter((c) => c.op === op).slice(0, 2).map((c) => c.status), [500, 200]);
    });

    test(`${op} (${step} step): a 429 with a reset that fits in the deadline is waited out`, async () => {
      const r = await scenario(stack, { step, faults: { [op]: { status: 429, headers: { 'X-RateLimit-Reset': '0.3' }, times: 1 } } });
      assertWentThrough(r, step);
      const mine = r.calls.filter((c) => c.operationId === op);
      assert.deepEqual(mine.slice(0, 2).map((c) => c.status), [429, 200]);
      const waited = Date.parse(mine[1].at) - Date.parse(mine[0].at);
      assert.ok(waited >= 280, `waited ${waited} ms for a 0.3 s reset`);
    });
  }

  test('Retry-After in seconds is honoured too', async () => {
    const r = await scenario(stack, { step: 'day', faults: { 'get-contact': { status: 429, headers: { 'Retry-After': '1' }, times: 1 } } });
    assertWentThrough(r, 'day');
    assert.ok(r.ms >= 950, `took ${r.ms} ms`);
  });

  test('a GET that times out once is retried', async () => {
    const r = await scenario(stack, { step: 'day', faults: { 'get-slots': { hang: true, times: 1 } } });
    assertWentThrough(r, 'day');
    assert.deepEqual(r.log.calls.filter((c) => c.op === 'get-slots').map((c) => c.status), ['timeout', 200]);
  });

  // GHL saved the booking's fields but both answers came after the worker
  // gave up: the contact is read again, shows the save, and the
  // confirmation goes out once; nothing is undone or booked twice.
  test('a save carried out but answered after the timeout is found by reading the contact again', async () => {
    const r = await scenario(stack, { step: 'time', faults: { 'update-contact': { lateMs: 1300, times: 2 } } });
    assertWentThrough(r, 'time');
    assert.deepEqual(r.log.calls.map((c) => `${c.op}:${c.status}`),
      ['get-contact:200', 'create-appointment:200', 'update-contact:timeout', 'update-contact:timeout', 'get-contact:200',
        'send-a-new-message:200'], 'the save and its one retry, read again, the reply; no undo, no second booking');
    assert.equal(r.sent.length, 1, r.sent.join(' | '));
    assert.equal(r.log.outcome, 'saved_late');
  });

  // A gateway's 502 or 504 may come after GHL did the work: such a send is
  // looked for, never sent twice; a booking is looked for, never made twice.
  test('a send or a booking GHL made but answered 502/504 is looked for, not repeated', async () => {
    const sent = await scenario(stack, { step: 'day', faults: { 'send-a-new-message': { lateMs: 0, status: 502, times: 1 } } });
    assert.equal(sent.res.status, 200);
    assert.equal(sent.fieldsAfter.booking_step, 'time');
    assert.equal(sent.sent.length, 1, sent.sent.join(' | '));
    assert.match(sent.sent[0], /^Tengo estos horarios/);
    assert.equal(sent.count('send-a-new-message'), 1);
    assert.equal(sent.log.outcome, 'delivered');
    const booked = await scenario(stack, { step: 'time', faults: { 'create-appointment': { lateMs: 0, status: 504, times: 1 } } });
    assertWentThrough(booked, 'time');
    assert.equal(booked.count('create-appointment'), 1);
    assert.equal(booked.count('get-appointments-for-contact'), 1);
  });

  test('a slow answer inside the timeout is simply awaited', async () => {
    const r = await scenario(stack, { step: 'time', faults: { 'create-appointment': { delayMs: 200 } } });
    assertWentThrough(r, 'time');
  });
});

describe('get-custom-fields on a cold isolate', () => {
  test('fails (500, timeout, 429) without touching anything, then a retried 500 works and is cached', async () => {
    const cold = await startStack({ env: ENV });
    try {
      for (const fault of [{ status: 500 }, { hang: true }, { status: 429, headers: { 'Retry-After': '60' } }]) {
        const r = await scenario(cold, { step: 'day', faults: { 'get-custom-fields': fault } });
        assertNothingAdvanced(r);
        assert.equal(r.res.body.reply, TRY_AGAIN.es, JSON.stringify(fault));
        assert.deepEqual(r.sent, [TRY_AGAIN.es]);
        assert.equal(r.count('get-contact'), 0, 'no map, no read');
        assert.equal(r.count('update-contact'), 0);
        assert.equal(r.count('get-custom-fields'), fault.status === 429 ? 1 : 2);
      }
      const r = await scenario(cold, { step: 'day', faults: { 'get-custom-fields': { status: 500, times: 1 } } });
      assertWentThrough(r, 'day');
      assert.equal(r.count('get-custom-fields'), 2);
      // Cached from now on: a broken endpoint no longer matters.
      const again = await scenario(cold, { step: 'day', faults: { 'get-custom-fields': { status: 500 } } });
      assertWentThrough(again, 'day');
      assert.equal(again.count('get-custom-fields'), 0);
      assert.deepEqual(cold.ghl.validationErrors(), []);
    } finally {
      await cold.close();
    }
  });

  test('a 429 on the first call is waited out', async () => {
    const cold = await startStack({ env: ENV });
    try {
      const r = await scenario(cold, {
        step: 'day', faults: { 'get-custom-fields': { status: 429, headers: { 'X-RateLimit-Reset': '0.3' }, times: 1 } },
      });
      assertWentThrough(r, 'day');
      assert.deepEqual(r.log.calls.slice(0, 2).map((c) => [c.op, c.status]), [['get-custom-fields', 429], ['get-custom-fields', 200]]);
      assert.deepEqual(cold.ghl.validationErrors(), []);
    } finally {
      await cold.close();
    }
  });
});

test('the webhook log line names each call and the outcome, never the token', () => {
  const lines = stack.webhookLogs();
  assert.ok(lines.length > 40);
  for (const l of lines) {
    assert.ok(Array.isArray(l.calls));
    assert.equal(typeof l.ms, 'number');
    assert.ok(l.outcome, JSON.stringify(l));
    for (const c of l.calls) assert.ok(c.op && c.status !== undefined && typeof c.ms === 'number', JSON.stringify(c));
  }
  assert.ok(!stack.logs.some((line) => line.includes(TOKEN)));
});

test('every request the worker sent matched the GHL spec', () => {
  assert.deepEqual(ghl.validationErrors(), []);
});
