// The real stack for end-to-end tests: the Worker (with the built WASM
// core) in workerd through Miniflare, talking over HTTP to the GHL
// emulator, fed signed webhooks as GHL would send them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { createEmulator } from '../../emulator/ghl-emulator.js';
import { createDevKeys, inboundMessage, signedDelivery } from '../../emulator/webhooks.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TOKEN = 'e2e-secret-token-5f1c9a';
export const TZ = 'America/Mexico_City';

let sharedKeys = null;
export const keys = () => (sharedKeys ??= createDevKeys());

export async function startStack({ emulator = {}, env = {} } = {}) {
  const ghl = createEmulator({ token: TOKEN, quiet: true, ...emulator });
  const base = await ghl.start(0);
  const logs = [];
  const mf = new Miniflare({
    modules: true,
    scriptPath: path.join(root, 'worker.js'),
    modulesRoot: root,
    modulesRules: [
      { type: 'ESModule', include: ['**/*.js', '**/*.mjs'] },
      { type: 'CompiledWasm', include: ['**/*.wasm'] },
    ],
    compatibilityDate: '2025-09-01',
    durableObjects: { CONTACT_QUEUE: { className: 'ContactQueue', useSQLite: true } },
    bindings: {
      GHL_API_BASE: base,
      GHL_API_TOKEN: TOKEN,
      GHL_LOCATION_ID: 'loc_dev',
      GHL_CALENDAR_ID: 'cal_dev',
      BUSINESS_TIMEZONE: TZ,
      GHL_WEBHOOK_PUBLIC_KEY: keys().publicKey,
      GHL_TIMEOUT_MS: '500',
      WEBHOOK_DEADLINE_MS: '4000',
      ...env,
    },
    handleRuntimeStdio(stdout, stderr) {
      const collect = (chunk) => {
        for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(line);
      };
      stdout.on('data', collect);
      stderr.on('data', collect);
    },
  });
  await mf.ready;

  async function post(raw, headers, pathName = '/webhook') {
    const res = await mf.dispatchFetch(`http://worker${pathName}`, { method: 'POST', headers, body: raw });
    const text = await res.text();
    let body = null;
    try { body = JSON.parse(text); } catch { body = text; }
    return { status: res.status, body };
  }

  // Sends one signed WhatsApp message from `contactId`.
  async function say(contactId, text, opts = {}) {
    const payload = { ...inboundMessage({ contactId, text, ...opts }), ...(opts.extra || {}) };
    const { raw, headers } = signedDelivery(payload, keys().privateKey);
    return post(raw, headers);
  }

  return {
    ghl, mf, logs, post, say,
    webhookLogs: () => logs.filter((l) => l.startsWith('{')).map((l) => { try { return JSON.parse(l); } catch { return null; } }).filter((l) => l?.event === 'webhook'),
    async close() {
      await mf.dispose();
      await ghl.stop();
    },
  };
}

// The next date (in the business zone) whose weekday is `weekday` (0 = Sunday),
// at least 2 days ahead, as YYYY-MM-DD, with its weekday names.
export function nextWeekday(weekday, now = new Date()) {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const [y, m, d] = local.split('-').map(Number);
  for (let add = 2; add < 10; add++) {
    const date = new Date(Date.UTC(y, m - 1, d + add));
    if (date.getUTCDay() === weekday) return date.toISOString().slice(0, 10);
  }
  throw new Error('unreachable');
}

export const SPANISH_DAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
export const ENGLISH_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
