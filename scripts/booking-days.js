// The days the bot offers calls on, for `npm run ghl:setup`: BOOKING_DAYS
// read as the core reads it, the bookable dates of the coming days, and
// the slots of a day as the core would offer them.
//
// parseBookingDays mirrors set_booking_days in core/config.cpp (with fold
// and trim from core/text.cpp): same syntax, same results, same error
// texts. Change the two together; tests/emulator/booking-days.test.js
// holds the cases.

export const DEFAULT_BOOKING_DAYS = 'tue,wed,thu,fri';

// 0 = Sunday, as in the core and in Date#getUTCDay.
export const WEEKDAY_ABBR = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// parse_weekday's table: English and Spanish, 3-letter and full, folded.
const NAMES = [
  ['sun', 'sunday', 'dom', 'domingo'],
  ['mon', 'monday', 'lun', 'lunes'],
  ['tue', 'tuesday', 'mar', 'martes'],
  ['wed', 'wednesday', 'mie', 'miercoles'],
  ['thu', 'thursday', 'jue', 'jueves'],
  ['fri', 'friday', 'vie', 'viernes'],
  ['sat', 'saturday', 'sab', 'sabado'],
];

// kLatin1Fold of core/text.cpp: U+00C0..U+00FF → ASCII letter, or '' for none.
const LATIN1_FOLD = [
  'a', 'a', 'a', 'a', 'a', 'a', '', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
  '', 'n', 'o', 'o', 'o', 'o', 'o', '', '', 'u', 'u', 'u', 'u', 'y', '', '',
  'a', 'a', 'a', 'a', 'a', 'a', '', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
  '', 'n', 'o', 'o', 'o', 'o', 'o', '', '', 'u', 'u', 'u', 'u', 'y', '', 'y',
];

// fold() of core/text.cpp: ASCII lower case, Latin-1 letters to their ASCII
// base, combining accents dropped, Greek/Cyrillic capitals lower-cased.
export function fold(s) {
  let out = '';
  for (const ch of String(s)) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) out += cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : ch;
    else if (cp >= 0xc0 && cp <= 0xff && LATIN1_FOLD[cp - 0xc0]) out += LATIN1_FOLD[cp - 0xc0];
    else if (cp >= 0xc0 && cp <= 0xde && cp !== 0xd7) out += String.fromCodePoint(cp + 0x20);
    else if (cp >= 0x300 && cp <= 0x36f) continue;
    else if ((cp >= 0x391 && cp <= 0x3a9) || (cp >= 0x410 && cp <= 0x42f)) out += String.fromCodePoint(cp + 0x20);
    else out += ch;
  }
  return out;
}

// trim() of core/text.cpp: white space and the punctuation around words.
const EDGE = ' \t\n\r\f\v.,;:!?"()*_~';
export function trim(s) {
  let a = 0;
  let b = s.length;
  while (a < b && EDGE.includes(s[a])) a++;
  while (b > a && EDGE.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

function parseWeekday(folded) {
  if (/^[0-6]$/.test(folded)) return Number(folded);
  return NAMES.findIndex((names) => names.includes(folded));
}

// set_booking_days: "tue,wed,thu,fri", "2,3,4,5" (0 = Sunday), Spanish
// names, accents optional, ranges "tue-fri" (wrapping: "fri-mon").
// → {days: [7 booleans, 0 = Sunday]} or {error: '<message naming BOOKING_DAYS>'}.
export function parseBookingDays(value) {
  const days = Array(7).fill(false);
  let any = false;
  for (const raw of fold(value).split(',')) {
    const item = trim(raw);
    if (!item) continue;
    const dash = item.indexOf('-');
    const from = parseWeekday(trim(dash < 0 ? item : item.slice(0, dash)));
    const to = dash < 0 ? from : parseWeekday(trim(item.slice(dash + 1)));
    if (from < 0 || to < 0) return { error: `BOOKING_DAYS: unknown day in '${item}' (use e.g. tue,wed,thu,fri)` };
    for (let d = from; ; d = (d + 1) % 7) {
      days[d] = true;
      if (d === to) break;
    }
    any = true;
  }
  if (!any) return { error: 'BOOKING_DAYS: no days given (use e.g. tue,wed,thu,fri)' };
  return { days };
}

// The variable as the worker hands it to the core: unset or "" leaves the
// default (core/protocol.cpp, read_config), anything else must parse.
export function readBookingDays(value) {
  const set = typeof value === 'string' && value !== '';
  return { ...parseBookingDays(set ? value : DEFAULT_BOOKING_DAYS), value: set ? value : DEFAULT_BOOKING_DAYS, set };
}

// "Tue, Wed, Thu, Fri": the week from Monday, as the bot's replies list it.
export function daysText(days) {
  return [1, 2, 3, 4, 5, 6, 0].filter((d) => days[d]).map((d) => WEEKDAY_ABBR[d]).join(', ');
}

// "mon,sat": the same set in BOOKING_DAYS syntax.
export function daysValue(days) {
  return [1, 2, 3, 4, 5, 6, 0].filter((d) => days[d]).map((d) => WEEKDAY_ABBR[d].toLowerCase()).join(',');
}

// Calendar dates as "YYYY-MM-DD".
export function addDays(date, n) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export const weekdayOf = (date) => new Date(`${date}T00:00:00Z`).getUTCDay();

// "Tue 2026-12-01".
export const dayLabel = (date) => `${WEEKDAY_ABBR[weekdayOf(date)]} ${date}`;

// The `ahead` dates after `today` (the bot never offers today), each with
// whether the bot offers it.
export function comingDays(today, days, ahead) {
  return Array.from({ length: ahead }, (_, i) => {
    const date = addDays(today, i + 1);
    return { date, bookable: days[weekdayOf(date)] };
  });
}

// A slot as core/slot.cpp (parse_slot) accepts it: ISO-8601 with an offset;
// its wall clock is the business's local time (GHL is asked in that zone).
const SLOT = /^(\d{4}-\d{2}-\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:[.,]\d+)?)?(?:[Zz]|[+-](?:0\d|1[0-4]):?[0-5]\d)$/;

// The slots the core would offer for `date` out of GHL's list for it
// (slots_to_offer in core/engine.cpp): that date's only, in time order, no
// repeats, thinned evenly to `max`. → {free: how many, offered: ["10:00", ...]}.
export const MAX_OFFERED = 5;
export function slotsToOffer(isos, date, max = MAX_OFFERED) {
  const times = new Set();
  for (const iso of Array.isArray(isos) ? isos : []) {
    const m = typeof iso === 'string' ? SLOT.exec(iso) : null;
    if (m && m[1] === date) times.add(`${m[2]}:${m[3]}`);
  }
  const all = [...times].sort();
  const offered = all.length <= max ? all : Array.from({ length: max }, (_, i) => all[Math.floor(i * (all.length - 1) / (max - 1))]);
  return { free: all.length, offered };
}
