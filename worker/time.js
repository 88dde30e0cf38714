// Time-zone work the core deliberately does not do: turning the clock into
// the business's local time, and a day into an epoch-ms window for GHL.

const formatters = new Map();

function formatter(timeZone) {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: config.js turns that into a clear error.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const pad = (n) => String(n).padStart(2, '0');

// "2026-11-25T10:30:00-06:00": the wall clock in `timeZone`, with its offset.
export function localNow(timeZone, date = new Date()) {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(date).map((x) => [x.type, x.value]));
  const wall = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  const offsetMin = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function checkTimeZone(timeZone) {
  formatter(timeZone);
}

// An epoch-ms window that surely covers the local day `date` (YYYY-MM-DD)
// in any zone (offsets span -12h..+14h); GHL keys its answer by local date,
// so the caller reads only that date's key.
export function dayWindow(date) {
  return rangeWindow(date, date);
}

// The same for the local days `from` to `until`, both included.
export function rangeWindow(from, until) {
  const [y, m, d] = from.split('-').map(Number);
  const [y2, m2, d2] = until.split('-').map(Number);
  const start = Date.UTC(y, m - 1, d) - 14 * 3600_000;
  const end = Date.UTC(y2, m2 - 1, d2 + 1) + 12 * 3600_000;
  return { startDate: start, endDate: end };
}
