// The GHL API client: the only code that talks to GoHighLevel. Every call
// carries the Bearer token and the Version header its spec requires, has a
// timeout, is retried once on a 5xx or network error when that is safe,
// honours 429 within the webhook's deadline, and is recorded (operation,
// status, ms; never the token or any message text) for the log line.

// The `Version` header enum of each endpoint in ../shared/ghl-openapi.
const V_CONTACTS = '2021-07-28';
const V_CALENDARS = '2021-04-15';
const V_CONVERSATIONS = '2021-04-15';
const V_LOCATIONS = '2021-07-28';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// How long a 429 asks us to wait: Retry-After (seconds or a date) or
// X-RateLimit-Reset (seconds, or an epoch in seconds/ms); 1 s otherwise.
export function retryAfterMs(headers, now = Date.now()) {
  const ra = headers.get('retry-after');
  if (ra) {
    const secs = Number(ra);
    if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
    const at = Date.parse(ra);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset > 0) {
    if (reset > 1e12) return Math.max(0, reset - now);
    if (reset > 1e9) return Math.max(0, reset * 1000 - now);
    return reset * 1000;
  }
  return 1000;
}

export function createGhl(cfg, calls, { deadline = Date.now() + cfg.deadlineMs } = {}) {
  // `check`: a look after a call whose outcome was unknown. It may run past
  // the webhook's deadline by two call timeouts: without its answer the core
  // would have to guess whether a booking or a reply exists.
  async function request(op, method, path, { version, query, body, check = false }) {
    const until = check ? deadline + 2 * cfg.timeoutMs : deadline;
    const url = new URL(cfg.apiBase + path);
    for (const [k, v] of Object.entries(query || {})) url.searchParams.set(k, String(v));
    const headers = { Authorization: `Bearer ${cfg.token}`, Version: version, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // A POST that timed out (or got a gateway's 502/504) may have been
    // applied: retrying it could book twice or send two replies, so only
    // GHL's own 5xx (500, 503) is retried.
    const idempotent = method === 'GET' || method === 'PUT';
    let retried = false;
    let waits = 0;
    // Once an attempt went out and got no answer, GHL may have done it,
    // whatever later attempts say.
    let maybeDone = false;
    for (;;) {
      const left = until - Date.now();
      if (left <= 50) {
        calls.push({ op, status: 'deadline', ms: 0 });
        return { ok: false, status: 0, reason: 'deadline' };
      }
      const started = Date.now();
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), Math.min(cfg.timeoutMs, left));
      let res = null;
      let data = null;
      let failure = null;
      try {
        res = await fetch(url, {
          method, headers, signal: controller.signal,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        try { data = text ? JSON.parse(text) : null; } catch { data = null; }
      } catch (e) {
        failure = controller.signal.aborted ? 'timeout' : 'network';
      } finally {
        clearTimeout(timer);
      }
      calls.push({ op, status: res ? res.status : failure, ms: Date.now() - started });
      // 502 and 504 come from a gateway: GHL behind it may have done the
      // work, as after a timeout.
      const gateway = res !== null && (res.status === 502 || res.status === 504);
      if (failure || gateway) maybeDone = true;
      if (res && res.ok) return { ok: true, status: res.status, data };
      if (res && res.status === 429 && waits < 3) {
        const wait = retryAfterMs(res.headers);
        if (wait < until - Date.now() - 100) {
          waits++;
          await sleep(wait);
          continue;
        }
      }
      const retryable = failure || gateway ? idempotent : res.status >= 500;
      if (retryable && !retried) {
        retried = true;
        continue;
      }
      // A timeout or lost connection after the request went out: GHL may
      // have done it. The core decides what to check (never a guess here).
      return { ok: false, status: res ? res.status : 0, reason: failure || `http ${res.status}`, data, unknown: maybeDone };
    }
  }

  return {
    customFields: () =>
      request('get-custom-fields', 'GET', `/locations/${encodeURIComponent(cfg.locationId)}/customFields`,
        { version: V_LOCATIONS, query: { model: 'contact' } }),
    createField: (body) =>
      request('create-custom-field', 'POST', `/locations/${encodeURIComponent(cfg.locationId)}/customFields`,
        { version: V_LOCATIONS, body }),
    upsertContact: (phone) =>
      request('upsert-contact', 'POST', '/contacts/upsert',
        { version: V_CONTACTS, body: { locationId: cfg.locationId, phone } }),
    appointmentsOf: (contactId) =>
      request('get-appointments-for-contact', 'GET', `/contacts/${encodeURIComponent(contactId)}/appointments`, { version: V_CONTACTS, check: true }),
    conversationsOf: (contactId) =>
      request('search-conversation', 'GET', '/conversations/search',
        { version: V_CONVERSATIONS, query: { locationId: cfg.locationId, contactId }, check: true }),
    messagesOf: (conversationId, limit) =>
      request('get-messages', 'GET', `/conversations/${encodeURIComponent(conversationId)}/messages`,
        { version: V_CONVERSATIONS, query: { limit }, check: true }),
    // `check`: the read again after a save whose answer was lost.
    getContact: (contactId, { check = false } = {}) =>
      request('get-contact', 'GET', `/contacts/${encodeURIComponent(contactId)}`, { version: V_CONTACTS, check }),
    updateContact: (contactId, customFields) =>
      request('update-contact', 'PUT', `/contacts/${encodeURIComponent(contactId)}`,
        { version: V_CONTACTS, body: { customFields } }),
    freeSlots: (window, timezone) =>
      request('get-slots', 'GET', `/calendars/${encodeURIComponent(cfg.calendarId)}/free-slots`,
        { version: V_CALENDARS, query: { ...window, timezone } }),
    book: (contactId, startTime, title) =>
      request('create-appointment', 'POST', '/calendars/events/appointments', {
        version: V_CALENDARS,
        body: {
          calendarId: cfg.calendarId, locationId: cfg.locationId, contactId, startTime, title,
          appointmentStatus: 'confirmed', toNotify: true,
        },
      }),
    // Adds, never replaces: an update's `tags` would overwrite the contact's others.
    addTag: (contactId, tag) =>
      request('add-tags', 'POST', `/contacts/${encodeURIComponent(contactId)}/tags`,
        { version: V_CONTACTS, body: { tags: [tag] } }),
    setWhatsAppDnd: (contactId, status, message) =>
      request('update-contact', 'PUT', `/contacts/${encodeURIComponent(contactId)}`,
        { version: V_CONTACTS, body: { dndSettings: { WhatsApp: { status, ...(message && { message }) } } } }),
    getAppointment: (appointmentId, { check = false } = {}) =>
      request('get-appointment', 'GET', `/calendars/events/appointments/${encodeURIComponent(appointmentId)}`,
        { version: V_CALENDARS, check }),
    // The same appointment, at a new time: GHL's reminders and history follow it.
    move: (appointmentId, startTime, endTime) =>
      request('edit-appointment', 'PUT', `/calendars/events/appointments/${encodeURIComponent(appointmentId)}`,
        { version: V_CALENDARS, body: { startTime, ...(endTime && { endTime }) } }),
    cancel: (appointmentId) =>
      request('edit-appointment', 'PUT', `/calendars/events/appointments/${encodeURIComponent(appointmentId)}`,
        { version: V_CALENDARS, body: { appointmentStatus: 'cancelled' } }),
    // `type`: the channel's send type (channels.js), WhatsApp by default.
    send: (contactId, message, type = 'WhatsApp') =>
      request('send-a-new-message', 'POST', '/conversations/messages',
        { version: V_CONVERSATIONS, body: { type, contactId, message } }),
  };
}
