// Everything checked before a webhook may touch GHL: size, signature,
// shape, freshness. Each failure is a short JSON error and no GHL call.
import { GHL_PUBLIC_KEY } from './ghl-public-key.js';
import { error } from './http.js';

export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_SKEW_MS = 5 * 60 * 1000;

const keys = new Map();

function pemToDer(pem) {
  const b64 = pem.replace(/\\n/g, '\n').replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  const bin = atob(b64);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function publicKey(pem) {
  let key = keys.get(pem);
  if (!key) {
    key = crypto.subtle.importKey('spki', pemToDer(pem), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
    keys.set(pem, key);
    key.catch(() => keys.delete(pem));
  }
  return key;
}

// Checks the key once so a bad GHL_WEBHOOK_PUBLIC_KEY is a config error
// naming the variable, not a 401 for every webhook.
export async function checkPublicKey(pem) {
  try {
    await publicKey(pem || GHL_PUBLIC_KEY);
    return null;
  } catch {
    return 'GHL_WEBHOOK_PUBLIC_KEY is not a valid PEM RSA public key (-----BEGIN PUBLIC KEY-----...)';
  }
}

async function readLimited(request) {
  const declared = Number(request.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

async function signatureValid(raw, header, pem) {
  if (!header) return false;
  let sig;
  try {
    sig = Uint8Array.from(atob(header.trim()), (c) => c.charCodeAt(0));
  } catch {
    return false;
  }
  try {
    return await crypto.subtle.verify('RSASSA-PKCS1-v1_5', await publicKey(pem || GHL_PUBLIC_KEY), sig, raw);
  } catch {
    return false;
  }
}

// → { payload, raw } for a webhook worth handling, { ignored } for one we
// deliberately skip, or { response } with the error to answer.
export async function readWebhook(request, cfg, now = Date.now()) {
  const raw = await readLimited(request);
  if (raw === null) return { response: error(413, 'too_large', `body over ${MAX_BODY_BYTES} bytes`) };
  if (!(await signatureValid(raw, request.headers.get('x-wh-signature'), cfg.publicKey))) {
    return { response: error(401, 'bad_signature', 'missing or invalid x-wh-signature') };
  }
  let payload;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return { response: error(400, 'bad_json', 'body is not UTF-8 JSON') };
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return { response: error(400, 'bad_json', 'body is not a JSON object') };
  }
  const ts = Date.parse(payload.timestamp);
  if (!Number.isFinite(ts)) return { response: error(400, 'bad_timestamp', 'timestamp missing or not ISO-8601') };
  if (Math.abs(now - ts) > MAX_SKEW_MS) {
    return { response: error(401, 'stale_timestamp', 'timestamp more than 5 minutes from now (replay?)') };
  }
  if (payload.type !== 'InboundMessage') return { ignored: `type ${String(payload.type).slice(0, 40)}` };
  if (payload.direction && payload.direction !== 'inbound') return { ignored: `direction ${String(payload.direction).slice(0, 20)}` };
  if (payload.messageType !== 'WhatsApp') return { ignored: `messageType ${String(payload.messageType).slice(0, 20)}` };
  if (typeof payload.contactId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(payload.contactId)) {
    return { response: error(400, 'bad_payload', 'contactId missing or malformed') };
  }
  if (typeof payload.body !== 'string') return { response: error(400, 'bad_payload', 'body (the message text) missing') };
  if (payload.locationId && cfg.locationId && payload.locationId !== cfg.locationId) {
    return { ignored: 'another location' };
  }
  return { payload, raw };
}
