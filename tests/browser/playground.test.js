// The playground in headless Chromium: a whole Spanish conversation typed
// into the page, through the real worker (workerd via Miniflare, as in the
// end-to-end tests) and the GHL emulator, down to a booked call, then moved
// and cancelled (by the lead in the chat, and by the business through the
// panel's GHL buttons); what the page shows is checked, and screenshots are
// saved to tests/artifacts/.
// Needs the WASM core (bash scripts/build-wasm.sh) and /usr/bin/chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startPlayground } from '../../dev/playground-server.js';
import { createDevKeys } from '../../emulator/webhooks.js';
import { SPANISH_DAYS, bookableDates, dayPhrase, keys, nextWeekday, startStack } from '../e2e/harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = path.join(root, 'tests/artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Playwright refuses --user-data-dir in launch(): it gives every launch a
// fresh temporary profile of its own and deletes it on close.
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const WAIT = { timeout: 15_000 };

let stack;
let playground;
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(root, 'wasm/dist/booking.wasm')), 'build the core first: bash scripts/build-wasm.sh');
  stack = await startStack();
  const workerUrl = await stack.mf.ready;
  playground = await startPlayground({ port: 0, workerUrl: workerUrl.href, ghl: stack.ghl, privateKey: keys().privateKey });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
});

after(async () => {
  await browser?.close();
  await playground?.close();
  await stack?.close();
});

// A page that must make no request outside the playground (the machine is offline).
async function openPage(url, t) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const foreign = [];
  const errors = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(url) && !req.url().startsWith('data:')) foreign.push(req.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
  t.after(async () => {
    await page.close();
    assert.deepEqual(foreign, [], 'the page loaded something from elsewhere');
    assert.deepEqual(errors, [], 'the page threw or logged an error');
  });
  await page.goto(url);
  await page.getByTestId('contact-id').filter({ hasNotText: '—' }).waitFor(WAIT);
  await page.getByTestId('input').and(page.locator(':enabled')).waitFor(WAIT);
  return page;
}

const botMessages = (page) => page.getByTestId('bot-message').locator('.text');
const field = (page, key) => page.locator(`[data-testid=fields] tr[data-field="${key}"] td.value`);

// Types one message and waits for the bot's answer to appear.
async function say(page, text) {
  const before = await botMessages(page).count();
  await page.getByTestId('input').fill(text);
  await page.getByTestId('input').press('Enter');
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=bot-message]').length > n,
    before, WAIT,
  );
  return botMessages(page).nth(before).textContent();
}

// The nearest Tuesday–Friday at least 2 days ahead in the business zone, so
// "el <día>" names exactly that date (never tomorrow, never next week).
function bookingDay() {
  const [weekday, date] = [2, 3, 4, 5].map((w) => [w, nextWeekday(w)]).sort((a, b) => a[1].localeCompare(b[1]))[0];
  return { date, name: SPANISH_DAYS[weekday] };
}

test('a Spanish conversation in the page books a call, and the panel shows what GHL holds', async (t) => {
  const page = await openPage(playground.url, t);
  await assert.doesNotReject(page.getByTestId('agent-name').getByText('María', { exact: true }).waitFor(WAIT));
  assert.equal(await page.locator('.chat-header').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(0, 128, 105)');
  const contactId = (await page.getByTestId('contact-id').textContent()).trim();
  assert.equal(await page.getByTestId('language').textContent(), 'lang: —');

  const day = bookingDay();
  const conversation = [
    ['Hola', /Soy María.*¿Cuál es tu nombre\?/],
    ['Juan Carlos', /Mucho gusto Juan Carlos/],
    ['Quiero conseguir más clientes para mi restaurante', /desafío/],
    ['No tengo tiempo para las redes sociales', /presupuesto/],
    ['Unos 500 dólares al mes', /correo/],
    ['juan.carlos@example.com', /Qué día/],
    [`el ${day.name}`, new RegExp(`${day.name} ${Number(day.date.slice(8))} de .*10am, 2pm, 4pm`)],
    ['a las 2', /confirmada .*2pm/],
  ];
  for (const [text, expected] of conversation) {
    const reply = await say(page, text);
    assert.match(reply, expected, `after "${text}"`);
  }

  // The chat: 8 messages out, 8 replies in, every message answered (blue ticks).
  assert.equal(await page.getByTestId('user-message').count(), conversation.length);
  assert.equal(await botMessages(page).count(), conversation.length);
  assert.equal(await page.locator('[data-testid=user-message] .ticks.read').count(), conversation.length);
  assert.equal(await page.getByTestId('error-banner').isVisible(), false);
  await page.getByTestId('status').getByText('online').waitFor(WAIT);

  // The panel: the contact's custom fields as GHL holds them now.
  const expected = {
    booking_step: 'scheduled',
    language: 'es',
    customer_name: 'Juan Carlos',
    customer_goal: 'Quiero conseguir más clientes para mi restaurante',
    customer_pain_point: 'No tengo tiempo para las redes sociales',
    customer_budget: '500',
    customer_email: 'juan.carlos@example.com',
    preferred_day: day.date,
    preferred_time: '14:00',
  };
  for (const [key, value] of Object.entries(expected)) {
    assert.equal(await field(page, key).textContent(), value, key);
  }
  const held = stack.ghl.getContactFields(contactId);
  assert.equal(await field(page, 'appointment_id').textContent(), held.appointment_id);
  assert.match(await field(page, 'appointment_datetime').textContent(), new RegExp(`^${day.date}T14:00:00-0[56]:00$`));
  assert.equal(await page.getByTestId('language').textContent(), 'lang: es');

  // The calendar: the booked call, marked as this contact's.
  const appointment = page.locator(`[data-testid=appointments] li[data-appointment-id="${held.appointment_id}"]`);
  await appointment.waitFor(WAIT);
  assert.match(await appointment.textContent(), new RegExp(`${day.date} · 14:00–14:30`));
  assert.match(await appointment.textContent(), /confirmed/);
  assert.match(await appointment.textContent(), /this contact \(Juan Carlos\)/);
  assert.equal(await appointment.evaluate((el) => el.classList.contains('mine')), true);
  const [booked] = stack.ghl.listAppointments();
  assert.equal(booked.contactId, contactId);

  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'playground.png'), fullPage: true });

  // A fresh contact: empty chat and fields; the calendar still shows the call.
  await page.getByTestId('new-contact').click();
  await page.getByTestId('contact-id').filter({ hasNotText: contactId }).filter({ hasNotText: '—' }).waitFor(WAIT);
  await page.getByTestId('input').and(page.locator(':enabled')).waitFor(WAIT);
  assert.equal(await page.getByTestId('user-message').count(), 0);
  assert.equal(await field(page, 'booking_step').textContent(), '—');
  assert.equal(await page.getByTestId('language').textContent(), 'lang: —');
  assert.equal(await appointment.evaluate((el) => el.classList.contains('mine')), false);
  assert.match(await say(page, 'Hi there'), /What('s| is) your name/i);
  assert.equal(await page.getByTestId('language').textContent(), 'lang: en');

  assert.deepEqual(stack.ghl.validationErrors(), []);
});

test('the page shows it when the worker is down', async (t) => {
  const port = await new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
  const down = await startPlayground({ port: 0, workerUrl: `http://127.0.0.1:${port}`, ghl: stack.ghl, privateKey: keys().privateKey });
  t.after(() => down.close());
  const page = await openPage(down.url, t);
  await page.getByTestId('input').fill('Hola');
  await page.getByTestId('input').press('Enter');
  await page.getByTestId('error-banner').waitFor({ state: 'visible', ...WAIT });
  assert.match(await page.getByTestId('error-banner').textContent(), /No worker at http:\/\/127\.0\.0\.1:\d+\/webhook.*scripts\/dev\.sh/);
  assert.match(await page.locator('.msg.system.error').last().textContent(), /No worker at/);
  assert.equal(await page.locator('[data-testid=user-message] .ticks.failed').count(), 1);
  assert.equal(await page.getByTestId('bot-message').count(), 0);
});

test('the page shows the worker\'s 4xx answer (a webhook signed with the wrong key)', async (t) => {
  const wrongKey = await startPlayground({
    port: 0, workerUrl: (await stack.mf.ready).href, ghl: stack.ghl, privateKey: createDevKeys().privateKey,
  });
  t.after(() => wrongKey.close());
  const page = await openPage(wrongKey.url, t);
  await page.getByTestId('input').fill('Hola');
  await page.getByTestId('input').press('Enter');
  await page.getByTestId('error-banner').waitFor({ state: 'visible', ...WAIT });
  assert.match(await page.getByTestId('error-banner').textContent(), /The worker answered 401/);
  assert.equal(await page.getByTestId('bot-message').count(), 0);
  // The fields panel still shows the (untouched) contact.
  assert.equal(await field(page, 'booking_step').textContent(), '—');
});

test('the page shows it when the worker answers without a reply (GHL failing)', async (t) => {
  stack.ghl.setFaults({ 'send-a-new-message': { status: 500 } });
  t.after(() => stack.ghl.clearFaults());
  const page = await openPage(playground.url, t);
  await page.getByTestId('input').fill('Hola');
  await page.getByTestId('input').press('Enter');
  await page.getByTestId('error-banner').waitFor({ state: 'visible', ...WAIT });
  assert.match(await page.getByTestId('error-banner').textContent(), /The worker answered 200 but sent no reply \(step: [a-z]+\)\. A GHL call probably failed/);
  assert.equal(await page.getByTestId('bot-message').count(), 0);
  assert.equal(await page.locator('[data-testid=user-message] .ticks.delivered').count(), 1);
  assert.deepEqual(stack.ghl.validationErrors(), []);
});

// The panel's entry for one appointment.
const apptItem = (page, id) => page.locator(`[data-testid=appointments] li[data-appointment-id="${id}"]`);

// Waits until the panel shows the appointment with this status and start.
async function panelShows(page, id, { status, start }) {
  await page.waitForFunction(({ id: apptId, status: want, date, time }) => {
    const li = document.querySelector(`[data-testid=appointments] li[data-appointment-id="${apptId}"]`);
    if (!li || li.dataset.status !== want) return false;
    const when = li.querySelector('[data-testid=appt-when]')?.textContent ?? '';
    return when.includes(`${date} · ${time}`);
  }, { id, status, date: start.slice(0, 10), time: start.slice(11, 16) }, WAIT);
}

test('the call is moved and cancelled (by the lead in the chat, by the business in GHL); the panel follows', async (t) => {
  const page = await openPage(playground.url, t);
  const contactId = (await page.getByTestId('contact-id').textContent()).trim();
  const day = bookingDay();
  for (const [text, expected] of [
    ['Hola', /¿Cuál es tu nombre\?/],
    ['Ana Torres', /Mucho gusto Ana/],
    ['Más clientes para mi tienda', /desafío/],
    ['Pocas ventas en línea', /presupuesto/],
    ['800 al mes', /correo/],
    ['ana.torres@example.com', /Qué día/],
    [`el ${day.name}`, /¿Cuál prefieres\?/],
    ['la primera', /confirmada/],
  ]) {
    assert.match(await say(page, text), expected, `after "${text}"`);
  }
  const booked = stack.ghl.getContactFields(contactId);
  assert.equal(booked.booking_step, 'scheduled');
  const id = booked.appointment_id;
  const mine = () => stack.ghl.listAppointments().filter((a) => a.contactId === contactId);
  await panelShows(page, id, { status: 'confirmed', start: booked.appointment_datetime });
  assert.equal(await apptItem(page, id).getByTestId('appt-status').textContent(), 'confirmed');

  // The business moves it in GHL: the panel shows the new time, and the
  // worker, told by an AppointmentUpdate webhook, updates the fields.
  await apptItem(page, id).getByTestId('appt-move').click();
  await page.locator('.msg.system', { hasText: 'AppointmentUpdate webhook → worker 200' }).waitFor(WAIT);
  const byGhl = stack.ghl.getAppointment(id);
  assert.notEqual(byGhl.startTime, booked.appointment_datetime);
  await panelShows(page, id, { status: 'confirmed', start: byGhl.startTime });
  assert.match(await apptItem(page, id).getByTestId('appt-previous').textContent(),
    new RegExp(`was .*${booked.appointment_datetime.slice(0, 10)} · ${booked.appointment_datetime.slice(11, 16)}`));
  assert.equal(await field(page, 'appointment_datetime').textContent(), byGhl.startTime);
  assert.equal(stack.ghl.getContactFields(contactId).appointment_datetime, byGhl.startTime);

  // The lead moves it by chat, to another day: the same appointment, one of them.
  assert.match(await say(page, '¿se puede mover la llamada?'), /¿Para qué día quieres mover tu llamada\?/);
  const to = bookableDates(6).find((d) => d !== byGhl.startTime.slice(0, 10));
  const offer = await say(page, `el ${Number(to.slice(8))}/${Number(to.slice(5, 7))}`);
  assert.match(offer, new RegExp(`${dayPhrase(to, 'es')}: .*¿Cuál prefieres\\?`));
  const firstTime = /: (\d{1,2}(?::\d{2})?(?:am|pm))/.exec(offer)[1];
  const moved = await say(page, `a las ${firstTime}`);
  assert.match(moved, new RegExp(`Moví tu llamada: antes .*, ahora el ${dayPhrase(to, 'es')} a las ${firstTime}`));
  const afterMove = stack.ghl.getContactFields(contactId);
  assert.equal(afterMove.appointment_id, id, 'the same appointment');
  assert.equal(afterMove.preferred_day, to);
  assert.equal(mine().length, 1, 'one appointment, never two');
  assert.equal(mine()[0].startTime, afterMove.appointment_datetime);
  await panelShows(page, id, { status: 'confirmed', start: afterMove.appointment_datetime });
  assert.equal(await page.locator('[data-testid=appointments] li.mine').count(), 1);
  assert.match(await apptItem(page, id).getByTestId('appt-previous').textContent(),
    new RegExp(`was .*${byGhl.startTime.slice(0, 10)} · ${byGhl.startTime.slice(11, 16)}`));
  assert.equal(await field(page, 'appointment_datetime').textContent(), afterMove.appointment_datetime);

  // The lead cancels by chat: confirmed once, then the panel shows it cancelled.
  assert.match(await say(page, 'cancela mi cita'), /¿Seguro que quieres cancelar tu llamada/);
  assert.match(await say(page, 'sí'), /cancelé tu llamada .*qué día/);
  await panelShows(page, id, { status: 'cancelled', start: afterMove.appointment_datetime });
  assert.equal(await apptItem(page, id).getByTestId('appt-status').textContent(), 'cancelled');
  assert.equal(await apptItem(page, id).getByTestId('appt-move').count(), 0, 'a cancelled call cannot be moved');
  assert.equal(await field(page, 'booking_step').textContent(), 'day');
  assert.equal(await field(page, 'appointment_id').textContent(), '—');
  assert.equal(stack.ghl.getAppointment(id).appointmentStatus, 'cancelled');
  assert.equal(await page.getByTestId('error-banner').isVisible(), false);

  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'playground-reschedule.png'), fullPage: true });

  // The business deletes it in GHL: gone from GHL, shown as deleted.
  await apptItem(page, id).getByTestId('appt-delete').click();
  await page.locator('.msg.system', { hasText: 'AppointmentDelete webhook → worker 200' }).waitFor(WAIT);
  await panelShows(page, id, { status: 'deleted', start: afterMove.appointment_datetime });
  assert.equal(mine().length, 0);
  assert.equal(await field(page, 'booking_step').textContent(), 'day');

  assert.deepEqual(stack.ghl.validationErrors(), []);
});

// Issue 13: what the bot chose not to answer is a grey note saying why, never an error.
const silenceNotes = (page) => page.getByTestId('silence-note');

// Types one message that gets no reply and waits for the grey note about it.
async function sayToSilence(page, text) {
  const notes = await silenceNotes(page).count();
  const bots = await botMessages(page).count();
  await page.getByTestId('input').fill(text);
  await page.getByTestId('input').press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=silence-note]').length > n, notes, WAIT);
  assert.equal(await botMessages(page).count(), bots, `no reply to "${text}"`);
  return silenceNotes(page).last();
}

test('a person\'s reply from GHL pauses the bot; a hand-off silences it: grey notes, no error', async (t) => {
  const page = await openPage(playground.url, t);
  const contactId = (await page.getByTestId('contact-id').textContent()).trim();
  assert.equal(await page.getByTestId('bot-state').textContent(), 'answering');
  assert.match(await say(page, 'Hola'), /¿Cuál es tu nombre\?/);

  // A person writes from GHL's app: a signed OutboundMessage webhook with a userId.
  await page.getByTestId('person-reply').click();
  await page.getByTestId('person-note').waitFor(WAIT);
  assert.match(await page.getByTestId('person-note').textContent(), /OutboundMessage webhook \(with a userId\) → worker 200\. The bot is now paused for a person until/);
  assert.match(await page.getByTestId('person-message').textContent(), /A person \(GHL user\).*Laura/);
  const until = stack.ghl.getContactFields(contactId).bot_paused_until;
  assert.match(until, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d$/);
  assert.equal(await field(page, 'bot_paused_until').textContent(), until);
  assert.match(await page.getByTestId('bot-state').textContent(), /^paused for a person until \w{3} \d{4}-\d\d-\d\d \d\d:\d\d/);
  assert.match(await page.getByTestId('bot-paused-until').textContent(), new RegExp(`${until.slice(0, 10)} ${until.slice(11, 16)}`));

  // The lead writes again: no reply, a grey note saying why.
  const paused = await sayToSilence(page, 'Juan Carlos');
  assert.match(await paused.textContent(), new RegExp(`^No reply: paused for a person until \\w{3} ${until.slice(0, 10)} ${until.slice(11, 16)}`));
  assert.equal(await paused.evaluate((el) => el.classList.contains('error')), false);
  assert.equal(await page.locator('[data-testid=user-message] .ticks.delivered').count(), 1);
  assert.equal(await page.getByTestId('error-banner').isVisible(), false);
  assert.equal(stack.ghl.listMessages({ contactId }).length, 1, 'the bot sent nothing while paused');

  // The person clears the pause in GHL: the bot answers again; then the lead asks for a person.
  await page.getByTestId('resume-bot').click();
  await page.locator('.msg.system', { hasText: 'bot_paused_until cleared' }).waitFor(WAIT);
  assert.equal(await page.getByTestId('bot-state').textContent(), 'answering');
  assert.match(await say(page, 'Juan Carlos'), /Mucho gusto Juan Carlos/);
  await say(page, 'quiero hablar con una persona');
  assert.equal(await field(page, 'booking_step').textContent(), 'handoff');
  assert.match(await page.getByTestId('tags').textContent(), /bot-handoff/);
  const silent = await sayToSilence(page, '¿hola?');
  assert.equal(await silent.textContent(), 'No reply: silent: the lead asked for a person (handoff).');
  assert.equal(await page.getByTestId('error-banner').isVisible(), false);
  assert.equal(await page.locator('.msg.system.error').count(), 0);
  assert.equal(await page.getByTestId('dnd').textContent(), 'off');

  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'playground-paused.png'), fullPage: true });

  // A fresh contact opts out: WhatsApp DND on, then silence.
  await page.getByTestId('new-contact').click();
  await page.getByTestId('contact-id').filter({ hasNotText: contactId }).filter({ hasNotText: '—' }).waitFor(WAIT);
  await page.getByTestId('input').and(page.locator(':enabled')).waitFor(WAIT);
  await say(page, 'Hola');
  assert.match(await say(page, 'por favor no me escribas más'), /no te enviaremos más mensajes/);
  assert.equal(await field(page, 'booking_step').textContent(), 'opted_out');
  assert.match(await page.getByTestId('dnd').textContent(), /^active\b/);
  assert.equal(await (await sayToSilence(page, 'hola')).textContent(), 'No reply: silent: the lead opted out.');
  assert.equal(await page.getByTestId('error-banner').isVisible(), false);
  assert.deepEqual(stack.ghl.validationErrors(), []);
});

test('REPLY_WAIT_MS: a burst shows "waiting for more messages", then one reply; paused, a grey note', async (t) => {
  const waiting = await startStack({ env: { REPLY_WAIT_MS: '700' } });
  t.after(() => waiting.close());
  const held = await startPlayground({
    port: 0, workerUrl: (await waiting.mf.ready).href, ghl: waiting.ghl, privateKey: keys().privateKey, replyWaitMs: 700,
  });
  t.after(() => held.close());
  const page = await openPage(held.url, t);
  const contactId = (await page.getByTestId('contact-id').textContent()).trim();
  assert.match(await say(page, 'Hola'), /¿Cuál es tu nombre\?/);
  assert.match(await page.getByTestId('waiting-note').first().textContent(), /1 message answered as one after REPLY_WAIT_MS/);

  // Two messages in a row: one "waiting" note, then one reply built from both.
  const before = await botMessages(page).count();
  for (const text of ['Juan', 'Carlos']) {
    await page.getByTestId('input').fill(text);
    await page.getByTestId('input').press('Enter');
  }
  await page.locator('[data-kind=waiting]', { hasText: 'waiting for more messages (REPLY_WAIT_MS = 700 ms)…' }).waitFor(WAIT);
  assert.equal(await botMessages(page).count(), before, 'nothing before the wait is over');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=bot-message]').length > n, before, WAIT);
  assert.match(await botMessages(page).nth(before).textContent(), /Mucho gusto Juan Carlos\./);
  assert.equal(await botMessages(page).count(), before + 1, 'one reply to the burst');
  assert.match(await page.getByTestId('waiting-note').last().textContent(), /^2 messages answered as one after REPLY_WAIT_MS\.$/);
  assert.equal(await page.locator('[data-testid=user-message] .ticks.read').count(), 3);

  // Paused by a person: the held message ends in a grey note, no reply.
  await page.getByTestId('person-reply').click();
  await page.getByTestId('person-note').waitFor(WAIT);
  const note = await sayToSilence(page, 'Más clientes');
  assert.match(await note.textContent(), /^No reply: paused for a person until/);
  assert.match(await page.getByTestId('waiting-note').last().textContent(), /1 message held for REPLY_WAIT_MS, then answered with silence/);
  assert.equal(await page.getByTestId('error-banner').isVisible(), false);
  assert.equal(waiting.ghl.listMessages({ contactId }).length, 2);
  assert.deepEqual(waiting.ghl.validationErrors(), []);
});
