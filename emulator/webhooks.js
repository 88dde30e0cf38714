// The GHL side of webhooks, for local use: dev key pairs and deliveries
// exactly as GHL would POST them.
// - Marketplace webhooks (InboundMessage) are signed over the raw body:
//   Ed25519 in `x-ghl-signature` (GHL's scheme since July 2026), or the
//   legacy RSA-SHA256 in `x-wh-signature` when signed with an RSA key.
// - Workflow webhooks ("Customer Replied" → Webhook action) are unsigned
//   and carry a secret the owner adds in Custom Data or a header.
// The dev public keys go to the worker as GHL_WEBHOOK_PUBLIC_KEY in dev
// only; production verifies with GHL's published keys.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function pair(type) {
  const options = {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  };
  return crypto.generateKeyPairSync(type, type === 'rsa' ? { modulusLength: 2048, ...options } : options);
}

// → { publicKey, privateKey, ed25519, rsa }: `privateKey` signs as GHL does
// today (Ed25519); `publicKey` holds both public PEMs, one after the other,
// as GHL_WEBHOOK_PUBLIC_KEY may; `rsa` is the legacy pair.
export function createDevKeys() {
  return combine(pair('ed25519'), pair('rsa'));
}

function combine(ed25519, rsa) {
  return {
    publicKey: `${ed25519.publicKey.trim()}\n${rsa.publicKey.trim()}\n`,
    privateKey: ed25519.privateKey,
    ed25519,
    rsa,
  };
}

// Keys kept in `dir` (git-ignored .dev/), made on first use (each pair on
// its own, so a .dev/ made before Ed25519 keeps its RSA pair).
export function loadOrCreateDevKeys(dir) {
  const load = (name, type) => {
    const pub = path.join(dir, `webhook-dev${name}-public.pem`);
    const priv = path.join(dir, `webhook-dev${name}-private.pem`);
    if (fs.existsSync(pub) && fs.existsSync(priv)) {
      return { publicKey: fs.readFileSync(pub, 'utf8'), privateKey: fs.readFileSync(priv, 'utf8') };
    }
    const keys = pair(type);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(pub, keys.publicKey);
    fs.writeFileSync(priv, keys.privateKey, { mode: 0o600 });
    return keys;
  };
  return combine(load('-ed25519', 'ed25519'), load('', 'rsa'));
}

const keyType = (privateKey) => crypto.createPrivateKey(privateKey).asymmetricKeyType;

// The signature GHL would send for `raw` with this private key: Ed25519
// (no digest: Ed25519 hashes internally) or RSA-SHA256, base64.
export function sign(raw, privateKey) {
  const data = Buffer.from(raw);
  return keyType(privateKey) === 'ed25519'
    ? crypto.sign(null, data, privateKey).toString('base64')
    : crypto.sign('sha256', data, privateKey).toString('base64');
}

// The header GHL puts a signature by this key in.
export const signatureHeader = (privateKey) => (keyType(privateKey) === 'ed25519' ? 'x-ghl-signature' : 'x-wh-signature');

let counter = 0;

export function inboundMessage({ contactId, text, locationId = 'loc_dev', messageId, timestamp = new Date(), messageType = 'WhatsApp' }) {
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
    messageType,
    messageId: id,
    status: 'delivered',
    timestamp: new Date(timestamp).toISOString(),
    webhookId: `wh_${id}`,
  };
}

// The OutboundMessage webhook (../shared/ghl-openapi/webhooks/
// OutboundMessage.md): a message sent to the contact from GHL. With `userId`
// a person sent it from GHL's app (`source: "app"`); without, it is the echo
// of a message sent through the API (`source: "api"`, as get-messages lists
// them). Shaped like inboundMessage (the same `timestamp` and `webhookId`
// extras), with direction "outbound" (the spec's first example says
// "inbound": a slip of the doc). Pure: nothing is sent.
export function outboundMessage({
  contactId, messageId, body, userId, messageType = 'WhatsApp', locationId = 'loc_dev', conversationId, dateAdded = new Date(),
  status = 'delivered', source, attachments = [],
}) {
  if (typeof contactId !== 'string' || !contactId) throw new TypeError('contactId must be a non-empty string');
  const id = messageId ?? `wamid.${Date.now().toString(36)}${(++counter).toString(36)}`;
  const at = new Date(dateAdded).toISOString();
  const payload = {
    type: 'OutboundMessage',
    locationId,
    attachments: [...attachments],
    body,
    contactId,
    contentType: 'text/plain',
    conversationId: conversationId ?? `conv_${contactId}`,
    dateAdded: at,
    direction: 'outbound',
    messageType,
    messageId: id,
    status,
    source: source ?? (userId !== undefined ? 'app' : 'api'),
    timestamp: at,
    webhookId: `wh_${id}`,
  };
  if (userId !== undefined) payload.userId = userId;
  if (body === undefined) delete payload.body;
  return payload;
}

// → { raw, headers } ready to POST: signed with `privateKey` in the header
// of its algorithm.
export function signedDelivery(payload, privateKey) {
  const raw = JSON.stringify(payload);
  return { raw, headers: { 'content-type': 'application/json', [signatureHeader(privateKey)]: sign(raw, privateKey) } };
}

// What a GHL Workflow's free "Webhook" action POSTs for the trigger
// "Customer Replied" (../shared/ghl-openapi/webhooks/Signatures-2026.md):
// the contact's standard fields at the top level, `location`, `workflow`,
// `message: {type, body}` (type 19 is WhatsApp) and the owner's Custom
// Data. `contactId` null leaves contact_id out (a phone-keyed payload);
// `locationId` null leaves location out.
export function workflowMessage({
  contactId, text, phone = '+5215550000000', locationId = 'loc_dev', type = 19, customData = {}, firstName = '',
}) {
  return {
    ...(contactId != null && { contact_id: contactId }),
    first_name: firstName,
    last_name: '',
    full_name: firstName,
    email: '',
    phone,
    tags: '',
    country: 'MX',
    date_created: new Date().toISOString(),
    contact_source: 'whatsapp',
    full_address: '',
    contact_type: 'lead',
    ...(locationId != null && {
      location: { name: 'Dev location', address: '', city: '', state: '', country: 'MX', postalCode: '', fullAddress: '', id: locationId },
    }),
    message: { type, body: text },
    workflow: { id: 'wf_dev', name: 'WhatsApp bot' },
    triggerData: {},
    customData,
  };
}

export const APPOINTMENT_EVENTS = ['AppointmentCreate', 'AppointmentUpdate', 'AppointmentDelete'];

// The appointment webhook payload GHL sends (../shared/ghl-openapi/webhooks/
// AppointmentCreate.md, AppointmentUpdate.md, AppointmentDelete.md):
// {type, locationId, appointment: {id, title, calendarId, contactId,
// appointmentStatus, users, startTime, endTime, dateAdded, dateUpdated, and
// address, assignedUserId, groupId, notes, source when known}}. `appointment`
// is an emulator appointment (ghl.listAppointments() / moveAppointment() /
// cancelAppointment() items) or a get-appointment `event`; times are passed
// on as they are. Pure: nothing is sent (sign it with signedDelivery).
export function appointmentEvent(type, appointment) {
  if (!APPOINTMENT_EVENTS.includes(type)) {
    throw new TypeError(`type must be one of ${APPOINTMENT_EVENTS.join(', ')} (got ${type})`);
  }
  if (!appointment || typeof appointment !== 'object' || typeof appointment.id !== 'string') {
    throw new TypeError('appointment must be an appointment object with an id');
  }
  const a = appointment;
  const out = {
    id: a.id,
    title: a.title,
    calendarId: a.calendarId,
    contactId: a.contactId,
    appointmentStatus: a.appointmentStatus,
    users: Array.isArray(a.users) ? [...a.users] : [],
    startTime: a.startTime,
    endTime: a.endTime,
    dateAdded: a.dateAdded,
    dateUpdated: a.dateUpdated,
  };
  for (const k of ['address', 'assignedUserId', 'groupId', 'notes', 'source']) if (a[k] !== undefined) out[k] = a[k];
  return JSON.parse(JSON.stringify({ type, locationId: a.locationId, appointment: out }));
}
