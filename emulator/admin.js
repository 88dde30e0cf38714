// The admin/test API over HTTP, under /_emulator/: the same calls as the
// emulator object's methods, for the playground and the terminal chat.
import { GhlError } from './errors.js';

class Created {
  constructor(body) {
    this.body = body;
  }
}

const ROUTES = [
  ['GET', '/_emulator', (api) => ({ routes: ROUTES.map(([m, p]) => `${m} ${p}`) })],
  ['GET', '/_emulator/config', (api) => api.config()],
  ['PATCH', '/_emulator/config', (api, { body }) => api.setConfig(body)],
  ['POST', '/_emulator/reset', (api) => (api.reset(), { ok: true })],
  ['GET', '/_emulator/custom-fields', (api) => api.listCustomFields()],
  ['GET', '/_emulator/contacts', (api) => api.listContacts()],
  ['POST', '/_emulator/contacts', (api, { body }) => new Created(api.createContact(body ?? {}))],
  ['GET', '/_emulator/contacts/:id', (api, { params }) => api.getContact(params.id)],
  ['GET', '/_emulator/contacts/:id/tags', (api, { params }) => api.getContactTags(params.id)],
  ['GET', '/_emulator/contacts/:id/dnd', (api, { params }) => api.getDnd(params.id)],
  ['GET', '/_emulator/contacts/:id/fields', (api, { params }) => api.getContactFields(params.id)],
  ['PUT', '/_emulator/contacts/:id/fields', (api, { params, body }) => api.setContactFields(params.id, body ?? {})],
  ['GET', '/_emulator/appointments', (api) => api.listAppointments()],
  ['GET', '/_emulator/appointments/:id', (api, { params }) => api.getAppointment(params.id)],
  ['POST', '/_emulator/appointments/:id/move', (api, { params, body }) =>
    api.moveAppointment(params.id, body?.startTime, { endTime: body?.endTime, ignoreFreeSlotValidation: body?.ignoreFreeSlotValidation })],
  ['POST', '/_emulator/appointments/:id/cancel', (api, { params }) => api.cancelAppointment(params.id)],
  ['DELETE', '/_emulator/appointments/:id', (api, { params }) => (api.deleteAppointment(params.id), { ok: true })],
  ['GET', '/_emulator/messages', (api, { query }) => api.listMessages({ contactId: query.get('contactId') ?? undefined })],
  ['GET', '/_emulator/requests', (api) => api.requests()],
  ['GET', '/_emulator/validation-errors', (api) => api.validationErrors()],
  ['GET', '/_emulator/response-errors', (api) => api.responseErrors()],
  ['GET', '/_emulator/faults', (api) => api.faults()],
  ['PUT', '/_emulator/faults', (api, { body }) => (api.setFaults(body ?? {}), api.faults())],
  ['DELETE', '/_emulator/faults', (api) => (api.clearFaults(), api.faults())],
];

// A browser page (the playground) may call these from another origin.
const CORS = {
  'content-type': 'application/json; charset=utf-8',
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

export function isAdminPath(pathname) {
  return pathname === '/_emulator' || pathname.startsWith('/_emulator/');
}

export function handleAdmin(api, { method, pathname, query, rawBody }) {
  if (method === 'OPTIONS') return { status: 204, headers: CORS, body: undefined };
  const path = pathname.replace(/\/+$/, '') || '/';
  for (const [m, pattern, run] of ROUTES) {
    const params = matchPattern(pattern, path);
    if (!params || m !== method) continue;
    try {
      const body = rawBody && rawBody.trim() ? JSON.parse(rawBody) : undefined;
      const out = run(api, { params, query, body });
      if (out instanceof Created) return { status: 201, headers: CORS, body: out.body };
      return { status: 200, headers: CORS, body: out };
    } catch (err) {
      const status = err instanceof GhlError ? err.status : err instanceof SyntaxError || err instanceof TypeError ? 400 : 500;
      return { status, headers: CORS, body: { statusCode: status, message: err.message } };
    }
  }
  return { status: 404, headers: CORS, body: { statusCode: 404, message: `No admin route ${method} ${path}` } };
}

function matchPattern(pattern, path) {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return null;
  const params = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) params[a[i].slice(1)] = decodeURIComponent(b[i]);
    else if (a[i] !== b[i]) return null;
  }
  return params;
}
