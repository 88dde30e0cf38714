// The playground page: a WhatsApp-like chat with the local bot. It talks
// only to the playground server (dev/playground-server.js), which signs
// each message as a GHL webhook, posts it to the worker, and answers with
// the worker's reply plus what the GHL emulator now holds for the contact.

const $ = (id) => document.getElementById(id);
const els = {
  messages: $('messages'), input: $('input'), send: $('send'), composer: $('composer'),
  status: $('status'), language: $('language'), agentName: $('agent-name'), avatar: $('avatar'),
  banner: $('banner'), bannerText: $('banner-text'), bannerClose: $('banner-close'),
  contactId: $('contact-id'), contactPhone: $('contact-phone'), fields: $('fields'), fieldCount: $('field-count'),
  appointments: $('appointments'), apptCount: $('appt-count'), workerUrl: $('worker-url'),
  newContact: $('new-contact'), newContactTop: $('new-contact-top'),
};

const state = {
  config: { agentName: 'María', businessName: '', fieldKeys: [] },
  contactId: null,
  fields: {},
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

function systemNote(text, { error = false } = {}) {
  const b = bubble('system', text);
  if (error) b.classList.add('error');
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

function renderSnapshot(snap) {
  renderFields(snap.fields, snap.contactError);
  renderAppointments(snap.appointments);
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
  } else {
    // 200 without a reply: the worker could not finish with GHL (or chose silence).
    setTicks(out, 'delivered');
    const note = `The worker answered ${result.worker.status} but sent no reply (step: ${body.step || '?'}). ` +
      'A GHL call probably failed: see the worker log (and the emulator\'s faults).';
    systemNote(note, { error: true });
    showError(note);
  }
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
