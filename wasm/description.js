// The core's description (wasm/dist/describe.json, written by
// scripts/build-wasm.sh from the built core's booking_describe()), for the
// Node tools that must agree with it: the GHL emulator and `npm run
// ghl:setup`. The one definition of the bot's contact fields is
// core/state.hpp (kStateFields); the worker asks its WASM instance directly.
import fs from 'node:fs';

function load() {
  const file = new URL('./dist/describe.json', import.meta.url);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`wasm/dist/describe.json is missing or unreadable (${e.code || e.message}): build the core first: bash scripts/build-wasm.sh`);
  }
}

const description = load();

// [{ key, dataType }], in the core's order.
export const BOT_FIELDS = Object.freeze(description.state_fields.map((f) => Object.freeze({ ...f })));
export const BOT_FIELD_KEYS = Object.freeze(BOT_FIELDS.map((f) => f.key));
// The seed's schema: a location prepared by hand from it has the first 13
// and lacks the two added later (offered_slots, last_message_id).
export const ORIGINAL_FIELD_KEYS = Object.freeze(BOT_FIELD_KEYS.slice(0, 13));
export const MAX_RESULTS = description.max_results;
