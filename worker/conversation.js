// One inbound message, end to end: read the contact from GHL, let the core
// decide, perform its commands, save the changed fields, send the one
// reply. The loop only carries data between the core and GHL; every
// decision (what to ask, what to book, what to undo) is the core's.
import { runCore } from './core.js';
import { CHANNELS } from './channels.js';
import { BOT_FIELDS, createFieldBody } from './fields.js';
import { createGhl } from './ghl.js';
import { localNow, dayWindow } from './time.js';

const MAX_ROUNDS = 8;

// Custom field id ↔ key, per location, fetched at most once per isolate:
// concurrent webhooks on a cold isolate share the one request in flight.
const fieldMaps = new Map();

async function readFieldMap(ghl) {
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
    console.log(JSON.stringify({
      ...where,
      error: `custom fields missing: ${map.missing.join(', ')}; run npm run ghl:setup or give the token locations/customFields.write`,
    }));
  }
  return map;
}

async function fieldMap(ghl, cfg) {
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

function stateOf(contact, map) {
  const state = {};
  for (const f of contact?.customFields || []) {
    const key = map.byId.get(f.id);
    if (key && (typeof f.value === 'string' || typeof f.value === 'number')) state[key] = f.value;
  }
  return state;
}

async function perform(ghl, cfg, contactId, command) {
  switch (command.type) {
    case 'fetch_slots': {
      const res = await ghl.freeSlots(dayWindow(command.date), cfg.timeZone);
      if (!res.ok) return { type: 'failed', during: 'fetch_slots' };
      // The answer is keyed by date; other keys (traceId, ...) are not days.
      const day = res.data?.[command.date];
      const slots = Array.isArray(day?.slots) ? day.slots.filter((s) => typeof s === 'string') : [];
      return { type: 'slots', date: command.date, slots };
    }
    case 'book': {
      const res = await ghl.book(contactId, command.slot, command.title);
      if (res.ok && res.data?.id) return { type: 'booked', appointment_id: String(res.data.id), slot: command.slot };
      const msg = String(res.data?.message || '');
      if ((res.status === 400 || res.status === 409) && /slot/i.test(msg)) return { type: 'slot_taken', slot: command.slot };
      return { type: 'failed', during: 'book' };
    }
    case 'cancel': {
      const res = await ghl.cancel(command.appointment_id);
      return res.ok ? { type: 'cancelled' } : { type: 'failed', during: 'cancel' };
    }
    default:
      return { type: 'failed', during: `unknown command ${command.type}` };
  }
}

// → { status, body } for the webhook's answer; `log` is filled in.
// `inbound`: the lead's message as the entries read it (worker/webhook.js,
// worker/workflow.js): { contactId, text, id, channel }.
export async function handleInbound(inbound, cfg, log) {
  const ghl = createGhl(cfg, log.calls);
  const contactId = inbound.contactId;
  // A lone UTF-16 surrogate cannot cross into the core as JSON; phones never send one.
  const text = String(inbound.text).toWellFormed();
  const message = { id: String(inbound.id || ''), text };
  const sendType = CHANNELS[inbound.channel]?.send ?? 'WhatsApp';
  const now = localNow(cfg.timeZone);
  const results = [];

  let state = {};
  const map = await fieldMap(ghl, cfg);
  const contact = map ? await ghl.getContact(contactId) : null;
  if (!map || !contact.ok) results.push({ type: 'failed', during: 'read' });
  else state = stateOf(contact.data?.contact, map);
  log.stepBefore = state.booking_step || '';

  // What GHL holds now; sent to the core only once this webhook saved
  // something (it is the state until then, and half the request's size).
  let saved = null;
  let sendFailed = false;
  let sent = null;
  let out = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    out = await runCore({ state, ...(saved && { saved }), message, results, config: cfg.core, now });
    if (!out.ok) {
      log.outcome = `core_${out.error}`;
      log.error = out.message;
      return { status: out.error === 'config' ? 500 : 400, body: { error: out.error, message: out.message } };
    }
    if (out.command) {
      results.push(await perform(ghl, cfg, contactId, out.command));
      continue;
    }
    const updates = Object.entries(out.updates || {});
    if (updates.length) {
      const missing = updates.filter(([k]) => !map.byKey.has(k)).map(([k]) => k);
      if (missing.length) {
        log.error = `custom fields missing: ${missing.join(', ')}; run npm run ghl:setup or give the token locations/customFields.write`;
        fieldMaps.delete(cfg.locationId);  // fields created since are picked up by the next webhook
      }
      const res = missing.length
        ? { ok: false }
        : await ghl.updateContact(contactId, updates.map(([k, v]) => ({ id: map.byKey.get(k), field_value: v })));
      if (!res.ok) {
        results.push({ type: 'failed', during: 'save' });
        continue;
      }
      saved = { ...(saved || state), ...out.updates };
    }
    if (typeof out.reply === 'string') {
      const res = await ghl.send(contactId, out.reply, sendType);
      if (res.ok) {
        sent = out.reply;
      } else if (!sendFailed) {
        // Undo the save (the core returns the old values) so the lead is
        // not moved past a question they never received.
        sendFailed = true;
        results.push({ type: 'failed', during: 'send' });
        continue;
      }
    }
    break;
  }
  log.stepAfter = out.step;
  log.outcome = out.outcome;
  if (out.outcome === 'duplicate') return { status: 200, body: { duplicate: true } };
  return { status: 200, body: { step: out.step, reply: sent } };
}
