// The contact's custom fields as the core's state: which GHL field id holds
// which of the bot's keys, per location, and the fields a location that
// was never set up lacks (created here, as `npm run ghl:setup` would).
import { describeCore } from './core.js';
import { createFieldBody } from './field-body.js';

// Custom field id ↔ key, per location, fetched at most once per isolate:
// concurrent webhooks on a cold isolate share the one request in flight.
const fieldMaps = new Map();

// What an owner reads in the log when the bot's fields are missing.
export const missingFieldsError = (keys) =>
  `custom fields missing: ${keys.join(', ')}; run npm run ghl:setup or give the token locations/customFields.write`;

async function readFieldMap(ghl) {
  // The bot's fields are the core's (core/state.hpp), as it describes them.
  const { state_fields: BOT_FIELDS } = await describeCore();
  const res = await ghl.customFields();
  if (!res.ok) return null;
  const byId = new Map();
  const byKey = new Map();
  for (const f of res.data?.customFields || []) {
    const key = String(f.fieldKey || '').replace(/^contact\./, '');
    if (f.id && key) {
      byId.set(f.id, key);
      byKey.set(key, f.id);
    }
  }
  return { byId, byKey, missing: BOT_FIELDS.filter((f) => !byKey.has(f.key)).map((f) => f.key) };
}

// A location prepared by hand (the seed's 13 fields, say) lacks some of
// the bot's fields: create them, as `npm run ghl:setup` would, so the
// conversation works without that step. A token that may not create
// fields leaves them missing: one clear log line, and the lead gets the
// try-again reply at the first save.
async function loadFieldMap(ghl, cfg) {
  const first = await readFieldMap(ghl);
  if (!first?.missing.length) return first;
  const { state_fields: BOT_FIELDS } = await describeCore();
  for (const f of BOT_FIELDS) {
    if (first.missing.includes(f.key)) await ghl.createField(createFieldBody(f));
  }
  // Read back what exists now: a field another isolate created at the same
  // moment (and so refused to us as a duplicate) counts too.
  const map = await readFieldMap(ghl);
  if (!map) return null;
  const created = first.missing.filter((k) => !map.missing.includes(k));
  const where = { event: 'setup', location: cfg.locationId };
  if (created.length) console.log(JSON.stringify({ ...where, createdFields: created }));
  if (map.missing.length) {
    console.log(JSON.stringify({ ...where, error: missingFieldsError(map.missing) }));
  }
  return map;
}

export async function fieldMap(ghl, cfg) {
  let pending = fieldMaps.get(cfg.locationId);
  if (!pending) {
    pending = loadFieldMap(ghl, cfg);
    fieldMaps.set(cfg.locationId, pending);
  }
  const map = await pending;
  // A failed fetch, or a map that still lacks fields, is not cached: the
  // next webhook asks again (fields created since are picked up).
  if ((!map || map.missing.length) && fieldMaps.get(cfg.locationId) === pending) fieldMaps.delete(cfg.locationId);
  return map;
}

// The state the core reads: the bot's fields of `contact`, by key.
export function stateOf(contact, map) {
  const state = {};
  for (const f of contact?.customFields || []) {
    const key = map.byId.get(f.id);
    if (key && (typeof f.value === 'string' || typeof f.value === 'number')) state[key] = f.value;
  }
  return state;
}
