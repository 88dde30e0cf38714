// The playground page: a WhatsApp-like chat with the local bot. It talks
// only to the playground server (dev/playground-server.js), which signs
// each message as a GHL webhook, posts it to the worker, and answers with
// the worker's reply plus what the GHL emulator now holds for the contact.
//
// Issue 13: when the worker sends nothing by choice (a person paused the
// bot, a hand-off, an opt-out, the message cap) the chat says why in a grey
// note; with REPLY_WAIT_MS the worker answers {queued: true} and the reply
// comes later (a Durable Object alarm), so the page polls the messages GHL
// holds for the contact until it arrives.

const $ = (id) => document.getElementById(id);
const els = {
  messages: $('messages'), input: $('input'), send: $('send'), composer: $('composer'),
  status: $('status'), language: $('language'), agentName: $('agent-name'), avatar: $('avatar'),
  banner: $('banner'), bannerText: $('banner-text'), bannerClose: $('banner-close'),
  contactId: $('contact-id'), contactPhone: $('contact-phone'), fields: $('fields'), fieldCount: $('field-count'),
  appointments: $('appointments'), apptCount: $('appt-count'), workerUrl: $('worker-url'),
  newContact: $('new-contact'), newContactTop: $('new-contact-top'),
  botState: $('bot-state'), botPausedUntil: $('bot-paused-until'), tags: $('tags'), dnd: $('dnd'),
  personText: $('person-text'), personReply: $('person-reply'), resumeBot: $('resume-bot'),
};

const POLL_MS = 300;
const POLL_GRACE_MS = 5000;         // past REPLY_WAIT_MS
const UNKNOWN_WAIT_MS = 10_000;     // REPLY_WAIT_MS when the server does not know it

const state = {
  config: { agentName: 'María', businessName: '', fieldKeys: [], replyWaitMs: 0 },
  contactId: null,
  fields: {},
  snap: null,         // the last snapshot of the contact
  seen: new Set(),    // messageIds GHL holds for the contact already shown
  burst: null,        // messages answered {queued: true}, waiting for the reply
  pending: 0,
  queue: Promise.resolve(),
  generation: 0, // bumped by "new contact": late answers for the old chat are dropped
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function clock(date = new Date()) {
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

async function call(method, path, body) {
  let res;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Error('The playground server is not answering. Is `bash scripts/dev.sh` still running?');
  }
  let data = null;
  try { data = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) throw new Error(data?.error?.message || `The playground server answered ${res.status}`);
  return data;
}

// --- the chat --------------------------------------------------------------

function scrollDown() {
  els.messages.scrollTop = els.messages.scrollHeight;
}

function bubble(kind, text, { time = clock() } = {}) {
  const row = document.createElement('div');
  row.className = `row ${kind}`;
  const b = document.createElement('div');
  b.className = `msg ${kind}`;
  b.dataset.testid = kind === 'out' ? 'user-message' : kind === 'in' ? 'bot-message' : 'system-message';
  const body = document.createElement('span');
  body.className = 'text';
  body.textContent = text;
  b.append(body);
  if (kind === 'out' || kind === 'in') {
    const meta = document.createElement('span');
    meta.className = 'meta';
    const t = document.createElement('span');
    t.className = 'time';
    t.textContent = time;
    meta.append(t);
    if (kind === 'out') {
      const ticks = document.createElement('span');
      ticks.className = 'ticks sent';
      ticks.textContent = '✓';
      ticks.title = 'sent';
      meta.append(ticks);
    }
    b.append(meta);
  }
  row.append(b);
  els.messages.append(row);
  scrollDown();
  return b;
}

function setTicks(msg, how) {
  const ticks = msg.querySelector('.ticks');
  if (!ticks) return;
  ticks.className = `ticks ${how}`;
  ticks.textContent = how === 'failed' ? '!' : how === 'sent' ? '✓' : '✓✓';
  ticks.title = { sent: 'sent', delivered: 'delivered to the worker', read: 'answered', failed: 'not delivered' }[how];
}

function systemNote(text, { error = false, kind } = {}) {
  const b = bubble('system', text);
  if (error) b.classList.add('error');
  if (kind) {
    b.classList.add(kind);
    b.dataset.kind = kind;
  }
  return b;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// "Fri 2026-11-27 14:05 (-06:00)" for a time the core wrote; "until_reset": until cleared.
function untilText(value) {
  const v = String(value ?? '').trim();
  if (v === 'until_reset') return 'someone clears bot_paused_until';
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(v);
  if (!m) return `"${v}"`;
  const weekday = WEEKDAYS[new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay()];
  return `${weekday} ${m[1]}-${m[2]}-${m[3]} ${m[4]}${m[5] ? ` (${m[5]})` : ''}`;
}

// Why the bot keeps quiet for this contact, from what GHL holds (the
// core's order: stop and hand-off steps, a person's pause, the cap), or
// null when nothing there explains a missing reply.
function silenceReason(snap) {
  const f = snap?.fields || {};
  if (f.booking_step === 'opted_out') return { state: 'silent', text: 'silent: the lead opted out' };
  if (f.booking_step === 'handoff') return { state: 'silent', text: 'silent: the lead asked for a person (handoff)' };
  if (snap?.bot?.paused) return { state: 'paused', text: `paused for a person until ${untilText(snap.bot.pausedUntil)}` };
  if ((snap?.tags || []).includes('bot-cap-reached')) return { state: 'silent', text: 'silent: the bot\'s message cap was reached' };
  return null;
}

// The grey note for a message the bot chose not to answer.
function silenceNote(reason, prefix = 'No reply') {
  const note = systemNote(`${prefix}: ${reason.text}.`, { kind: 'silent' });
  note.dataset.testid = 'silence-note';
  note.dataset.reason = reason.state;
  return note;
}

// Messages GHL holds for the contact that the chat does not show yet.
function unseen(snap) {
  return (snap?.messages || []).filter((m) => !state.seen.has(m.messageId));
}

function markSeen(snap) {
  for (const m of snap?.messages || []) state.seen.add(m.messageId);
}

// A message the bot sent outside a webhook's answer (a burst's reply, a
// follow-up: the contact's alarm).
function laterBubble(m) {
  state.seen.add(m.messageId);
  const b = bubble('in', m.message);
  b.dataset.source = 'alarm';
  return b;
}

let typingRow = null;
function setTyping(on) {
  if (on && !typingRow) {
    typingRow = document.createElement('div');
    typingRow.className = 'row in typing-row';
    typingRow.innerHTML = '<div class="msg in typing" aria-label="typing"><i></i><i></i><i></i></div>';
    els.messages.append(typingRow);
    scrollDown();
  } else if (!on && typingRow) {
    typingRow.remove();
    typingRow = null;
  }
  els.status.textContent = on ? 'typing…' : 'online';
  els.status.classList.toggle('typing', on);
}

function showError(message) {
  els.bannerText.textContent = message;
  els.banner.hidden = false;
}

function hideError() {
  els.banner.hidden = true;
  els.bannerText.textContent = '';
}

// --- the GHL side panel ----------------------------------------------------

function renderFields(fields, contactError) {
  const previous = state.fields;
  state.fields = fields || {};
  const keys = [...state.config.fieldKeys];
  for (const k of Object.keys(state.fields)) if (!keys.includes(k)) keys.push(k);
  els.fields.replaceChildren();
  let set = 0;
  for (const key of keys) {
    const value = state.fields[key];
    const tr = document.createElement('tr');
    tr.dataset.field = key;
    const th = document.createElement('th');
    th.textContent = key;
    const td = document.createElement('td');
    td.className = 'value';
    if (value === undefined || value === '') {
      td.textContent = '—';
      td.classList.add('empty');
    } else {
      td.textContent = String(value);
      set++;
    }
    if ((previous[key] ?? '') !== (value ?? '') && state.contactId) tr.classList.add('changed');
    tr.append(th, td);
    els.fields.append(tr);
  }
  els.fieldCount.textContent = contactError ? '(contact not found)' : `(${set} of ${keys.length} set)`;
  const lang = state.fields.language;
  els.language.textContent = `lang: ${lang || '—'}`;
  els.language.dataset.lang = lang || '';
}

const INACTIVE = new Set(['cancelled', 'invalid', 'deleted']);

// "Thu 2026-11-26 · 14:00–14:30 (-06:00)": the times as GHL holds them.
function when(startTime, endTime) {
  const start = String(startTime);
  const date = start.slice(0, 10);
  const [y, m, d] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
  const end = endTime ? `–${String(endTime).slice(11, 16)}` : '';
  return `${weekday} ${date} · ${start.slice(11, 16)}${end} (${start.slice(19) || 'local'})`;
}

function badge(text, kind) {
  const span = document.createElement('span');
  span.className = `badge ${kind}`;
  span.textContent = text;
  return span;
}

function actionButton(label, action, a, title) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `appt-action ${action}`;
  button.dataset.testid = `appt-${action}`;
  button.textContent = label;
  button.title = title;
  button.addEventListener('click', () => appointmentAction(a, action, button));
  return button;
}

function renderAppointments(list = []) {
  els.appointments.replaceChildren();
  const active = list.filter((a) => !INACTIVE.has(a.status)).length;
  els.apptCount.textContent = `(${active} active)`;
  if (!list.length) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = 'No appointments yet.';
    els.appointments.append(li);
    return;
  }
  for (const a of list) {
    const li = document.createElement('li');
    li.dataset.appointmentId = a.id;
    li.dataset.status = a.status;
    if (a.contactId === state.contactId) li.classList.add('mine');
    const top = document.createElement('div');
    top.className = 'when-line';
    const whenEl = document.createElement('span');
    whenEl.className = 'when';
    whenEl.dataset.testid = 'appt-when';
    whenEl.textContent = when(a.startTime, a.endTime);
    const status = badge(a.status || '?', `status status-${a.status || 'unknown'}`);
    status.dataset.testid = 'appt-status';
    top.append(whenEl, status);
    li.append(top);
    if (a.previousStartTime && a.previousStartTime !== a.startTime) {
      li.classList.add('moved');
      const prev = document.createElement('div');
      prev.className = 'previous';
      prev.dataset.testid = 'appt-previous';
      prev.textContent = `moved, was ${when(a.previousStartTime)}`;
      li.append(prev);
    }
    const what = document.createElement('div');
    what.className = 'what';
    what.textContent = `${a.title || 'Appointment'} · ${a.status}`;
    const who = document.createElement('div');
    who.className = 'who-line';
    who.textContent = `${a.contactId === state.contactId ? 'this contact' : `contact ${a.contactId}`}${a.contactName ? ` (${a.contactName})` : ''} · ${a.calendarId}`;
    li.append(what, who);
    if (a.status !== 'deleted') {
      const actions = document.createElement('div');
      actions.className = 'appt-actions';
      actions.setAttribute('aria-label', 'Act as the business in GHL');
      if (!INACTIVE.has(a.status)) {
        actions.append(
          actionButton('Move +1 day', 'move', a, 'As the business in GHL: move it to the next day, same time (or the next free slot); GHL sends AppointmentUpdate'),
          actionButton('Cancel in GHL', 'cancel', a, 'As the business in GHL: set its status to cancelled; GHL sends AppointmentUpdate'),
        );
      }
      actions.append(actionButton('Delete in GHL', 'delete', a, 'As the business in GHL: delete it; GHL sends AppointmentDelete'));
      li.append(actions);
    }
    els.appointments.append(li);
  }
}

// The bot's state for the contact: paused, silent, tags, WhatsApp DND.
function renderBot(snap) {
  const reason = silenceReason(snap);
  els.botState.textContent = snap?.contactError ? '—' : reason ? reason.text : 'answering';
  els.botState.dataset.state = reason ? reason.state : 'answering';
  const until = snap?.bot?.pausedUntil || '';
  els.botPausedUntil.textContent = until ? `${untilText(until)}${snap.bot.paused ? '' : ' (passed)'}` : '—';
  els.botPausedUntil.title = until;
  els.resumeBot.hidden = !until;
  const tags = snap?.tags || [];
  els.tags.replaceChildren(...(tags.length ? tags.map((t) => badge(t, 'tag')) : ['none']));
  const whatsapp = snap?.dnd?.dndSettings?.WhatsApp;
  els.dnd.textContent = snap?.dnd?.dnd ? 'on (all channels)' : whatsapp ? `${whatsapp.status}${whatsapp.message ? ` (${whatsapp.message})` : ''}` : 'off';
  els.dnd.dataset.status = snap?.dnd?.dnd ? 'active' : whatsapp?.status || 'off';
}

function renderSnapshot(snap) {
  state.snap = snap;
  renderFields(snap.fields, snap.contactError);
  renderAppointments(snap.appointments);
  renderBot(snap);
}

// --- actions ---------------------------------------------------------------

async function newContact() {
  state.generation++;
  state.queue = Promise.resolve();
  state.pending = 0;
  setTyping(false);
  hideError();
  els.messages.replaceChildren();
  els.input.disabled = true;
  els.send.disabled = true;
  state.contactId = null;
  state.fields = {};
  state.snap = null;
  state.seen = new Set();
  state.burst = null;
  els.personReply.disabled = true;
  try {
    const created = await call('POST', '/api/contacts', {});
    state.contactId = created.contactId;
    els.contactId.textContent = created.contactId;
    els.contactPhone.textContent = created.phone;
    renderSnapshot(created);
    systemNote(`New WhatsApp contact ${created.phone}. Say hello: try "Hola" or "Hi".`);
    els.status.textContent = 'online';
    els.input.disabled = false;
    els.send.disabled = false;
    els.personReply.disabled = false;
    els.input.focus();
  } catch (e) {
    els.status.textContent = 'offline';
    showError(e.message);
  }
}

async function deliver(text, out, generation) {
  setTyping(true);
  let result;
  try {
    result = await call('POST', '/api/send', { contactId: state.contactId, text });
  } catch (e) {
    if (generation !== state.generation) return;
    setTicks(out, 'failed');
    systemNote(e.message, { error: true });
    showError(e.message);
    return;
  } finally {
    if (generation === state.generation && --state.pending === 0) setTyping(false);
  }
  if (generation !== state.generation) return;
  renderSnapshot(result);
  if (!result.ok) {
    setTicks(out, 'failed');
    systemNote(result.error.message, { error: true });
    showError(result.error.message);
    return;
  }
  hideError();
  const body = result.worker.body || {};
  if (body.queued) {
    // REPLY_WAIT_MS: held by the contact's Durable Object; the reply comes later.
    setTicks(out, 'delivered');
    holdForBurst(out, result.messageId, generation);
    return;
  }
  // What the bot sent meanwhile from an alarm (a follow-up), then this reply.
  const fresh = unseen(result);
  const own = typeof body.reply === 'string' ? fresh.findLastIndex((m) => m.message === body.reply) : -1;
  for (const [i, m] of fresh.entries()) if (i !== own) laterBubble(m);
  markSeen(result);
  if (body.duplicate) {
    setTicks(out, 'delivered');
    systemNote('The worker dropped this message as a duplicate.');
  } else if (body.ignored) {
    setTicks(out, 'delivered');
    systemNote(`The worker ignored this webhook (${body.ignored}).`);
  } else if (typeof body.reply === 'string' && body.reply) {
    setTicks(out, 'read');
    const reply = bubble('in', body.reply);
    reply.dataset.step = body.step ?? '';
  } else if (silenceReason(result)) {
    // The bot chose silence: a person took over, a hand-off, an opt-out, the cap.
    setTicks(out, 'delivered');
    silenceNote(silenceReason(result));
  } else {
    // 200 without a reply, and nothing in GHL explains it: a GHL call failed.
    setTicks(out, 'delivered');
    const note = `The worker answered ${result.worker.status} but sent no reply (step: ${body.step || '?'}). ` +
      'A GHL call probably failed: see the worker log (and the emulator\'s faults).';
    systemNote(note, { error: true });
    showError(note);
  }
}

// A message answered {queued: true}: joins the burst being held, and the
// page polls what GHL holds until the bot's reply arrives, the contact's
// last_message_id shows the burst was handled without one (paused), the
// bot's silence is explained, or REPLY_WAIT_MS + 5 s have passed.
function holdForBurst(out, messageId, generation) {
  const waitMs = state.config.replyWaitMs || UNKNOWN_WAIT_MS;
  let b = state.burst;
  if (!b || b.generation !== generation) {
    const note = systemNote(
      `waiting for more messages (REPLY_WAIT_MS${state.config.replyWaitMs ? ` = ${state.config.replyWaitMs} ms` : ''})…`,
      { kind: 'waiting' },
    );
    note.dataset.testid = 'waiting-note';
    b = { generation, note, outs: [], lastId: null, handledSince: 0, dueAt: Date.now() + waitMs, deadline: 0 };
    state.burst = b;
    pollBurst(b);
  } else {
    els.messages.append(b.note.parentElement);  // the note stays under the burst's last message
    scrollDown();
  }
  b.outs.push(out);
  b.lastId = messageId;
  b.handledSince = 0;
  b.deadline = Date.now() + waitMs + POLL_GRACE_MS;
}

function endBurst(b, text, ticks) {
  if (state.burst === b) state.burst = null;
  for (const out of b.outs) setTicks(out, ticks);
  b.note.querySelector('.text').textContent = text;
  b.note.classList.remove('waiting');
  b.note.classList.add('burst');
  b.note.dataset.kind = 'burst-done';
}

async function pollBurst(b) {
  const live = () => state.burst === b && b.generation === state.generation;
  const count = () => `${b.outs.length} message${b.outs.length === 1 ? '' : 's'}`;
  while (live()) {
    await sleep(POLL_MS);
    if (!live()) return;
    let snap;
    try {
      snap = await call('GET', `/api/state?contactId=${encodeURIComponent(state.contactId)}`);
    } catch (e) {
      if (Date.now() < b.deadline) continue;
      if (!live()) return;
      endBurst(b, `No reply seen for ${count()}: ${e.message}`, 'delivered');
      showError(e.message);
      return;
    }
    if (!live()) return;
    renderSnapshot(snap);
    const fresh = unseen(snap);
    if (fresh.length) {
      endBurst(b, `${count()} answered as one after REPLY_WAIT_MS.`, 'read');
      for (const m of fresh) laterBubble(m);
      return;
    }
    const now = Date.now();
    const reason = silenceReason(snap);
    // Handled: the fields are saved before the reply is sent, so a moment's wait for it.
    const handled = snap.fields?.last_message_id === b.lastId;
    if (handled && !b.handledSince) b.handledSince = now;
    if ((handled && (reason || now - b.handledSince >= 1000)) || (reason && now > b.dueAt + 1500)) {
      endBurst(b, `${count()} held for REPLY_WAIT_MS, then answered with silence.`, 'delivered');
      if (reason) silenceNote(reason);
      else systemNote('The bot handled the burst but sent no reply.', { kind: 'silent' });
      return;
    }
    if (now > b.deadline) {
      if (reason) {
        endBurst(b, `${count()} held for REPLY_WAIT_MS, then answered with silence.`, 'delivered');
        silenceNote(reason);
      } else {
        const note = `No reply to ${count()} within ${Math.round(((state.config.replyWaitMs || UNKNOWN_WAIT_MS) + POLL_GRACE_MS) / 1000)} s ` +
          '(REPLY_WAIT_MS + 5 s). A GHL call probably failed: see the worker log (and the emulator\'s faults).';
        endBurst(b, note, 'delivered');
        b.note.classList.add('error');
        showError(note);
      }
      return;
    }
  }
}

// A person in GHL's app writes to the lead: GHL sends the worker an
// OutboundMessage webhook with the user's id, and the bot pauses. Queued
// with the messages.
function personReply() {
  if (!state.contactId) return;
  const text = els.personText.value.trim() || 'Hola, soy Laura del equipo.';
  const generation = state.generation;
  const contactId = state.contactId;
  const b = bubble('in', text);
  b.classList.add('person');
  b.dataset.testid = 'person-message';
  const from = document.createElement('span');
  from.className = 'from';
  from.textContent = 'A person (GHL user)';
  b.prepend(from);
  state.queue = state.queue.then(async () => {
    let result;
    try {
      result = await call('POST', '/api/person', { contactId, text });
    } catch (e) {
      if (generation !== state.generation) return;
      systemNote(`GHL (a person's reply): ${e.message}`, { error: true });
      showError(e.message);
      return;
    }
    if (generation !== state.generation) return;
    renderSnapshot(result);
    for (const m of unseen(result)) laterBubble(m);
    const did = 'As a person in GHL: OutboundMessage webhook (with a userId)';
    if (!result.ok) {
      systemNote(`${did} not taken: ${result.error.message}`, { error: true });
      showError(result.error.message);
      return;
    }
    hideError();
    const reason = silenceReason(result);
    const note = systemNote(`${did} → worker ${result.worker.status}.${reason ? ` The bot is now ${reason.text}.` : ''}`, { kind: 'silent' });
    note.dataset.testid = 'person-note';
  });
}

// A person clears bot_paused_until in GHL: the bot answers again.
function resumeBot() {
  if (!state.contactId) return;
  const generation = state.generation;
  const contactId = state.contactId;
  state.queue = state.queue.then(async () => {
    let result;
    try {
      result = await call('POST', '/api/resume', { contactId });
    } catch (e) {
      if (generation !== state.generation) return;
      showError(e.message);
      return;
    }
    if (generation !== state.generation) return;
    renderSnapshot(result);
    systemNote('As a person in GHL: bot_paused_until cleared; the bot answers again.');
  });
}

// The business changes the appointment in GHL; GHL sends the worker an
// appointment webhook (no message to the lead). Queued with the messages.
function appointmentAction(a, action, button) {
  if (!state.contactId) return;
  const generation = state.generation;
  const contactId = state.contactId;
  button.disabled = true;
  state.queue = state.queue.then(async () => {
    let result;
    try {
      result = await call('POST', `/api/appointments/${encodeURIComponent(a.id)}/${action}`, { contactId });
    } catch (e) {
      if (generation !== state.generation) return;
      button.disabled = false;
      systemNote(`GHL (${action}): ${e.message}`, { error: true });
      showError(e.message);
      return;
    }
    if (generation !== state.generation) return;
    renderSnapshot(result);
    const did = `As the business in GHL: appointment ${result.summary}.`;
    if (!result.ok) {
      systemNote(`${did} ${result.event} webhook not taken: ${result.error.message}`, { error: true });
      showError(result.error.message);
      return;
    }
    hideError();
    systemNote(`${did} ${result.event} webhook → worker ${result.worker.status}.`);
  });
}

function send(text) {
  const out = bubble('out', text);
  const generation = state.generation;
  state.pending++;
  // One message at a time, in order, as a phone would deliver them.
  state.queue = state.queue.then(() => deliver(text, out, generation));
}

els.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = els.input.value.trim();
  if (!text || !state.contactId) return;
  els.input.value = '';
  send(text);
  els.input.focus();
});
els.newContact.addEventListener('click', newContact);
els.newContactTop.addEventListener('click', newContact);
els.bannerClose.addEventListener('click', hideError);
els.personReply.addEventListener('click', personReply);
els.resumeBot.addEventListener('click', resumeBot);

async function init() {
  try {
    state.config = await call('GET', '/api/config');
  } catch (e) {
    showError(e.message);
  }
  const name = state.config.agentName || 'Bot';
  els.agentName.textContent = name;
  els.agentName.title = state.config.businessName || '';
  els.avatar.textContent = name.trim().charAt(0).toUpperCase() || '?';
  els.workerUrl.textContent = state.config.workerUrl || '—';
  document.title = `${name} · Playground`;
  renderFields({}, null);
  renderAppointments([]);
  await newContact();
}

init();
