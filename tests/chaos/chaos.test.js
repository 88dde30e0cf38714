// The chaos run (tests/chaos/chaos.js) as a bounded test: first without
// faults, which proves the driver's own checks sound (a violation there is a
// bug in the driver, not in the worker); then 3 seeds × 12 conversations
// with 15 % of all GHL calls failing (5xx, 429 with and without
// Retry-After, hangs, writes carried out but answered after the timeout),
// where every exactly-once invariant must hold. A failure lists each
// violation with the command that reruns its conversation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TRY_AGAIN, bookableDates, englishTurns, spanishTurns } from '../e2e/harness.js';
import { answerProblem, leadReads, runChaos, stepAskedBy } from './chaos.js';

const list = (violations) => violations.map((v) => `${v.invariant} ${v.kind} (seed ${v.seed}, conv ${v.conv})`);

test('the step table knows every reply of the harness conversations, and nothing else', () => {
  for (const date of bookableDates(6)) {
    for (const turns of [spanishTurns(date), englishTurns(date)]) {
      for (const [, reply, step] of turns) {
        assert.equal(stepAskedBy(reply), step, reply);
        assert.equal(leadReads(reply), step, `the lead reads: ${reply}`);
      }
    }
  }
  for (const text of [TRY_AGAIN.es, TRY_AGAIN.en, 'No logré entender tu nombre. ¿Me lo escribes de nuevo?',
    'Ese horario se acaba de ocupar. Para el martes 8 de diciembre todavía tengo: 10am, 4pm. ¿Cuál prefieres?']) {
    assert.equal(stepAskedBy(text), null, text);
  }
});

test('a worker answer: 200, or an error with a short JSON {error, message}', () => {
  assert.equal(answerProblem(200, { step: 'name', reply: 'x' }, '{}'), null);
  assert.equal(answerProblem(502, { error: 'ghl_failed', message: 'retry later' }, '{"error":"ghl_failed","message":"retry later"}'), null);
  assert.match(answerProblem(500, null, 'Internal Server Error'), /JSON/);
  assert.match(answerProblem(500, { error: 'x', message: 'y' }, 'Error: y\n    at handle (worker.js:1:2)'), /stack/);
  assert.match(answerProblem(200, 'ok', 'ok'), /JSON object/);
});

test('without faults the driver finds nothing, and every lead gets booked', { timeout: 120_000 }, async (t) => {
  const { violations, stats, lines } = await runChaos({ seed: 'calm', conversations: 12, rate: 0 });
  t.diagnostic(lines.join('\n'));
  assert.deepEqual(list(violations), [], lines.join('\n'));
  assert.equal(stats.faults, 0);
  assert.equal(stats.finished, 12, lines.join('\n'));
  assert.deepEqual(Object.keys(stats.answers), ['200']);
});

for (const seed of [1, 2, 3]) {
  test(`seed ${seed}: 12 conversations with 15 % of GHL calls failing keep every invariant`, { timeout: 180_000 }, async (t) => {
    const { violations, stats, lines } = await runChaos({ seed, conversations: 12, rate: 0.15 });
    t.diagnostic(lines.slice(0, 6).join('\n'));
    assert.ok(stats.faults > 0, 'faults were injected');
    assert.deepEqual(list(violations), [], lines.join('\n'));
  });
}
