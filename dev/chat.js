// Chat with the local bot from the terminal, as a WhatsApp lead: each line
// you type is sent to the worker as a signed GHL InboundMessage webhook.
//   npm run chat [-- --contact <id>] [--worker http://127.0.0.1:8787]
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inboundMessage, loadOrCreateDevKeys, signedDelivery } from '../emulator/webhooks.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    contact: { type: 'string', default: `lead_${Date.now().toString(36)}` },
    worker: { type: 'string', default: `http://127.0.0.1:${process.env.WORKER_PORT || 8787}` },
  },
});
const keys = loadOrCreateDevKeys(path.join(root, '.dev'));

async function send(text) {
  const { raw, headers } = signedDelivery(inboundMessage({ contactId: values.contact, text }), keys.privateKey);
  const res = await fetch(`${values.worker}/webhook`, { method: 'POST', headers, body: raw });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) return `(worker answered ${res.status}: ${body.message || body.error || 'error'})`;
  if (body.duplicate) return '(duplicate message ignored)';
  return body.reply ? `${body.reply}\n  [step: ${body.step}]` : `(no reply)  [step: ${body.step}]`;
}

try {
  await fetch(`${values.worker}/health`);
} catch {
  console.error(`No worker at ${values.worker}. Start the bot first: bash scripts/dev.sh`);
  process.exit(1);
}
console.log(`Chatting as contact ${values.contact}. Type a message (Ctrl-D to quit). Try "Hola".`);
const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: 'you> ' });
rl.prompt();
for await (const line of rl) {
  if (line.trim()) console.log(`bot> ${await send(line)}`);
  rl.prompt();
}
