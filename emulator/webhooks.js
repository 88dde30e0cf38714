// The GHL side of webhooks, for local use: a dev key pair and signed
// InboundMessage deliveries, exactly as GHL would POST them (RSA-SHA256
// over the raw body, base64 in x-wh-signature). The public half goes to
// the worker as GHL_WEBHOOK_PUBLIC_KEY in dev only; production verifies
// with GHL's published key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function createDevKeys() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKey, privateKey };
}

// Keys kept in `dir` (git-ignored .dev/), made on first use.
export function loadOrCreateDevKeys(dir) {
  const pub = path.join(dir, 'webhook-dev-public.pem');
  const priv = path.join(dir, 'webhook-dev-private.pem');
  if (fs.existsSync(pub) && fs.existsSync(priv)) {
    return { publicKey: fs.readFileSync(pub, 'utf8'), privateKey: fs.readFileSync(priv, 'utf8') };
  }
  const keys = createDevKeys();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(pub, keys.publicKey);
  fs.writeFileSync(priv, keys.privateKey, { mode: 0o600 });
  return keys;
}

export function sign(raw, privateKey) {
  return crypto.sign('sha256', Buffer.from(raw), privateKey).toString('base64');
}

let counter = 0;

export function inboundMessage({ contactId, text, locationId = 'loc_dev', messageId, timestamp = new Date() }) {
  const id = messageId ?? `wamid.${Date.now().toString(36)}${(++counter).toString(36)}`;
  return {
    type: 'InboundMessage',
    locationId,
    attachments: [],
    body: text,
    contactId,
    contentType: 'text/plain',
    conversationId: `conv_${contactId}`,
    dateAdded: new Date(timestamp).toISOString(),
    direction: 'inbound',
    messageType: 'WhatsApp',
    messageId: id,
    status: 'delivered',
    timestamp: new Date(timestamp).toISOString(),
    webhookId: `wh_${id}`,
  };
}

// → { raw, headers } ready to POST.
export function signedDelivery(payload, privateKey) {
  const raw = JSON.stringify(payload);
  return { raw, headers: { 'content-type': 'application/json', 'x-wh-signature': sign(raw, privateKey) } };
}
