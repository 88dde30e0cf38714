// The Marketplace entry, POST /webhook: everything checked before a GHL
// InboundMessage webhook may touch GHL: size, signature, shape, freshness,
// channel. Each failure is a short JSON error and no GHL call. The
// AppointmentUpdate/AppointmentDelete events of the bot's calendar are
// taken too (signed like the rest): they bring the contact's fields in line.
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
  if (APPOINTMENT_EVENTS.has(payload.type)) return readAppointmentEvent(payload, cfg, now);
  const ts = Date.parse(payload.timestamp);
  if (!Number.isFinite(ts)) return { response: error(400, 'bad_timestamp', 'timestamp missing or not ISO-8601') };
  if (Math.abs(now - ts) > MAX_SKEW_MS) {
    return { response: error(401, 'stale_timestamp', 'timestamp more than 5 minutes from now (replay?)') };
  }
  if (payload.type === 'OutboundMessage') return readOutbound(payload, cfg);
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

// GHL's news that an appointment changed or was deleted (issue 12). The
// payload is only a hint: the core reads the appointment from GHL before
// it changes anything, so a replayed or out-of-order event cannot put old
// data back. (GHL's schema for these events has no timestamp; one that is
// there is checked as for messages.) → the contact's queue, with no text.
const APPOINTMENT_EVENTS = new Set(['AppointmentUpdate', 'AppointmentDelete']);

function readAppointmentEvent(payload, cfg, now) {
  if (payload.timestamp !== undefined) {
    const ts = Date.parse(payload.timestamp);
    if (!Number.isFinite(ts)) return { response: error(400, 'bad_timestamp', 'timestamp not ISO-8601') };
    if (Math.abs(now - ts) > MAX_SKEW_MS) {
      return { response: error(401, 'stale_timestamp', 'timestamp more than 5 minutes from now (replay?)') };
    }
  }
  const a = payload.appointment;
  if (!a || typeof a !== 'object' || typeof a.id !== 'string' || !a.id || a.id.length > 100) {
    return { response: error(400, 'bad_payload', 'appointment.id missing or malformed') };
  }
  if (typeof a.contactId !== 'string' || !CONTACT_ID.test(a.contactId)) {
    return { response: error(400, 'bad_payload', 'appointment.contactId missing or malformed') };
  }
  if (payload.locationId && cfg.locationId && payload.locationId !== cfg.locationId) return { ignored: 'another location' };
  if (a.calendarId && a.calendarId !== cfg.calendarId) return { ignored: 'another calendar' };
  const version = String(payload.webhookId || a.dateUpdated || payload.timestamp || now);
  return {
    message: {
      contactId: a.contactId, text: '', id: `${payload.type}:${a.id}:${version}`.slice(0, 250), sameAs: [],
      event: 'appointment', appointmentId: a.id, route: 'webhook',
    },
  };
}

// A message GHL sent to the contact (issue 13): by a person (userId set),
// or through the API, the bot's own among them. The contact's queue tells
// the bot's own apart (it remembers their messageIds); any other pauses the
// bot for HUMAN_PAUSE_HOURS.
function readOutbound(payload, cfg) {
  const channel = channelOf(payload.messageType);
  if (!channel || !cfg.channels.has(channel)) {
    return { ignored: `messageType ${String(payload.messageType).slice(0, 20)}`, messageType: payload.messageType };
  }
  if (typeof payload.contactId !== 'string' || !CONTACT_ID.test(payload.contactId)) {
    return { response: error(400, 'bad_payload', 'contactId missing or malformed') };
  }
  if (payload.locationId && cfg.locationId && payload.locationId !== cfg.locationId) return { ignored: 'another location' };
  const messageId = String(payload.messageId || '');
  return {
    message: {
      contactId: payload.contactId, text: '', id: `out:${messageId || payload.webhookId || payload.timestamp}`.slice(0, 250), sameAs: [],
      event: 'outbound', messageId, userId: payload.userId ? String(payload.userId) : '',
      body: typeof payload.body === 'string' ? payload.body : '', route: 'webhook',
    },
  };
}
