// The Marketplace entry, POST /webhook: everything checked before a GHL
// InboundMessage webhook may touch GHL: size, signature, shape, freshness,
// channel. Each failure is a short JSON error and no GHL call.
import { channelOf } from './channels.js';
import { CONTACT_ID, MAX_BODY_BYTES, error, parseObject, readLimited } from './http.js';
import { verifySignature } from './signature.js';

export const MAX_SKEW_MS = 5 * 60 * 1000;

// → { message } for a webhook worth handling (the lead's message, as the
// contact queue takes it), { ignored, messageType } for one we
// deliberately skip, or { response } with the error to answer.
export async function readWebhook(request, cfg, now = Date.now()) {
  const raw = await readLimited(request);
  if (raw === null) return { response: error(413, 'too_large', `body over ${MAX_BODY_BYTES} bytes`) };
  const signed = await verifySignature(raw, request.headers, cfg.publicKey);
  if (signed.problem) return { response: error(401, 'bad_signature', signed.problem) };
  const payload = parseObject(raw);
  if (!payload) return { response: error(400, 'bad_json', 'body is not a UTF-8 JSON object') };
  const ts = Date.parse(payload.timestamp);
  if (!Number.isFinite(ts)) return { response: error(400, 'bad_timestamp', 'timestamp missing or not ISO-8601') };
  if (Math.abs(now - ts) > MAX_SKEW_MS) {
    return { response: error(401, 'stale_timestamp', 'timestamp more than 5 minutes from now (replay?)') };
  }
  if (payload.type !== 'InboundMessage') return { ignored: `type ${String(payload.type).slice(0, 40)}` };
  if (payload.direction && payload.direction !== 'inbound') return { ignored: `direction ${String(payload.direction).slice(0, 20)}` };
  const channel = channelOf(payload.messageType);
  if (!channel || !cfg.channels.has(channel)) {
    return { ignored: `messageType ${String(payload.messageType).slice(0, 20)}`, messageType: payload.messageType };
  }
  if (typeof payload.contactId !== 'string' || !CONTACT_ID.test(payload.contactId)) {
    return { response: error(400, 'bad_payload', 'contactId missing or malformed') };
  }
  if (typeof payload.body !== 'string') return { response: error(400, 'bad_payload', 'body (the message text) missing') };
  if (payload.locationId && cfg.locationId && payload.locationId !== cfg.locationId) {
    return { ignored: 'another location' };
  }
  const id = String(payload.messageId || payload.webhookId || '');
  return { message: { contactId: payload.contactId, text: payload.body, id, sameAs: [], channel, route: 'webhook' } };
}
