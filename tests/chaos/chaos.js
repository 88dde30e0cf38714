#!/usr/bin/env node
// A seeded chaos run: the real stack (the worker in workerd, the GHL
// emulator) under many booking conversations at once, with GHL failing at
// random on every kind of call, leads writing again when told to, GHL
// redelivering webhooks, two messages at once. After every delivery it
// checks the exactly-once invariants and collects what breaks them:
//
//   appointment   at most one active (not cancelled) appointment per contact,
//                 and it is the one in the contact's appointment_id (one the
//                 bot could not cancel yet, kept in pending_cancel, aside); a contact
//                 at booking_step scheduled (or a lead whose last message is a
//                 confirmation) has one
//   step-ahead    booking_step never runs ahead of the last question the lead
//                 received (the step a delivered bot message asks for comes
//                 from a table built from the harness's conversations; a
//                 message not in it is not judged)
//   one-reply     one reply per inbound message: a delivery gets at most one
//                 bot message per message id it carries that was not answered
//                 yet, a redelivery of an answered message gets none, and no
//                 message id gets the same reply twice in a row
//   answer        every worker answer is 200, or a 4xx/5xx with a short JSON
//                 {error, message} (never a stack)
//   spec / protocol / driver   (once per run) every GHL request the worker made
//                 matched the spec; every exchange with the core matched
//                 core/protocol.schema.json; the fault hook never failed
//
// Faults: the emulator's faultHook decides for each GHL request, from a hash
// of (seed, conversation, operation, how many of that operation the
// conversation made), so a conversation meets the same faults whatever runs
// beside it. Kinds: 5xx, 429 (no Retry-After: the worker's default wait),
// 429-retry-after (1 s, or 30 s: past the deadline), hang (a timeout; not
// carried out), late (carried out, answered after the worker's timeout);
// applied-5xx (carried out, answered 502) only with --kinds.
//
//   node tests/chaos/chaos.js --seed 123 --conversations 40 --rate 0.15
//     [--kinds 5xx,429,429-retry-after,hang,late] [--parallel 4] [--only 3,7]
//     [--max-seconds 170] [--verbose] [--json]
//
// Exit 1 on any violation. Each violation names its seed and conversation;
// `--only N` reruns that conversation alone (same texts, same faults: runs
// are reproducible as far as timing allows, e.g. a 429 wait that fits in the
// deadline on one run may not on a slower machine).
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { workflowMessage, inboundMessage } from '../../emulator/webhooks.js';
import { TRY_AGAIN, bookableDates, dayPhrase, englishTurns, spanishTurns, startStack } from '../e2e/harness.js';

export const DEFAULT_KINDS = ['5xx', '429', '429-retry-after', 'hang', 'late'];
export const ALL_KINDS = [...DEFAULT_KINDS, 'applied-5xx'];
export const ENV = { GHL_TIMEOUT_MS: '300', WEBHOOK_DEADLINE_MS: '3000' };
const WORKFLOW_SECRET = 'chaos-workflow-secret';

// How a run behaves, per conversation and per round (all drawn from the seed).
const CHANCE = {
  english: 0.5,
  workflow: 0.25,      // the conversation comes through /workflow keyed by phone (upsert-contact each time)
  atOnce: 0.1,         // a second message right behind the answer
  redeliver: 0.08,     // GHL delivers the same webhook again once it was answered
  redeliverConcurrent: 0.04,  // ... or while the first delivery is still running
};
const MAX_ROUNDS = 30;           // lead messages per conversation
const GHL_RETRIES_ON_ERROR = 2;  // GHL redelivers a webhook the worker answered with an error

// --- seeded numbers ---------------------------------------------------------

// A number in [0, 1) from the hash of its parts.
export function hashUnit(...parts) {
  return createHash('sha256').update(parts.join('\u0001')).digest().readUInt32BE(0) / 2 ** 32;
}

function stream(...parts) {
  let n = 0;
  return () => hashUnit(...parts, ++n);
}

const pick = (u, list) => list[Math.min(list.length - 1, Math.floor(u * list.length))];

// --- what the bot asks: the strict table (invariants) and the lead's reading -

export const RANK = { greeting: 0, name: 1, goal: 2, pain: 3, budget: 4, email: 5, day: 6, time: 7, scheduled: 8 };
const TRY_AGAIN_TEXTS = new Set(Object.values(TRY_AGAIN));
export const isTryAgain = (text) => TRY_AGAIN_TEXTS.has(text);

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TIMES = /\d{1,2}(?::\d{2})?(?:am|pm)(?:, \d{1,2}(?::\d{2})?(?:am|pm))*/g;

// Each reply of the harness's conversations (tests/e2e/harness.js) as a
// pattern, with what varies from lead to lead (name, day, email, times)
// left open, and the step the bot waits for once it sent it. Nothing else:
// a message no row matches, or that two rows with different steps match,
// is not judged.
export function stepTable() {
  const rows = [];
  const date = bookableDates(1)[0];
  const people = { es: ['Juan Carlos', 'juan.carlos@example.com'], en: ["Sarah O'Connor", 'sarah@oconnor.ie'] };
  for (const [lang, turnsOf] of [['es', spanishTurns], ['en', englishTurns]]) {
    for (const [, reply, step] of turnsOf(date)) {
      let pattern = escapeRe(reply);
      for (const hole of [dayPhrase(date, lang), ...people[lang]]) pattern = pattern.split(escapeRe(hole)).join('\u0000');
      pattern = pattern.replace(TIMES, '\u0000').split('\u0000').join('.+');
      rows.push({ lang, step, re: new RegExp(`^${pattern}$`, 's'), example: reply });
    }
  }
  return rows;
}

const TABLE = stepTable();

// The step a delivered bot message asks for, or null when not sure.
export function stepAskedBy(text) {
  const steps = new Set(TABLE.filter((r) => r.re.test(text)).map((r) => r.step));
  return steps.size === 1 ? [...steps][0] : null;
}

// The lead's own reading of a message (looser: only for choosing what to
// write next, never for judging): a step, 'end', or null.
export function leadReads(text) {
  if (/confirmad|confirmed/i.test(text)) return 'scheduled';
  if (/mínimos|at least .*\/month|no te enviaremos|won't message|persona de nuestro equipo|person from our team|Gracias por tu interés|Thank you for your interest/i.test(text)) return 'end';
  if (/qué (otro )?día|what (other )?day|el día|the day/i.test(text)) return 'day';
  if (/horario|times|cuál prefieres|which one do you prefer/i.test(text)) return 'time';
  if (/correo|e-?mail/i.test(text)) return 'email';
  if (/presupuesto|budget|monto|amount/i.test(text)) return 'budget';
  if (/desafío|challenge/i.test(text)) return 'pain';
  if (/objetivo|goals?\b/i.test(text)) return 'goal';
  if (/nombre|name/i.test(text)) return 'name';
  return null;
}

// --- faults ------------------------------------------------------------------

function faultOf(kind, u, timeoutMs) {
  switch (kind) {
    case '5xx': return { status: pick(u, [500, 502, 503, 504]) };
    case '429': return { status: 429 };
    case '429-retry-after': return { status: 429, headers: { 'Retry-After': pick(u, ['1', '30']) } };
    case 'hang': return { hang: true };
    case 'late': return { lateMs: timeoutMs + 500 };
    case 'applied-5xx': return { lateMs: 0, status: 502 };
    default: throw new Error(`unknown fault kind ${kind}`);
  }
}

const digits = (phone) => String(phone ?? '').replace(/\D/g, '');

// --- the run -----------------------------------------------------------------

// → { violations: [...], stats, lines: [report lines] }
export async function runChaos({
  seed = 1, conversations = 40, rate = 0.15, kinds = DEFAULT_KINDS, parallel = 4, only = null,
  maxSeconds = 170, verbose = false, print = () => {}, env = {},
} = {}) {
  for (const k of kinds) if (!ALL_KINDS.includes(k)) throw new Error(`unknown fault kind ${k} (known: ${ALL_KINDS.join(', ')})`);
  if (!(rate >= 0 && rate <= 1)) throw new Error('rate must be between 0 and 1');
  const started = Date.now();
  const workerEnv = { ...ENV, ...env };
  const timeoutMs = Number(workerEnv.GHL_TIMEOUT_MS);
  const indices = (only ?? [...Array(conversations).keys()]).filter((i) => i >= 0 && i < conversations);
  const dates = bookableDates(conversations);
  const convs = indices.map((i) => planConversation(seed, i, dates[i]));
  const byContact = new Map();
  const byPhone = new Map(convs.map((c) => [digits(c.phone), c]));
  const byDate = new Map(convs.map((c) => [c.date, c]));
  for (const c of convs) if (c.contactId) byContact.set(c.contactId, c);

  const violations = [];
  const faultCounts = {};
  let stack = null;

  // Which conversation a GHL request belongs to: its contact, its
  // appointment's contact, its slots' day, its phone; else a shared key.
  function ownerOf(req) {
    const contactId = req.params?.contactId ?? req.body?.contactId;
    if (contactId) {
      const known = byContact.get(contactId);
      if (known) return known;
      try {
        const c = byPhone.get(digits(stack.ghl.getContact(contactId).phone));
        if (c) return c;
      } catch { /* not a contact of ours */ }
      return `contact:${contactId}`;
    }
    if (req.operationId === 'edit-appointment') {
      const appt = stack.ghl.listAppointments().find((a) => a.id === req.params.eventId);
      return (appt && byContact.get(appt.contactId)) ?? `appointment:${req.params.eventId}`;
    }
    if (req.operationId === 'get-slots') {
      // The window starts 14 h before the first day asked for (worker/time.js rangeWindow).
      const date = new Date(Number(req.query.startDate) + 14 * 3600_000).toISOString().slice(0, 10);
      return byDate.get(date) ?? `slots:${date}`;
    }
    if (req.operationId === 'upsert-contact') return byPhone.get(digits(req.body?.phone)) ?? `phone:${digits(req.body?.phone)}`;
    return 'location';
  }

  const counters = new Map();
  function faultHook(req) {
    if (rate === 0) return null;
    const owner = ownerOf(req);
    const key = typeof owner === 'string' ? owner : `conv:${owner.index}`;
    const counterKey = `${key}|${req.operationId}`;
    const n = (counters.get(counterKey) ?? 0) + 1;
    counters.set(counterKey, n);
    if (hashUnit(seed, key, req.operationId, n, 'hit') >= rate) return null;
    const kind = pick(hashUnit(seed, key, req.operationId, n, 'kind'), kinds);
    const fault = faultOf(kind, hashUnit(seed, key, req.operationId, n, 'param'), timeoutMs);
    faultCounts[`${req.operationId} ${kind}`] = (faultCounts[`${req.operationId} ${kind}`] ?? 0) + 1;
    if (typeof owner !== 'string') owner.faults.push(`${req.operationId}:${kind}`);
    return fault;
  }

  stack = await startStack({
    emulator: { faultHook, seed: `chaos-${seed}`, maxLogEntries: 200_000 },
    env: { ...workerEnv, WORKFLOW_SECRET },
  });
  const ghl = stack.ghl;
  for (const c of convs) if (c.contactId) ghl.createContact({ id: c.contactId, phone: c.phone });

  // Past the time budget no conversation starts, and none writes again.
  const ctx = { seed, stack, ghl, violations, verbose, print, byContact, stopAt: started + maxSeconds * 1000 };
  let next = 0;
  let outcomes = {};
  let ghlCalls = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(parallel, convs.length)) }, async () => {
    while (next < convs.length) {
      const conv = convs[next++];
      if (Date.now() > ctx.stopAt) {
        conv.ended = 'not started: time budget';
        continue;
      }
      try {
        await runConversation(ctx, conv);
      } catch (err) {
        conv.ended = 'driver error';
        violate(ctx, conv, 'driver', 'exception', String(err?.stack ?? err).slice(0, 400));
      }
    }
  });
  try {
    await Promise.all(workers);
  } finally {
    // Once per run: requests that broke the spec, hook failures, and (in close) the core protocol.
    const invalid = ghl.validationErrors();
    if (invalid.length) {
      violations.push({ seed, conv: null, invariant: 'spec', kind: 'invalid-request', times: invalid.length,
        detail: invalid.slice(0, 3).map((e) => `${e.method} ${e.path}: ${e.errors.join('; ')}`).join(' | ') });
    }
    const hookErrors = ghl.requests().filter((e) => e.hookError);
    if (hookErrors.length) {
      violations.push({ seed, conv: null, invariant: 'driver', kind: 'hook-error', times: hookErrors.length, detail: hookErrors[0].hookError });
    }
    outcomes = count(stack.webhookLogs(), (l) => l.outcome);
    ghlCalls = ghl.requests().length;
    try {
      await stack.close();
    } catch (err) {
      violations.push({ seed, conv: null, invariant: 'protocol', kind: 'schema', times: 1, detail: String(err.message).slice(0, 600) });
    }
  }

  const stats = {
    seed, rate, kinds, conversations: convs.length, parallel,
    env: { GHL_TIMEOUT_MS: workerEnv.GHL_TIMEOUT_MS, WEBHOOK_DEADLINE_MS: workerEnv.WEBHOOK_DEADLINE_MS },
    languages: count(convs, (c) => c.lang), routes: count(convs, (c) => c.route),
    finished: convs.filter((c) => c.finished).length,
    unfinished: convs.filter((c) => !c.finished).map((c) => `${c.index} (${c.ended ?? `${MAX_ROUNDS} rounds`})`),
    rounds: sum(convs, (c) => c.rounds), deliveries: sum(convs, (c) => c.deliveries.length),
    redeliveries: sum(convs, (c) => c.deliveries.filter((d) => d.redelivery).length),
    atOnce: sum(convs, (c) => c.atOnce),
    answers: count(convs.flatMap((c) => c.deliveries), (d) => d.status),
    ghlCalls, faults: sum(Object.values(faultCounts), (n) => n), faultCounts, outcomes,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  return { violations, stats, lines: report(stats, violations, { conversations }) };
}

function planConversation(seed, index, date) {
  const u = stream(seed, 'plan', index);
  const lang = u() < CHANCE.english ? 'en' : 'es';
  const route = u() < CHANCE.workflow ? 'workflow' : 'webhook';
  const phone = `+52155${String(100000 + index).padStart(6, '0')}${String(seed).replace(/\D/g, '').slice(-2).padStart(2, '0')}`;
  return {
    index, lang, route, date, phone,
    contactId: route === 'webhook' ? `chaos-${String(seed).replace(/[^A-Za-z0-9]/g, '')}-${index}` : null,
    turns: lang === 'es' ? spanishTurns(date) : englishTurns(date),
    random: stream(seed, 'lead', index),
    faults: [], deliveries: [], rounds: 0, atOnce: 0, sent: 0, finished: false, ended: null,
    seen: new Map(),     // violation key → record (first occurrence, counted)
    answered: new Set(), // message ids the worker answered (a reply other than try-again)
    lastReplyFor: new Map(),
    transcript: [],
  };
}

// What the lead writes to the question `step` ('greeting' first).
function answerFor(conv, step, question) {
  const i = step === 'greeting' ? 0 : conv.turns.findIndex((t, k) => k > 0 && conv.turns[k - 1][2] === step);
  let text = conv.turns[Math.max(0, i)][0];
  if (step === 'time' && conv.lang === 'es') {
    // The planned 2pm may be gone (taken by this lead's own earlier booking): take the first time offered.
    const offered = (question.match(TIMES) ?? []).join(', ').split(', ').filter(Boolean);
    if (offered.length && !offered.includes('2pm')) {
      const [, h, m] = /^(\d{1,2})(?::(\d{2}))?/.exec(offered[0]);
      text = `a las ${h}${m ? `:${m}` : ''}`;
    }
  }
  return text;
}

async function runConversation(ctx, conv) {
  const { ghl } = ctx;
  let text = conv.turns[0][0];
  let lastAnswer = text;
  let seenMessages = 0;
  for (conv.rounds = 1; conv.rounds <= MAX_ROUNDS; conv.rounds++) {
    if (Date.now() > ctx.stopAt) {
      conv.ended = 'time budget';
      conv.rounds--;
      break;
    }
    await round(ctx, conv, text);
    const messages = messagesOf(ctx, conv);
    const fresh = messages.slice(seenMessages);
    seenMessages = messages.length;
    const last = messages.at(-1)?.message;
    // Nothing new, or "try again": the lead writes the same answer again.
    if (!fresh.length || last === undefined || isTryAgain(last)) {
      text = lastAnswer;
      continue;
    }
    const step = leadReads(last);
    if (step === 'scheduled') {
      conv.finished = true;
      break;
    }
    if (step === 'end') {
      conv.ended = 'closed';
      break;
    }
    text = step && step !== 'greeting' ? answerFor(conv, step, last) : lastAnswer;
    lastAnswer = text;
  }
  if (conv.rounds > MAX_ROUNDS) conv.rounds = MAX_ROUNDS;
  // The lead was told the call is confirmed: GHL must hold it.
  const messages = messagesOf(ctx, conv);
  const last = messages.at(-1)?.message;
  if (last && leadReads(last) === 'scheduled' && activeAppointments(ctx, conv).length === 0) {
    violate(ctx, conv, 'appointment', 'confirmed-but-none', `the lead's last message confirms a call ("${short(last)}") but the contact has no active appointment`);
  }
  if (ctx.verbose) {
    ctx.print(`--- conversation ${conv.index} (${conv.lang} ${conv.route} ${conv.contactId ?? conv.phone}) ${conv.finished ? 'finished' : 'unfinished'} in ${conv.rounds} rounds; faults: ${conv.faults.join(' ') || 'none'}`);
    for (const line of conv.transcript) ctx.print(`    ${line}`);
  }
}

function messagesOf(ctx, conv) {
  resolveContact(ctx, conv);
  return conv.contactId ? ctx.ghl.listMessages({ contactId: conv.contactId }) : [];
}

// A /workflow lead's contact is made by the worker's upsert: find it by phone.
function resolveContact(ctx, conv) {
  if (conv.contactId) return;
  const found = ctx.ghl.listContacts().find((c) => digits(c.phone) === digits(conv.phone));
  if (found) {
    conv.contactId = found.id;
    ctx.byContact.set(found.id, conv);
  }
}

function activeAppointments(ctx, conv) {
  if (!conv.contactId) return [];
  return ctx.ghl.listAppointments().filter((a) => a.contactId === conv.contactId && !['cancelled', 'invalid'].includes(a.appointmentStatus));
}

// One message from the lead as GHL delivers it: a payload, its id, and how
// to (re)deliver it.
function makeMessage(ctx, conv, text) {
  const id = `wamid.chaos${String(ctx.seed).replace(/[^A-Za-z0-9]/g, '')}x${conv.index}x${++conv.sent}`;
  if (conv.route === 'webhook') {
    const payload = inboundMessage({ contactId: conv.contactId, text, messageId: id });
    return { id, text, send: () => ctx.stack.deliver(payload) };
  }
  const raw = JSON.stringify(workflowMessage({
    contactId: null, text, phone: conv.phone, customData: { secret: WORKFLOW_SECRET, messageId: id },
  }));
  return { id, text, send: () => ctx.stack.post(raw, { 'content-type': 'application/json' }, '/workflow') };
}

// One lead message with what GHL and the lead add to it at random: a second
// message right behind, the same webhook again (at once or later), and
// GHL's redeliveries of an error answer. Each batch of deliveries that run
// together is a group, checked once it is done.
async function round(ctx, conv, text) {
  const r = conv.random;
  const main = makeMessage(ctx, conv, text);
  const first = [{ msg: main, redelivery: false }];
  if (r() < CHANCE.atOnce) {
    conv.atOnce++;
    const second = r() < 0.5 ? text : conv.lang === 'es' ? '¿hola?' : 'hello?';
    first.push({ msg: makeMessage(ctx, conv, second), redelivery: false, delayMs: 2 + Math.floor(r() * 20) });
  }
  if (r() < CHANCE.redeliverConcurrent) first.push({ msg: main, redelivery: true, delayMs: 5 + Math.floor(r() * 100) });
  const later = r() < CHANCE.redeliver;
  let results = await group(ctx, conv, first);
  // GHL redelivers what the worker answered with an error.
  for (let k = 0; k < GHL_RETRIES_ON_ERROR; k++) {
    const failed = results.filter((d) => d.status !== 200 && !d.redelivered);
    if (!failed.length) break;
    for (const d of failed) d.redelivered = true;
    results = await group(ctx, conv, failed.map((d) => ({ msg: d.msg, redelivery: true })));
  }
  if (later) await group(ctx, conv, [{ msg: main, redelivery: true }]);
}

async function group(ctx, conv, items) {
  const before = messagesOf(ctx, conv).length;
  const faultsBefore = conv.faults.length;
  const ids = [...new Set(items.map((i) => i.msg.id))];
  const fresh = ids.filter((id) => !conv.answered.has(id));
  const results = await Promise.all(items.map(async (item) => {
    if (item.delayMs) await new Promise((res) => setTimeout(res, item.delayMs));
    const res = await item.msg.send();
    const d = { msg: item.msg, id: item.msg.id, redelivery: item.redelivery, status: res.status, body: res.body, text: res.text };
    conv.deliveries.push(d);
    checkAnswer(ctx, conv, d);
    return d;
  }));
  const messages = messagesOf(ctx, conv);
  const got = messages.slice(before).map((m) => m.message);
  const faults = conv.faults.slice(faultsBefore);
  conv.transcript.push(`${items.map((i) => `${i.redelivery ? '(again) ' : ''}${JSON.stringify(i.msg.text)}`).join(' + ')}`
    + `${faults.length ? ` [${faults.join(' ')}]` : ''} → ${results.map((d) => d.status).join(',')}`
    + ` → ${got.length ? got.map((m) => JSON.stringify(short(m, 70))).join(' + ') : '(nothing)'}`);

  // one-reply
  const processed = results.filter((d) => !(d.status === 200 && (d.body?.duplicate === true || d.body?.ignored))).length;
  const onlyAnsweredRedeliveries = items.every((i) => i.redelivery && conv.answered.has(i.msg.id));
  if (onlyAnsweredRedeliveries && got.length) {
    violate(ctx, conv, 'one-reply', 'redelivery-replied', `a redelivery of an answered message (${ids.join(', ')}) was answered again: ${got.map((m) => JSON.stringify(short(m))).join(' + ')}`);
  } else {
    // Each delivery the worker took up (not dropped as a duplicate) may
    // bring one message: a reply or "try again" (a redelivery that comes
    // after the first delivery failed is handled anew). Each message id
    // that was not answered yet may bring one reply that is not "try again".
    const replies = got.filter((m) => !isTryAgain(m)).length;
    if (got.length > processed || replies > fresh.length) {
      violate(ctx, conv, 'one-reply', 'several-replies', `${got.length} bot messages for ${items.length} deliveries (${processed} taken up) of ${fresh.length} unanswered message id(s) ${JSON.stringify(items.map((i) => i.msg.text))}: ${got.map((m) => JSON.stringify(short(m))).join(' + ')}`);
    }
  }
  if (ids.length === 1) {
    // The same text twice in a row for one message id: never within one
    // delivery; across deliveries only "try again" may repeat (each
    // delivery of a message that keeps failing is told so).
    const id = ids[0];
    const previous = conv.lastReplyFor.get(id);
    const seq = [previous, ...got].filter((m) => m !== undefined);
    for (let k = 1; k < seq.length; k++) {
      const acrossDeliveries = k === 1 && previous !== undefined;
      if (seq[k] === seq[k - 1] && (!isTryAgain(seq[k]) || (!acrossDeliveries && processed === 1))) {
        violate(ctx, conv, 'one-reply', 'identical-replies', `the same message twice in a row for message ${id}: ${JSON.stringify(short(seq[k]))}`);
        break;
      }
    }
    if (got.length) conv.lastReplyFor.set(id, got.at(-1));
  }
  // Answered: the worker says it sent a reply, or the lead got one (not "try again") for this id alone.
  for (const d of results) {
    if (d.status === 200 && typeof d.body?.reply === 'string' && !isTryAgain(d.body.reply)) conv.answered.add(d.id);
  }
  if (ids.length === 1 && got.length && !isTryAgain(got.at(-1))) conv.answered.add(ids[0]);

  checkState(ctx, conv, messages);
  return results;
}

// The contact's state against what the lead was told, after a group.
function checkState(ctx, conv, messages) {
  if (!conv.contactId) return;
  const fields = ctx.ghl.getContactFields(conv.contactId);
  // An appointment the bot could not cancel yet is listed in pending_cancel
  // and cancelled first at the contact's next webhook: it is accounted for.
  const pending = new Set(String(fields.pending_cancel || '').split(',').filter(Boolean));
  const active = activeAppointments(ctx, conv).filter((a) => !pending.has(a.id));
  if (active.length > 1) {
    violate(ctx, conv, 'appointment', 'several-active', `${active.length} active appointments: ${active.map((a) => `${a.id} ${a.startTime}`).join(', ')}; appointment_id ${fields.appointment_id ?? '(none)'}`);
  } else if (active.length === 1 && fields.appointment_id !== active[0].id) {
    violate(ctx, conv, 'appointment', 'id-mismatch', `active appointment ${active[0].id} (${active[0].startTime}) but appointment_id is ${fields.appointment_id || '(empty)'}`);
  }
  const step = fields.booking_step || 'greeting';
  if (step === 'scheduled' && active.length === 0) {
    violate(ctx, conv, 'appointment', 'scheduled-but-none', `booking_step scheduled, appointment_id ${fields.appointment_id || '(empty)'}, but no active appointment`);
  }
  const question = messages.filter((m) => !isTryAgain(m.message)).at(-1)?.message;
  const asked = question === undefined ? 'greeting' : stepAskedBy(question);
  if (asked !== null && RANK[step] !== undefined && RANK[step] > RANK[asked]) {
    violate(ctx, conv, 'step-ahead', `${asked}->${step}`, `booking_step ${step} but the last question the lead received asks for ${asked}${question ? ` ("${short(question)}")` : ' (none)'}${isTryAgain(messages.at(-1)?.message) ? ', followed by try-again' : ''}`);
  }
}

function checkAnswer(ctx, conv, d) {
  const problem = answerProblem(d.status, d.body, d.text);
  if (problem) violate(ctx, conv, 'answer', String(d.status), `${problem}: ${d.status} ${short(d.text, 200)}`);
}

// Why a worker answer breaks the rule, or null.
export function answerProblem(status, body, text) {
  if (/\n\s+at\s|\bat .+\(.+:\d+:\d+\)/.test(text)) return 'a stack trace in the answer';
  if (status === 200) return body && typeof body === 'object' ? null : '200 without a JSON object';
  if (status < 400 || status > 599) return 'an unexpected status';
  if (!body || typeof body !== 'object' || typeof body.error !== 'string' || typeof body.message !== 'string') {
    return 'an error without a JSON {error, message}';
  }
  if (text.length > 600) return 'an error answer over 600 characters';
  return null;
}

function violate(ctx, conv, invariant, kind, detail) {
  const key = `${invariant}|${kind}`;
  const seen = conv.seen.get(key);
  if (seen) {
    seen.times++;
    return;
  }
  const record = {
    seed: ctx.seed, conv: conv.index, lang: conv.lang, route: conv.route, contactId: conv.contactId ?? conv.phone,
    round: conv.rounds, invariant, kind, detail, times: 1, faults: conv.faults.slice(),
  };
  conv.seen.set(key, record);
  ctx.violations.push(record);
}

const short = (s, n = 90) => {
  const t = String(s ?? '');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};
const sum = (list, f) => list.reduce((a, x) => a + f(x), 0);
function count(list, f) {
  const out = {};
  for (const x of list) out[f(x)] = (out[f(x)] ?? 0) + 1;
  return out;
}
const fmt = (o) => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ');

export function summarize(violations) {
  const out = {};
  for (const v of violations) {
    const k = `${v.invariant} ${v.kind}`;
    out[k] ??= { conversations: 0, times: 0 };
    out[k].conversations++;
    out[k].times += v.times;
  }
  return out;
}

function report(stats, violations, { conversations }) {
  const lines = [];
  lines.push(`chaos: seed ${stats.seed}, ${stats.conversations} conversation(s), rate ${stats.rate}, kinds ${stats.kinds.join(',')}, parallel ${stats.parallel}`);
  lines.push(`  env ${fmt(stats.env)}; ${stats.seconds} s`);
  lines.push(`  conversations: ${fmt(stats.languages)}; ${fmt(stats.routes)}; finished ${stats.finished}${stats.unfinished.length ? ` (unfinished: ${stats.unfinished.join(' ')})` : ''}`);
  lines.push(`  lead messages ${stats.rounds}, deliveries ${stats.deliveries} (redeliveries ${stats.redeliveries}, two at once ${stats.atOnce}); worker answers: ${fmt(stats.answers)}`);
  lines.push(`  GHL calls ${stats.ghlCalls}, faults injected ${stats.faults}${stats.faults ? `: ${fmt(stats.faultCounts)}` : ''}`);
  lines.push(`  worker outcomes: ${fmt(stats.outcomes)}`);
  const summary = summarize(violations);
  if (!violations.length) {
    lines.push('no violations');
    return lines;
  }
  const convs = new Set(violations.filter((v) => v.conv !== null).map((v) => v.conv));
  lines.push(`VIOLATIONS: ${violations.length} in ${convs.size} of ${stats.conversations} conversation(s)`);
  const byInvariant = {};
  for (const v of violations) {
    byInvariant[v.invariant] ??= { convs: new Set(), times: 0 };
    byInvariant[v.invariant].convs.add(v.conv);
    byInvariant[v.invariant].times += v.times;
  }
  for (const [k, v] of Object.entries(byInvariant)) lines.push(`  ${k.padEnd(36)} ${v.convs.size} conversation(s), ${v.times} time(s)`);
  for (const [k, v] of Object.entries(summary)) lines.push(`    ${k.padEnd(34)} ${v.conversations} conversation(s), ${v.times} time(s)`);
  for (const v of violations) {
    const where = v.conv === null ? 'the run' : `conv ${v.conv} (${v.lang} ${v.route} ${v.contactId}) round ${v.round}`;
    lines.push(`- [${v.invariant} ${v.kind}] seed ${v.seed} ${where}${v.times > 1 ? ` (${v.times}x)` : ''}: ${v.detail}`);
    if (v.conv !== null) {
      lines.push(`    faults so far: ${v.faults.join(' ') || 'none'}`);
      lines.push(`    rerun: node tests/chaos/chaos.js --seed ${v.seed} --conversations ${conversations} --rate ${stats.rate}${stats.kinds.join(',') === DEFAULT_KINDS.join(',') ? '' : ` --kinds ${stats.kinds.join(',')}`} --only ${v.conv} --verbose`);
    }
  }
  return lines;
}

// --- the command line ----------------------------------------------------------

async function main() {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      conversations: { type: 'string', default: '40' },
      rate: { type: 'string', default: '0.15' },
      kinds: { type: 'string', default: DEFAULT_KINDS.join(',') },
      parallel: { type: 'string', default: '4' },
      'max-seconds': { type: 'string', default: '170' },
      only: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: node tests/chaos/chaos.js [--seed N] [--conversations 40] [--rate 0.15] [--kinds ' +
      `${DEFAULT_KINDS.join(',')}] [--parallel 4] [--only 3,7] [--max-seconds 170] [--verbose] [--json]\n  kinds: ${ALL_KINDS.join(', ')}`);
    return 0;
  }
  const seed = values.seed ?? String(Math.floor(Math.random() * 100000));
  const { violations, stats, lines } = await runChaos({
    seed,
    conversations: Number(values.conversations),
    rate: Number(values.rate),
    kinds: values.kinds.split(',').map((k) => k.trim()).filter(Boolean),
    parallel: Number(values.parallel),
    maxSeconds: Number(values['max-seconds']),
    only: values.only ? values.only.split(',').map(Number) : null,
    verbose: !!values.verbose,
    print: (l) => console.log(l),
  });
  if (values.json) console.log(JSON.stringify({ stats, violations }, null, 1));
  else for (const l of lines) console.log(l);
  return violations.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main();
}
