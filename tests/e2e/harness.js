// The real stack for end-to-end tests: the Worker (with the built WASM
// core) in workerd through Miniflare, talking over HTTP to the GHL
// emulator, fed signed webhooks as GHL would send them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { createEmulator } from '../../emulator/ghl-emulator.js';
import { protocolErrors } from '../schema/protocol.js';
import { createDevKeys, inboundMessage, sign, signatureHeader, signedDelivery, workflowMessage } from '../../emulator/webhooks.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TOKEN = 'e2e-secret-token-5f1c9a';
export const TZ = 'America/Mexico_City';

let sharedKeys = null;
export const keys = () => (sharedKeys ??= createDevKeys());

export async function startStack({ emulator = {}, env = {} } = {}) {
  const ghl = createEmulator({ token: TOKEN, quiet: true, ...emulator });
  const base = await ghl.start(0);
  const logs = [];
  const bindings = {
    GHL_API_BASE: base,
    GHL_API_TOKEN: TOKEN,
    GHL_LOCATION_ID: 'loc_dev',
    GHL_CALENDAR_ID: 'cal_dev',
    BUSINESS_TIMEZONE: TZ,
    GHL_WEBHOOK_PUBLIC_KEY: keys().publicKey,
    GHL_TIMEOUT_MS: '500',
    WEBHOOK_DEADLINE_MS: '4000',
    CORE_TRACE: '1',
    ...env,
  };
  // `env: {NAME: undefined}` leaves NAME out altogether.
  for (const [k, v] of Object.entries(bindings)) if (v === undefined || v === null) delete bindings[k];
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
    bindings,
    handleRuntimeStdio(stdout, stderr) {
      // A long line may arrive in several chunks: keep the unfinished tail.
      const collector = () => {
        let tail = '';
        return (chunk) => {
          const lines = (tail + String(chunk)).split('\n');
          tail = lines.pop();
          for (const line of lines) if (line.trim()) logs.push(line);
        };
      };
      stdout.on('data', collector());
      stderr.on('data', collector());
    },
  });
  await mf.ready;

  async function post(raw, headers, pathName = '/webhook', method = 'POST') {
    const res = await mf.dispatchFetch(`http://worker${pathName}`, { method, headers, body: raw });
    const text = await res.text();
    let body = null;
    try { body = JSON.parse(text); } catch { body = text; }
    return { status: res.status, body, text, headers: res.headers };
  }

  // POSTs `payload` (an object, or a raw string) to /webhook, signed as GHL
  // signs today (Ed25519, x-ghl-signature) with the dev key, or in the
  // header of `privateKey`'s algorithm (an RSA key: legacy x-wh-signature),
  // or unsigned with `sign: false`.
  function deliver(payload, { sign: signIt = true, privateKey = keys().privateKey, headers = {} } = {}) {
    const raw = typeof payload === 'string' || payload instanceof Uint8Array ? payload : JSON.stringify(payload);
    const h = { 'content-type': 'application/json', ...headers };
    if (signIt) h[signatureHeader(privateKey)] = sign(raw, privateKey);
    return post(raw, h);
  }

  // POSTs a GHL Workflow payload to /workflow: `text` from `contactId` (or,
  // with contactId null, from `phone`), the secret in Custom Data, or in
  // the x-workflow-secret header with `secretIn: 'header'`.
  function workflow(contactId, text, { secret, secretIn = 'customData', customData = {}, headers = {}, ...opts } = {}) {
    const data = { ...customData };
    const h = { 'content-type': 'application/json', ...headers };
    if (secret !== undefined && secretIn === 'header') h['x-workflow-secret'] = secret;
    else if (secret !== undefined) data.secret = secret;
    return post(JSON.stringify(workflowMessage({ contactId, text, customData: data, ...opts })), h, '/workflow');
  }

  // A request to the emulator as a GHL API client (not the worker) makes it:
  // valid headers, so it never shows up in validationErrors().
  async function ghlApi(method, apiPath, body) {
    const version = apiPath.startsWith('/contacts') || apiPath.startsWith('/locations') ? '2021-07-28' : '2021-04-15';
    const headers = { Authorization: `Bearer ${TOKEN}`, Version: version, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(base + apiPath, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  // Sends one signed WhatsApp message from `contactId`.
  async function say(contactId, text, opts = {}) {
    const payload = { ...inboundMessage({ contactId, text, ...opts }), ...(opts.extra || {}) };
    const { raw, headers } = signedDelivery(payload, keys().privateKey);
    return post(raw, headers);
  }

  return {
    ghl, mf, logs, post, say, deliver, workflow, ghlApi,
    // A GET (or any method) to the worker.
    async request(pathName, init = {}) {
      const res = await mf.dispatchFetch(`http://worker${pathName}`, init);
      const text = await res.text();
      let body = null;
      try { body = JSON.parse(text); } catch { body = text; }
      return { status: res.status, body, text, headers: res.headers };
    },
    // Requests the worker made to GHL (admin calls are not logged).
    ghlCalls: (filter = () => true) => ghl.requests().filter(filter),
    ghlWrites: () => ghl.requests().filter((r) => r.method !== 'GET'),
    // The worker's JSON log lines of one event ('webhook', 'ignored', 'setup', ...).
    eventLogs: (event) => logs.filter((l) => l.startsWith('{')).map((l) => { try { return JSON.parse(l); } catch { return null; } }).filter((l) => l?.event === event),
    webhookLogs: () => logs.filter((l) => l.startsWith('{')).map((l) => { try { return JSON.parse(l); } catch { return null; } }).filter((l) => l?.event === 'webhook'),
    // Every exchange between the worker and the core (CORE_TRACE).
    coreExchanges: () => logs.filter((l) => l.startsWith('{"event":"core"')).map((l) => JSON.parse(l)),
    // Disposes of the stack, after checking that every exchange with the
    // core followed core/protocol.schema.json (so every test file checks it).
    async close() {
      const bad = [];
      let count = 0;
      for (const line of logs.filter((l) => l.startsWith('{"event":"core"'))) {
        count++;
        const { request, answer } = JSON.parse(line);
        const errors = protocolErrors(request, answer);
        if (errors.length) bad.push(`${errors.join(' | ')}\n  ${line.slice(0, 400)}`);
      }
      await mf.dispose();
      await ghl.stop();
      if (bad.length) throw new Error(`${bad.length} of ${count} exchanges with the core break core/protocol.schema.json:\n${bad.slice(0, 5).join('\n')}`);
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

// The next `n` dates (business zone) at least 2 days ahead whose weekday is
// in `weekdays` (default Tuesday to Friday, the bookable days), YYYY-MM-DD.
export function bookableDates(n, { weekdays = [2, 3, 4, 5], from = 2, now = new Date() } = {}) {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const [y, m, d] = local.split('-').map(Number);
  const out = [];
  for (let add = from; out.length < n; add++) {
    const date = new Date(Date.UTC(y, m - 1, d + add));
    if (weekdays.includes(date.getUTCDay())) out.push(date.toISOString().slice(0, 10));
  }
  return out;
}

export const weekdayOf = (date) => new Date(`${date}T12:00:00Z`).getUTCDay();

export const SPANISH_MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto',
  'septiembre', 'octubre', 'noviembre', 'diciembre'];
export const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

// How the bot writes a date: "jueves 3 de diciembre" / "Thursday, December 3".
export function dayPhrase(date, lang) {
  const [, m, d] = date.split('-').map(Number);
  const w = weekdayOf(date);
  return lang === 'es' ? `${SPANISH_DAYS[w]} ${d} de ${SPANISH_MONTHS[m - 1]}` : `${ENGLISH_DAYS[w]}, ${ENGLISH_MONTHS[m - 1]} ${d}`;
}

// The slot at local time `hhmm` on `date`, as GHL and the bot write it (Mexico City: -06:00, no DST).
export const slotAt = (date, hhmm) => `${date}T${hhmm}:00-06:00`;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const SPANISH_DAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
export const ENGLISH_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// The "try again later" reply, word for word.
export const TRY_AGAIN = {
  es: 'Lo siento, tuvimos un problema técnico. Por favor, intenta de nuevo en unos minutos.',
  en: 'Sorry, we ran into a technical problem. Please try again in a few minutes.',
};

// A lead's custom fields with everything collected up to `step`:
// 'day' (ready to pick a day) or 'time' (slots of `date` offered).
export function leadFields(step, { lang = 'es', date, slots = ['10:00', '14:00', '16:00'], ...extra } = {}) {
  const fields = lang === 'es'
    ? { language: 'es', customer_name: 'Ana', customer_goal: 'Vender más', customer_pain_point: 'Poco tráfico' }
    : { language: 'en', customer_name: 'Tom', customer_goal: 'Grow sales', customer_pain_point: 'No time' };
  Object.assign(fields, {
    customer_budget: '900', customer_email: lang === 'es' ? 'ana@example.com' : 'tom@example.com',
    booking_attempts: '0', booking_step: step,
  });
  if (step === 'time') {
    fields.preferred_day = date;
    fields.offered_slots = slots.map((t) => slotAt(date, t)).join(',');
  }
  return { ...fields, ...extra };
}

// How a lead names `date` in a message: "el jueves 3 de diciembre" / "Thursday, December 3".
export const dayText = (date, lang) => (lang === 'es' ? `el ${dayPhrase(date, 'es')}` : dayPhrase(date, 'en'));

// The whole booking conversation, [text, reply word for word, step after]
// per message, booking `date` at 2pm (es) or at 10am, the first slot (en).
export const spanishTurns = (date) => {
  const day = dayPhrase(date, 'es');
  return [
    ['Hola, quiero información', '¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?', 'name'],
    ['me llamo juan carlos', 'Mucho gusto Juan Carlos. ¿Qué objetivos quieres lograr para tu negocio?', 'goal'],
    ['Conseguir más clientes por Instagram', 'Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?', 'pain'],
    ['No tengo tiempo para publicar', '¿Cuál es tu presupuesto mensual para marketing?', 'budget'],
    ['unos 800 al mes', 'Perfecto. ¿Cuál es tu correo electrónico?', 'email'],
    ['Claro, es Juan.Carlos@Example.com', '¿Qué día te gustaría agendar tu llamada? (Martes a Viernes)', 'day'],
    [dayText(date, 'es'), `Tengo estos horarios disponibles para el ${day}: 10am, 2pm, 4pm. ¿Cuál prefieres?`, 'time'],
    ['a las 2', `¡Perfecto! Tu cita está confirmada para el ${day} a las 2pm. Te envié los detalles a juan.carlos@example.com`, 'scheduled'],
  ];
};

export const englishTurns = (date) => {
  const day = dayPhrase(date, 'en');
  return [
    ['Hi, I want info', "Hi! I'm María from AI Outlet Media. What's your name?", 'name'],
    ["My name is Sarah O'Connor", "Nice to meet you, Sarah O'Connor. What goals do you want to achieve for your business?", 'goal'],
    ['Get more qualified leads every month', 'I see. What is the biggest challenge you are facing right now?', 'pain'],
    ['Our ads are too expensive', 'What is your monthly marketing budget?', 'budget'],
    ['$1,500', 'Perfect. What is your email address?', 'email'],
    ['sarah@oconnor.ie', 'What day would you like to schedule your call? (Tuesday to Friday)', 'day'],
    [dayText(date, 'en'), `I have these times available for ${day}: 10am, 2pm, 4pm. Which one do you prefer?`, 'time'],
    ['the first one', `Perfect! Your call is confirmed for ${day} at 10am. I sent the details to sarah@oconnor.ie`, 'scheduled'],
  ];
};
