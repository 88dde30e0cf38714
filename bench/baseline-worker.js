// The baseline for bench/e2e-bench.js: the least a Worker can do for one
// WhatsApp message and still make the same GHL calls as ours: the custom
// field map once per isolate, read the contact, free slots (day step) or
// book (time step), save the changed fields, send one reply. No core, no
// text parsing, no signature check, no Durable Object: the message text is
// stored as given, the day step's text is already the date (YYYY-MM-DD)
// and the time step books the first slot offered. Measures what the GHL
// round trips cost by themselves in the same runtime.

const V_CONTACTS = '2021-07-28';
const V_CALENDARS = '2021-04-15';
const V_CONVERSATIONS = '2021-04-15';
const V_LOCATIONS = '2021-07-28';

// Step → [next step, the field the answer goes to, the reply].
const TEXT_STEPS = {
  '': ['name', null, '¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?'],
  name: ['goal', 'customer_name', 'Mucho gusto. ¿Qué objetivos quieres lograr para tu negocio?'],
  goal: ['pain', 'customer_goal', 'Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?'],
  pain: ['budget', 'customer_pain_point', '¿Cuál es tu presupuesto mensual para marketing?'],
  budget: ['email', 'customer_budget', 'Perfecto. ¿Cuál es tu correo electrónico?'],
  email: ['day', 'customer_email', '¿Qué día te gustaría agendar tu llamada? (Martes a Viernes)'],
};

const fieldMaps = new Map();

function ghl(env) {
  const base = env.GHL_API_BASE.replace(/\/+$/, '');
  return async (method, path, version, { query, body } = {}) => {
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(query || {})) url.searchParams.set(k, String(v));
    const headers = { Authorization: `Bearer ${env.GHL_API_TOKEN}`, Version: version, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`GHL ${method} ${path}: ${res.status}`);
    return data;
  };
}

// Concurrent webhooks on a cold isolate share the one request in flight.
function fieldMap(call, env) {
  let map = fieldMaps.get(env.GHL_LOCATION_ID);
  if (!map) {
    map = call('GET', `/locations/${env.GHL_LOCATION_ID}/customFields`, V_LOCATIONS, { query: { model: 'contact' } }).then((data) => {
      const m = { byId: new Map(), byKey: new Map() };
      for (const f of data.customFields || []) {
        const key = String(f.fieldKey || '').replace(/^contact\./, '');
        m.byId.set(f.id, key);
        m.byKey.set(key, f.id);
      }
      return m;
    });
    fieldMaps.set(env.GHL_LOCATION_ID, map);
    map.catch(() => fieldMaps.delete(env.GHL_LOCATION_ID));
  }
  return map;
}

function dayWindow(date) {
  const [y, m, d] = date.split('-').map(Number);
  return { startDate: Date.UTC(y, m - 1, d) - 14 * 3600_000, endDate: Date.UTC(y, m - 1, d + 1) + 12 * 3600_000 };
}

export default {
  async fetch(request, env) {
    if (request.method !== 'POST') return new Response('use POST', { status: 405 });
    const payload = await request.json();
    const contactId = payload.contactId;
    const text = String(payload.body);
    const call = ghl(env);
    try {
      const map = await fieldMap(call, env);
      const contact = (await call('GET', `/contacts/${contactId}`, V_CONTACTS)).contact;
      const state = {};
      for (const f of contact.customFields || []) {
        const key = map.byId.get(f.id);
        if (key) state[key] = f.value;
      }
      const step = state.booking_step || '';
      const updates = { last_interaction: new Date().toISOString(), last_message_id: String(payload.messageId || ''), booking_attempts: '0' };
      let reply;
      if (TEXT_STEPS[step]) {
        const [next, field, text2] = TEXT_STEPS[step];
        updates.booking_step = next;
        if (field) updates[field] = text;
        else updates.language = 'es';
        reply = text2;
      } else if (step === 'day') {
        const data = await call('GET', `/calendars/${env.GHL_CALENDAR_ID}/free-slots`, V_CALENDARS,
          { query: { ...dayWindow(text), timezone: env.BUSINESS_TIMEZONE } });
        const slots = (data[text]?.slots || []).slice(0, 5);
        updates.booking_step = 'time';
        updates.preferred_day = text;
        updates.offered_slots = slots.join(',');
        reply = `Tengo estos horarios disponibles para el ${text}: ${slots.join(', ')}. ¿Cuál prefieres?`;
      } else if (step === 'time') {
        const slot = String(state.offered_slots || '').split(',')[0];
        const appt = await call('POST', '/calendars/events/appointments', V_CALENDARS, {
          body: {
            calendarId: env.GHL_CALENDAR_ID, locationId: env.GHL_LOCATION_ID, contactId, startTime: slot,
            title: `Llamada con ${state.customer_name || ''}`, appointmentStatus: 'confirmed', toNotify: true,
          },
        });
        updates.booking_step = 'scheduled';
        updates.appointment_id = String(appt.id);
        updates.appointment_datetime = slot;
        updates.offered_slots = '';
        reply = `¡Perfecto! Tu cita está confirmada para el ${slot}. Te envié los detalles a ${state.customer_email || ''}`;
      } else {
        reply = 'Tu cita ya está confirmada. ¡Te esperamos!';
      }
      await call('PUT', `/contacts/${contactId}`, V_CONTACTS, {
        body: { customFields: Object.entries(updates).map(([k, v]) => ({ id: map.byKey.get(k), field_value: v })) },
      });
      await call('POST', '/conversations/messages', V_CONVERSATIONS, { body: { type: 'WhatsApp', contactId, message: reply } });
      return Response.json({ step: updates.booking_step, reply });
    } catch (e) {
      return Response.json({ error: String(e.message || e) }, { status: 502 });
    }
  },
};
