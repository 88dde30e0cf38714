// scripts/booking-days.js: BOOKING_DAYS read as core/config.cpp reads it
// (checked here against the WASM core itself, when it is built), and the
// dates and slots `npm run ghl:setup` says the bot would offer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  comingDays, dayLabel, daysText, daysValue, fold, parseBookingDays, readBookingDays, slotsToOffer, trim,
} from '../../scripts/booking-days.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TUE_FRI = [2, 3, 4, 5];
const ALL = [0, 1, 2, 3, 4, 5, 6];
const unknown = (item) => `BOOKING_DAYS: unknown day in '${item}' (use e.g. tue,wed,thu,fri)`;
const NONE = 'BOOKING_DAYS: no days given (use e.g. tue,wed,thu,fri)';

// [value, the weekdays it means (0 = Sunday) or the error the core gives].
const CASES = [
  ['tue,wed,thu,fri', TUE_FRI],
  ['tue-fri', TUE_FRI],
  ['2,3,4,5', TUE_FRI],
  ['2-5', TUE_FRI],
  ['1-5', [1, 2, 3, 4, 5]],
  ['0', [0]],
  ['6', [6]],
  ['Mon, Wednesday ,FRI', [1, 3, 5]],
  ['Tuesday-Thursday', [2, 3, 4]],
  ['lunes,miércoles,viernes', [1, 3, 5]],
  ['MIÉRCOLES', [3]],
  ['mie\u0301rcoles', [3]],  // the accent as a combining mark
  ['miercoles', [3]],
  ['mie', [3]],
  ['mar-jue', [2, 3, 4]],  // "mar" is martes
  ['sábado-domingo', [6, 0]],
  ['sab,dom', [6, 0]],
  ['fri-mon', [5, 6, 0, 1]],  // a range wraps round the week
  ['sat-fri', ALL],
  ['sun-sat', ALL],
  ['wed-wed', [3]],
  ['tue,tue', [2]],
  ['tue - fri', TUE_FRI],
  ['tue,,wed,', [2, 3]],  // empty items are skipped
  ['tue.', [2]],  // punctuation around a word is trimmed, as in the core
  ['(mon)-(wed)', [1, 2, 3]],
  ['\ttue\n', [2]],
  ['3-tue', [3, 4, 5, 6, 0, 1, 2]],  // numbers and names mix

  ['funday', unknown('funday')],
  ['Funday', unknown('funday')],  // the message shows the folded item
  ['tues', unknown('tues')],
  ['thur', unknown('thur')],
  ['Lundi', unknown('lundi')],
  ['7', unknown('7')],
  ['10', unknown('10')],
  ['-1', unknown('-1')],
  ['1.5', unknown('1.5')],
  ['mon-', unknown('mon-')],
  ['-fri', unknown('-fri')],
  ['mon-tue-wed', unknown('mon-tue-wed')],  // one dash per item
  ['mon;tue', unknown('mon;tue')],  // only commas separate
  ['mon tue', unknown('mon tue')],
  ['tue,someday,fri', unknown('someday')],  // the first bad item is named
  ['ÑOÑO', unknown('nono')],
  ['', NONE],
  [' ', NONE],
  [',,', NONE],
  ['...', NONE],
];

const asDays = (list) => ALL.map((d) => list.includes(d));

test('BOOKING_DAYS parses as in core/config.cpp: the table', () => {
  for (const [value, want] of CASES) {
    const got = parseBookingDays(value);
    if (typeof want === 'string') assert.deepEqual(got, { error: want }, JSON.stringify(value));
    else assert.deepEqual(got, { days: asDays(want) }, JSON.stringify(value));
  }
});

test('unset or empty BOOKING_DAYS is the default tue,wed,thu,fri, as the worker hands it to the core', () => {
  for (const value of [undefined, null, '']) {
    assert.deepEqual(readBookingDays(value), { days: asDays(TUE_FRI), value: 'tue,wed,thu,fri', set: false });
  }
  assert.deepEqual(readBookingDays('mon'), { days: asDays([1]), value: 'mon', set: true });
  assert.deepEqual(readBookingDays(' '), { error: NONE, value: ' ', set: true });
  assert.deepEqual(readBookingDays('x'), { error: unknown('x'), value: 'x', set: true });
});

// The core itself, when wasm/dist is built: for each case, its config error,
// or which of seven consecutive dates it accepts as a day to book.
async function loadCore() {
  const dir = path.join(root, 'wasm/dist');
  if (!fs.existsSync(path.join(dir, 'booking.wasm')) || !fs.existsSync(path.join(dir, 'booking.mjs'))) return null;
  const { default: create } = await import(path.join(dir, 'booking.mjs'));
  const wasm = new WebAssembly.Module(fs.readFileSync(path.join(dir, 'booking.wasm')));
  const core = await create({
    print() {}, printErr() {}, locateFile: (p) => p,
    instantiateWasm(imports, done) {
      const instance = new WebAssembly.Instance(wasm, imports);
      done(instance, wasm);
      return instance.exports;
    },
  });
  return (request) => {
    const text = JSON.stringify(request);
    const size = core.lengthBytesUTF8(text) + 1;
    const input = core._malloc(size);
    core.stringToUTF8(text, input, size);
    const output = core._booking_handle(input, size - 1);
    try {
      return JSON.parse(core.UTF8ToString(output));
    } finally {
      core._free(output);
      core._free(input);
    }
  };
}

test('the table agrees with the WASM core', async (t) => {
  const run = await loadCore();
  if (!run) return t.skip('wasm/dist is not built (bash scripts/build-wasm.sh)');
  // A lead who has answered everything and is asked for a day, on Sunday 2026-11-29.
  const state = {
    booking_step: 'day', language: 'en', customer_name: 'Ana', customer_goal: 'more clients',
    customer_pain_point: 'few leads', customer_budget: '500', customer_email: 'ana@example.com',
  };
  const week = ['2026-12-06', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'];
  for (const [value] of CASES) {
    const answers = week.map((date) => run({
      state, message: { id: `m-${date}`, text: date }, config: { BOOKING_DAYS: value }, now: '2026-11-29T10:00:00-06:00',
    }));
    const mine = readBookingDays(value);
    if (!answers[0].ok) {
      assert.equal(answers[0].error, 'config', JSON.stringify(value));
      assert.deepEqual({ error: answers[0].message }, { error: mine.error }, JSON.stringify(value));
      continue;
    }
    const days = answers.map((a) => a.command?.type === 'fetch_slots');
    assert.deepEqual({ days }, { days: mine.days }, JSON.stringify(value));
  }
});

test('fold and trim are those of core/text.cpp', () => {
  assert.equal(fold('MIÉRCOLES Sábado ÀÉÎÕÜÇÑÝ'), 'miercoles sabado aeioucny');
  assert.equal(fold('Æ×ØÞ'), 'æ×øþ');
  assert.equal(fold('e\u0301'), 'e');
  assert.equal(fold('ΔЖ'), 'δж');
  assert.equal(trim(' (tue.) '), 'tue');
  assert.equal(trim('_*~tue~*_'), 'tue');
  assert.equal(trim('mon-'), 'mon-');
  assert.equal(trim('.,;'), '');
});

test('names for the output', () => {
  assert.equal(daysText(asDays([0, 2, 3, 4, 5])), 'Tue, Wed, Thu, Fri, Sun');
  assert.equal(daysValue(asDays([6, 1])), 'mon,sat');
  assert.equal(dayLabel('2026-12-01'), 'Tue 2026-12-01');
});

test('the coming days: from tomorrow, across month and year ends, marked bookable or not', () => {
  const days = comingDays('2026-12-30', asDays(TUE_FRI), 14);
  assert.equal(days.length, 14);
  assert.deepEqual(days[0], { date: '2026-12-31', bookable: true });  // a Thursday
  assert.deepEqual(days.slice(1, 5), [
    { date: '2027-01-01', bookable: true }, { date: '2027-01-02', bookable: false },
    { date: '2027-01-03', bookable: false }, { date: '2027-01-04', bookable: false },
  ]);
  assert.equal(days.at(-1).date, '2027-01-13');
  assert.ok(!days.some((d) => d.date === '2026-12-30'), 'never today');
  assert.deepEqual(comingDays('2028-02-28', asDays(ALL), 2).map((d) => d.date), ['2028-02-29', '2028-03-01']);
});

test('a day\'s slots as the core offers them: that date only, sorted, no repeats, at most 5 spread evenly', () => {
  assert.deepEqual(slotsToOffer(undefined, '2026-12-02'), { free: 0, offered: [] });
  assert.deepEqual(slotsToOffer([
    '2026-12-02T14:00:00-06:00', '2026-12-02T10:00:00-06:00', '2026-12-02T10:00:00-06:00',
    '2026-12-03T09:00:00-06:00',  // another date
    '2026-12-02T11:00:00',  // no offset: the core cannot trust its wall clock
    '2026-12-02T24:00:00-06:00', 'soon', 42, null,
    '2026-12-02t16:30Z', '2026-12-02T08:15:00.000+0530',
  ], '2026-12-02'), { free: 4, offered: ['08:15', '10:00', '14:00', '16:30'] });
  const nine = ['08:30', '09:00', '10:00', '11:00', '12:00', '13:30', '15:00', '17:00', '18:30'];
  assert.deepEqual(slotsToOffer(nine.map((t) => `2026-12-02T${t}:00-06:00`), '2026-12-02'),
    { free: 9, offered: ['08:30', '10:00', '12:00', '15:00', '18:30'] });
});
