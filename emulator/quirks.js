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
    id: 'search-conversations-startAfterDate-type',
    kind: 'relaxation',
    // search-conversation declares its startAfterDate query parameter with
    // `type: "any"`, which is no JSON Schema type (Ajv refuses to compile it,
    // so no request to the operation could be validated). Its own anyOf says
    // what GHL takes: the sort value of the last conversation, a number, or
    // a list of them (the parameter repeated).
    patch(docs) {
      const param = queryParam(docs, 'apps/conversations.json', '/conversations/search', 'startAfterDate');
      if (param.schema?.type !== 'any') throw new Error(`startAfterDate's type is ${param.schema?.type}, not "any"`);
      param.schema = {
        anyOf: [{ type: 'number' }, { type: 'array', items: { type: 'number' } }],
        example: param.schema.example,
      };
    },
  },
  {
    id: 'get-messages-type-list',
    kind: 'relaxation',
    // get-messages' `type` query parameter is "Types of message to fetched
    // separated with comma" (example "TYPE_SMS,TYPE_CALL"), but its schema is
    // a single-value enum; accept a comma-separated list of those values.
    patch(docs) {
      const param = queryParam(docs, 'apps/conversations.json', '/conversations/{conversationId}/messages', 'type');
      const values = param.schema?.enum;
      if (!Array.isArray(values)) throw new Error('type has no enum');
      const one = `(${values.join('|')})`;
      param.schema = { type: 'string', pattern: `^${one}(,${one})*$`, example: param.schema.example };
    },
  },
  {
    id: 'get-messages-nested-page',
    kind: 'relaxation',
    // The spec declares get-messages' 200 answer as the page itself
    // ({lastMessageId, nextPage, messages: [...]}); GHL really answers the
    // page inside a `messages` key: {messages: {lastMessageId, nextPage,
    // messages: [...]}} (GoHighLevel/highlevel-api-docs#54, and public
    // clients read data.messages.messages). The emulator answers as GHL does.
    // lastMessageId (the id of the page's last message) is left out when the
    // page is empty, so it is not required.
    patch(docs) {
      const response = at(docs['apps/conversations.json'], [
        'paths', '/conversations/{conversationId}/messages', 'get', 'responses', '200', 'content', 'application/json',
      ]);
      if (response.schema?.$ref !== '#/components/schemas/GetMessagesByConversationResponseDto') {
        throw new Error(`the 200 schema is ${JSON.stringify(response.schema)}`);
      }
      const page = schemaOf(docs, 'apps/conversations.json', 'GetMessagesByConversationResponseDto');
      if (!page.required?.includes('lastMessageId')) throw new Error('the page no longer requires lastMessageId');
      page.required = page.required.filter((name) => name !== 'lastMessageId');
      response.schema = {
        type: 'object',
        properties: { messages: { $ref: '#/components/schemas/GetMessagesByConversationResponseDto' } },
        required: ['messages'],
      };
    },
  },
  {
    id: 'conversation-contact-details-optional',
    kind: 'relaxation',
    // ConversationSchema (search-conversation) requires fullName,
    // contactName, email and phone, all strings; a WhatsApp contact often
    // has no email (or no name), and GHL leaves out what the contact lacks
    // rather than inventing it. The emulator does too.
    patch(docs) {
      const schema = schemaOf(docs, 'apps/conversations.json', 'ConversationSchema');
      const optional = ['fullName', 'contactName', 'email', 'phone'];
      if (!optional.every((name) => schema.required?.includes(name))) throw new Error('ConversationSchema changed');
      schema.required = schema.required.filter((name) => !optional.includes(name));
    },
  },
  {
    id: 'calendar-event-times-are-strings',
    kind: 'relaxation',
    // CalendarEventDTO (get-appointment's `event`) declares startTime,
    // endTime, dateAdded and dateUpdated as `type: "object"`, yet its own
    // examples are strings ("2023-09-25T16:00:00+05:30"), as are the same
    // fields of the appointment webhooks and of get-appointments-for-contact.
    // GHL answers strings; so does the emulator.
    patch(docs) {
      const dto = schemaOf(docs, 'apps/calendars.json', 'CalendarEventDTO');
      for (const name of ['startTime', 'endTime', 'dateAdded', 'dateUpdated']) {
        const prop = dto.properties?.[name];
        if (prop?.type !== 'object') throw new Error(`CalendarEventDTO.${name} is no longer typed "object"`);
        prop.type = 'string';
      }
    },
  },
  {
    id: 'calendar-event-group-and-user-optional',
    kind: 'relaxation',
    // CalendarEventDTO requires groupId and assignedUserId, but a calendar
    // need not belong to a group and an appointment need not have an owner
    // (the create/edit bodies make assignedUserId optional). The emulator
    // models neither groups nor users: it leaves groupId out, and
    // assignedUserId unless the booking set one, rather than inventing ids.
    patch(docs) {
      const dto = schemaOf(docs, 'apps/calendars.json', 'CalendarEventDTO');
      const optional = ['groupId', 'assignedUserId'];
      if (!optional.every((name) => dto.required?.includes(name))) throw new Error('CalendarEventDTO changed');
      dto.required = dto.required.filter((name) => !optional.includes(name));
    },
  },
  {
    id: 'closed-request-bodies',
    kind: 'strictness',
    // GHL validates bodies with NestJS's forbidNonWhitelisted ("property x
    // should not exist"), which the spec cannot express; a misspelt top-level
    // property is a worker bug, so these request bodies reject unknown keys.
    // (Upsert does answer 422 "property additionalEmails should not exist":
    // GoHighLevel/highlevel-api-docs#262.) The DND objects are closed too,
    // so a misspelt channel ("Whatsapp") or key is refused rather than
    // silently ignored; they are shared with the contact answers, which the
    // emulator only fills with the declared channels and keys.
    patch(docs) {
      const closed = {
        'apps/contacts.json': ['UpdateContactDto', 'UpsertContactDto', 'TagsDTO',
          'DndSettingsSchema', 'DndSettingSchema', 'InboundDndSettingsSchema', 'InboundDndSettingSchema'],
        'apps/locations.json': ['CreateCustomFieldsDTO'],
        'apps/conversations.json': ['SendMessageBodyDto'],
        'apps/calendars.json': ['AppointmentCreateSchema', 'AppointmentEditSchema', 'DeleteAppointmentSchema'],
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
  // `limit` of search-conversation and get-messages is a "number"; the
  // emulator answers 422 to one that is not a positive integer.
  positiveIntegerLimits: true,
  // A tag that is empty once trimmed (add-tags, and the `tags` of
  // update-contact / upsert-contact) is answered 422: GHL would store or
  // drop it silently, and either hides a worker bug.
  nonEmptyTags: true,
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

function queryParam(docs, file, route, name) {
  const params = at(docs[file], ['paths', route, 'get', 'parameters']);
  const param = params.find((p) => p.in === 'query' && p.name === name);
  if (!param) throw new Error(`${route} has no query parameter ${name}`);
  return param;
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
