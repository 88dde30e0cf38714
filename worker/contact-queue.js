// One Durable Object per contact: runs that contact's webhooks one after
// another, in arrival order, and drops redeliveries. It holds no
// conversation state (GHL stays the source of truth), only, in its own
// storage:
//   recent    ids of messages already answered
//   unsure    ids whose reply may have reached the lead although the attempt
//             failed (the core said maybe_sent)
//   sentIds   the messageIds GHL gave the bot's own sends, so their
//             OutboundMessage echo does not pause the bot
//   sentTimes when the bot sent to this contact in the last 24 hours
//             (MAX_BOT_MESSAGES)
//   pending   a burst of messages waiting REPLY_WAIT_MS to be answered as one
//   followUp  { at, expect }: the one follow-up (FOLLOW_UP_AFTER_MINUTES)
// Bursts and follow-ups run from the object's alarm, never a sleeping
// request: nothing is lost if the isolate is evicted meanwhile. Called over
// Durable Object RPC (a method call, no Request or Response built).
import { DurableObject } from 'cloudflare:workers';
import { readConfig } from './config.js';
import { handleInbound } from './conversation.js';

const REMEMBERED_IDS = 200;
const ECHO_MS = 10 * 60_000;
const DAY_MS = 24 * 3600_000;
// The steps where the bot waits for the lead's answer (a follow-up makes sense).
const WAITING = new Set(['name', 'goal', 'pain', 'budget', 'email', 'confirm_email', 'day', 'time']);

export class ContactQueue extends DurableObject {
  constructor(state, env) {
    super(state, env);
    this.state = state;
    this.env = env;
    // The input gate opens while a webhook awaits fetch(), so serialise
    // explicitly on a promise chain.
    this.tail = Promise.resolve();
    this.queued = new Set();
    this.memo = null;
  }

  async load() {
    if (!this.memo) {
      const got = await this.state.storage.get(['recent', 'unsure', 'sentIds', 'sentTexts', 'sentTimes', 'pending', 'followUp']);
      this.memo = {
        recent: got.get('recent') || [], unsure: got.get('unsure') || [], sentIds: got.get('sentIds') || [],
        sentTexts: got.get('sentTexts') || [], sentTimes: got.get('sentTimes') || [], pending: got.get('pending') || [],
        followUp: got.get('followUp') || null,
      };
    }
    return this.memo;
  }

  // The lead's message as worker.js read it, { contactId, text, id,
  // sameAs: [ids that name the same message], channel, route }, or GHL's
  // news (event: appointment, outbound). Answers { status, body }, what the
  // webhook is to answer.
  async message(message) {
    const id = String(message.id || '');
    const ids = [id, ...(message.sameAs || [])].filter(Boolean);
    if (ids.some((x) => this.queued.has(x))) return { status: 200, body: { duplicate: true } };
    if (id) this.queued.add(id);
    const run = this.tail.then(() => this.receive(message, id, ids));
    this.tail = run.catch(() => {});
    return run;
  }

  async receive(message, id, ids) {
    try {
      const m = await this.load();
      if (ids.some((x) => m.recent.includes(x) || m.pending.some((p) => p.id === x))) {
        console.log(JSON.stringify({ event: 'webhook', contactId: message.contactId, route: message.route, outcome: 'duplicate' }));
        return { status: 200, body: { duplicate: true } };
      }
      // The echo of the bot's own send (by the messageId GHL gave it, or,
      // for a send whose answer was lost, by its text within 10 minutes): not a person.
      if (message.event === 'outbound' && !message.userId &&
          (m.sentIds.includes(message.messageId) ||
           m.sentTexts.some((x) => x.text === message.body && x.at > Date.now() - ECHO_MS))) {
        return { status: 200, body: { ignored: 'the bot\'s own message' } };
      }
      const cfg = readConfig(this.env);
      // REPLY_WAIT_MS: held in storage, answered as one from the alarm.
      if (cfg.replyWaitMs > 0 && !message.event) {
        m.pending.push({
          contactId: message.contactId, text: String(message.text), id, sameAs: message.sameAs || [], channel: message.channel,
          route: message.route,
        });
        await this.state.storage.put('pending', m.pending);
        if (m.pending.length === 1) await this.arm(Date.now() + cfg.replyWaitMs);
        return { status: 200, body: { queued: true } };
      }
      return await this.process(message, id, ids, cfg);
    } finally {
      if (id) this.queued.delete(id);
    }
  }

  // Sets the alarm to the earliest of `at` and what else is due.
  async arm(at) {
    const current = await this.state.storage.getAlarm();
    if (current === null || at < current) await this.state.storage.setAlarm(at);
  }

  async alarm() {
    const run = this.tail.then(() => this.due());
    this.tail = run.catch(() => {});
    return run;
  }

  async due() {
    const m = await this.load();
    const cfg = readConfig(this.env);
    const now = Date.now();
    if (m.pending.length) {
      const burst = m.pending;
      m.pending = [];
      await this.state.storage.put('pending', []);
      const last = burst[burst.length - 1];
      const ids = burst.flatMap((p) => [p.id, ...(p.sameAs || [])]).filter(Boolean);
      // One message: the texts joined with new lines; every id counts as answered with it.
      await this.process({ ...last, text: burst.map((p) => p.text).join('\n'), sameAs: ids.slice(0, -1) }, last.id, ids, cfg);
    }
    if (m.followUp && m.followUp.at <= now) {
      const { expect, contactId, channel } = m.followUp;
      m.followUp = null;
      await this.state.storage.delete('followUp');
      const id = `followup:${expect}`;
      await this.process({ contactId, text: '', id, event: 'follow_up', expect, channel, route: 'alarm' }, id, [id], cfg);
    }
    if (m.followUp) await this.arm(m.followUp.at);
  }

  async process(message, id, ids, cfg) {
    const m = await this.load();
    const log = { contactId: message.contactId, route: message.route, calls: [] };
    const started = Date.now();
    try {
      const wasUnsure = ids.some((x) => m.unsure.includes(x));
      m.sentTimes = m.sentTimes.filter((t) => t > started - DAY_MS);
      const { status, body, handled, maybeSent, sentMessageId, tried = [] } = await handleInbound(
        { ...message, maybeSent: wasUnsure, botMessages24h: m.sentTimes.length }, cfg, log);
      const writes = {};
      // Remember only what the core says was handled: a webhook that failed may come again and must be handled then.
      if (handled) {
        for (const x of ids) if (!m.recent.includes(x)) m.recent.push(x);
        if (m.recent.length > REMEMBERED_IDS) m.recent.splice(0, m.recent.length - REMEMBERED_IDS);
        writes.recent = m.recent;
      }
      if (tried.length) {
        m.sentTexts = [...m.sentTexts.filter((x) => x.at > Date.now() - ECHO_MS), ...tried.map((text) => ({ text, at: Date.now() }))].slice(-20);
        writes.sentTexts = m.sentTexts;
      }
      if (typeof body?.reply === 'string') {
        m.sentTimes.push(Date.now());
        writes.sentTimes = m.sentTimes;
        if (sentMessageId) {
          m.sentIds = [...m.sentIds, sentMessageId].slice(-REMEMBERED_IDS);
          writes.sentIds = m.sentIds;
        }
      }
      // The follow-up: set after the lead's message the bot answered with a
      // question, replaced by the next one; dropped when a person writes.
      if (message.event === 'outbound' && handled && m.followUp) {
        m.followUp = null;
        await this.state.storage.delete('followUp');
      }
      if (!message.event && handled && !body?.duplicate && cfg.followUpMinutes > 0) {
        const waiting = typeof body?.reply === 'string' && WAITING.has(body.step);
        m.followUp = waiting
          ? { at: Date.now() + cfg.followUpMinutes * 60_000, expect: id, contactId: message.contactId, channel: message.channel }
          : null;
        if (m.followUp) {
          writes.followUp = m.followUp;
        } else {
          await this.state.storage.delete('followUp');
        }
      }
      // A failed attempt whose reply may yet arrive: when the message comes
      // again, the core looks for that reply before sending it.
      let unsure = m.unsure;
      if (handled && wasUnsure) unsure = unsure.filter((x) => !ids.includes(x));
      else if (!handled && maybeSent && id && !wasUnsure) unsure = [...unsure, id];
      if (unsure !== m.unsure) {
        m.unsure = unsure.slice(-REMEMBERED_IDS);
        writes.unsure = m.unsure;
      }
      // Not held by the output gate unless it records an unsure id or a
      // follow-up (~0.45 ms per webhook, bench/e2e-bench.js): a lost
      // `recent` is covered by the contact's last_message_id; forgetting an
      // unsure id would send twice.
      if (Object.keys(writes).length) {
        await this.state.storage.put(writes, writes.unsure || writes.followUp ? {} : { allowUnconfirmed: true });
      }
      if (writes.followUp) await this.arm(m.followUp.at);
      return { status, body };
    } catch (e) {
      log.outcome = 'error';
      log.error = String(e?.message || e).slice(0, 200);
      return { status: 500, body: { error: 'internal', message: 'the message could not be processed; see the worker log' } };
    } finally {
      log.ms = Date.now() - started;
      console.log(JSON.stringify({ event: 'webhook', ...log }));
    }
  }
}
