// One Durable Object per contact: runs that contact's webhooks one after
// another, in arrival order, and drops redeliveries. It holds no
// conversation state (GHL stays the source of truth), only the ids of
// messages already answered, and of those whose reply may have reached the
// lead although the attempt failed (the core said maybe_sent). Called over Durable Object RPC (a method
// call, no Request or Response built on either side).
import { DurableObject } from 'cloudflare:workers';
import { readConfig } from './config.js';
import { handleInbound } from './conversation.js';

const REMEMBERED_IDS = 200;

export class ContactQueue extends DurableObject {
  constructor(state, env) {
    super(state, env);
    this.state = state;
    this.env = env;
    // The input gate opens while a webhook awaits fetch(), so serialise
    // explicitly on a promise chain.
    this.tail = Promise.resolve();
    this.queued = new Set();
    this.recent = null;
    this.unsure = null;
  }

  // The lead's message as worker.js read it, { contactId, text, id,
  // sameAs: [ids that name the same message], channel, route }.
  // Answers { status, body }, what the webhook is to answer.
  async message(message) {
    const id = String(message.id || '');
    const ids = [id, ...(message.sameAs || [])].filter(Boolean);
    if (ids.some((x) => this.queued.has(x))) return { status: 200, body: { duplicate: true } };
    if (id) this.queued.add(id);
    const run = this.tail.then(() => this.process(message, id, ids));
    this.tail = run.catch(() => {});
    return run;
  }

  async process(message, id, ids) {
    const log = { contactId: message.contactId, route: message.route, calls: [] };
    const started = Date.now();
    try {
      this.recent ??= (await this.state.storage.get('recent')) || [];
      this.unsure ??= (await this.state.storage.get('unsure')) || [];
      if (ids.some((x) => this.recent.includes(x))) {
        log.outcome = 'duplicate';
        return { status: 200, body: { duplicate: true } };
      }
      const cfg = readConfig(this.env);
      const wasUnsure = ids.some((x) => this.unsure.includes(x));
      const { status, body, handled, maybeSent } = await handleInbound({ ...message, maybeSent: wasUnsure }, cfg, log);
      // Remember only what the core says was handled: a webhook that failed may come again and must be handled then.
      if (id && handled) {
        this.recent.push(id);
        if (this.recent.length > REMEMBERED_IDS) this.recent.splice(0, this.recent.length - REMEMBERED_IDS);
        // Not awaited by the output gate (~0.45 ms per webhook, bench/e2e-bench.js):
        // if this write were ever lost, the contact's last_message_id still drops the redelivery.
        await this.state.storage.put('recent', this.recent, { allowUnconfirmed: true });
      }
      // A failed attempt whose reply may yet arrive: when the message comes
      // again, the core looks for that reply before sending it (awaited:
      // forgetting this would send it twice).
      let unsure = this.unsure;
      if (handled && wasUnsure) unsure = unsure.filter((x) => !ids.includes(x));
      else if (!handled && maybeSent && id && !wasUnsure) unsure = [...unsure, id];
      if (unsure !== this.unsure) {
        this.unsure = unsure.slice(-REMEMBERED_IDS);
        await this.state.storage.put('unsure', this.unsure);
      }
      return { status, body };
    } catch (e) {
      log.outcome = 'error';
      log.error = String(e?.message || e).slice(0, 200);
      return { status: 500, body: { error: 'internal', message: 'the message could not be processed; see the worker log' } };
    } finally {
      if (id) this.queued.delete(id);
      log.ms = Date.now() - started;
      console.log(JSON.stringify({ event: 'webhook', ...log }));
    }
  }
}
