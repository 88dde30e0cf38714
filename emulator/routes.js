// The GHL operations the emulator implements, one handler each. A handler
// gets an already spec-validated request and answers {status, body} in the
// spec's response shape; spec operations not listed here answer 501.
import { randomUUID } from 'node:crypto';
import { GhlError } from './errors.js';
import { STRICT } from './quirks.js';
import { isValidTimeZone, slotsByDate } from './slots.js';

const MAX_RANGE_MS = 31 * 86_400_000;

function requireLocation(store, locationId) {
  if (locationId !== store.locationId) throw new GhlError(400, `Location ${locationId} not found`);
}

const DEFAULT_LIMIT = 20;

// `limit` as a positive integer (default 20); 422 otherwise (STRICT).
function limitOf(query) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (STRICT.positiveIntegerLimits && !(Number.isInteger(limit) && limit > 0)) {
    throw new GhlError(422, [`query limit must be a positive integer (got ${limit})`]);
  }
  return Math.max(1, Math.floor(limit));
}

const commaList = (value) => (value === undefined ? null : String(value).split(',').map((v) => v.trim()).filter(Boolean));

// search-conversation filters the emulator cannot model (no users, no
// scoring, no manual/automated distinction): 501 rather than an answer that
// silently ignores them.
const UNMODELLED_SEARCH = ['scoreProfile', 'scoreProfileMin', 'scoreProfileMax', 'sortScoreProfile', 'lastMessageAction'];

function searchConversations(store, query) {
  requireLocation(store, query.locationId);
  const unmodelled = UNMODELLED_SEARCH.filter((name) => query[name] !== undefined);
  if (query.sortBy !== undefined && query.sortBy !== 'last_message_date') unmodelled.push(`sortBy=${query.sortBy}`);
  if (unmodelled.length) {
    throw new GhlError(501, `The GHL emulator does not emulate search-conversation's ${unmodelled.join(', ')}`);
  }
  const assignedTo = commaList(query.assignedTo);
  const text = query.query?.trim().toLowerCase();
  const asc = query.sort === 'asc';
  const byLastMessage = (a, b) => (a.lastMessageDate - b.lastMessageDate) || (a.seq - b.seq);
  let list = store.listConversations()
    .map((conv) => ({ ...store.conversationView(conv), seq: conv.seq }))
    .sort((a, b) => (asc ? byLastMessage(a, b) : byLastMessage(b, a)))
    .filter((c) =>
      (query.contactId === undefined || c.contactId === query.contactId) &&
      (query.id === undefined || c.id === query.id) &&
      (query.lastMessageType === undefined || c.lastMessageType === query.lastMessageType) &&
      (query.lastMessageDirection === undefined || c.lastMessageDirection === query.lastMessageDirection) &&
      // Nobody is assigned, follows or is mentioned; nothing is unread or starred.
      (assignedTo === null || assignedTo.includes('unassigned')) &&
      query.followers === undefined && query.mentions === undefined &&
      !['unread', 'starred'].includes(query.status) &&
      (query.startDate === undefined || c.dateAdded >= query.startDate) &&
      (query.endDate === undefined || c.dateAdded <= query.endDate) &&
      (!text || [c.fullName, c.contactName, c.email, c.phone, c.lastMessageBody]
        .some((v) => v?.toLowerCase().includes(text))));
  const total = list.length;
  // startAfterDate: the sort value (lastMessageDate) of the last one seen.
  const after = [].concat(query.startAfterDate ?? [])[0];
  if (after !== undefined) list = list.filter((c) => (asc ? c.lastMessageDate > after : c.lastMessageDate < after));
  const conversations = list.slice(0, limitOf(query)).map(({ seq, ...view }) => view);
  return { conversations, total };
}

// Newest first, `limit` at a time, older pages after `lastMessageId`.
function messagesPage(store, conversationId, query) {
  const conversation = store.getConversation(conversationId);
  if (!conversation) throw new GhlError(400, 'Conversation not found');
  const limit = limitOf(query);
  const newestFirst = [...conversation.messages].reverse();
  let start = 0;
  if (query.lastMessageId !== undefined) {
    const i = newestFirst.findIndex((m) => m.messageId === query.lastMessageId);
    if (i < 0) throw new GhlError(400, `Message ${query.lastMessageId} not found in conversation ${conversationId}`);
    start = i + 1;
  }
  const types = commaList(query.type);
  const rest = newestFirst.slice(start).map(store.messageView)
    .filter((m) => !types || types.includes(m.messageType));
  const messages = rest.slice(0, limit);
  const page = { nextPage: rest.length > limit, messages };
  if (messages.length) page.lastMessageId = messages[messages.length - 1].id;
  return { messages: page };
}

const handlers = {
  'apps/contacts.json': {
    'get-contact'({ store, params, config }) {
      let contact = store.getContact(params.contactId);
      // Real GHL creates the contact as the WhatsApp message arrives, before
      // the webhook reaches the worker; locally nothing else would.
      if (!contact && config.autoCreateContacts) contact = store.createContact({ id: params.contactId });
      if (!contact) throw new GhlError(400, 'Contact not found');
      return { status: 200, body: { contact: store.contactView(contact) } };
    },
    // Every appointment of the contact, whatever its status (cancelled ones
    // too), by start time.
    'get-appointments-for-contact'({ store, params, config }) {
      if (!store.getContact(params.contactId) && config.autoCreateContacts) store.createContact({ id: params.contactId });
      return { status: 200, body: { events: store.contactAppointments(params.contactId).map(store.eventView) } };
    },
    // The tags are added (trimmed, lower-cased, each once; none removed).
    // The spec answers 201 {tags} (CreateAddTagSuccessfulResponseDto): here
    // every tag the contact now has, not only those just added.
    'add-tags'({ store, params, body }) {
      return { status: 201, body: { tags: store.addTags(params.contactId, body.tags) } };
    },
    'update-contact'({ store, params, body }) {
      const contact = store.updateContact(params.contactId, body);
      return { status: 200, body: { succeded: true, contact: store.contactView(contact) } };
    },
    // GHL answers 200 both when it creates and when it updates; `new` tells
    // which (UpsertContactsSuccessfulResponseDto).
    'upsert-contact'({ store, body }) {
      requireLocation(store, body.locationId);
      const { contact, created } = store.upsertContact(body);
      return { status: 200, body: { new: created, contact: store.contactView(contact), traceId: randomUUID() } };
    },
  },

  'apps/locations.json': {
    'get-custom-fields'({ store, params, query }) {
      requireLocation(store, params.locationId);
      return { status: 200, body: { customFields: store.listFields(query.model).map((f) => ({ ...f })) } };
    },
    'create-custom-field'({ store, params, body }) {
      requireLocation(store, params.locationId);
      return { status: 201, body: { customField: { ...store.addField(body) } } };
    },
  },

  'apps/calendars.json': {
    'get-slots'({ store, params, query }) {
      const cal = store.requireCalendar(params.calendarId);
      const { startDate, endDate } = query;
      if (endDate < startDate) throw new GhlError(400, 'endDate must be after startDate');
      if (endDate - startDate > MAX_RANGE_MS) throw new GhlError(400, 'Date range cannot be more than 31 days');
      const timeZone = query.timezone ?? cal.timeZone;
      if (!isValidTimeZone(timeZone)) throw new GhlError(400, `Invalid timezone ${timeZone}`);
      const slots = store.calendarFreeSlots(cal.id, { fromMs: startDate, toMs: endDate });
      // The traceId is deliberate: see quirks.js, free-slots-extra-keys.
      return { status: 200, body: { ...slotsByDate(slots, timeZone), traceId: randomUUID() } };
    },
    'create-appointment'({ store, body }) {
      return { status: 200, body: store.appointmentView(store.createAppointment(body)) };
    },
    'edit-appointment'({ store, params, body }) {
      return { status: 200, body: store.appointmentView(store.editAppointment(params.eventId, body)) };
    },
    // One appointment, whatever its status (a cancelled one too); a deleted
    // or unknown one: 400 "Appointment not found".
    'get-appointment'({ store, params }) {
      return { status: 200, body: { event: store.calendarEventView(store.requireAppointment(params.eventId)) } };
    },
    // The spec answers 201 {succeeded: true} (DeleteEventSuccessfulResponseDto).
    // Only appointments exist here (no block slots), so only they can be deleted.
    'delete-event'({ store, params }) {
      store.deleteAppointment(params.eventId);
      return { status: 201, body: { succeeded: true } };
    },
  },

  'apps/conversations.json': {
    'send-a-new-message'({ store, body }) {
      if (!body.message && !body.attachments?.length && !body.templateId) {
        throw new GhlError(400, 'Message body is empty');
      }
      const sent = store.sendMessage(body);
      return {
        status: 200,
        body: {
          conversationId: sent.conversationId,
          messageId: sent.messageId,
          msg: 'Message queued successfully.',
          status: 'pending',
        },
      };
    },
    'search-conversation'({ store, query }) {
      return { status: 200, body: searchConversations(store, query) };
    },
    'get-messages'({ store, params, query }) {
      return { status: 200, body: messagesPage(store, params.conversationId, query) };
    },
  },
};

export function handlerFor(operation) {
  return handlers[operation.file]?.[operation.operationId] ?? null;
}

export function implementedOperations() {
  return Object.entries(handlers).flatMap(([file, ops]) =>
    Object.keys(ops).map((operationId) => ({ file, operationId })));
}
