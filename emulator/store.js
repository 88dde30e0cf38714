// The emulated location's data and the rules GHL applies to it: custom
// fields, contacts, calendars, appointments, sent messages. No HTTP here;
// failures are thrown as GhlError with the status GHL would answer.
import { createHash } from 'node:crypto';
import { GhlError } from './errors.js';
import { STRICT } from './quirks.js';
import { freeSlots, formatInZone, isFreeSlot, isValidTimeZone } from './slots.js';
import { BOT_FIELDS, BOT_FIELD_KEYS } from '../wasm/description.js';

// The bot's conversation state, one field each (core/state.hpp), from the
// list the worker and `npm run ghl:setup` share.
export { BOT_FIELD_KEYS };

export const DEFAULT_CALENDAR = {
  id: 'cal_dev',
  timeZone: 'America/Mexico_City',
  weekdays: [1, 2, 3, 4, 5],
  slotTimes: ['10:00', '14:00', '16:00'],
  durationMinutes: 30,
};

export const SLOT_TAKEN = 'The slot you have selected is no longer available.';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const INACTIVE = new Set(['cancelled', 'invalid']);

// GHL-looking 20-character ids, the same sequence for the same seed, so
// tests and logs are reproducible.
function idMaker(seed) {
  const counters = new Map();
  return (kind) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const bytes = createHash('sha256').update(`${seed}:${kind}:${n}`).digest();
    let id = '';
    for (let i = 0; i < 20; i++) id += ALNUM[bytes[i] % ALNUM.length];
    return id;
  };
}

export function humanName(key) {
  return key.split('_').map((w) => (w === 'id' ? 'ID' : w[0].toUpperCase() + w.slice(1))).join(' ');
}

// GHL derives the field key from the name: "Booking Step" → contact.booking_step.
export function keyFromName(name) {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

const bareKey = (key) => String(key).replace(/^contact\./, '');

function defaultField(spec) {
  const byKey = typeof spec === 'string' ? { key: spec } : spec;
  if (byKey === null || typeof byKey !== 'object' || (typeof byKey.key !== 'string' && typeof byKey.name !== 'string')) {
    throw new TypeError(`customFields: ${JSON.stringify(spec)} is neither a key nor {key | name, dataType?}`);
  }
  if (byKey.name !== undefined) return byKey;
  const { key, ...rest } = byKey;
  const dataType = rest.dataType ?? BOT_FIELDS.find((f) => f.key === key)?.dataType ?? 'TEXT';
  return { ...rest, name: humanName(key), dataType };
}

// A bad calendar config is the caller's mistake (TypeError → 400 over HTTP).
export function normalizeCalendar(cal = {}) {
  const calendar = { ...DEFAULT_CALENDAR, ...cal };
  const fail = (what) => {
    throw new TypeError(`calendar ${calendar.id}: ${what}`);
  };
  if (!isValidTimeZone(calendar.timeZone)) fail(`unknown timeZone ${calendar.timeZone}`);
  if (!Array.isArray(calendar.weekdays) || !calendar.weekdays.every((d) => Number.isInteger(d) && d >= 0 && d <= 7)) {
    fail('weekdays must be a list of 0 (Sunday) … 6 (Saturday)');
  }
  const lists = Array.isArray(calendar.slotTimes) ? [calendar.slotTimes] : Object.values(calendar.slotTimes ?? {});
  if (!calendar.slotTimes || !lists.every((l) => Array.isArray(l) && l.every((t) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t)))) {
    fail('slotTimes must be a list of "HH:MM", or a map weekday → list');
  }
  if (!(Number.isInteger(calendar.durationMinutes) && calendar.durationMinutes > 0)) fail('durationMinutes must be a positive integer');
  return calendar;
}

// The send-a-new-message `type` → the messageType GHL lists the message as.
export const MESSAGE_TYPES = {
  SMS: 'TYPE_SMS',
  RCS: 'TYPE_RCS',
  Email: 'TYPE_EMAIL',
  WhatsApp: 'TYPE_WHATSAPP',
  IG: 'TYPE_INSTAGRAM',
  FB: 'TYPE_FACEBOOK',
  Custom: 'TYPE_CUSTOM_PROVIDER_SMS',
  Live_Chat: 'TYPE_LIVE_CHAT',
  TIKTOK: 'TYPE_TIKTOK',
};
const messageTypeOf = (type) => MESSAGE_TYPES[type] ?? 'TYPE_SMS';

// The numeric `type` of a listed message. GHL numbers its message types in
// the order of the spec's messageType list without the later TYPE_RCS
// (TYPE_CALL 1, TYPE_SMS 2, TYPE_EMAIL 3, …, TYPE_WHATSAPP 19: the spec
// says call and voicemail are types 1 and 10); read `messageType` instead.
const MESSAGE_TYPE_CODES = Object.fromEntries([
  'TYPE_CALL', 'TYPE_SMS', 'TYPE_EMAIL', 'TYPE_SMS_REVIEW_REQUEST', 'TYPE_WEBCHAT',
  'TYPE_SMS_NO_SHOW_REQUEST', 'TYPE_CAMPAIGN_SMS', 'TYPE_CAMPAIGN_CALL', 'TYPE_CAMPAIGN_EMAIL',
  'TYPE_CAMPAIGN_VOICEMAIL', 'TYPE_FACEBOOK', 'TYPE_CAMPAIGN_FACEBOOK', 'TYPE_CAMPAIGN_MANUAL_CALL',
  'TYPE_CAMPAIGN_MANUAL_SMS', 'TYPE_GMB', 'TYPE_CAMPAIGN_GMB', 'TYPE_REVIEW', 'TYPE_INSTAGRAM',
  'TYPE_WHATSAPP', 'TYPE_CUSTOM_SMS', 'TYPE_CUSTOM_EMAIL', 'TYPE_CUSTOM_PROVIDER_SMS',
  'TYPE_CUSTOM_PROVIDER_EMAIL', 'TYPE_IVR_CALL', 'TYPE_ACTIVITY_CONTACT', 'TYPE_ACTIVITY_INVOICE',
  'TYPE_ACTIVITY_PAYMENT', 'TYPE_ACTIVITY_OPPORTUNITY', 'TYPE_LIVE_CHAT',
].map((t, i) => [t, i + 1]));

// DndSettingsSchema's channels (apps/contacts.json) and a channel's statuses.
export const DND_CHANNELS = ['Call', 'Email', 'SMS', 'WhatsApp', 'GMB', 'FB'];
const DND_STATUSES = ['active', 'inactive', 'permanent'];

// A dndSettings object as DndSettingsSchema allows it (closed, as the
// emulator's request check is: quirks.js closed-request-bodies). For the
// admin API, which the spec does not check; TypeError otherwise.
export function checkDndSettings(settings) {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) {
    throw new TypeError('dndSettings must be an object {channel: {status, message?, code?}}');
  }
  for (const [channel, s] of Object.entries(settings)) {
    if (!DND_CHANNELS.includes(channel)) throw new TypeError(`dndSettings: unknown channel ${channel} (${DND_CHANNELS.join(', ')})`);
    if (s === null || typeof s !== 'object' || Array.isArray(s)) throw new TypeError(`dndSettings.${channel} must be {status, message?, code?}`);
    if (!DND_STATUSES.includes(s.status)) throw new TypeError(`dndSettings.${channel}.status must be one of ${DND_STATUSES.join(', ')}`);
    for (const [k, v] of Object.entries(s)) {
      if (k === 'status') continue;
      if (k !== 'message' && k !== 'code') throw new TypeError(`dndSettings.${channel}: unknown key ${k}`);
      if (typeof v !== 'string') throw new TypeError(`dndSettings.${channel}.${k} must be a string`);
    }
  }
}

export function createStore({ locationId, calendars, customFields, seed, nowMs }) {
  const newId = idMaker(seed);
  const fields = [];
  const contacts = new Map();
  const appointments = new Map();
  const messages = [];
  const calendarMap = new Map(calendars.map((c) => [c.id, c]));
  const nowIso = () => new Date(nowMs()).toISOString();

  // --- custom fields -------------------------------------------------------

  function addField({ name, dataType = 'TEXT', placeholder, position, model = 'contact' }) {
    const key = keyFromName(name);
    if (!key) throw new GhlError(400, 'Custom field name is invalid');
    const fieldKey = `${model}.${key}`;
    if (fields.some((f) => f.name.toLowerCase() === name.trim().toLowerCase() || f.fieldKey === fieldKey)) {
      throw new GhlError(400, `Custom field with name '${name}' already exists`);
    }
    const field = {
      id: newId('customField'),
      name: name.trim(),
      fieldKey,
      placeholder: placeholder ?? '',
      dataType,
      position: position ?? fields.length * 50,
      model,
      locationId,
    };
    fields.push(field);
    return field;
  }

  // customFields: a list of bot keys ('language', as in BOT_FIELD_KEYS or
  // ORIGINAL_FIELD_KEYS), {key, dataType?} (BOT_FIELDS items) or
  // {name, dataType?, ...} (a create-custom-field body). A bot key gets its
  // BOT_FIELDS data type unless one is given; other fields are TEXT.
  const fieldSpecs = customFields === false ? [] : customFields ?? BOT_FIELDS;
  if (!Array.isArray(fieldSpecs)) throw new TypeError('customFields must be a list of keys or fields, or false');
  for (const spec of fieldSpecs) addField(defaultField(spec));

  function listFields(model) {
    return fields.filter((f) => !model || model === 'all' || f.model === model);
  }

  // A field named by id, by "contact.key" or by bare "key".
  function findField({ id, key }) {
    return (id !== undefined && fields.find((f) => f.id === id)) ||
      (key !== undefined && fields.find((f) => f.model === 'contact' && bareKey(f.fieldKey) === bareKey(key))) ||
      null;
  }

  // --- contacts ------------------------------------------------------------

  function contactView(c) {
    const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
    const view = {
      id: c.id,
      locationId,
      firstName: c.firstName,
      lastName: c.lastName,
      name: name || undefined,
      firstNameLowerCase: c.firstName?.toLowerCase(),
      lastNameLowerCase: c.lastName?.toLowerCase(),
      fullNameLowerCase: name ? name.toLowerCase() : undefined,
      email: c.email,
      emailLowerCase: c.email?.toLowerCase(),
      phone: c.phone,
      timezone: c.timezone,
      type: 'lead',
      source: c.source,
      dnd: !!c.dnd,
      dndSettings: Object.keys(c.dndSettings).length ? c.dndSettings : undefined,
      tags: [...c.tags],
      dateAdded: c.dateAdded,
      dateUpdated: c.dateUpdated,
      customFields: [...c.values].map(([id, value]) => ({ id, value })),
    };
    return JSON.parse(JSON.stringify(view));
  }

  function fieldMap(c) {
    const map = {};
    for (const [id, value] of c.values) {
      const field = fields.find((f) => f.id === id);
      map[field ? bareKey(field.fieldKey) : id] = value;
    }
    return map;
  }

  function requireContact(id) {
    const c = contacts.get(id);
    if (!c) throw new GhlError(400, 'Contact not found');
    return c;
  }

  // Also the admin createContact: `tags` (normalized as GHL does),
  // `dnd`, `dndSettings` (checked here: the admin path has no spec check).
  function createContact({ id, firstName, lastName, email, phone, source, tags, dnd, dndSettings, customFields: values } = {}) {
    if (id !== undefined && contacts.has(id)) throw new GhlError(400, `Contact ${id} already exists`);
    if (tags !== undefined && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string'))) {
      throw new TypeError('tags must be a list of strings');
    }
    if (dnd !== undefined && typeof dnd !== 'boolean') throw new TypeError('dnd must be a boolean');
    if (dndSettings !== undefined) checkDndSettings(dndSettings);
    const at = nowIso();
    const c = {
      id: id ?? newId('contact'),
      firstName, lastName, email, phone, source,
      tags: tags === undefined ? [] : normalizeTags(tags),
      dnd: dnd ?? false,
      dndSettings: {},
      values: new Map(),
      conversationId: newId('conversation'),
      dateAdded: at,
      dateUpdated: at,
    };
    if (dndSettings) mergeDndSettings(c, dndSettings);
    contacts.set(c.id, c);
    if (values) {
      try {
        setFieldValues(c, values);
      } catch (err) {
        contacts.delete(c.id);
        throw err;
      }
    }
    return c;
  }

  function storeValue(c, fieldId, value) {
    if (value === null || value === undefined || value === '') c.values.delete(fieldId);
    else c.values.set(fieldId, Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value));
  }

  // {key: value} as the admin API takes it; unknown keys are errors.
  function setFieldValues(c, values) {
    const resolved = Object.entries(values).map(([key, value]) => {
      const field = findField({ key });
      if (!field) throw new GhlError(400, `No custom field with key '${key}'`);
      return [field.id, value];
    });
    for (const [id, value] of resolved) storeValue(c, id, value);
    c.dateUpdated = nowIso();
  }

  const SIMPLE = ['firstName', 'lastName', 'email', 'phone', 'timezone', 'source'];

  // The customFields items of a contact body → [[fieldId, value]]; items
  // naming no field of the location are dropped, as GHL does, or 422 (STRICT).
  function resolveFieldItems(items = []) {
    const updates = [];
    const unknown = [];
    items.forEach((item, i) => {
      const field = findField(item);
      if (field) updates.push([field.id, item.field_value]);
      else unknown.push(`customFields.${i}: no custom field with ${item.id !== undefined ? `id '${item.id}'` : `key '${item.key}'`}`);
    });
    if (unknown.length && STRICT.unknownCustomFields) throw new GhlError(422, unknown);
    return updates;
  }

  // The update-contact body (UpdateContactDto), already spec-validated.
  function updateContact(id, dto) {
    const c = requireContact(id);
    applyContactDto(c, dto, resolveFieldItems(dto.customFields));
    return c;
  }

  function applyContactDto(c, dto, updates) {
    // Checked before anything changes (an empty tag is a 422).
    const tags = dto.tags ? normalizeTags(dto.tags) : undefined;
    for (const name of SIMPLE) {
      if (dto[name] === null) delete c[name];
      else if (dto[name] !== undefined) c[name] = dto[name];
    }
    if (dto.name !== undefined && dto.firstName === undefined && dto.lastName === undefined) {
      [c.firstName, c.lastName] = dto.name === null ? [] : [dto.name.split(' ')[0], dto.name.split(' ').slice(1).join(' ') || undefined];
    }
    // `tags` replaces the contact's tags (the spec: "This field will
    // overwrite all current tags"); add-tags adds.
    if (tags) c.tags = tags;
    if (dto.dnd !== undefined) c.dnd = dto.dnd;
    if (dto.dndSettings) mergeDndSettings(c, dto.dndSettings);
    for (const [fieldId, value] of updates) {
      if (value !== undefined) storeValue(c, fieldId, value);
    }
    c.dateUpdated = nowIso();
  }

  // GHL keeps tags trimmed and lower-cased ("VIP " → "vip"), each once.
  // A tag that is empty once trimmed: 422 (STRICT.nonEmptyTags).
  function normalizeTags(list) {
    const out = [];
    list.forEach((tag, i) => {
      const t = tag.trim().toLowerCase();
      if (!t) {
        if (STRICT.nonEmptyTags) throw new GhlError(422, [`tags.${i} must not be empty`]);
        return;
      }
      if (!out.includes(t)) out.push(t);
    });
    return out;
  }

  // add-tags: the tags are added to the contact's (none removed, none
  // twice, in the order first added). → the contact's tags, all of them.
  function addTags(id, tags) {
    const c = requireContact(id);
    const added = normalizeTags(tags);
    for (const t of added) if (!c.tags.includes(t)) c.tags.push(t);
    c.dateUpdated = nowIso();
    return [...c.tags];
  }

  // dndSettings merge per channel: a channel sent replaces that channel's
  // setting ({status, message?, code?}); channels not sent are kept.
  function mergeDndSettings(c, settings) {
    for (const channel of DND_CHANNELS) {
      const s = settings[channel];
      if (s === undefined) continue;
      const next = { status: s.status };
      if (s.message !== undefined) next.message = s.message;
      if (s.code !== undefined) next.code = s.code;
      c.dndSettings[channel] = next;
    }
    c.dateUpdated = nowIso();
  }

  // Phones compare by their digits: "+52 1 555 000 0001", "+5215550000001"
  // and "5215550000001" are one number.
  const phoneDigits = (phone) => String(phone ?? '').replace(/\D+/g, '');

  function findContactByPhone(phone) {
    const digits = phoneDigits(phone);
    if (!digits) return null;
    return [...contacts.values()].find((c) => phoneDigits(c.phone) === digits) ?? null;
  }

  function findContactByEmail(email) {
    if (typeof email !== 'string' || !email.trim()) return null;
    const wanted = email.trim().toLowerCase();
    return [...contacts.values()].find((c) => c.email?.trim().toLowerCase() === wanted) ?? null;
  }

  // GHL stores phones in E.164: "+52 1 555 000 0001" → "+5215550000001".
  const e164 = (phone) => (typeof phone === 'string' && phoneDigits(phone) ? `+${phoneDigits(phone)}` : phone);

  // The upsert-contact body (UpsertContactDto), already spec-validated and
  // its locationId checked. GHL's default duplicate rule: the contact with
  // that email, else the one with that phone, is updated with the fields
  // given; if another contact already holds the phone, the phone is left
  // out rather than duplicated. Otherwise a new contact is created.
  // → {contact, created}.
  function upsertContact(dto) {
    const updates = resolveFieldItems(dto.customFields);
    if (dto.tags) normalizeTags(dto.tags); // a 422 before a contact is made
    const byEmail = findContactByEmail(dto.email);
    const existing = byEmail ?? findContactByPhone(dto.phone);
    const body = { ...dto, phone: e164(dto.phone) };
    if (existing) {
      const holder = byEmail && findContactByPhone(dto.phone);
      if (holder && holder !== existing) delete body.phone;
      applyContactDto(existing, body, updates);
      return { contact: existing, created: false };
    }
    const c = createContact({});
    applyContactDto(c, body, updates);
    c.dateAdded = c.dateUpdated;
    return { contact: c, created: true };
  }

  // --- calendars and appointments -------------------------------------------

  function requireCalendar(id) {
    const cal = calendarMap.get(id);
    if (!cal) throw new GhlError(400, `Calendar not found`);
    return cal;
  }

  function booked(calendarId, exceptId) {
    return [...appointments.values()].filter((a) =>
      a.calendarId === calendarId && a.id !== exceptId && !INACTIVE.has(a.appointmentStatus));
  }

  function parseTime(value, name) {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw new GhlError(400, `${name} must be a valid ISO 8601 date`);
    if (STRICT.appointmentTimesNeedOffset && !/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
      throw new GhlError(400, `${name} must carry a UTC offset (got '${value}')`);
    }
    return ms;
  }

  function requireSlot(cal, startMs, exceptId, body) {
    if (body.ignoreFreeSlotValidation) return;
    if (!isFreeSlot(cal, startMs, { nowMs: nowMs(), booked: booked(cal.id, exceptId) })) {
      throw new GhlError(400, SLOT_TAKEN);
    }
  }

  function slotTimes(cal, body, startMs) {
    const endMs = body.endTime !== undefined ? parseTime(body.endTime, 'endTime') : startMs + cal.durationMinutes * 60_000;
    if (endMs <= startMs) throw new GhlError(400, 'endTime must be after startTime');
    return { endMs, endTime: body.endTime ?? formatInZone(endMs, cal.timeZone) };
  }

  const OPTIONAL = ['title', 'meetingLocationType', 'assignedUserId', 'address', 'rrule'];

  function createAppointment(body) {
    const cal = requireCalendar(body.calendarId);
    if (body.locationId !== locationId) throw new GhlError(400, `Location ${body.locationId} not found`);
    requireContact(body.contactId);
    const startMs = parseTime(body.startTime, 'startTime');
    const { endMs, endTime } = slotTimes(cal, body, startMs);
    requireSlot(cal, startMs, null, body);
    const at = nowIso();
    const appt = {
      id: newId('appointment'),
      calendarId: cal.id,
      locationId,
      contactId: body.contactId,
      title: body.title ?? 'Appointment',
      startTime: body.startTime,
      endTime,
      startMs,
      endMs,
      appointmentStatus: body.appointmentStatus ?? 'confirmed',
      isRecurring: false,
      dateAdded: at,
      dateUpdated: at,
    };
    for (const k of OPTIONAL) if (body[k] !== undefined) appt[k] = body[k];
    appointments.set(appt.id, appt);
    return appt;
  }

  // Cancelled appointments are still there (with their status); deleted
  // ones are gone.
  function requireAppointment(id) {
    const appt = appointments.get(id);
    if (!appt) throw new GhlError(400, 'Appointment not found');
    return appt;
  }

  // delete-event: the appointment disappears and its slot is free again.
  function deleteAppointment(id) {
    const appt = requireAppointment(id);
    appointments.delete(id);
    return appt;
  }

  function editAppointment(id, body) {
    const appt = requireAppointment(id);
    const cal = requireCalendar(body.calendarId ?? appt.calendarId);
    const next = { ...appt, calendarId: cal.id };
    if (body.startTime !== undefined) {
      next.startMs = parseTime(body.startTime, 'startTime');
      next.startTime = body.startTime;
    }
    if (body.startTime !== undefined || body.endTime !== undefined) {
      Object.assign(next, slotTimes(cal, { endTime: body.endTime }, next.startMs));
    }
    if (body.appointmentStatus !== undefined) next.appointmentStatus = body.appointmentStatus;
    const moved = next.startMs !== appt.startMs || next.calendarId !== appt.calendarId;
    const revived = INACTIVE.has(appt.appointmentStatus) && !INACTIVE.has(next.appointmentStatus);
    if ((moved || revived) && !INACTIVE.has(next.appointmentStatus)) requireSlot(cal, next.startMs, id, body);
    for (const k of OPTIONAL) if (body[k] !== undefined) next[k] = body[k];
    next.dateUpdated = nowIso();
    appointments.set(id, next);
    return next;
  }

  function appointmentView(a) {
    const view = {};
    for (const k of ['id', 'calendarId', 'locationId', 'contactId', 'title', 'startTime', 'endTime',
      'appointmentStatus', 'isRecurring', ...OPTIONAL]) {
      if (a[k] !== undefined) view[k] = a[k];
    }
    return view;
  }

  // A contact's appointments, every status, by start time (then booking
  // order). Unknown contact: GhlError 400, as get-contact.
  function contactAppointments(contactId) {
    requireContact(contactId);
    return [...appointments.values()]
      .filter((a) => a.contactId === contactId)
      .sort((a, b) => a.startMs - b.startMs);
  }

  // GetEventSchema (apps/contacts.json), the items of get-appointments-for-
  // contact. startTime / endTime are the strings the booking was made with
  // (or the endTime the emulator derived); `status` mirrors appointmentStatus.
  function eventView(a) {
    const view = {
      id: a.id,
      calendarId: a.calendarId,
      status: a.appointmentStatus,
      title: a.title,
      startTime: a.startTime,
      endTime: a.endTime,
      locationId: a.locationId,
      contactId: a.contactId,
      appointmentStatus: a.appointmentStatus,
      users: [],
      dateAdded: a.dateAdded,
      dateUpdated: a.dateUpdated,
    };
    for (const k of ['assignedUserId', 'address', 'notes']) if (a[k] !== undefined) view[k] = a[k];
    return view;
  }

  // CalendarEventDTO (apps/calendars.json), get-appointment's `event`.
  // startTime / endTime as booked (as eventView); dateAdded / dateUpdated
  // ISO UTC. groupId is left out (no groups here), assignedUserId unless set
  // (quirks.js, calendar-event-group-and-user-optional).
  function calendarEventView(a) {
    const view = {
      id: a.id,
      title: a.title,
      calendarId: a.calendarId,
      locationId: a.locationId,
      contactId: a.contactId,
      appointmentStatus: a.appointmentStatus,
      users: [],
      isRecurring: !!a.isRecurring,
      startTime: a.startTime,
      endTime: a.endTime,
      dateAdded: a.dateAdded,
      dateUpdated: a.dateUpdated,
    };
    for (const k of ['assignedUserId', 'address', 'notes', 'rrule']) if (a[k] !== undefined) view[k] = a[k];
    return view;
  }

  function calendarFreeSlots(calendarId, { fromMs, toMs }) {
    const cal = requireCalendar(calendarId);
    return freeSlots(cal, { fromMs, toMs, nowMs: nowMs(), booked: booked(cal.id) });
  }

  // --- messages --------------------------------------------------------------

  function sendMessage(body) {
    const c = requireContact(body.contactId);
    const record = {
      messageId: newId('message'),
      conversationId: c.conversationId,
      contactId: c.id,
      type: body.type,
      message: body.message,
      at: nowIso(),
    };
    if (body.attachments) record.attachments = [...body.attachments];
    messages.push(record);
    return record;
  }

  // --- conversations ----------------------------------------------------------
  // One conversation per contact, with the id send-a-new-message answers. It
  // exists once it has a message (only sent messages are recorded today).

  function conversationMessages(conversationId) {
    return messages.filter((m) => m.conversationId === conversationId);
  }

  // → {id, contact, messages (oldest first), seq (place of its last message
  // among all messages: orders conversations whose last messages share a
  // timestamp)} or null.
  function getConversation(id) {
    const list = conversationMessages(id);
    if (!list.length) return null;
    return { id, contact: contacts.get(list[0].contactId), messages: list, seq: messages.lastIndexOf(list[list.length - 1]) };
  }

  function listConversations() {
    const ids = [...new Set(messages.map((m) => m.conversationId))];
    return ids.map(getConversation);
  }

  const msOf = (iso) => Date.parse(iso);
  // Only sent messages are recorded so far.
  const directionOf = (m) => m.direction ?? 'outbound';

  // ConversationSchema (apps/conversations.json), plus the dates GHL also
  // sends (numbers, ms). Contact details the contact lacks are left out
  // (quirks.js, conversation-contact-details-optional).
  function conversationView({ id, contact: c, messages: list }) {
    const last = list[list.length - 1];
    const name = [c.firstName, c.lastName].filter(Boolean).join(' ') || undefined;
    const view = {
      id,
      contactId: c.id,
      locationId,
      lastMessageBody: last.message ?? '',
      lastMessageType: messageTypeOf(last.type),
      lastMessageDirection: directionOf(last),
      lastMessageDate: msOf(last.at),
      type: c.phone || !c.email ? 'TYPE_PHONE' : 'TYPE_EMAIL',
      unreadCount: 0,
      fullName: name,
      contactName: name,
      email: c.email,
      phone: c.phone,
      dateAdded: msOf(list[0].at),
      dateUpdated: msOf(last.at),
    };
    return JSON.parse(JSON.stringify(view));
  }

  // GetMessageResponseDto (apps/conversations.json).
  function messageView(m) {
    const view = {
      id: m.messageId,
      type: MESSAGE_TYPE_CODES[messageTypeOf(m.type)] ?? 0,
      messageType: messageTypeOf(m.type),
      locationId,
      contactId: m.contactId,
      conversationId: m.conversationId,
      dateAdded: m.at,
      body: m.message,
      direction: directionOf(m),
      status: 'sent',
      contentType: 'text/plain',
      source: 'api',
    };
    if (m.attachments?.length) view.attachments = [...m.attachments];
    return JSON.parse(JSON.stringify(view));
  }

  return {
    locationId,
    calendars: calendarMap,
    listFields,
    addField,
    findField,
    contacts,
    getContact: (id) => contacts.get(id) ?? null,
    requireContact,
    createContact,
    updateContact,
    upsertContact,
    addTags,
    findContactByPhone,
    contactView,
    fieldMap,
    setFieldValues,
    requireCalendar,
    calendarFreeSlots,
    createAppointment,
    editAppointment,
    deleteAppointment,
    getAppointment: (id) => appointments.get(id) ?? null,
    requireAppointment,
    appointmentView,
    calendarEventView,
    listAppointments: () => [...appointments.values()].map((a) => ({ ...a })),
    contactAppointments,
    eventView,
    sendMessage,
    getConversation,
    listConversations,
    conversationView,
    messageView,
    listMessages: ({ contactId } = {}) =>
      messages.filter((m) => !contactId || m.contactId === contactId).map((m) => ({ ...m })),
  };
}
