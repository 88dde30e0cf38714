// GHL's webhook signatures over the raw body, as GHL's own SDK checks them:
// `x-ghl-signature` (Ed25519) when present, and then it alone decides;
// the legacy `x-wh-signature` (RSA-SHA256, PKCS#1 v1.5) only when the
// Ed25519 header is absent. A header whose value is `N/A` (seen on
// unsigned deliveries) counts as absent.
import { GHL_ED25519_PUBLIC_KEY, GHL_RSA_PUBLIC_KEY } from './ghl-public-key.js';

const ED25519 = 'ed25519';
const RSA = 'rsa';

// The algorithm OIDs inside an SPKI key: 1.3.101.112 and 1.2.840.113549.1.1.1.
const OIDS = [
  [ED25519, [0x06, 0x03, 0x2b, 0x65, 0x70]],
  [RSA, [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]],
];

export class KeyError extends Error {}

function algorithmOf(der) {
  const head = der.subarray(0, 32);
  for (const [name, oid] of OIDS) {
    for (let i = 0; i + oid.length <= head.length; i++) {
      if (oid.every((b, j) => head[i + j] === b)) return name;
    }
  }
  return null;
}

const base64Bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

// Every PEM public key in `text` (`\n` escapes accepted, as a one-line
// secret or .env value has them) → [{ algorithm, der }].
export function parsePublicKeys(text) {
  const pem = String(text).replace(/\\n/g, '\n');
  const blocks = [...pem.matchAll(/-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/g)];
  const rest = pem.replace(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g, '').trim();
  if (!blocks.length || rest) {
    throw new KeyError('expected one or more PEM public keys (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)');
  }
  return blocks.map(([, body], i) => {
    let der;
    try {
      der = base64Bytes(body.replace(/\s+/g, ''));
    } catch {
      throw new KeyError(`key ${i + 1} is not base64`);
    }
    const algorithm = algorithmOf(der);
    if (!algorithm) throw new KeyError(`key ${i + 1} is neither Ed25519 nor RSA`);
    return { algorithm, der };
  });
}

async function importKey({ algorithm, der }) {
  if (algorithm === RSA) {
    return crypto.subtle.importKey('spki', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
  }
  try {
    return await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
  } catch (e) {
    // Runtimes before WebCrypto's standard Ed25519 name it NODE-ED25519.
    try {
      return await crypto.subtle.importKey('spki', der, { name: 'NODE-ED25519', namedCurve: 'NODE-ED25519' }, false, ['verify']);
    } catch {
      throw e;
    }
  }
}

// The verifying keys for a GHL_WEBHOOK_PUBLIC_KEY value: each algorithm's
// configured keys replace its built-in one; any of them may sign (a
// rotation can list old and new). Cached per value, per isolate.
const keySets = new Map();

async function buildKeySet(configured) {
  const parsed = configured ? parsePublicKeys(configured) : [];
  const set = { [ED25519]: [], [RSA]: [] };
  for (const [i, key] of parsed.entries()) {
    try {
      set[key.algorithm].push(await importKey(key));
    } catch {
      throw new KeyError(`key ${i + 1} (${key.algorithm}) could not be imported`);
    }
  }
  if (!set[ED25519].length) set[ED25519].push(await importKey(parsePublicKeys(GHL_ED25519_PUBLIC_KEY)[0]));
  if (!set[RSA].length) set[RSA].push(await importKey(parsePublicKeys(GHL_RSA_PUBLIC_KEY)[0]));
  return set;
}

export function keySet(configured = '') {
  let set = keySets.get(configured);
  if (!set) {
    set = buildKeySet(configured);
    keySets.set(configured, set);
    set.catch(() => keySets.delete(configured));
  }
  return set;
}

// Checks GHL_WEBHOOK_PUBLIC_KEY once, so a bad value is a config error
// naming the variable, not a 401 for every webhook. → null or the problem.
export async function checkPublicKeys(configured) {
  try {
    await keySet(configured || '');
    return null;
  } catch (e) {
    return `GHL_WEBHOOK_PUBLIC_KEY: ${e instanceof KeyError ? e.message : 'not a valid PEM public key'}`;
  }
}

const present = (value) => value != null && value.trim() !== '' && value.trim().toUpperCase() !== 'N/A';

async function verifyWith(keys, header, raw) {
  let sig;
  try {
    sig = base64Bytes(header.trim());
  } catch {
    return false;
  }
  for (const key of keys) {
    try {
      if (await crypto.subtle.verify(key.algorithm, key, sig, raw)) return true;
    } catch { /* a malformed signature is just not valid */ }
  }
  return false;
}

// → { scheme } when the body is signed by GHL, else { problem } for the 401.
export async function verifySignature(raw, headers, configured) {
  const set = await keySet(configured || '');
  const ghl = headers.get('x-ghl-signature');
  if (present(ghl)) {
    return (await verifyWith(set[ED25519], ghl, raw)) ? { scheme: 'x-ghl-signature' } : { problem: 'invalid x-ghl-signature (Ed25519)' };
  }
  const legacy = headers.get('x-wh-signature');
  if (present(legacy)) {
    return (await verifyWith(set[RSA], legacy, raw)) ? { scheme: 'x-wh-signature' } : { problem: 'invalid x-wh-signature (RSA)' };
  }
  return { problem: 'missing x-ghl-signature (GHL signs Marketplace webhooks; GHL Workflows post to /workflow)' };
}
