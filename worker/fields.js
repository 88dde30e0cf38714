// The contact custom fields the bot keeps its conversation in, one list for
// the worker (which creates missing ones on a location that was never set
// up), `npm run ghl:setup` and the GHL emulator. The keys are those of
// core/state.hpp (kStateFields); tests/emulator/ghl-setup.test.js checks
// the two agree.
//
// The name is the key itself: GHL derives the field key from the name
// (lower case, spaces and symbols to "_"), and "booking_step" is already in
// that form, so the field key is exactly contact.booking_step. All hold
// text the core writes and reads back as is: typed fields (NUMERICAL, DATE,
// EMAIL) would let GHL reformat or refuse the values. The two free-text
// answers may be long or span lines: LARGE_TEXT.
export const BOT_FIELDS = [
  ['booking_step', 'TEXT'],
  ['language', 'TEXT'],
  ['customer_name', 'TEXT'],
  ['customer_goal', 'LARGE_TEXT'],
  ['customer_pain_point', 'LARGE_TEXT'],
  ['customer_budget', 'TEXT'],
  ['customer_email', 'TEXT'],
  ['preferred_day', 'TEXT'],
  ['preferred_time', 'TEXT'],
  ['appointment_id', 'TEXT'],
  ['appointment_datetime', 'TEXT'],
  ['booking_attempts', 'TEXT'],
  ['last_interaction', 'TEXT'],
  ['offered_slots', 'TEXT'],
  ['last_message_id', 'TEXT'],
].map(([key, dataType]) => Object.freeze({ key, dataType }));

export const BOT_FIELD_KEYS = BOT_FIELDS.map((f) => f.key);

// The seed's schema: a location prepared by hand from it has these and
// lacks the two added later (offered_slots, last_message_id).
export const ORIGINAL_FIELD_KEYS = BOT_FIELD_KEYS.slice(0, 13);

// The body of POST /locations/{locationId}/customFields for one field.
export const createFieldBody = (field) => ({ name: field.key, dataType: field.dataType, model: 'contact' });
