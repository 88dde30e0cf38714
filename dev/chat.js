// Chat with the bot from the terminal, as a WhatsApp lead.
//
// Locally (after `bash scripts/dev.sh`), each line is sent to the worker as
// a GHL InboundMessage webhook signed with the dev key (Ed25519, as GHL
// signs today):
//   npm run chat [-- --contact <id>]
//
// Through the Workflow entry (POST /workflow), locally or against a
// deployed worker, before pointing GHL at it: each line is sent as GHL's
// Workflow "Webhook" action would send it, with your secret in Custom Data.
// Use a real GHL contact id, or a phone (the worker finds or creates the
// contact); the bot's replies really go out to that contact on WhatsApp.
//   npm run chat -- --url https://<worker>.workers.dev --workflow-secret <secret> \
//       (--contact <GHL contact id> | --phone +5215550001234) [--location <GHL location id>]
import path from 'node:path';
import readline from 'node:readline';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inboundMessage, loadOrCreateDevKeys, signedDelivery, workflowMessage } from '../emulator/webhooks.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `usage: npm run chat [-- --contact <id>]                  (the local bot, signed webhooks)
       npm run chat -- --url <worker URL> --workflow-secret <secret> (--contact <id> | --phone <+E.164>) [--location <id>]`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      contact: { type: 'string' },
      phone: { type: 'string' },
      url: { type: 'string' },
      worker: { type: 'string' },
      'workflow-secret': { type: 'string', default: process.env.WORKFLOW_SECRET },
      location: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (e) {
  console.error(`${e.message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const worker = (values.url || values.worker || `http://127.0.0.1:${process.env.WORKER_PORT || 8787}`).replace(/\/+$/, '');
const secret = values['workflow-secret'];
const local = /^https?:\/\/(127\.|localhost|\[::1\])/.test(worker);
if (!secret && !local) {
  console.error(`A deployed worker only trusts GHL's signature or your workflow secret: add --workflow-secret <WORKFLOW_SECRET>.\n${USAGE}`);
  process.exit(2);
}
if (secret && !local && !values.contact && !values.phone) {
  console.error(`Name a real GHL contact: --contact <id> (GHL → Contacts → the contact's URL) or --phone <+E.164>.\n${USAGE}`);
  process.exit(2);
}
const contact = values.contact ?? (values.phone ? null : `lead_${Date.now().toString(36)}`);
const keys = secret ? null : loadOrCreateDevKeys(path.join(root, '.dev'));

function delivery(text) {
  if (!secret) {
    const { raw, headers } = signedDelivery(inboundMessage({ contactId: contact, text }), keys.privateKey);
    return { url: `${worker}/webhook`, raw, headers };
  }
  const payload = workflowMessage({
    contactId: contact, text, phone: values.phone ?? '', locationId: values.location ?? (local ? 'loc_dev' : null),
    // A fresh id per line, so a retried delivery is not answered twice.
    customData: { secret, channel: 'whatsapp', messageId: randomUUID() },
  });
  return { url: `${worker}/workflow`, raw: JSON.stringify(payload), headers: { 'content-type': 'application/json' } };
}

async function send(text) {
  const { url, raw, headers } = delivery(text);
  let res;
  try {
    res = await fetch(url, { method: 'POST', headers, body: raw, signal: AbortSignal.timeout(60_000) });
  } catch (e) {
    return `(no answer from ${url}: ${e.message})`;
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) return `(worker answered ${res.status}: ${body.message || body.error || 'error'})`;
  if (body.duplicate) return '(duplicate message ignored)';
  if (body.ignored) return `(ignored: ${body.ignored})`;
  return body.reply ? `${body.reply}\n  [step: ${body.step}]` : `(no reply)  [step: ${body.step}]`;
}

try {
  const res = await fetch(`${worker}/health`, { signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`GET /health answered ${res.status}`);
} catch (e) {
  console.error(local
    ? `No worker at ${worker}. Start the bot first: bash scripts/dev.sh`
    : `No worker at ${worker} (${e.message}). Check the URL that wrangler deploy printed.`);
  process.exit(1);
}
const who = contact ? `contact ${contact}` : `phone ${values.phone}`;
const how = secret ? `${worker}/workflow (Workflow webhook with your secret)` : `${worker}/webhook (signed with the dev key)`;
console.log(`Chatting as ${who} through ${how}.\nType a message (Ctrl-D to quit). Try "Hola".`);
if (secret && !local) console.log('Replies go out for real to that contact on WhatsApp through GHL.');
const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: 'you> ' });
rl.prompt();
for await (const line of rl) {
  if (line.trim()) console.log(`bot> ${await send(line)}`);
  rl.prompt();
}
