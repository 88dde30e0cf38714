// The local bot: the GHL emulator, the playground, and `wrangler dev`
// wired to them. Started by scripts/dev.sh (the README's main command).
// Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator } from '../emulator/ghl-emulator.js';
import { loadOrCreateDevKeys } from '../emulator/webhooks.js';
import { startPlayground } from './playground-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ports = {
  worker: Number(process.env.WORKER_PORT || 8787),
  emulator: Number(process.env.EMULATOR_PORT || 8788),
  playground: Number(process.env.PLAYGROUND_PORT || 8790),
};
const DEV_TOKEN = 'dev-token';
// Turns on POST /workflow locally: npm run chat -- --workflow-secret dev-workflow-secret
const DEV_WORKFLOW_SECRET = 'dev-workflow-secret';
const devDir = path.join(root, '.dev');

const keys = loadOrCreateDevKeys(devDir);
const ghl = createEmulator({ token: DEV_TOKEN, autoCreateContacts: true, quiet: true });
const emulatorUrl = await ghl.start(ports.emulator);
const workerUrl = `http://127.0.0.1:${ports.worker}`;

// Dev-only settings; production uses wrangler.toml [vars] and secrets.
const env = {
  GHL_API_BASE: emulatorUrl,
  GHL_API_TOKEN: DEV_TOKEN,
  GHL_LOCATION_ID: 'loc_dev',
  GHL_CALENDAR_ID: 'cal_dev',
  // Both dev public keys (Ed25519 and the legacy RSA), one value.
  GHL_WEBHOOK_PUBLIC_KEY: keys.publicKey.trim().replace(/\n/g, '\\n'),
  WORKFLOW_SECRET: DEV_WORKFLOW_SECRET,
};
const envFile = path.join(devDir, 'local.env');
fs.writeFileSync(envFile, Object.entries(env).map(([k, v]) => `${k}="${v}"`).join('\n') + '\n', { mode: 0o600 });

console.log('==> [dev] starting wrangler dev (builds the WASM core first)...');
const wrangler = spawn(
  path.join(root, 'node_modules/.bin/wrangler'),
  ['dev', '--ip', '127.0.0.1', '--port', String(ports.worker), '--env-file', envFile, '--show-interactive-dev-session=false'],
  { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
);
const prefix = (stream, out) => stream.on('data', (d) => {
  for (const line of String(d).split('\n')) {
    // The Request.cf warning is harmless under local fetches.
    if (line.trim() && !/Request\.cf|cf-connecting|workers\.cloudflare\.com|GetAddrInfoReqWrap/i.test(line)) out.write(`  [wrangler] ${line}\n`);
  }
});
prefix(wrangler.stdout, process.stdout);
prefix(wrangler.stderr, process.stderr);

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  wrangler.kill('SIGINT');
  await playground?.close?.();
  await ghl.stop();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
wrangler.on('exit', (code) => {
  if (!stopping) {
    console.error(`wrangler dev exited (${code})`);
    stop(code || 1);
  }
});

async function waitForWorker(timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${workerUrl}/health`)).ok) return true;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

const playground = await startPlayground({ port: ports.playground, workerUrl, ghl, privateKey: keys.privateKey });

if (!(await waitForWorker())) {
  console.error('wrangler dev did not answer /health within 3 minutes');
  await stop(1);
}
console.log(`
The bot is running locally (no GHL account needed).
  Playground (chat in the browser):  ${playground.url}
  Terminal chat:                     npm run chat      (in another terminal; signed webhooks to /webhook)
  ... as a GHL Workflow:             npm run chat -- --workflow-secret ${DEV_WORKFLOW_SECRET}
  Worker:                            ${workerUrl}  (POST /webhook, POST /workflow, GET /health)
  GHL emulator:                      ${emulatorUrl}  (GET /_emulator lists its routes)
Press Ctrl-C to stop.`);
