// Every answer of every operation the worker uses validates against the
// response schema the spec declares for its status.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, ghl, slotsQuery, fieldId } from './helpers.js';

let emu;
before(async () => {
  emu = await startEmulator({ contacts: [{ id: 'c1', firstName: 'Ana', phone: '+5215550000001' }] });
});
after(() => emu.stop());

function assertMatchesSpec(operationId, file, res) {
  const operation = emu.spec.findOperation(operationId, file);
  assert.ok(operation, operationId);
  const { checked, errors } = emu.spec.validateResponse(operation, res.status, res.body);
  assert.ok(checked, `${operationId} declares no schema for ${res.status}`);
  assert.deepEqual(errors, [], `${operationId} ${res.status}: ${JSON.stringify(res.body)}`);
}

test('success and error answers match the spec', async () => {
  const SLOT = '2026-12-03T10:00:00-06:00';
  const calls = [
    ['get-contact', 'apps/contacts.json', () => ghl(emu, 'GET', '/contacts/c1'), 200],
    ['get-contact', 'apps/contacts.json', () => ghl(emu, 'GET', '/contacts/nobody'), 400],
    ['get-contact', 'apps/contacts.json', () => ghl(emu, 'GET', '/contacts/c1', { token: 'bad' }), 401],
    ['get-contact', 'apps/contacts.json', () => ghl(emu, 'GET', '/contacts/c1', { version: 'x' }), 422],
    ['update-contact', 'apps/contacts.json', () => ghl(emu, 'PUT', '/contacts/c1', {
      body: { customFields: [{ id: fieldId(emu, 'booking_step'), field_value: 'ask_day' }] },
    }), 200],
    ['update-contact', 'apps/contacts.json', () => ghl(emu, 'PUT', '/contacts/c1', {
      body: { customFields: [{ id: 'unknown', field_value: 'x' }] },
    }), 422],
    ['upsert-contact', 'apps/contacts.json', () => ghl(emu, 'POST', '/contacts/upsert', {
      body: { locationId: 'loc_dev', phone: '+52 1 555 000 0001' },
    }), 200],
    ['upsert-contact', 'apps/contacts.json', () => ghl(emu, 'POST', '/contacts/upsert', {
      body: { locationId: 'loc_dev', phone: '+5215550000077', firstName: 'Nuevo' },
    }), 200],
    ['upsert-contact', 'apps/contacts.json', () => ghl(emu, 'POST', '/contacts/upsert', {
      body: { locationId: 'elsewhere', phone: '+5215550000001' },
    }), 400],
    ['upsert-contact', 'apps/contacts.json', () => ghl(emu, 'POST', '/contacts/upsert', { body: { phone: '+5215550000001' } }), 422],
    ['get-custom-fields', 'apps/locations.json', () => ghl(emu, 'GET', '/locations/loc_dev/customFields?model=contact'), 200],
    ['create-custom-field', 'apps/locations.json', () => ghl(emu, 'POST', '/locations/loc_dev/customFields', {
      body: { name: 'Extra Note', dataType: 'TEXT' },
    }), 201],
    ['create-custom-field', 'apps/locations.json', () => ghl(emu, 'POST', '/locations/loc_dev/customFields', {
      body: { name: 'Extra Note', dataType: 'TEXT' },
    }), 400],
    ['get-slots', 'apps/calendars.json', () => ghl(emu, 'GET', `/calendars/cal_dev/free-slots?${slotsQuery({
      from: '2026-12-01T00:00:00Z', to: '2026-12-08T00:00:00Z', timezone: 'America/Mexico_City',
    })}`), 200],
    ['get-slots', 'apps/calendars.json', () => ghl(emu, 'GET', `/calendars/nope/free-slots?${slotsQuery({
      from: '2026-12-01T00:00:00Z', to: '2026-12-08T00:00:00Z',
    })}`), 400],
    ['create-appointment', 'apps/calendars.json', () => ghl(emu, 'POST', '/calendars/events/appointments', {
      body: { calendarId: 'cal_dev', locationId: 'loc_dev', contactId: 'c1', startTime: SLOT, title: 'Consulta' },
    }), 200],
    ['create-appointment', 'apps/calendars.json', () => ghl(emu, 'POST', '/calendars/events/appointments', {
      body: { calendarId: 'cal_dev', locationId: 'loc_dev', contactId: 'c1', startTime: SLOT },
    }), 400],
    ['create-appointment', 'apps/calendars.json', () => ghl(emu, 'POST', '/calendars/events/appointments', {
      body: { calendarId: 'cal_dev', locationId: 'loc_dev', contactId: 'c1', startTime: SLOT }, token: null,
    }), 401],
    ['edit-appointment', 'apps/calendars.json', () => ghl(emu, 'PUT', `/calendars/events/appointments/${emu.listAppointments()[0].id}`, {
      body: { appointmentStatus: 'cancelled' },
    }), 200],
    ['send-a-new-message', 'apps/conversations.json', () => ghl(emu, 'POST', '/conversations/messages', {
      body: { type: 'WhatsApp', contactId: 'c1', message: 'Hola' },
    }), 200],
    ['send-a-new-message', 'apps/conversations.json', () => ghl(emu, 'POST', '/conversations/messages', {
      body: { type: 'WhatsApp', contactId: 'nobody', message: 'Hola' },
    }), 400],
  ];
  for (const [operationId, file, call, status] of calls) {
    const res = await call();
    assert.equal(res.status, status, `${operationId}: ${JSON.stringify(res.body)}`);
    assertMatchesSpec(operationId, file, res);
  }
  // the emulator checks its own answers too, and found nothing
  assert.deepEqual(emu.responseErrors(), []);
});

test('the scope refusal matches the spec\'s 401', async () => {
  emu.setConfig({ scopes: [] });
  try {
    const res = await ghl(emu, 'POST', '/locations/loc_dev/customFields', { body: { name: 'Other Note', dataType: 'TEXT' } });
    assert.equal(res.status, 401);
    assertMatchesSpec('create-custom-field', 'apps/locations.json', res);
  } finally {
    emu.setConfig({ scopes: null });
  }
});

test('the response check is not vacuous', () => {
  const contact = emu.spec.findOperation('get-contact');
  assert.notDeepEqual(emu.spec.validateResponse(contact, 200, { contact: { id: 5 } }).errors, []);
  const slots = emu.spec.findOperation('get-slots');
  assert.deepEqual(emu.spec.validateResponse(slots, 200, { '2026-12-01': { slots: [] }, traceId: 'x' }).errors, []);
  assert.notDeepEqual(emu.spec.validateResponse(slots, 200, { '2026-12-01': { times: [] } }).errors, []);
  const message = emu.spec.findOperation('send-a-new-message');
  assert.notDeepEqual(emu.spec.validateResponse(message, 200, { conversationId: 'a' }).errors, []);
});
