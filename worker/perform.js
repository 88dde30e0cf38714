// The core's commands, performed against GHL: one case each, the result in
// the shape core/protocol.schema.json gives. `id` ties a result to its
// command. Failures carry GHL's status and message, and `unknown` when GHL
// may have done it anyway (a timeout after the request went out): the
// core, not this file, decides what that means.
import { stateOf } from './field-map.js';
import { localNow, rangeWindow } from './time.js';

const ACTIVE = (a) => !['cancelled', 'invalid', 'noshow'].includes(String(a?.appointmentStatus ?? a?.status ?? '').toLowerCase());
// GHL writes appointment times with an offset, or (its spec's example) as a
// wall-clock time of the location with none: compare those as wall clocks.
const HAS_ZONE = /(Z|[+-]\d\d:?\d\d)$/;
const sameInstant = (a, slot) => (typeof a === 'string' && !HAS_ZONE.test(a.trim())
  ? a.trim().replace(' ', 'T').slice(0, 16) === String(slot).slice(0, 16)
  : Number.isFinite(Date.parse(a)) && Date.parse(a) === Date.parse(slot));
// GHL's time as the business's wall clock with its offset; a time without
// an offset is already that wall clock (the spec's example). null if unreadable.
function localTime(t, timeZone) {
  if (typeof t !== 'string' || !t.trim()) return null;
  const v = t.trim();
  if (!HAS_ZONE.test(v)) {
    const wall = v.replace(' ', 'T').slice(0, 19);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(wall)) return null;
    // The offset of that wall clock: the zone's offset at about that time.
    const guess = Date.parse(`${wall}Z`);
    const offset = localNow(timeZone, new Date(guess)).slice(19);
    return `${wall.length === 16 ? `${wall}:00` : wall}${offset}`;
  }
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? localNow(timeZone, new Date(ms)) : null;
}

// A send that timed out may arrive a little later than GHL dates it.
const SEND_SKEW_MS = 60_000;

// `who`: { contactId, since, map } (since: when this webhook started, ms;
// map: the custom field map, field-map.js).
export async function perform(ghl, cfg, who, { id, type, ...args }) {
  const failed = (res) => ({
    id, type: 'failed', status: res.status || 0, error: String(res.data?.message ?? res.reason ?? '').slice(0, 200),
    ...(res.unknown && { unknown: true }),
  });
  switch (type) {
    case 'fetch_slots': {
      // One call for the whole range (GHL accepts up to 31 days).
      const until = args.until ?? args.date;
      const res = await ghl.freeSlots(rangeWindow(args.date, until), cfg.timeZone);
      if (!res.ok) return failed(res);
      // The answer is keyed by date; other keys (traceId, ...) are not
      // days, and days outside the range (the window is wider) are left out.
      const slots = [];
      for (const [key, day] of Object.entries(res.data ?? {})) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(key) || key < args.date || key > until || !Array.isArray(day?.slots)) continue;
        for (const s of day.slots) if (typeof s === 'string') slots.push(s);
      }
      return { id, type: 'slots', date: args.date, slots };
    }
    case 'book': {
      const res = await ghl.book(who.contactId, args.slot, args.title);
      return res.ok && res.data?.id ? { id, type: 'booked', appointment_id: String(res.data.id), slot: args.slot } : failed(res);
    }
    case 'cancel': {
      const res = await ghl.cancel(args.appointment_id);
      return res.ok ? { id, type: 'cancelled' } : failed(res);
    }
    case 'find_booking': {
      // A booking whose answer was lost: is there an active appointment of
      // this contact in our calendar at that slot?
      const res = await ghl.appointmentsOf(who.contactId);
      if (!res.ok) return failed(res);
      const found = (res.data?.events ?? []).find((a) =>
        ACTIVE(a) && (!a.calendarId || a.calendarId === cfg.calendarId) && sameInstant(a.startTime, args.slot));
      return { id, type: 'booking_found', ...(found?.id && { appointment_id: String(found.id) }) };
    }
    case 'find_reply': {
      // A reply whose send timed out: is it among the conversation's latest messages?
      const conv = await ghl.conversationsOf(who.contactId);
      if (!conv.ok) return failed(conv);
      const conversationId = conv.data?.conversations?.[0]?.id;
      if (!conversationId) return { id, type: 'reply_found', found: false };
      const res = await ghl.messagesOf(conversationId, 20);
      if (!res.ok) return failed(res);
      const list = res.data?.messages?.messages ?? res.data?.messages ?? [];
      const found = (Array.isArray(list) ? list : []).some((m) => m?.direction === 'outbound' && m?.body === args.text &&
        !(Date.parse(m?.dateAdded) < who.since - SEND_SKEW_MS));
      return { id, type: 'reply_found', found };
    }
    case 'read_contact': {
      // A save whose answer was lost: what does GHL hold now?
      const res = await ghl.getContact(who.contactId, { check: true });
      if (!res.ok) return failed(res);
      return { id, type: 'contact', fields: stateOf(res.data?.contact, who.map) };
    }
    case 'read_appointment': {
      // The booked call as GHL holds it. Its times are given to the core in
      // the business's local time, whatever offset GHL wrote.
      const res = await ghl.getAppointment(args.appointment_id, { check: true });
      if (!res.ok) {
        // GHL answers 400 (or 404) "not found" for an appointment that was deleted.
        if ((res.status === 400 || res.status === 404) && /not found/i.test(String(res.data?.message ?? ''))) {
          return { id, type: 'appointment', appointment_id: args.appointment_id, found: false };
        }
        return failed(res);
      }
      // The spec says {event}; some public clients read {appointment}.
      const a = res.data?.event ?? res.data?.appointment;
      if (!a || typeof a !== 'object') return { id, type: 'appointment', appointment_id: args.appointment_id, found: false };
      const local = (t) => localTime(t, cfg.timeZone);
      const start = local(a.startTime);
      if (!start) return { id, type: 'failed', status: res.status, error: 'appointment without a readable startTime' };
      return {
        id, type: 'appointment', appointment_id: args.appointment_id, found: true,
        appointment_status: String(a.appointmentStatus ?? a.status ?? ''),
        start, ...(local(a.endTime) && { end: local(a.endTime) }),
      };
    }
    case 'set_dnd': {
      const res = await ghl.setWhatsAppDnd(who.contactId, args.status, args.message);
      return res.ok ? { id, type: 'done' } : failed(res);
    }
    case 'add_tag': {
      const res = await ghl.addTag(who.contactId, args.tag);
      return res.ok ? { id, type: 'done' } : failed(res);
    }
    case 'move': {
      const res = await ghl.move(args.appointment_id, args.slot, args.end);
      return res.ok ? { id, type: 'moved', appointment_id: args.appointment_id, slot: args.slot } : failed(res);
    }
    default:
      return { id, type: 'failed', error: `unknown command ${type}` };
  }
}
