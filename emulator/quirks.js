// Every place where the emulator departs from GHL's published OpenAPI specs,
// in one list. Two kinds:
//   relaxation: the spec is stricter than GHL really is; following it would
//               reject requests the real API accepts (or answers it gives).
//   strictness: the emulator is stricter than GHL, so that bugs in the
//               worker surface locally instead of being silently ignored.
// Spec patches are applied to a private copy of the documents before any
// validator is compiled; each one throws if the spec no longer has the shape
// it patches, so a spec update cannot silently drop a quirk.

export const QUIRKS = [
  {
    id: 'send-message-optional-subType-status',
    kind: 'relaxation',
    // SendMessageBodyDto lists subType and status as required, yet public
    // clients send an outbound WhatsApp message with type, contactId and
    // message alone and GHL accepts it (see the spec folder's README).
    patch(docs) {
      const dto = schemaOf(docs, 'apps/conversations.json', 'SendMessageBodyDto');
      dto.required = dto.required.filter((name) => name !== 'subType' && name !== 'status');
    },
  },
  {
    id: 'free-slots-extra-keys',
    kind: 'relaxation',
    // The free-slots answer is declared as a map of date → {slots}, but GHL
    // also puts other keys in it (`traceId`, sometimes `_dates_`). The
    // emulator sends a `traceId` on purpose, so clients that treat every key
    // as a date break here rather than in production.
    patch(docs) {
      const schema = at(docs['apps/calendars.json'], [
        'paths', '/calendars/{calendarId}/free-slots', 'get', 'responses', '200',
        'content', 'application/json', 'schema',
      ]);
      schema.properties = { ...schema.properties, traceId: { type: 'string' } };
    },
  },
  {
    id: 'contact-custom-field-by-key',
    kind: 'relaxation',
    // Every customFields item variant of UpdateContactDto requires `id`, but
    // GHL also accepts an item that names the field by `key` ("contact.x" or
    // "x") and the variants all declare `key`; allow either one. The variants
    // are shared schemas, so this holds for UpsertContactDto too.
    patch(docs) {
      const items = at(docs['apps/contacts.json'], [
        'components', 'schemas', 'UpdateContactDto', 'properties', 'customFields', 'items', 'anyOf',
      ]);
      for (const { $ref } of items) {
        const variant = schemaOf(docs, 'apps/contacts.json', $ref.split('/').pop());
        if (!variant.required?.includes('id')) throw new Error(`${$ref} no longer requires id`);
        delete variant.required;
        variant.anyOf = [{ required: ['id'] }, { required: ['key'] }];
      }
    },
  },
  {
    id: 'closed-request-bodies',
    kind: 'strictness',
    // GHL validates bodies with NestJS's forbidNonWhitelisted ("property x
    // should not exist"), which the spec cannot express; a misspelt top-level
    // property is a worker bug, so these request bodies reject unknown keys.
    // (Upsert does answer 422 "property additionalEmails should not exist":
    // GoHighLevel/highlevel-api-docs#262.)
    patch(docs) {
      const closed = {
        'apps/contacts.json': ['UpdateContactDto', 'UpsertContactDto'],
        'apps/locations.json': ['CreateCustomFieldsDTO'],
        'apps/conversations.json': ['SendMessageBodyDto'],
        'apps/calendars.json': ['AppointmentCreateSchema', 'AppointmentEditSchema'],
      };
      for (const [file, names] of Object.entries(closed)) {
        for (const name of names) schemaOf(docs, file, name).additionalProperties = false;
      }
    },
  },
];

// Checks that are not spec patches. Each is read where it applies.
export const STRICT = {
  // Query parameters the operation does not declare are rejected (422): a
  // misspelt `timeZone` for `timezone` would otherwise be ignored silently,
  // here and at GHL.
  unknownQueryParams: true,
  // GHL ignores customFields items whose id/key matches no field of the
  // location; the emulator answers 422 so a stale id map shows up
  // (update-contact and upsert-contact).
  unknownCustomFields: true,
  // startTime / endTime of an appointment must carry an explicit offset or
  // "Z": a bare local time means different instants to different readers.
  appointmentTimesNeedOffset: true,
};

export function applyQuirks(docs) {
  for (const quirk of QUIRKS) {
    try {
      quirk.patch(docs);
    } catch (err) {
      throw new Error(`quirk ${quirk.id} no longer applies to the spec: ${err.message}`);
    }
  }
  return docs;
}

function schemaOf(docs, file, name) {
  return at(docs[file], ['components', 'schemas', name]);
}

function at(node, path) {
  for (const key of path) {
    if (node == null || typeof node !== 'object' || !(key in node)) {
      throw new Error(`missing ${path.join(' > ')}`);
    }
    node = node[key];
  }
  return node;
}
