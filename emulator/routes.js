// The GHL operations the emulator implements, one handler each. A handler
// gets an already spec-validated request and answers {status, body} in the
// spec's response shape; spec operations not listed here answer 501.
import { randomUUID } from 'node:crypto';
import { GhlError } from './errors.js';
import { isValidTimeZone, slotsByDate } from './slots.js';

const MAX_RANGE_MS = 31 * 86_400_000;

function requireLocation(store, locationId) {
  if (locationId !== store.locationId) throw new GhlError(400, `Location ${locationId} not found`);
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
  },
};

export function handlerFor(operation) {
  return handlers[operation.file]?.[operation.operationId] ?? null;
}

export function implementedOperations() {
  return Object.entries(handlers).flatMap(([file, ops]) =>
    Object.keys(ops).map((operationId) => ({ file, operationId })));
}
