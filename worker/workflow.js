// The GHL Workflow entry, POST /workflow: a workflow with the trigger
// "Customer Replied" and a Webhook (free) or Custom Webhook (premium)
// action. GHL does not sign these and sends no timestamp, so the owner's
// secret is the proof they come from the workflow: in the header
// `x-workflow-secret` (Custom Webhook) or in Custom Data as `secret`
// (free Webhook action). Payload: ../shared/ghl-openapi/webhooks/Signatures-2026.md.
import { CHANNELS, channelOf } from './channels.js';
import { CONTACT_ID, MAX_BODY_BYTES, error, parseObject, readLimited } from './http.js';

// A redelivery carries no id of its own: the same text from the same
// contact within this window after it was handled is taken as one
// (see README: the Workflow route).
export const CONTENT_DEDUPE_MS = 10 * 60 * 1000;

const encoder = new TextEncoder();

async function sha256(text) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

// Constant time whatever the lengths: both sides are hashed first.
export async function sameSecret(given, expected) {
  const [a, b] = await Promise.all([sha256(given), sha256(expected)]);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

// The ids that name this message for the duplicate guard: the one the owner
// mapped in Custom Data, else one made of (contact, text, 10-minute window),
// plus the previous window's, so a redelivery across a window's edge is
// still caught.
async function messageIds(customData, contactKey, text, now) {
  const mapped = customData.messageId ?? customData.message_id;
  if ((typeof mapped === 'string' && mapped.trim()) || typeof mapped === 'number') {
    return { id: `wf-${String(mapped).trim().slice(0, 100)}`, sameAs: [] };
  }
  const digest = hex(await sha256(`${contactKey}\n${text}`)).slice(0, 24);
  const window = Math.floor(now / CONTENT_DEDUPE_MS);
  return { id: `wft-${digest}-${window}`, sameAs: [`wft-${digest}-${window - 1}`] };
}

function channelFrom(payload, customData) {
  const named = customData.channel;
  if (typeof named === 'string' && named.trim()) return { raw: `customData.channel ${named}`, channel: channelOf(named) };
  const type = payload.message?.type;
  return { raw: `message.type ${type}`, channel: channelOf(type) };
}

// → { message } (contactId may be absent: then `phone` is set, for the
// caller to get or create the contact), { ignored, messageType }, or
// { response } with the error to answer. No GHL call here.
export async function readWorkflow(request, cfg, now = Date.now()) {
  if (!cfg.workflowSecret) {
    return {
      response: error(404, 'workflow_disabled',
        'POST /workflow is off: set the secret WORKFLOW_SECRET (npx wrangler secret put WORKFLOW_SECRET) to accept GHL Workflow webhooks'),
    };
  }
  const raw = await readLimited(request);
  if (raw === null) return { response: error(413, 'too_large', `body over ${MAX_BODY_BYTES} bytes`) };
  const payload = parseObject(raw);
  const customData = payload && payload.customData !== null && typeof payload.customData === 'object' ? payload.customData : {};
  const header = request.headers.get('x-workflow-secret');
  const given = header ?? customData.secret;
  if (typeof given !== 'string' || !(await sameSecret(given.trim(), cfg.workflowSecret))) {
    return { response: error(401, 'bad_secret', 'missing or wrong workflow secret (x-workflow-secret header or customData.secret)') };
  }
  if (!payload) return { response: error(400, 'bad_json', 'body is not a UTF-8 JSON object') };
  const locationId = payload.location?.id;
  if (locationId !== undefined && locationId !== cfg.locationId) {
    return { response: error(403, 'wrong_location', 'location.id is not GHL_LOCATION_ID: this worker serves another sub-account') };
  }
  // A second workflow ("a user sent a message" → Webhook, Custom Data
  // event = outbound): a person wrote to the lead, so the bot pauses
  // (README: Step aside for people).
  if (customData.event === 'outbound') {
    const contactId = payload.contact_id;
    if (typeof contactId !== 'string' || !CONTACT_ID.test(contactId)) {
      return { response: error(400, 'bad_payload', 'contact_id missing or malformed') };
    }
    return {
      message: {
        contactId, text: '', id: `wfo-${contactId}-${Math.floor(now / 60_000)}`, sameAs: [], event: 'outbound',
        messageId: '', userId: 'workflow', route: 'workflow',
      },
    };
  }
  const { raw: messageType, channel } = channelFrom(payload, customData);
  if (!channel || !cfg.channels.has(channel)) return { ignored: messageType.slice(0, 60), messageType };
  const text = payload.message?.body;
  if (typeof text !== 'string') {
    return { response: error(400, 'bad_payload', 'message.body (the message text) missing: use the trigger "Customer Replied"') };
  }
  let contactId = payload.contact_id;
  let phone = null;
  if (contactId === undefined || contactId === null || contactId === '') {
    contactId = undefined;
    phone = typeof payload.phone === 'string' ? payload.phone.trim() : '';
    if (!/^\+?[\d\s().-]{6,32}$/.test(phone)) {
      return { response: error(400, 'bad_payload', 'contact_id missing and no usable phone') };
    }
  } else if (typeof contactId !== 'string' || !CONTACT_ID.test(contactId)) {
    return { response: error(400, 'bad_payload', 'contact_id malformed') };
  }
  const ids = await messageIds(customData, contactId ?? `phone:${phone.replace(/\D/g, '')}`, text, now);
  return { message: { contactId, phone, text, ...ids, channel, route: 'workflow' } };
}

export const sendTypeOf = (channel) => CHANNELS[channel]?.send ?? 'WhatsApp';
