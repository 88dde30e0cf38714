#!/usr/bin/env node
// Checks exchanges with the core against core/protocol.schema.json: a file
// of JSON lines {"request": ..., "answer": ...} (the native tests write one
// when BOOKING_PROTOCOL_TRACE names it). Exit 0 all valid, 1 not, 77 when
// ajv is not installed (ctest counts that as skipped).
//   node tests/schema/check.js <trace.jsonl> [--min N]
import fs from 'node:fs';

let protocolErrors;
try {
  ({ protocolErrors } = await import('./protocol.js'));
} catch (e) {
  console.log(`skipped: ajv is not installed (npm ci): ${e.message}`);
  process.exit(77);
}
const [file, flag, min] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/schema/check.js <trace.jsonl> [--min N]');
  process.exit(2);
}
const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
let bad = 0;
for (const [i, line] of lines.entries()) {
  const { request, answer } = JSON.parse(line);
  const errors = protocolErrors(request, answer);
  if (errors.length) {
    if (++bad <= 10) console.error(`${file}:${i + 1}: ${errors.join(' | ')}\n  ${line.slice(0, 300)}`);
  }
}
const least = flag === '--min' ? Number(min) : 1;
if (lines.length < least) {
  console.error(`${lines.length} exchanges in ${file}, expected at least ${least}`);
  process.exit(1);
}
console.log(`${lines.length - bad} of ${lines.length} exchanges follow core/protocol.schema.json`);
process.exit(bad ? 1 : 0);
