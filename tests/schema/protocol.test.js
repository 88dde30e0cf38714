// core/protocol.schema.json itself: it accepts the exchanges the protocol
// allows and refuses the ones it does not, so a check against it means
// something. (Real exchanges are checked by the native and e2e tests.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { protocolErrors } from './protocol.js';

const request = (extra = {}) => ({ state: {}, message: { id: 'm1', text: 'hola' }, now: '2026-11-25T10:00:00-06:00', ...extra });
const common = { ok: true, step: 'time', language: 'es', outcome: 'command' };
const perform = (command) => ({ ...common, action: 'perform', handled: false, command });
const saveAndSend = (extra = {}) => ({ ...common, action: 'save_and_send', id: 1, updates: {}, reply: 'hola', handled: true, ...extra });

test('requests: valid ones pass, each broken one is refused', () => {
  const valid = {
    'a first call': request(),
    'with saved and config': request({ saved: { booking_step: 'name' }, config: { MIN_BUDGET: 300, BOOKING_DAYS: 'tue-fri' } }),
    'a failed read': request({ results: [{ id: 0, type: 'failed', during: 'read' }] }),
    'every result type': request({
      results: [
        { id: 1, type: 'slots', date: '2026-11-26', slots: ['2026-11-26T10:00:00-06:00'] },
        { id: 2, type: 'booked', appointment_id: 'a1', slot: '2026-11-26T10:00:00-06:00' },
        { id: 3, type: 'failed', during: 'send' },
        { id: 4, type: 'cancelled' },
        { id: 5, type: 'failed', status: 400, error: 'The slot you have selected is no longer available.' },
      ],
    }),
  };
  for (const [name, req] of Object.entries(valid)) assert.deepEqual(protocolErrors(req), [], name);
  const invalid = {
    'no state': (() => { const r = request(); delete r.state; return r; })(),
    'state not an object': request({ state: 'name' }),
    'a field that is an object': request({ state: { booking_step: { x: 1 } } }),
    'message without id': request({ message: { text: 'hola' } }),
    'a result without id': request({ results: [{ type: 'cancelled' }] }),
    'a result of unknown type': request({ results: [{ id: 1, type: 'slot_taken', slot: 'x' }] }),
    'a read failure with another id': request({ results: [{ id: 2, type: 'failed', during: 'read' }] }),
    'booked without appointment_id': request({ results: [{ id: 1, type: 'booked', slot: 'x' }] }),
    'slots with a bad date': request({ results: [{ id: 1, type: 'slots', date: 'thursday', slots: [] }] }),
    'nine results': request({ results: Array.from({ length: 9 }, (_, i) => ({ id: i + 1, type: 'cancelled' })) }),
    'an unknown config key': request({ config: { AGENT: 'x' } }),
    'an unknown member': request({ extra: 1 }),
  };
  for (const [name, req] of Object.entries(invalid)) assert.notDeepEqual(protocolErrors(req), [], name);
});

test('answers: exactly one action each, with what it needs', () => {
  const valid = {
    'perform fetch_slots': perform({ id: 1, type: 'fetch_slots', date: '2026-11-26', until: '2026-12-09' }),
    'perform book': perform({ id: 2, type: 'book', slot: '2026-11-26T10:00:00-06:00', title: 'Llamada con Ana' }),
    'perform cancel': perform({ id: 3, type: 'cancel', appointment_id: 'a1' }),
    'save and send': saveAndSend({ updates: { booking_step: 'goal' } }),
    'save only (reply null)': saveAndSend({ reply: null, handled: false }),
    nothing: { ...common, action: 'nothing', handled: true },
    'a refusal': { ok: false, error: 'bad_request', message: 'state must be an object' },
  };
  for (const [name, res] of Object.entries(valid)) assert.deepEqual(protocolErrors(undefined, res), [], name);
  const invalid = {
    'perform without a command': { ...common, action: 'perform', handled: false },
    'perform that counts as handled': { ...perform({ id: 1, type: 'cancel', appointment_id: 'a1' }), handled: true },
    'a command without id': perform({ type: 'cancel', appointment_id: 'a1' }),
    'an unknown command': perform({ id: 1, type: 'reschedule', appointment_id: 'a1' }),
    'book without a title': perform({ id: 1, type: 'book', slot: 'x' }),
    'fetch_slots without the last day': perform({ id: 1, type: 'fetch_slots', date: '2026-11-26' }),
    'save and send without id': (() => { const r = saveAndSend(); delete r.id; return r; })(),
    'save and send with a command too': saveAndSend({ command: { id: 1, type: 'cancel', appointment_id: 'a1' } }),
    'a number in updates': saveAndSend({ updates: { customer_budget: 900 } }),
    'nothing without handled': { ...common, action: 'nothing' },
    'an unknown action': { ...common, action: 'maybe', handled: true },
    'an unknown error kind': { ok: false, error: 'oops', message: 'x' },
  };
  for (const [name, res] of Object.entries(invalid)) assert.notDeepEqual(protocolErrors(undefined, res), [], name);
});
