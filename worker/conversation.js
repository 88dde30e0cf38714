// One inbound message, end to end: read the contact from GHL, then a plain
// loop over the core's actions (core/protocol.schema.json): perform a
// command, or save the fields and send the reply, or stop. Every decision
// (what to ask, book, undo or retry, and whether the message counts as
// handled) is the core's; this only carries data between it and GHL.
import { CHANNELS } from './channels.js';
import { describeCore, runCore } from './core.js';
import { fieldMap, missingFieldsError, stateOf } from './field-map.js';
import { createGhl } from './ghl.js';
import { perform } from './perform.js';
import { localNow } from './time.js';

// `inbound`: { contactId, text, id, channel } (worker/webhook.js, workflow.js),
// plus maybeSent when an earlier attempt at it answered maybe_sent.
// → { status, body, handled, maybeSent }; `log` is filled in.
export async function handleInbound(inbound, cfg, log) {
  const ghl = createGhl(cfg, log.calls);
  const { contactId } = inbound;
  const sendType = CHANNELS[inbound.channel]?.send ?? 'WhatsApp';
  // A lone UTF-16 surrogate cannot cross into the core as JSON; phones never send one.
  const message = {
    id: String(inbound.id || ''), text: String(inbound.text).toWellFormed(), ...(inbound.maybeSent && { maybe_sent: true }),
    // Not a lead's message (worker/webhook.js, contact-queue.js): no text.
    ...(inbound.event && { event: inbound.event }),
    ...(inbound.event === 'appointment' && { appointment_id: String(inbound.appointmentId) }),
    ...(inbound.event === 'follow_up' && { expect: String(inbound.expect) }),
    // For MAX_BOT_MESSAGES: the bot's messages to this contact in 24 hours (the contact's queue counts them).
    ...(Number.isInteger(inbound.botMessages24h) && { bot_messages_24h: inbound.botMessages24h }),
  };
  const started = Date.now();
  const now = localNow(cfg.timeZone);  // one clock for all the rounds: the core replays them
  const results = [];

  let state = {};
  const map = await fieldMap(ghl, cfg);
  const contact = map ? await ghl.getContact(contactId) : null;
  if (!map || !contact.ok) results.push({ id: 0, type: 'failed', during: 'read' });
  else state = stateOf(contact.data?.contact, map);
  log.stepBefore = state.booking_step || '';

  // What GHL holds now: sent only once this webhook saved something.
  let saved = null;
  let sent = null;
  let sentMessageId = null;
  // Every reply this webhook tried to send: one whose answer was lost may
  // still arrive, and its OutboundMessage echo is the bot's own.
  const tried = [];
  const { max_results: maxResults } = await describeCore();  // the core ends every message within it
  while (results.length <= maxResults) {
    const request = { state, ...(saved && { saved }), message, results, now };
    const out = await runCore(request, cfg.core);
    // Tests only (message text included): every exchange, checked against core/protocol.schema.json.
    if (cfg.coreTrace) console.log(JSON.stringify({ event: 'core', request, answer: out }));
    if (!out.ok) {
      log.outcome = `core_${out.error}`;
      log.error = out.message;
      return { status: out.error === 'config' ? 500 : 400, body: { error: out.error, message: out.message }, handled: false };
    }
    if (out.action === 'perform') {
      const result = await perform(ghl, cfg, { contactId, since: started, map }, out.command);
      results.push(result);
      if (result.type === 'contact') saved = result.fields;  // what GHL holds, as read again
      continue;
    }
    if (out.action === 'save_and_send') {
      const updates = Object.entries(out.updates);
      if (updates.length) {
        const missing = updates.filter(([k]) => !map.byKey.has(k)).map(([k]) => k);
        if (missing.length) log.error = missingFieldsError(missing);
        const res = missing.length ? { ok: false } : await ghl.updateContact(contactId, updates.map(([k, v]) => ({ id: map.byKey.get(k), field_value: v })));
        // Unknown: GHL may hold the new values, so the core's undo must cover them.
        if (res.ok || res.unknown) saved = { ...(saved || state), ...out.updates };
        if (!res.ok) {
          results.push({ id: out.id, type: 'failed', during: 'save', unknown: !!res.unknown });
          continue;
        }
      }
      if (typeof out.reply === 'string') {
        tried.push(out.reply);
        const res = await ghl.send(contactId, out.reply, sendType);
        if (!res.ok) {
          results.push({ id: out.id, type: 'failed', during: 'send', unknown: !!res.unknown });
          continue;
        }
        sent = out.reply;
        sentMessageId = res.data?.messageId ? String(res.data.messageId) : null;
        // Once the reply is out: the opt-out's DND, a hand-off's or the cap's tag.
        if (out.then) {
          const done = await perform(ghl, cfg, { contactId, since: started, map }, { id: 0, ...out.then });
          log.then = `${out.then.type}:${done.type === 'done' ? 'ok' : `failed ${done.status ?? ''}`}`;
        }
      }
    }
    // A DND or a tag owed by a reply delivered in an earlier attempt.
    if (out.action === 'nothing' && out.then) {
      const done = await perform(ghl, cfg, { contactId, since: started, map }, { id: 0, ...out.then });
      log.then = `${out.then.type}:${done.type === 'done' ? 'ok' : `failed ${done.status ?? ''}`}`;
    }
    log.stepAfter = out.step;
    log.outcome = out.outcome;
    const body = out.outcome === 'duplicate' ? { duplicate: true } : { step: out.step, reply: sent };
    // GHL's news (a person's message, an appointment) that could not be
    // taken in: 429, so GHL delivers it again (there is no lead to tell).
    if (inbound.event && inbound.event !== 'follow_up' && !out.handled) {
      return { status: 429, body: { error: 'ghl_failed', message: 'GHL could not be read or written; deliver again' }, handled: false, tried };
    }
    return { status: 200, body, handled: out.handled, maybeSent: !!out.maybe_sent, sentMessageId, tried };
  }
  throw new Error(`the core did not end the message within ${maxResults} results`);
}
