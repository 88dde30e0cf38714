// The read operations the worker uses to check what GHL really did:
// GET /contacts/{contactId}/appointments, GET /conversations/search and
// GET /conversations/{conversationId}/messages, with faults on the writes
// they read back (applied but answered late) and on themselves.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, ghl } from './helpers.js';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());
beforeEach(() => {
  emu.reset();
  emu.createContact({ id: 'c1', firstName: 'Ana', lastName: 'Ruiz', phone: '+5215550000001' });
  emu.createContact({ id: 'c2', firstName: 'Luis', email: 'luis@example.com' });
  emu.createContact({ id: 'c3' });
});

const isAbort = (err) => err.name === 'TimeoutError' || err.name === 'AbortError';
const settle = () => new Promise((r) => setTimeout(r, 30));

const book = (contactId, startTime, extra = {}, opts = {}) => ghl(emu, 'POST', '/calendars/events/appointments', {
  body: { calendarId: 'cal_dev', locationId: 'loc_dev', contactId, startTime, ...extra }, ...opts,
});
const appointmentsOf = (contactId, opts) => ghl(emu, 'GET', `/contacts/${encodeURIComponent(contactId)}/appointments`, opts);
const send = (contactId, message, opts = {}) =>
  ghl(emu, 'POST', '/conversations/messages', { body: { type: 'WhatsApp', contactId, message }, ...opts });
const search = (query, opts) => ghl(emu, 'GET', `/conversations/search?${new URLSearchParams(query)}`, opts);
const messagesOf = (conversationId, query = {}, opts) =>
  ghl(emu, 'GET', `/conversations/${encodeURIComponent(conversationId)}/messages?${new URLSearchParams(query)}`, opts);

// --- get-appointments-for-contact ---------------------------------------------

test('appointments of a contact: every one of theirs, by start time, with the times as booked', async () => {
  const later = await book('c1', '2026-12-04T16:00:00Z', { title: 'Segunda' });          // Dec 4 10:00 in Mexico City
  const sooner = await book('c1', '2026-12-03T14:00:00-06:00', { title: 'Primera' });
  await book('c2', '2026-12-03T10:00:00-06:00');
  const res = await appointmentsOf('c1');
  assert.equal(res.status, 200);
  assert.deepEqual(Object.keys(res.body), ['events']);
  assert.deepEqual(res.body.events.map((e) => e.id), [sooner.body.id, later.body.id]);
  const [first, second] = res.body.events;
  assert.deepEqual(first, {
    id: sooner.body.id,
    calendarId: 'cal_dev',
    status: 'confirmed',
    title: 'Primera',
    startTime: '2026-12-03T14:00:00-06:00',
    endTime: '2026-12-03T14:30:00-06:00',
    locationId: 'loc_dev',
    contactId: 'c1',
    appointmentStatus: 'confirmed',
    users: [],
    dateAdded: '2026-12-01T14:00:00.000Z',
    dateUpdated: '2026-12-01T14:00:00.000Z',
  });
  // the exact strings the bookings were made with (and the derived end in the calendar's zone)
  assert.equal(second.startTime, '2026-12-04T16:00:00Z');
  assert.equal(second.endTime, '2026-12-04T10:30:00-06:00');
});

test('a cancelled appointment is listed with its status; so is a rescheduled one, at its new time', async () => {
  const a = await book('c1', '2026-12-03T10:00:00-06:00');
  const b = await book('c1', '2026-12-03T14:00:00-06:00');
  await ghl(emu, 'PUT', `/calendars/events/appointments/${a.body.id}`, { body: { appointmentStatus: 'cancelled' } });
  await ghl(emu, 'PUT', `/calendars/events/appointments/${b.body.id}`, { body: { startTime: '2026-12-03T16:00:00-06:00' } });
  const { body } = await appointmentsOf('c1');
  assert.deepEqual(body.events.map((e) => [e.id, e.appointmentStatus, e.status, e.startTime]), [
    [a.body.id, 'cancelled', 'cancelled', '2026-12-03T10:00:00-06:00'],
    [b.body.id, 'confirmed', 'confirmed', '2026-12-03T16:00:00-06:00'],
  ]);
});

test('appointments: none yet, unknown contact, autoCreateContacts', async () => {
  const cases = [
    ['a contact without appointments', 'c3', false, 200, { events: [] }],
    ['an unknown contact', 'nobody', false, 400, { statusCode: 400, message: 'Contact not found' }],
    ['an unknown contact with autoCreateContacts', 'wa-new', true, 200, { events: [] }],
  ];
  for (const [name, contactId, autoCreateContacts, status, body] of cases) {
    emu.setConfig({ autoCreateContacts });
    const res = await appointmentsOf(contactId);
    assert.equal(res.status, status, name);
    assert.deepEqual(res.body, body, name);
  }
  assert.ok(emu.listContacts().some((c) => c.id === 'wa-new'), 'created as get-contact would');
});

test('an appointment booked under lateMs, whose client timed out, is listed', async () => {
  emu.setFaults({ 'create-appointment': { lateMs: 300, times: 1 } });
  await assert.rejects(book('c1', '2026-12-03T14:00:00-06:00', {}, { signal: AbortSignal.timeout(100) }), isAbort);
  await settle();
  const { body } = await appointmentsOf('c1');
  assert.deepEqual(body.events.map((e) => [e.startTime, e.appointmentStatus]), [['2026-12-03T14:00:00-06:00', 'confirmed']]);
});

// --- search-conversation ------------------------------------------------------

test('a contact has no conversation until a message is sent; then the one send-a-new-message named', async () => {
  assert.deepEqual((await search({ locationId: 'loc_dev', contactId: 'c1' })).body, { conversations: [], total: 0 });
  const first = await send('c1', 'Hola Ana');
  const second = await send('c1', '¿Qué día te queda?');
  assert.equal(first.body.conversationId, second.body.conversationId);
  const res = await search({ locationId: 'loc_dev', contactId: 'c1' });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, {
    conversations: [{
      id: first.body.conversationId,
      contactId: 'c1',
      locationId: 'loc_dev',
      lastMessageBody: '¿Qué día te queda?',
      lastMessageType: 'TYPE_WHATSAPP',
      lastMessageDirection: 'outbound',
      lastMessageDate: Date.parse('2026-12-01T14:00:00Z'),
      type: 'TYPE_PHONE',
      unreadCount: 0,
      fullName: 'Ana Ruiz',
      contactName: 'Ana Ruiz',
      phone: '+5215550000001',
      dateAdded: Date.parse('2026-12-01T14:00:00Z'),
      dateUpdated: Date.parse('2026-12-01T14:00:00Z'),
    }],
    total: 1,
  });
});

test('search filters', async () => {
  const c1 = (await send('c1', 'Hola Ana')).body.conversationId;
  emu.setConfig({ now: '2026-12-01T15:00:00Z' });
  const c2 = (await send('c2', 'Hola Luis')).body.conversationId;
  emu.setConfig({ now: '2026-12-01T16:00:00Z' });
  await send('c1', 'Sigues ahí?');
  emu.setConfig({ now: null });
  const L = { locationId: 'loc_dev' };
  const cases = [
    // [name, query, status, conversation ids, total]
    ['all, latest message first', L, 200, [c1, c2], 2],
    ['sort asc', { ...L, sort: 'asc' }, 200, [c2, c1], 2],
    ['contactId', { ...L, contactId: 'c2' }, 200, [c2], 1],
    ['a contact without messages', { ...L, contactId: 'c3' }, 200, [], 0],
    ['an unknown contact', { ...L, contactId: 'nobody' }, 200, [], 0],
    ['id', { ...L, id: c2 }, 200, [c2], 1],
    ['limit (total counts them all)', { ...L, limit: '1' }, 200, [c1], 2],
    ['startAfterDate pages on lastMessageDate', { ...L, startAfterDate: String(Date.parse('2026-12-01T16:00:00Z')) }, 200, [c2], 2],
    ['query matches name, email, phone or last message', { ...L, query: 'luis@' }, 200, [c2], 1],
    ['query on the last message', { ...L, query: 'ahí' }, 200, [c1], 1],
    ['lastMessageType', { ...L, lastMessageType: 'TYPE_SMS' }, 200, [], 0],
    ['lastMessageDirection inbound', { ...L, lastMessageDirection: 'inbound' }, 200, [], 0],
    ['status unread', { ...L, status: 'unread' }, 200, [], 0],
    ['status all', { ...L, status: 'all' }, 200, [c1, c2], 2],
    ['assignedTo unassigned', { ...L, assignedTo: 'unassigned' }, 200, [c1, c2], 2],
    ['assignedTo a user', { ...L, assignedTo: 'user1' }, 200, [], 0],
    ['startDate (dateAdded, ms)', { ...L, startDate: String(Date.parse('2026-12-01T14:30:00Z')) }, 200, [c2], 1],
    ['another location', { locationId: 'elsewhere' }, 400],
    ['no locationId', { contactId: 'c1' }, 422],
    ['limit 0', { ...L, limit: '0' }, 422],
    ['an undeclared parameter', { ...L, contactID: 'c1' }, 422],
    ['a filter the emulator does not model', { ...L, scoreProfile: 'p1' }, 501],
  ];
  for (const [name, query, status, ids, total] of cases) {
    const res = await search(query);
    assert.equal(res.status, status, `${name}: ${JSON.stringify(res.body)}`);
    if (ids) {
      assert.deepEqual(res.body.conversations.map((c) => c.id), ids, name);
      assert.equal(res.body.total, total, name);
    }
  }
});

test('a contact without name or phone: those keys are left out', async () => {
  const conv = (await send('c3', 'hola')).body.conversationId;
  const { body } = await search({ locationId: 'loc_dev', contactId: 'c3' });
  const [c] = body.conversations;
  assert.equal(c.id, conv);
  for (const key of ['fullName', 'contactName', 'email', 'phone']) assert.equal(key in c, false, key);
});

// --- get-messages --------------------------------------------------------------

test('messages: newest first, with the ids and bodies send-a-new-message answered', async () => {
  const sent = [];
  for (const text of ['uno', 'dos', 'tres']) sent.push((await send('c1', text)).body);
  await send('c2', 'otro');
  const res = await messagesOf(sent[0].conversationId);
  assert.equal(res.status, 200);
  assert.deepEqual(Object.keys(res.body), ['messages']);
  const page = res.body.messages;
  assert.equal(page.nextPage, false);
  assert.equal(page.lastMessageId, sent[0].messageId);
  assert.deepEqual(page.messages.map((m) => [m.id, m.body]), [
    [sent[2].messageId, 'tres'], [sent[1].messageId, 'dos'], [sent[0].messageId, 'uno'],
  ]);
  assert.deepEqual(page.messages[0], {
    id: sent[2].messageId,
    type: 19,
    messageType: 'TYPE_WHATSAPP',
    locationId: 'loc_dev',
    contactId: 'c1',
    conversationId: sent[0].conversationId,
    dateAdded: '2026-12-01T14:00:00.000Z',
    body: 'tres',
    direction: 'outbound',
    status: 'sent',
    contentType: 'text/plain',
    source: 'api',
  });
});

test('messages: limit, nextPage and lastMessageId paging', async () => {
  const ids = [];
  for (let i = 1; i <= 5; i++) ids.push((await send('c1', `m${i}`)).body);
  const conv = ids[0].conversationId;
  const newest = ids.map((s) => s.messageId).reverse();
  const seen = [];
  let cursor;
  const pages = [];
  do {
    const res = await messagesOf(conv, cursor ? { limit: '2', lastMessageId: cursor } : { limit: '2' });
    assert.equal(res.status, 200);
    const page = res.body.messages;
    assert.ok(page.messages.length <= 2);
    seen.push(...page.messages.map((m) => m.id));
    pages.push(page.nextPage);
    cursor = page.nextPage ? page.lastMessageId : null;
  } while (cursor);
  assert.deepEqual(seen, newest);
  assert.deepEqual(pages, [true, true, false]);
  // past the end: an empty page without lastMessageId
  const end = await messagesOf(conv, { lastMessageId: ids[0].messageId });
  assert.deepEqual(end.body, { messages: { nextPage: false, messages: [] } });
});

test('messages: type filter, unknown ids, bad limit', async () => {
  const { conversationId, messageId } = (await send('c1', 'hola')).body;
  const cases = [
    ['type WhatsApp', conversationId, { type: 'TYPE_WHATSAPP' }, 200, 1],
    ['type list', conversationId, { type: 'TYPE_SMS,TYPE_WHATSAPP' }, 200, 1],
    ['type SMS only', conversationId, { type: 'TYPE_SMS' }, 200, 0],
    ['a type not in the list', conversationId, { type: 'TYPE_FAX' }, 422],
    ['an unknown conversation', 'nope', {}, 400],
    ['a message id of another conversation', conversationId, { lastMessageId: 'nope' }, 400],
    ['limit 0', conversationId, { limit: '0' }, 422],
    ['limit 1.5', conversationId, { limit: '1.5' }, 422],
    ['lastMessageId of the only message', conversationId, { lastMessageId: messageId }, 200, 0],
  ];
  for (const [name, conv, query, status, count] of cases) {
    const res = await messagesOf(conv, query);
    assert.equal(res.status, status, `${name}: ${JSON.stringify(res.body)}`);
    if (count !== undefined) assert.equal(res.body.messages.messages.length, count, name);
  }
  assert.deepEqual((await messagesOf('nope')).body, { statusCode: 400, message: 'Conversation not found' });
});

// --- with faults ---------------------------------------------------------------

test('a message sent under lateMs, whose client timed out, is listed; one refused with a status is not', async () => {
  const { conversationId } = (await send('c1', 'antes')).body;
  emu.setFaults({ 'send-a-new-message': { lateMs: 300, times: 1 } });
  await assert.rejects(send('c1', 'tarde', { signal: AbortSignal.timeout(100) }), isAbort);
  emu.setFaults({ 'send-a-new-message': { status: 503, times: 1 } });
  assert.equal((await send('c1', 'nunca')).status, 503);
  await settle();
  const late = emu.listMessages({ contactId: 'c1' }).find((m) => m.message === 'tarde');
  assert.ok(late, 'recorded');
  const page = (await messagesOf(conversationId)).body.messages;
  assert.deepEqual(page.messages.map((m) => [m.id, m.body]), [[late.messageId, 'tarde'], [page.messages[1].id, 'antes']]);
  const found = (await search({ locationId: 'loc_dev', contactId: 'c1' })).body.conversations;
  assert.deepEqual(found.map((c) => [c.id, c.lastMessageBody]), [[conversationId, 'tarde']]);
});

test('faults apply to the reads too', async () => {
  const { conversationId } = (await send('c1', 'hola')).body;
  emu.setFaults({
    'get-appointments-for-contact': { status: 429, times: 1 },
    'search-conversation': { hang: true, times: 1 },
    'get-messages': { status: 502, times: 1 },
  });
  assert.equal((await appointmentsOf('c1')).status, 429);
  await assert.rejects(search({ locationId: 'loc_dev', contactId: 'c1' }, { signal: AbortSignal.timeout(100) }), isAbort);
  assert.equal((await messagesOf(conversationId)).status, 502);
  assert.equal((await appointmentsOf('c1')).status, 200);
  assert.equal((await search({ locationId: 'loc_dev', contactId: 'c1' })).body.total, 1);
  assert.equal((await messagesOf(conversationId)).body.messages.messages.length, 1);
});

test('the reads need their scopes', async () => {
  const { conversationId } = (await send('c1', 'hola')).body;
  emu.setConfig({ scopes: ['contacts.readonly', 'conversations.readonly'] });
  assert.equal((await appointmentsOf('c1')).status, 200);
  assert.equal((await search({ locationId: 'loc_dev' })).status, 200);
  const refused = await messagesOf(conversationId);
  assert.equal(refused.status, 401);
  assert.deepEqual(emu.requests().at(-1).missingScopes, ['conversations/message.readonly']);
});

// --- response validation --------------------------------------------------------

test('every answer of the three reads matches the spec (as quirks.js relaxes it)', async () => {
  await book('c1', '2026-12-03T10:00:00-06:00');
  const { conversationId, messageId } = (await send('c1', 'hola')).body;
  await send('c3', 'sin nombre');
  await ghl(emu, 'POST', '/conversations/messages', {
    body: { type: 'WhatsApp', contactId: 'c1', attachments: ['https://example.com/a.jpg'] },
  });
  const calls = [
    ['get-appointments-for-contact', () => appointmentsOf('c1'), 200],
    ['get-appointments-for-contact', () => appointmentsOf('c3'), 200],
    ['get-appointments-for-contact', () => appointmentsOf('nobody'), 400],
    ['get-appointments-for-contact', () => appointmentsOf('c1', { token: 'bad' }), 401],
    ['get-appointments-for-contact', () => appointmentsOf('c1', { version: '2021-04-15' }), 422],
    ['search-conversation', () => search({ locationId: 'loc_dev' }), 200],
    ['search-conversation', () => search({ locationId: 'loc_dev', contactId: 'c2' }), 200],
    ['search-conversation', () => search({ locationId: 'elsewhere' }), 400],
    ['search-conversation', () => search({ locationId: 'loc_dev' }, { token: 'bad' }), 401],
    ['get-messages', () => messagesOf(conversationId), 200],
    ['get-messages', () => messagesOf(conversationId, { lastMessageId: messageId }), 200],
    ['get-messages', () => messagesOf('nope'), 400],
    ['get-messages', () => messagesOf(conversationId, {}, { token: 'bad' }), 401],
  ];
  for (const [operationId, call, status] of calls) {
    const res = await call();
    assert.equal(res.status, status, `${operationId}: ${JSON.stringify(res.body)}`);
    const { checked, errors } = emu.spec.validateResponse(emu.spec.findOperation(operationId), res.status, res.body);
    if (status !== 422) assert.ok(checked, `${operationId} declares no schema for ${status}`);
    assert.deepEqual(errors, [], `${operationId} ${status}: ${JSON.stringify(res.body)}`);
  }
  assert.deepEqual(emu.responseErrors(), []);
});

test('the response checks are not vacuous', () => {
  const check = (id, body) => emu.spec.validateResponse(emu.spec.findOperation(id), 200, body).errors;
  // get-messages answers the page inside `messages`, not the page itself
  assert.notDeepEqual(check('get-messages', { lastMessageId: 'x', nextPage: false, messages: [] }), []);
  assert.deepEqual(check('get-messages', { messages: { nextPage: false, messages: [] } }), []);
  assert.notDeepEqual(check('get-messages', { messages: { nextPage: false, messages: [{ id: 'x' }] } }), []);
  assert.notDeepEqual(check('search-conversation', { conversations: [{ id: 'x' }], total: 1 }), []);
  assert.notDeepEqual(check('get-appointments-for-contact', { events: [{ id: 5 }] }), []);
});
