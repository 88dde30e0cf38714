// Time-zone arithmetic (via Intl, so DST follows the IANA database Node
// ships) and the calendar's slot generation.

const DAY_MS = 86_400_000;
const formatters = new Map();

function formatter(timeZone) {
  if (!formatters.has(timeZone)) {
    formatters.set(timeZone, new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }));
  }
  return formatters.get(timeZone);
}

export function isValidTimeZone(timeZone) {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

// Wall-clock fields of an instant in a zone.
export function wallTime(ms, timeZone) {
  const fields = {};
  for (const { type, value } of formatter(timeZone).formatToParts(new Date(ms))) {
    if (type !== 'literal') fields[type] = Number(value);
  }
  return fields;
}

// Minutes east of UTC at that instant.
export function offsetMinutes(ms, timeZone) {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

// The instant at which the zone's clocks show that wall time; null when the
// wall time does not exist (skipped by a DST jump). When it exists twice
// (clocks set back) the earlier instant is taken.
export function zonedToEpoch({ year, month, day, hour, minute }, timeZone) {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const candidates = new Set();
  for (const probe of [guess - DAY_MS / 2, guess, guess + DAY_MS / 2]) {
    candidates.add(guess - offsetMinutes(probe, timeZone) * 60_000);
  }
  const matching = [...candidates]
    .filter((ms) => {
      const w = wallTime(ms, timeZone);
      return w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute;
    })
    .sort((a, b) => a - b);
  return matching.length ? matching[0] : null;
}

const pad = (n, width = 2) => String(n).padStart(width, '0');

export function localDate(ms, timeZone) {
  const w = wallTime(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

// "YYYY-MM-DDTHH:mm:ss±HH:MM", the form GHL renders slots in.
export function formatInZone(ms, timeZone) {
  const w = wallTime(ms, timeZone);
  const off = offsetMinutes(ms, timeZone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// Start times configured for a weekday (0 = Sunday … 6 = Saturday; 7 is
// accepted for Sunday). `slotTimes` is one list for every open day or a map
// weekday → list.
function timesFor(calendar, weekday) {
  const open = calendar.weekdays.map((d) => d % 7);
  if (!open.includes(weekday)) return [];
  const times = calendar.slotTimes;
  if (Array.isArray(times)) return times;
  return times[weekday] ?? (weekday === 0 ? times[7] : undefined) ?? [];
}

// Every slot the calendar offers whose start lies in [fromMs, toMs],
// bookings and the clock aside: [{startMs, endMs}] in time order.
export function offeredSlots(calendar, fromMs, toMs) {
  const slots = [];
  const durationMs = calendar.durationMinutes * 60_000;
  // A day's margin either side: the range's ends are instants, not dates.
  const first = wallTime(fromMs - DAY_MS, calendar.timeZone);
  const last = localDate(toMs + DAY_MS, calendar.timeZone);
  for (let day = Date.UTC(first.year, first.month - 1, first.day); ; day += DAY_MS) {
    const d = new Date(day);
    const iso = d.toISOString().slice(0, 10);
    if (iso > last) break;
    for (const time of timesFor(calendar, d.getUTCDay())) {
      const [hour, minute] = time.split(':').map(Number);
      const startMs = zonedToEpoch({
        year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour, minute,
      }, calendar.timeZone);
      if (startMs !== null && startMs >= fromMs && startMs <= toMs) {
        slots.push({ startMs, endMs: startMs + durationMs });
      }
    }
  }
  return slots.sort((a, b) => a.startMs - b.startMs);
}

const overlaps = (a, b) => a.startMs < b.endMs && b.startMs < a.endMs;

// Offered slots that start after `nowMs` and overlap no booking.
export function freeSlots(calendar, { fromMs, toMs, nowMs, booked }) {
  return offeredSlots(calendar, fromMs, toMs)
    .filter((slot) => slot.startMs > nowMs && !booked.some((b) => overlaps(slot, b)));
}

// The free-slots answer: {"YYYY-MM-DD": {slots: [...]}}, dates and times in
// `timeZone`, only dates that have a free slot.
export function slotsByDate(slots, timeZone) {
  const answer = {};
  for (const { startMs } of slots) {
    const date = localDate(startMs, timeZone);
    (answer[date] ??= { slots: [] }).slots.push(formatInZone(startMs, timeZone));
  }
  return answer;
}

export function isFreeSlot(calendar, startMs, { nowMs, booked }) {
  return freeSlots(calendar, { fromMs: startMs, toMs: startMs, nowMs, booked })
    .some((slot) => slot.startMs === startMs);
}
