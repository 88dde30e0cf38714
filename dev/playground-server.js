// The playground: a WhatsApp-like chat with the local bot in the browser,
// next to what GHL (the emulator) now holds for the contact. Dev only: the
// production worker never serves it.
//
// The page (dev/playground/) talks only to this server. For each message
// the server does what GHL does: it signs an InboundMessage webhook with
// the dev private key and POSTs it to the worker's /webhook; then it reads
// the contact's custom fields and the calendar's appointments straight
// from the emulator and hands everything back to the page.
//
// The page may also act as the business in GHL's own UI on an appointment
// (move it, cancel it, delete it): the server changes the emulator
// directly and then, as GHL does, POSTs a signed AppointmentUpdate /
// AppointmentDelete webhook to the worker.
//
// And as a person in GHL's app (issue 13): "Reply as a person" POSTs a
// signed OutboundMessage webhook with a userId, which pauses the bot
// (bot_paused_until). With REPLY_WAIT_MS the worker answers each message
// `{queued: true}` and the reply comes later from the contact's Durable
// Object alarm: the snapshot lists the messages the emulator holds for the
// contact, so the page polls /api/state to show it.
//
//   startPlayground({port, workerUrl, ghl, privateKey, host?, agentName?, businessName?, timeoutMs?, replyWaitMs?})
//     → {url, close}
//   ghl: the emulator object (createEmulator), port 0 picks a free port.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOT_FIELD_KEYS } from '../emulator/store.js';
import { appointmentEvent, inboundMessage, outboundMessage, signedDelivery } from '../emulator/webhooks.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const staticDir = path.join(here, 'playground');
const STATIC = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/index.html': ['index.html', 'text/html; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/style.css': ['style.css', 'text/css; charset=utf-8'],
};
const MAX_BODY = 64 * 1024;
const MAX_TEXT = 4096;
const DAY_MS = 24 * 60 * 60 * 1000;
const V_CALENDARS = '2021-04-15';
const APPOINTMENT_ACTIONS = new Set(['move', 'cancel', 'delete']);
// The GHL user the "Reply as a person" button writes as.
const PERSON_USER_ID = 'user_playground';

// AGENT_NAME / BUSINESS_NAME from wrangler.toml [vars], as `wrangler dev` sees them.
function wranglerVars() {
  try {
    const toml = fs.readFileSync(path.join(here, '..', 'wrangler.toml'), 'utf8');
    const vars = {};
    for (const m of toml.matchAll(/^\s*([A-Z_]+)\s*=\s*"([^"]*)"/gm)) vars[m[1]] = m[2];
    return vars;
  } catch {
    return {};
  }
}

function waitMs(value) {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 120_000) : 0;
}

// Whether the bot keeps quiet for a person, as the core reads
// bot_paused_until (core/people.hpp): "until_reset", a time still ahead,
// or anything else a person wrote there; empty or a time passed: not.
function pausedNow(value) {
  const v = String(value ?? '').trim();
  if (!v) return false;
  const at = Date.parse(v);
  return !Number.isFinite(at) || at > Date.now();
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

async function readJson(req) {
  if (!/^application\/json\b/i.test(req.headers['content-type'] || '')) {
    throw new HttpError(415, 'send JSON (content-type: application/json)');
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, 'request body too large');
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw.trim()) return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}

export async function startPlayground({
  port = 8790,
  host = '127.0.0.1',
  workerUrl,
  ghl,
  privateKey,
  agentName,
  businessName,
  timeoutMs = 30_000,
  replyWaitMs,
} = {}) {
  if (!workerUrl) throw new TypeError('startPlayground: workerUrl is required');
  if (!ghl) throw new TypeError('startPlayground: ghl (the emulator) is required');
  if (!privateKey) throw new TypeError('startPlayground: privateKey (the dev webhook key) is required');
  const webhookUrl = new URL('/webhook', String(workerUrl)).href;
  const vars = wranglerVars();
  const settings = {
    agentName: agentName || vars.AGENT_NAME || 'María',
    businessName: businessName || vars.BUSINESS_NAME || '',
    workerUrl: new URL(String(workerUrl)).origin,
    fieldKeys: BOT_FIELD_KEYS,
    // The worker's REPLY_WAIT_MS as far as this server knows it (the page
    // waits that long plus 5 s for a queued reply); 0: not known / off.
    replyWaitMs: waitMs(replyWaitMs ?? process.env.REPLY_WAIT_MS ?? vars.REPLY_WAIT_MS),
  };
  const allowedHosts = new Set(['127.0.0.1', 'localhost', '::1', host]);

  // What the panel remembers across snapshots: each appointment's start as
  // last seen (a different start later means it was moved: the previous
  // one is shown), and the appointments deleted from here (GHL forgets
  // them; the panel shows them as deleted).
  const lastStart = new Map();
  const previousStart = new Map();
  const deleted = new Map();

  // What GHL holds for the contact now, straight from the emulator.
  function snapshot(contactId) {
    let fields = null;
    let contactError = null;
    try {
      fields = ghl.getContactFields(contactId);
    } catch (e) {
      contactError = e.message;
    }
    const held = ghl.listAppointments();
    for (const a of held) {
      const seen = lastStart.get(a.id);
      if (seen !== undefined && seen !== a.startTime) previousStart.set(a.id, seen);
      lastStart.set(a.id, a.startTime);
      deleted.delete(a.id);
    }
    const appointments = [...held, ...deleted.values()]
      .map((a) => {
        let contactName = '';
        try {
          contactName = ghl.getContactFields(a.contactId).customer_name || ghl.getContact(a.contactId).name || '';
        } catch { /* contact gone after a reset */ }
        return {
          id: a.id, calendarId: a.calendarId, contactId: a.contactId, contactName, title: a.title,
          startTime: a.startTime, endTime: a.endTime, status: a.appointmentStatus, dateAdded: a.dateAdded,
          dateUpdated: a.dateUpdated, previousStartTime: previousStart.get(a.id) ?? null,
        };
      })
      .sort((a, b) => String(a.startTime).localeCompare(String(b.startTime)));
    // Issue 13: the contact's tags, WhatsApp DND, whether the bot is paused,
    // and the messages GHL holds for it (the bot's sends, oldest first).
    let tags = [];
    let dnd = null;
    try {
      tags = ghl.getContactTags(contactId);
      dnd = ghl.getDnd(contactId);
    } catch { /* contact not found: contactError says so */ }
    const messages = ghl.listMessages({ contactId })
      .map((m) => ({ messageId: m.messageId, message: m.message, type: m.type, at: m.at }));
    const pausedUntil = fields?.bot_paused_until ?? '';
    const bot = { pausedUntil, paused: pausedNow(pausedUntil) };
    return { contactId, fields, contactError, appointments, tags, dnd, bot, messages };
  }

  function newContact() {
    const phone = `+52155${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const contact = ghl.createContact({ phone, source: 'playground' });
    return { contactId: contact.id, phone };
  }

  // One WhatsApp message from the contact, delivered as GHL would.
  async function deliver(contactId, text) {
    return post(inboundMessage({ contactId, text, locationId: ghl.config().locationId }));
  }

  // A person writes to the contact from GHL's app: GHL sends the worker an
  // OutboundMessage webhook with the user's id (the bot pauses).
  async function personReply(contactId, text) {
    try {
      ghl.getContact(contactId);
    } catch {
      throw new HttpError(404, `contact ${contactId} is not in GHL`);
    }
    const payload = outboundMessage({
      contactId, body: text, userId: PERSON_USER_ID, locationId: ghl.config().locationId, messageType: 'WhatsApp',
    });
    const result = await post(payload);
    return { ...result, event: 'OutboundMessage', userId: PERSON_USER_ID, text };
  }

  // A webhook signed with the dev key and POSTed to the worker's /webhook.
  async function post(payload) {
    const { raw, headers } = signedDelivery(payload, privateKey);
    const started = Date.now();
    let res;
    try {
      res = await fetch(webhookUrl, { method: 'POST', headers, body: raw, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      const timedOut = e?.name === 'TimeoutError';
      return {
        ok: false,
        ms: Date.now() - started,
        error: {
          kind: timedOut ? 'worker_timeout' : 'worker_unreachable',
          message: timedOut
            ? `The worker did not answer within ${timeoutMs / 1000} s (${webhookUrl}).`
            : `No worker at ${webhookUrl} (${e?.cause?.code || e?.message || 'connection failed'}). Is it running? Start everything with: bash scripts/dev.sh`,
        },
      };
    }
    const textBody = await res.text();
    let body = textBody;
    try { body = JSON.parse(textBody); } catch { /* not JSON: keep the text */ }
    const worker = { status: res.status, body };
    if (!res.ok) {
      const detail = (body && typeof body === 'object' && (body.message || body.error)) || String(textBody).slice(0, 200) || res.statusText;
      return {
        ok: false, ms: Date.now() - started, messageId: payload.messageId, worker,
        error: { kind: 'worker_error', message: `The worker answered ${res.status}: ${detail}` },
      };
    }
    return { ok: true, ms: Date.now() - started, messageId: payload.messageId, worker };
  }

  // The calendar's free slots (GHL's GET /calendars/{id}/free-slots, asked
  // of the emulator like the worker asks it) from fromMs for 30 days, as
  // the start times GHL returns, in the calendar's zone.
  async function freeSlots(calendarId, fromMs) {
    const config = ghl.config();
    const timeZone = config.calendars.find((c) => c.id === calendarId)?.timeZone;
    const url = new URL(`http://ghl.invalid/calendars/${encodeURIComponent(calendarId)}/free-slots`);
    url.searchParams.set('startDate', String(fromMs));
    url.searchParams.set('endDate', String(fromMs + 30 * DAY_MS));
    if (timeZone) url.searchParams.set('timezone', timeZone);
    const res = await ghl.fetch(url.href, {
      headers: { Authorization: `Bearer ${config.token ?? 'playground'}`, Version: V_CALENDARS, Accept: 'application/json' },
    });
    const body = await res.json().catch(() => null);
    if (!res.ok || !body || typeof body !== 'object') {
      throw new HttpError(502, `GHL's free-slots answered ${res.status}: ${body?.message ?? 'no slots'}`);
    }
    return Object.entries(body)
      .filter(([date, day]) => /^\d{4}-\d{2}-\d{2}$/.test(date) && Array.isArray(day?.slots))
      .flatMap(([, day]) => day.slots)
      .filter((slot) => typeof slot === 'string' && Number.isFinite(Date.parse(slot)))
      .sort((a, b) => Date.parse(a) - Date.parse(b));
  }

  // Where "Move +1 day" puts an appointment: the next day at the same
  // local time when that slot is free, else the first free slot after its
  // current start (or after now, for one in the past).
  async function moveTarget(appt) {
    const startMs = Date.parse(appt.startTime);
    const slots = await freeSlots(appt.calendarId, Math.max(Number.isFinite(startMs) ? startMs : 0, ghl.now().getTime()));
    const date = String(appt.startTime).slice(0, 10);
    const [y, m, d] = date.split('-').map(Number);
    const nextDate = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    const clockTime = String(appt.startTime).slice(11, 16);
    const sameTime = slots.find((s) => s.slice(0, 10) === nextDate && s.slice(11, 16) === clockTime);
    const later = slots.find((s) => Date.parse(s) > startMs);
    const target = sameTime ?? later ?? slots[0];
    if (!target) throw new HttpError(409, 'the calendar has no free slot in the next 30 days');
    return target;
  }

  // The business acts on an appointment in GHL's UI; GHL tells the worker.
  async function appointmentAction(id, action) {
    let appt;
    try {
      appt = ghl.getAppointment(id);
    } catch {
      throw new HttpError(404, `appointment ${id} is not in GHL (deleted?)`);
    }
    let changed;
    let type = 'AppointmentUpdate';
    let summary;
    try {
      if (action === 'move') {
        if (appt.appointmentStatus === 'cancelled') throw new HttpError(409, 'a cancelled appointment is not moved');
        const to = await moveTarget(appt);
        changed = ghl.moveAppointment(id, to);
        previousStart.set(id, appt.startTime);
        lastStart.set(id, changed.startTime);
        summary = `moved from ${appt.startTime} to ${changed.startTime}`;
      } else if (action === 'cancel') {
        if (appt.appointmentStatus === 'cancelled') throw new HttpError(409, 'the appointment is already cancelled');
        changed = ghl.cancelAppointment(id);
        summary = 'cancelled';
      } else {
        ghl.deleteAppointment(id);
        changed = appt;
        type = 'AppointmentDelete';
        deleted.set(id, { ...appt, appointmentStatus: 'deleted' });
        summary = 'deleted';
      }
    } catch (e) {
      if (e instanceof HttpError) throw e;
      throw new HttpError(409, `GHL refused: ${e.message}`);
    }
    const payload = appointmentEvent(type, { locationId: ghl.config().locationId, ...changed });
    const result = await post(payload);
    return { ...result, action, event: type, summary, appointment: changed };
  }

  async function api(req, res, pathname, query) {
    // Only this page may drive it: a request from another origin (any web
    // page open in the same browser) or under another host name (DNS
    // rebinding) is refused.
    const hostName = String(req.headers.host || '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (!allowedHosts.has(hostName)) throw new HttpError(403, `host ${req.headers.host} refused`);
    if (req.headers.origin !== undefined) {
      let originHost = null;
      try { originHost = new URL(req.headers.origin).host; } catch { /* "null" or malformed */ }
      if (originHost !== req.headers.host) throw new HttpError(403, 'cross-origin request refused');
    }
    if (pathname === '/api/config' && req.method === 'GET') return sendJson(res, 200, settings);
    if (pathname === '/api/contacts' && req.method === 'POST') {
      await readJson(req);
      const created = newContact();
      return sendJson(res, 201, { ...created, ...snapshot(created.contactId) });
    }
    if (pathname === '/api/state' && req.method === 'GET') {
      const contactId = query.get('contactId');
      if (!contactId) throw new HttpError(400, 'contactId is required');
      return sendJson(res, 200, snapshot(contactId));
    }
    if (pathname === '/api/send' && req.method === 'POST') {
      const { contactId, text } = await readJson(req);
      if (typeof contactId !== 'string' || !contactId) throw new HttpError(400, 'contactId is required');
      if (typeof text !== 'string' || !text.trim()) throw new HttpError(400, 'text is required');
      if (text.length > MAX_TEXT) throw new HttpError(400, `text is longer than ${MAX_TEXT} characters`);
      const result = await deliver(contactId, text);
      return sendJson(res, 200, { ...result, ...snapshot(contactId) });
    }
    if (pathname === '/api/person' && req.method === 'POST') {
      const { contactId, text } = await readJson(req);
      if (typeof contactId !== 'string' || !contactId) throw new HttpError(400, 'contactId is required');
      if (typeof text !== 'string' || !text.trim()) throw new HttpError(400, 'text is required');
      if (text.length > MAX_TEXT) throw new HttpError(400, `text is longer than ${MAX_TEXT} characters`);
      const result = await personReply(contactId, text);
      return sendJson(res, 200, { ...result, ...snapshot(contactId) });
    }
    // A person in GHL clears bot_paused_until: the bot answers again.
    if (pathname === '/api/resume' && req.method === 'POST') {
      const { contactId } = await readJson(req);
      if (typeof contactId !== 'string' || !contactId) throw new HttpError(400, 'contactId is required');
      try {
        ghl.setContactFields(contactId, { bot_paused_until: '' });
      } catch (e) {
        throw new HttpError(404, `GHL refused: ${e.message}`);
      }
      return sendJson(res, 200, snapshot(contactId));
    }
    const act = /^\/api\/appointments\/([^/]+)\/([a-z]+)$/.exec(pathname);
    if (act && req.method === 'POST' && APPOINTMENT_ACTIONS.has(act[2])) {
      const { contactId } = await readJson(req);
      if (typeof contactId !== 'string' || !contactId) throw new HttpError(400, 'contactId is required');
      const result = await appointmentAction(decodeURIComponent(act[1]), act[2]);
      return sendJson(res, 200, { ...result, ...snapshot(contactId) });
    }
    throw new HttpError(404, `no route ${req.method} ${pathname}`);
  }

  const server = http.createServer(async (req, res) => {
    const { pathname, searchParams } = new URL(req.url, 'http://playground.invalid');
    try {
      if (pathname.startsWith('/api/')) return await api(req, res, pathname, searchParams);
      const file = STATIC[pathname];
      if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) throw new HttpError(404, 'not found');
      const content = await fs.promises.readFile(path.join(staticDir, file[0]));
      res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : content);
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) console.error('[playground]', e);
      if (!res.headersSent) sendJson(res, status, { error: { kind: 'playground', message: e.message } });
      else res.end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const url = `http://${host}:${server.address().port}/`;
  return {
    url,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
