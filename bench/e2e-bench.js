#!/usr/bin/env node
// End-to-end benchmark (issue 5): the Worker in workerd (Miniflare) against
// the local GHL emulator, fed signed webhooks, side by side with a minimal
// hand-written Worker (bench/baseline-worker.js) that makes the same GHL
// calls and runs no core. Not a test: it prints figures (and budgets).
//
//   node bench/e2e-bench.js [--contacts 500] [--burst 100] [--json out.json]
//                           [--ghl-latency ms] [--no-variants]
//
// Needs wasm/dist (bash scripts/build-wasm.sh). What it measures:
//  1. Per-webhook time, ours vs baseline, sequential webhooks (no
//     contention): text steps (greeting … email), the day step (+ free
//     slots) and the time step (+ booking); median and p99 over --contacts
//     conversations per worker, the workers interleaved in rounds; with
//     two variants of ours that drop one piece each (the Durable Object;
//     the Durable Object and the signature check) to show where ours'
//     extra time goes.
//  2. The WASM core's own time per webhook, around runCore() (the Worker's
//     worker/core.js: JSON in/out glue + the WASM call), on the exact core
//     requests of real webhooks (recorded by running worker/conversation.js
//     in Node against the emulator): in Node per call (ns clock), and in
//     workerd amortised over many calls (workerd's clock has 1 ms steps).
//  3. GHL calls per message by step, on a cold isolate (workerd restarted
//     before the message) and warm, from the emulator's request stream.
//  4. .wasm size raw/gzipped; instantiation time in Node and in workerd.
//  5. A burst: --burst contacts write at once, through every step; any
//     non-200 answer, failed GHL call or failed outcome is counted.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { Miniflare } from 'miniflare';
import { createEmulator } from '../emulator/ghl-emulator.js';
import { toNodeListener } from '../emulator/transport.js';
import { inboundMessage, signedDelivery } from '../emulator/webhooks.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const CONTACTS = Number(arg('contacts', 500));
const BURST = Number(arg('burst', 100));
const JSON_OUT = arg('json', null);
const VARIANTS = !process.argv.includes('--no-variants');
// Added to every GHL answer (ms). 0: the emulator answers in ~1 ms, far
// faster than GHL, so the Worker's fixed costs weigh the most.
const GHL_LATENCY = Number(arg('ghl-latency', 0));
const ROUND = 25; // contacts per worker per interleaved round
const WARMUP = 10;
const TOKEN = 'bench-token-7d2e';
const TZ = 'America/Mexico_City';
const WASM = path.join(root, 'wasm/dist/booking.wasm');
if (!fs.existsSync(WASM)) {
  console.error('wasm/dist/booking.wasm missing: run bash scripts/build-wasm.sh');
  process.exit(1);
}

// ---------------------------------------------------------------- helpers

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p99: quantile(s, 0.99), max: s[s.length - 1] };
}
const ms = (x) => (x === undefined ? '-' : x.toFixed(2));
const us = (x) => (x === undefined ? '-' : x.toFixed(1));
function table(headers, rows) {
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(w[i])).join(' | ')} |`;
  return [line(headers), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const STEPS = ['greeting', 'name', 'goal', 'pain', 'budget', 'email', 'day', 'time'];
const TEXT_STEPS = STEPS.slice(0, 6);
const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Bookable dates (Tue–Fri, 2 to 330 days ahead in the business zone),
// taken in turn, so bookings spread evenly and no day runs out of slots.
const DATES = (() => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  const out = [];
  for (let add = 2; add <= 330; add++) {
    const date = new Date(Date.UTC(y, m - 1, d + add));
    if (date.getUTCDay() >= 2 && date.getUTCDay() <= 5) out.push(date);
  }
  return out;
})();

// The 8 messages of one realistic conversation, Spanish or English; the
// baseline gets the same ones except the day, which it takes as given.
function script(i, forBaseline) {
  const date = DATES[i % DATES.length];
  const iso = date.toISOString().slice(0, 10);
  const es = i % 2 === 0;
  const names = es ? ['juan carlos', 'María José', 'pedro', 'Ana Lucía'] : ["Sarah O'Connor", 'tom', 'Jean-Luc Picard', 'Mary'];
  const name = names[i % names.length];
  const email = `${name.replace(/[^A-Za-z]/g, '').toLowerCase()}${i}@example.com`;
  const day = forBaseline ? iso
    : es ? `el ${date.getUTCDate()} de ${MESES[date.getUTCMonth()]}` : `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
  return es
    ? ['Hola, quiero información', `me llamo ${name}`, 'Conseguir más clientes por Instagram',
        'No tengo tiempo para publicar y los anuncios no me funcionan', 'unos 800 al mes', `Claro, es ${email}`, day, 'la primera']
    : ['Hi, I want info about your services', `My name is ${name}`, 'Get more qualified leads every month',
        'Our ads are too expensive and nobody follows up', '$1,500 per month', `sure, it's ${email}`, day, 'the first one'];
}

// ---------------------------------------------------------------- GHL emulator, with a call counter

// 30-minute slots from 07:00 to 19:30, Monday to Friday: 26 a day, ~4,900 in all.
const slotTimes = [];
for (let t = 7 * 60; t < 20 * 60; t += 30) slotTimes.push(`${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`);
const ghl = createEmulator({ token: TOKEN, quiet: true, calendar: { slotTimes, durationMinutes: 30 }, maxLogEntries: 1000 });
if (GHL_LATENCY > 0) ghl.setFaults({ '*': { delayMs: GHL_LATENCY } });

const calls = []; // {op, status, worker} in arrival order
let callWorker = null;
function opOf(method, pathname) {
  if (pathname.endsWith('/customFields')) return 'get-custom-fields';
  if (pathname.startsWith('/contacts/')) return method === 'GET' ? 'get-contact' : 'update-contact';
  if (pathname.endsWith('/free-slots')) return 'get-slots';
  if (pathname === '/calendars/events/appointments') return 'create-appointment';
  if (pathname.startsWith('/calendars/events/appointments/')) return 'edit-appointment';
  if (pathname === '/conversations/messages') return 'send-a-new-message';
  return `${method} ${pathname}`;
}
const server = http.createServer(toNodeListener(async (req) => {
  const entry = { op: opOf(req.method, new URL(req.url, 'http://x').pathname), status: 0, worker: callWorker };
  calls.push(entry);
  const res = await ghl.handle(req);
  entry.status = res.hung ? 'hung' : res.status;
  return res;
}));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const GHL_BASE = `http://127.0.0.1:${server.address().port}`;

// ---------------------------------------------------------------- workerd

// An Ed25519 key, as GHL signs webhooks since July 2026 (x-ghl-signature),
// so signature checks cost what they cost in production.
const keys = crypto.generateKeyPairSync('ed25519', {
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

const env = {
  GHL_API_BASE: GHL_BASE, GHL_API_TOKEN: TOKEN, GHL_LOCATION_ID: 'loc_dev', GHL_CALENDAR_ID: 'cal_dev',
  BUSINESS_TIMEZONE: TZ, AGENT_NAME: 'María', BUSINESS_NAME: 'AI Outlet Media', MIN_BUDGET: '300',
  BOOKING_DAYS: 'tue,wed,thu,fri', DEFAULT_LANGUAGE: 'es',
};
const rules = [
  { type: 'ESModule', include: ['**/*.js', '**/*.mjs'] },
  { type: 'CompiledWasm', include: ['**/*.wasm'] },
];
const common = { modules: true, modulesRoot: root, modulesRules: rules, compatibilityDate: '2025-09-01' };

// Runs the core inside workerd: the same worker/core.js, glue and module.
const PROBE = `
import { runCore } from '../worker/core.js';
import createBookingCore from '../wasm/dist/booking.mjs';
import wasmModule from '../wasm/dist/booking.wasm';
const instantiate = () => createBookingCore({
  instantiateWasm(imports, done) { const i = new WebAssembly.Instance(wasmModule, imports); done(i, wasmModule); return i.exports; },
  locateFile: (p) => p, print() {}, printErr() {},
});
export default {
  async fetch(request) {
    const job = await request.json();
    if (job.mode === 'first') {
      const t0 = performance.now();
      await runCore(job.request, job.config);
      return Response.json({ ms: performance.now() - t0 });
    }
    if (job.mode === 'instantiate') {
      const t0 = performance.now();
      for (let i = 0; i < job.reps; i++) await instantiate();
      return Response.json({ ms: (performance.now() - t0) / job.reps });
    }
    await runCore(job.webhooks[0][0], job.config);
    const t0 = performance.now();
    for (let r = 0; r < job.reps; r++) for (const w of job.webhooks) for (const q of w) await runCore(q, job.config);
    const total = performance.now() - t0;
    return Response.json({ totalMs: total, usPerWebhook: (total * 1000) / (job.reps * job.webhooks.length) });
  },
};`;

// Variants of ours that each drop one piece, to attribute ours' extra time
// over the baseline (--no-variants skips them). They import the Worker's
// own modules; only the wiring differs.
const VARIANT_NO_DO = `
import { readConfig } from '../worker/config.js';
import { checkPublicKeys } from '../worker/signature.js';
import { readWebhook } from '../worker/webhook.js';
import { handleInbound } from '../worker/conversation.js';
export default {
  async fetch(request, env) {
    const cfg = readConfig(env);
    let message;
    if (env.VERIFY === '1') {
      await checkPublicKeys(cfg.publicKey);
      const checked = await readWebhook(request, cfg);
      if (checked.response) return checked.response;
      message = checked.message;
    } else {
      const p = await request.json();
      message = { contactId: p.contactId, text: p.body, id: p.messageId, channel: 'whatsapp' };
    }
    const { status, body } = await handleInbound(message, cfg, { calls: [] });
    return Response.json(body, { status });
  },
};`;

const workerLog = [];
const mfOptions = {
  workers: [
    {
      name: 'ours', scriptPath: path.join(root, 'worker.js'), ...common,
      durableObjects: { CONTACT_QUEUE: { className: 'ContactQueue', useSQLite: true } },
      bindings: { ...env, GHL_WEBHOOK_PUBLIC_KEY: keys.publicKey },
    },
    { name: 'baseline', scriptPath: path.join(root, 'bench/baseline-worker.js'), ...common, bindings: env },
    { name: 'probe', script: PROBE, scriptPath: path.join(root, 'bench/core-probe.js'), ...common },
    ...(VARIANTS ? [
      { name: 'ours-no-do', script: VARIANT_NO_DO, scriptPath: path.join(root, 'bench/variant-no-do.js'), ...common,
        bindings: { ...env, GHL_WEBHOOK_PUBLIC_KEY: keys.publicKey, VERIFY: '1' } },
      { name: 'ours-no-do-no-sig', script: VARIANT_NO_DO, scriptPath: path.join(root, 'bench/variant-no-do.js'), ...common,
        bindings: { ...env, GHL_WEBHOOK_PUBLIC_KEY: keys.publicKey, VERIFY: '0' } },
    ] : []),
  ],
  handleRuntimeStdio(stdout, stderr) {
    const collect = (chunk) => {
      for (const line of String(chunk).split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const e = JSON.parse(line);
          if (e.event === 'webhook') workerLog.push(e);
        } catch { /* not ours */ }
      }
    };
    stdout.on('data', collect);
    stderr.on('data', collect);
  },
};
const mf = new Miniflare(mfOptions);
await mf.ready;
const NAMES = mfOptions.workers.map((w) => w.name).filter((n) => n !== 'probe');
const VARIANT_NAMES = NAMES.filter((n) => n !== 'ours' && n !== 'baseline');
let workers = {};
async function connect() {
  for (const n of NAMES) workers[n] = await mf.getWorker(n);
}
await connect();
async function restart() {
  await mf.setOptions(mfOptions);
  workers = {};
  await connect();
}
const isBaseline = (w) => w === 'baseline';

// One signed webhook; → {status, ms, calls: [ops]}.
async function send(worker, contactId, text) {
  const { raw, headers } = signedDelivery(inboundMessage({ contactId, text }), keys.privateKey);
  const before = calls.length;
  callWorker = worker;
  const t0 = performance.now();
  const res = await workers[worker].fetch(`http://worker${worker.startsWith('ours') ? '/webhook' : '/'}`, { method: 'POST', headers, body: raw });
  const body = await res.text();
  const elapsed = performance.now() - t0;
  return { status: res.status, ms: elapsed, body, calls: calls.slice(before).map((c) => c.op) };
}

let contactSeq = 0;
function newContact(prefix) {
  const id = `${prefix}${++contactSeq}`;
  ghl.createContact({ id, firstName: 'Lead' });
  return id;
}

// ---------------------------------------------------------------- 1. core requests of real webhooks (recorded in Node)

// worker/core.js is imported as is; .wasm imports become compiled
// WebAssembly.Modules as in workerd, and booking.mjs is wrapped to record
// each request text the core receives.
const HOOKS = `
export async function load(url, context, next) {
  if (url.endsWith('.wasm')) {
    return { format: 'module', shortCircuit: true,
      source: 'import fs from "node:fs"; export default new WebAssembly.Module(fs.readFileSync(new URL(' + JSON.stringify(url) + ')));' };
  }
  if (url.endsWith('/wasm/dist/booking.mjs')) {
    return { format: 'module', shortCircuit: true, source: \`
      import create from \${JSON.stringify(url + '?glue')};
      export default async function (opts) {
        const m = await create(opts);
        const raw = m.asm.booking_handle;
        m._booking_handle = (p, n) => { globalThis.__coreRequests?.push(m.UTF8ToString(p, n)); return raw(p, n); };
        return m;
      }\` };
  }
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
const { runCore } = await import(pathToFileURL(path.join(root, 'worker/core.js')).href);
const { handleInbound } = await import(pathToFileURL(path.join(root, 'worker/conversation.js')).href);
const { readConfig } = await import(pathToFileURL(path.join(root, 'worker/config.js')).href);

async function recordCoreRequests(n) {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => ghl.fetch(input, init); // in-process emulator, as the Worker would see it
  const cfg = readConfig({ ...env, GHL_API_BASE: 'http://ghl.invalid' });
  const byStep = Object.fromEntries(STEPS.map((s) => [s, []]));
  try {
    for (let i = 0; i < n; i++) {
      const contactId = newContact('rec');
      for (const [k, text] of script(i + 7, false).entries()) {
        globalThis.__coreRequests = [];
        const log = { calls: [] };
        const p = inboundMessage({ contactId, text });
        await handleInbound({ contactId, text, id: p.messageId, channel: 'whatsapp' }, cfg, log);
        if ((log.stepBefore || 'greeting') !== STEPS[k]) throw new Error(`recording: step ${STEPS[k]} expected, got ${log.stepBefore}`);
        byStep[STEPS[k]].push(globalThis.__coreRequests.map((t) => JSON.parse(t)));
      }
    }
  } finally {
    globalThis.fetch = realFetch;
    globalThis.__coreRequests = null;
  }
  return byStep;
}

const coreConfig = readConfig(env).core;

// Per webhook: the sum of its runCore() calls, in µs.
async function coreInNode(byStep, reps) {
  const out = {};
  for (const step of STEPS) {
    for (const w of byStep[step]) for (const q of w) await runCore(q, coreConfig); // warm
    const samples = [];
    for (let r = 0; r < reps; r++) {
      for (const w of byStep[step]) {
        let total = 0n;
        for (const q of w) {
          const t0 = process.hrtime.bigint();
          await runCore(q, coreConfig);
          total += process.hrtime.bigint() - t0;
        }
        samples.push(Number(total) / 1000);
      }
    }
    out[step] = stats(samples);
  }
  return out;
}

async function probe(job) {
  const p = await mf.getWorker('probe');
  // The recorded requests carry no settings: the instance reads them once.
  const body = JSON.stringify({ ...job, config: readConfig(env).core });
  const res = await p.fetch('http://probe/', { method: 'POST', body });
  return res.json();
}

// ---------------------------------------------------------------- run

const results = { machine: {}, size: {}, instantiate: {}, core: {}, e2e: {}, calls: {}, burst: {} };
results.machine = {
  cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version,
  workerd: JSON.parse(fs.readFileSync(path.join(root, 'node_modules/miniflare/package.json'))).version,
};
console.log(`# e2e bench: ${results.machine.cpu}, ${results.machine.cores} cores, Node ${process.version}, miniflare ${results.machine.workerd}` +
  `, ${CONTACTS} conversations per worker, burst ${BURST}, GHL latency added ${GHL_LATENCY} ms`);
results.options = { contacts: CONTACTS, burst: BURST, ghlLatencyMs: GHL_LATENCY, variants: VARIANTS };

// 4. size and instantiation
const bytes = fs.readFileSync(WASM);
results.size = { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
{
  const t0 = process.hrtime.bigint();
  const mod = new WebAssembly.Module(bytes);
  const compileMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const { default: create } = await import(pathToFileURL(path.join(root, 'wasm/dist/booking.mjs')).href + '?bench');
  const inst = [];
  for (let i = 0; i < 40; i++) {
    const a = process.hrtime.bigint();
    await create({
      instantiateWasm(imports, done) { const x = new WebAssembly.Instance(mod, imports); done(x, mod); return x.exports; },
      locateFile: (p) => p, print() {}, printErr() {},
    });
    inst.push(Number(process.hrtime.bigint() - a) / 1e6);
  }
  results.instantiate.nodeCompileMs = compileMs;
  results.instantiate.node = stats(inst);
}

// 2. core time
console.log('recording core requests (worker/conversation.js in Node against the emulator)…');
const recorded = await recordCoreRequests(20);
results.core.node = await coreInNode(recorded, 50);
{
  const groups = { text: TEXT_STEPS.flatMap((s) => recorded[s]), day: recorded.day, time: recorded.time };
  results.core.workerd = {};
  for (const [name, webhooks] of Object.entries(groups)) {
    await probe({ mode: 'loop', webhooks, reps: 5 }); // warm (JIT tiers up)
    const calibrate = await probe({ mode: 'loop', webhooks, reps: 5 });
    const reps = Math.max(5, Math.ceil((200 / Math.max(calibrate.totalMs, 1)) * 5)); // ~200 ms per trial: 1 ms clock → ±0.5 %
    const trials = [];
    for (let t = 0; t < 7; t++) trials.push((await probe({ mode: 'loop', webhooks, reps })).usPerWebhook);
    results.core.workerd[name] = { usPerWebhook: stats(trials).median, trials };
  }
  results.instantiate.workerd = await probe({ mode: 'instantiate', reps: 40 });
}

// 3a. GHL calls on a cold isolate, per step: workerd restarted right before.
console.log('cold isolates (workerd restarted before each step)…');
results.calls.cold = { ours: {}, baseline: {} };
for (let s = 0; s < STEPS.length; s++) {
  const ids = { ours: newContact('cold_o'), baseline: newContact('cold_b') };
  // Each contact books on its own date.
  const seq = { ours: 1000 + 2 * s, baseline: 1001 + 2 * s };
  for (const worker of ['ours', 'baseline']) {
    const msgs = script(seq[worker], worker === 'baseline');
    for (let k = 0; k < s; k++) await send(worker, ids[worker], msgs[k]);
  }
  await restart();
  if (s === 0) results.core.workerdFirstCallMs = (await probe({ mode: 'first', request: recorded.greeting[0][0] })).ms;
  for (const worker of ['ours', 'baseline']) {
    const r = await send(worker, ids[worker], script(seq[worker], worker === 'baseline')[s]);
    results.calls.cold[worker][STEPS[s]] = { status: r.status, calls: r.calls, ms: r.ms };
  }
}

// 1 + 3b. Sequential conversations, the two workers interleaved in rounds.
console.log(`sequential: ${CONTACTS} conversations per worker (${CONTACTS * 8} webhooks each), interleaved in rounds of ${ROUND}…`);
await restart();
const customFieldsBefore = { ours: 0, baseline: 0 };
const customFieldCount = (w) => calls.filter((c) => c.worker === w && c.op === 'get-custom-fields').length;
for (const w of ['ours', 'baseline']) customFieldsBefore[w] = customFieldCount(w);
const samples = Object.fromEntries(NAMES.map((n) => [n, {}]));
const warmCalls = Object.fromEntries(NAMES.map((n) => [n, {}]));
const failures = Object.fromEntries(NAMES.map((n) => [n, []]));
let conv = 2000;
async function conversation(worker, record) {
  const id = newContact(`seq_${worker}_`);
  const n = ++conv;
  const msgs = script(n, isBaseline(worker));
  for (let k = 0; k < msgs.length; k++) {
    const r = await send(worker, id, msgs[k]);
    if (r.status !== 200) failures[worker].push({ step: STEPS[k], status: r.status, body: r.body.slice(0, 200) });
    if (!record) continue;
    (samples[worker][STEPS[k]] ??= []).push(r.ms);
    const key = r.calls.join(',');
    const wc = (warmCalls[worker][STEPS[k]] ??= {});
    wc[key] = (wc[key] || 0) + 1;
  }
  return id;
}
for (let i = 0; i < WARMUP; i++) for (const w of NAMES) await conversation(w, false);
const logAtStart = workerLog.length;
for (let done = 0, round = 0; done < CONTACTS; round++) {
  const batch = Math.min(ROUND, CONTACTS - done);
  const order = round % 2 === 0 ? NAMES : [...NAMES].reverse();
  for (const w of order) for (let i = 0; i < batch; i++) await conversation(w, true);
  done += batch;
  process.stdout.write(`  ${done}/${CONTACTS}\r`);
}
results.e2e = {};
for (const w of NAMES) {
  const text = TEXT_STEPS.flatMap((s) => samples[w][s]);
  results.e2e[w] = { text: stats(text), day: stats(samples[w].day), time: stats(samples[w].time) };
  for (const s of STEPS) results.e2e[w][`step:${s}`] = stats(samples[w][s]);
}
results.calls.warm = warmCalls;
results.sequentialOutcomes = {};
for (const e of workerLog.slice(logAtStart)) results.sequentialOutcomes[e.outcome] = (results.sequentialOutcomes[e.outcome] || 0) + 1;
results.calls.customFieldsPerIsolate = {
  ours: customFieldCount('ours') - customFieldsBefore.ours,
  baseline: customFieldCount('baseline') - customFieldsBefore.baseline,
};
results.failures = { ...Object.fromEntries(NAMES.map((n) => [n, failures[n].length])), samples: NAMES.flatMap((n) => failures[n]).slice(0, 5) };

// 5. Burst: BURST contacts write at once, wave after wave through every
// step, starting on a cold isolate (workerd restarted): the first wave also
// tells whether concurrent webhooks share one custom field fetch.
console.log(`burst: ${BURST} contacts at once, 8 waves per worker, from a cold isolate…`);
await restart();
for (const worker of ['ours', 'baseline']) {
  const ids = Array.from({ length: BURST }, () => newContact(worker === 'ours' ? 'burst_o' : 'burst_b'));
  const callsBefore = calls.length;
  const logBefore = workerLog.length;
  const statuses = {};
  const lat = [];
  const t0 = performance.now();
  for (let k = 0; k < STEPS.length; k++) {
    const rs = await Promise.all(ids.map((id, i) => send(worker, id, script(5000 + i, worker === 'baseline')[k])));
    for (const r of rs) {
      statuses[r.status] = (statuses[r.status] || 0) + 1;
      lat.push(r.ms);
    }
  }
  const wall = performance.now() - t0;
  const ghlCalls = calls.slice(callsBefore).filter((c) => c.worker === worker);
  const outcomes = {};
  for (const e of workerLog.slice(logBefore)) outcomes[e.outcome] = (outcomes[e.outcome] || 0) + 1;
  results.burst[worker] = {
    webhooks: BURST * STEPS.length, statuses, non200: BURST * STEPS.length - (statuses[200] || 0),
    ghlCalls: ghlCalls.length, ghlFailed: ghlCalls.filter((c) => !(c.status >= 200 && c.status < 300)).length,
    latency: stats(lat), wallMs: wall, throughput: (BURST * STEPS.length) / (wall / 1000),
    outcomes: worker === 'ours' ? outcomes : undefined,
    customFieldFetches: ghlCalls.filter((c) => c.op === 'get-custom-fields').length,
  };
}
results.validationErrors = ghl.validationErrors().length;

await mf.dispose();
await new Promise((r) => server.close(r));

// ---------------------------------------------------------------- report

const R = results;
console.log(`\n## .wasm\n`);
console.log(`size: ${R.size.raw} bytes raw, ${R.size.gzip} bytes gzipped (zlib -9)`);
console.log(`instantiate (new WebAssembly.Instance + glue init): Node median ${ms(R.instantiate.node.median)} ms (compile ${ms(R.instantiate.nodeCompileMs)} ms, once per isolate in Workers: done at deploy), workerd mean ${ms(R.instantiate.workerd.ms)} ms; first runCore() in a fresh workerd isolate (instantiation + call): ${ms(R.core.workerdFirstCallMs)} ms (1 ms clock)`);

console.log(`\n## Per-webhook time, sequential (ms; client → worker → GHL emulator → answer)\n`);
const row = (label, key) => {
  const o = R.e2e.ours[key];
  const b = R.e2e.baseline[key];
  return [label, o.n, ms(o.median), ms(o.p99), ms(b.median), ms(b.p99), (o.median / b.median).toFixed(3), (o.p99 / b.p99).toFixed(3)];
};
console.log(table(['step', 'webhooks', 'ours median', 'ours p99', 'baseline median', 'baseline p99', 'ratio median', 'ratio p99'],
  [row('text (greeting…email)', 'text'), row('day (+free slots)', 'day'), row('time (+book)', 'time'),
    ...STEPS.map((s) => row(`  ${s}`, `step:${s}`))]));

if (VARIANT_NAMES.length) {
  console.log(`\nWhere ours' extra time goes (medians, ms; each variant drops one piece of ours):\n`);
  const label = {
    ours: 'ours (signature check → Durable Object → conversation + core)',
    'ours-no-do': 'ours without the Durable Object (conversation run in the Worker)',
    'ours-no-do-no-sig': 'ours without the Durable Object nor the signature check',
    baseline: 'baseline (same GHL calls, no core)',
  };
  console.log(table(['worker', 'text', 'day', 'time', 'text vs baseline'],
    NAMES.map((n) => [label[n] || n, ms(R.e2e[n].text.median), ms(R.e2e[n].day.median), ms(R.e2e[n].time.median),
      (R.e2e[n].text.median / R.e2e.baseline.text.median).toFixed(3)])));
}

console.log(`\n## WASM core time per webhook (µs; around runCore(): JSON glue + WASM call)\n`);
console.log(table(['step', 'Node median', 'Node p99', 'workerd (mean per trial, median of 7)'],
  STEPS.map((s) => [s, us(R.core.node[s].median), us(R.core.node[s].p99),
    s === 'day' || s === 'time' ? us(R.core.workerd[s].usPerWebhook) : s === 'greeting' ? `${us(R.core.workerd.text.usPerWebhook)} (text steps)` : ''])));

console.log(`\n## GHL calls per message\n`);
const fmtCalls = (list) => `${list.length}: ${list.join(', ')}`;
const warmRow = (w, s) => Object.entries(R.calls.warm[w][s] || {}).map(([k, n]) => `${k.split(',').filter(Boolean).length} (${n}×)`).join(' / ');
console.log(table(['step', 'ours cold', 'ours warm', 'baseline cold', 'baseline warm'],
  STEPS.map((s) => [s, fmtCalls(R.calls.cold.ours[s].calls), warmRow('ours', s), fmtCalls(R.calls.cold.baseline[s].calls), warmRow('baseline', s)])));
console.log(`custom field map fetches after a restart, over ${WARMUP + CONTACTS} conversations: ours ${R.calls.customFieldsPerIsolate.ours}, baseline ${R.calls.customFieldsPerIsolate.baseline}`);

console.log(`\n## Burst: ${BURST} contacts at once, 8 waves\n`);
console.log(table(['worker', 'webhooks', 'non-200', 'GHL calls', 'GHL failed', 'custom field fetches', 'median ms', 'p99 ms', 'max ms', 'webhooks/s'],
  ['ours', 'baseline'].map((w) => {
    const b = R.burst[w];
    return [w, b.webhooks, b.non200, b.ghlCalls, b.ghlFailed, b.customFieldFetches, ms(b.latency.median), ms(b.latency.p99), ms(b.latency.max), b.throughput.toFixed(0)];
  })));
console.log(`ours' outcomes: ${JSON.stringify(R.burst.ours.outcomes)}; emulator validation errors: ${R.validationErrors}; sequential outcomes (DO variants): ${JSON.stringify(R.sequentialOutcomes)}; sequential non-200: ours ${R.failures.ours}, baseline ${R.failures.baseline}`);

// Budgets (issue 5).
const warmOk = (s, n) => Object.keys(R.calls.warm.ours[s] || {}).every((k) => k.split(',').filter(Boolean).length === n);
const budgets = [
  ['worker ≤ 1.15× baseline (median), text', R.e2e.ours.text.median / R.e2e.baseline.text.median <= 1.15],
  ['worker ≤ 1.15× baseline (median), day', R.e2e.ours.day.median / R.e2e.baseline.day.median <= 1.15],
  ['worker ≤ 1.15× baseline (median), time', R.e2e.ours.time.median / R.e2e.baseline.time.median <= 1.15],
  ['.wasm ≤ 150 KB gzipped', R.size.gzip <= 150 * 1024],
  ['warm text step = 3 GHL calls', TEXT_STEPS.filter((s) => s !== 'greeting').every((s) => warmOk(s, 3)) && warmOk('greeting', 3)],
  ['warm day and time steps = 4 GHL calls', warmOk('day', 4) && warmOk('time', 4)],
  ['custom field map ≤ 1 fetch per isolate (sequential, and a cold burst)', R.calls.customFieldsPerIsolate.ours <= 1 && R.burst.ours.customFieldFetches <= 1],
  [`burst of ${BURST}: no non-200, no failed outcome`, R.burst.ours.non200 === 0 && !Object.keys(R.burst.ours.outcomes).some((o) => /fail|error|core_/.test(o))],
];
console.log(`\n## Budgets\n`);
for (const [name, ok] of budgets) console.log(`${ok ? 'met   ' : 'MISSED'}  ${name}`);
if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
process.exitCode = budgets.every(([, ok]) => ok) ? 0 : 1;
