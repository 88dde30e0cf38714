// Shared set-up for the emulator tests: an emulator on an ephemeral port
// with a fixed clock, and a GHL client that sends what the worker sends.
import { createEmulator } from '../../emulator/ghl-emulator.js';

export const TOKEN = 'test-token';
// Tuesday 2026-12-01 08:00 in Mexico City (UTC-6 all year).
export const NOW = new Date('2026-12-01T14:00:00Z');

const VERSIONS = { contacts: '2021-07-28', locations: '2021-07-28', calendars: '2021-04-15', conversations: '2021-04-15' };

export async function startEmulator(options = {}) {
  const emulator = createEmulator({ token: TOKEN, now: () => NOW, quiet: true, ...options });
  await emulator.start(0);
  return emulator;
}

// GHL request as the worker makes it; `version: null` / `token: null` omit the header.
export async function ghl(emulator, method, path, { body, version, token = TOKEN, headers = {}, signal } = {}) {
  const h = { Accept: 'application/json', ...headers };
  const v = version === undefined ? VERSIONS[path.split('/')[1]] : version;
  if (v !== null) h.Version = v;
  if (token !== null) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(emulator.url + path, {
    method,
    headers: h,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

export function slotsQuery({ from, to, timezone } = {}) {
  const q = new URLSearchParams({ startDate: String(Date.parse(from)), endDate: String(Date.parse(to)) });
  if (timezone) q.set('timezone', timezone);
  return q.toString();
}

export function fieldId(emulator, key) {
  return emulator.listCustomFields().find((f) => f.fieldKey === `contact.${key}`).id;
}
