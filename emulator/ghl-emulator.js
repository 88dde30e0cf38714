// A local GoHighLevel API: spec-validated requests, a small in-memory
// location, injected faults, and a log of every request. Reachable over HTTP
// (start()) or in-process (fetch() / handle()).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { GhlError, ghlErrorBody } from './errors.js';
import { handleAdmin, isAdminPath } from './admin.js';
import { checkFault, createFaults, createWaits } from './faults.js';
import { handlerFor } from './routes.js';
import { loadSpec } from './spec.js';

export { specScopes } from './spec.js';
import { createStore, normalizeCalendar } from './store.js';
import { toFetch, toNodeListener } from './transport.js';

const DEFAULTS = {
  token: 'dev-token',
  locationId: 'loc_dev',
  autoCreateContacts: false,
  seed: 'ghl-emulator',
  validateResponses: true,
  maxLogEntries: 5000,
  scopes: null,
  faultHook: null,
};

// GHL's answer to a token without the scope an operation needs.
export const SCOPE_REFUSED = Object.freeze({ statusCode: 401, message: 'The token is not authorized for this scope.' });

// options: {token, locationId, calendar | calendars, customFields, contacts,
// autoCreateContacts, now: () => Date, seed, specDir, validateResponses,
// maxLogEntries, quiet, scopes, faultHook}. token null accepts any Bearer
// token; scopes null lets the token call every operation, else it holds
// those scopes only. faultHook(request) → fault | null is asked about every
// request a set fault does not cover (see faults.js, README: Faults).
export function createEmulator(options = {}) {
  const opts = { ...DEFAULTS, ...options };
  const spec = loadSpec(opts.specDir);
  checkScopeList(opts.scopes);
  checkHook(opts.faultHook);
  let faultHook = opts.faultHook;
  const faults = createFaults({ seed: opts.seed });
  const waits = createWaits();
  const fetchIn = toFetch(handle);
  const listener = toNodeListener(handle);
  let log = [];
  let store;
  let settings;
  let server = null;
  let url = null;

  const nowMs = () => (settings.fixedNow ?? (opts.now ? opts.now().getTime() : Date.now()));

  function reset() {
    settings = {
      token: opts.token,
      scopes: opts.scopes == null ? null : [...opts.scopes],
      autoCreateContacts: !!opts.autoCreateContacts,
      fixedNow: null,
    };
    const calendars = (opts.calendars ?? [opts.calendar ?? {}]).map(normalizeCalendar);
    store = createStore({
      locationId: opts.locationId,
      calendars,
      customFields: opts.customFields,
      seed: opts.seed,
      nowMs,
    });
    for (const contact of opts.contacts ?? []) store.createContact(contact);
    log = [];
    faults.clear();
    faultHook = opts.faultHook;
  }
  reset();

  // --- the GHL API -------------------------------------------------------------

  // req: {method, url (path and query, or absolute), headers, body (string), signal}
  // → {status, headers, body} or {hung: true} when the client gave up first.
  async function handle(req) {
    const method = req.method.toUpperCase();
    const target = new URL(req.url, 'http://emulator.invalid');
    const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    if (isAdminPath(target.pathname)) {
      return handleAdmin(api, { method, pathname: target.pathname, query: target.searchParams, rawBody: req.body });
    }

    const started = performance.now();
    const entry = {
      at: new Date(nowMs()).toISOString(),
      method,
      path: target.pathname,
      query: Object.fromEntries(target.searchParams),
      operationId: null,
      status: null,
      ms: 0,
      valid: true,
      errors: [],
    };
    if (req.body) entry.body = parseOrRaw(req.body);
    record(entry);
    const finish = (result) => {
      entry.ms = Math.round((performance.now() - started) * 10) / 10;
      if (result.hung) entry.hung = true;
      else entry.status = result.status;
      return result;
    };

    const match = spec.match(method, target.pathname);
    if (!match) {
      entry.valid = false;
      entry.errors = [`no operation in the GHL spec matches ${method} ${target.pathname}`];
      return finish(reply(404, ghlErrorBody(404, `Cannot ${method} ${target.pathname}`)));
    }
    const { operation } = match;
    entry.operationId = operation.operationId;

    const checked = spec.validateRequest(operation, {
      params: match.params,
      query: target.searchParams,
      headers,
      rawBody: req.body,
    });
    const authError = operation.bearer ? checkBearer(headers.authorization) : null;
    const errors = [...new Set([...(authError ? [authError] : []), ...checked.errors])];
    if (errors.length) {
      entry.valid = false;
      entry.errors = errors;
    }
    if (authError) return finish(reply(401, ghlErrorBody(401, 'Invalid JWT')));
    // GHL checks scopes (a guard) before it validates the body (a pipe), so
    // a token without the scope gets 401 even for a bad body. A refusal on
    // its own is a valid request answered as GHL would: it is logged with
    // the scopes missing, and the request counts as invalid only if it also
    // broke the spec.
    const scopeCheck = spec.checkScopes(operation, settings.scopes);
    if (!scopeCheck.allowed) {
      entry.missingScopes = scopeCheck.missing;
      return finish(reply(401, { ...SCOPE_REFUSED }));
    }
    if (errors.length) return finish(reply(422, ghlErrorBody(422, errors)));

    const handler = handlerFor(operation);
    if (!handler) {
      return finish(reply(501, ghlErrorBody(501, `The GHL emulator does not implement ${operation.operationId}`)));
    }

    // A set fault first; else the hook's, if there is a hook.
    let fault = faults.take(operation.operationId);
    if (!fault && faultHook) {
      try {
        fault = faultHook({
          operationId: operation.operationId,
          method,
          path: target.pathname,
          params: { ...match.params },
          query: Object.fromEntries(target.searchParams),
          body: checked.body === undefined ? undefined : copy(checked.body),
        }) ?? null;
        if (fault) checkFault(`faultHook's fault for ${operation.operationId}`, fault, { fromHook: true });
      } catch (err) {
        if (!opts.quiet) console.error('[ghl-emulator] faultHook:', err);
        entry.hookError = String(err?.message ?? err);
        return finish(reply(500, ghlErrorBody(500, `emulator faultHook error: ${entry.hookError}`)));
      }
      if (fault) entry.faultFromHook = true;
    }
    const errorReply = (f) =>
      reply(f.status, f.body ?? ghlErrorBody(f.status, http.STATUS_CODES[f.status] ?? 'Error'), f.headers);
    if (fault) {
      entry.fault = fault;
      if (fault.hang) return finish(await waits.hang(req.signal));
      if (fault.delayMs) {
        const aborted = await waits.delay(fault.delayMs, req.signal);
        if (aborted) return finish({ hung: true });
      }
      // Without lateMs a status replaces the operation: nothing is carried out.
      if (fault.status !== undefined && fault.lateMs === undefined) return finish(errorReply(fault));
    }

    const result = run(operation, handler, checked, entry);
    if (fault?.lateMs !== undefined) {
      // Applied but answered late: the change is made now; the answer (the
      // real one, or the fault's status) only after lateMs, to a client that
      // may have given up by then.
      entry.applied = true;
      entry.appliedStatus = result.status;
      const aborted = await waits.delay(fault.lateMs, req.signal);
      if (aborted) return finish({ hung: true });
      if (fault.status !== undefined) return finish(errorReply(fault));
    }
    return finish(reply(result.status, result.body, result.headers));
  }

  // Carries out a spec-valid request: {status, body, headers}.
  function run(operation, handler, checked, entry) {
    let result;
    try {
      result = handler({ store, config: settings, params: checked.params, query: checked.query, body: checked.body });
    } catch (err) {
      if (!(err instanceof GhlError)) {
        if (!opts.quiet) console.error('[ghl-emulator]', err);
        return { status: 500, body: ghlErrorBody(500, `emulator error: ${err.message}`) };
      }
      result = { status: err.status, body: err.body, headers: err.headers };
      // The emulator's own strictness checks (quirks.js STRICT) answer 422
      // and count as invalid requests, like spec violations.
      if (err.status === 422) {
        entry.valid = false;
        entry.errors = [].concat(err.body.message);
      }
    }
    if (opts.validateResponses) {
      const { errors: responseErrors } = spec.validateResponse(operation, result.status, result.body);
      if (responseErrors.length) entry.responseErrors = responseErrors;
    }
    return result;
  }

  function checkBearer(value) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
    if (!m) return 'header Authorization must be "Bearer <token>"';
    if (settings.token != null && m[1] !== settings.token) return 'header Authorization: token is not the emulator\'s token';
    return null;
  }

  function record(entry) {
    log.push(entry);
    if (log.length > opts.maxLogEntries) log.splice(0, log.length - opts.maxLogEntries);
  }

  async function start(port = 0, host = '127.0.0.1') {
    if (server) throw new Error('emulator already started');
    server = http.createServer((req, res) => {
      listener(req, res).catch((err) => {
        if (!opts.quiet) console.error('[ghl-emulator]', err);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(ghlErrorBody(500, 'emulator error')));
      });
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
    const address = server.address();
    url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    return url;
  }

  async function stop() {
    waits.releaseAll();
    if (!server) return;
    const s = server;
    server = null;
    url = null;
    s.closeAllConnections();
    await new Promise((resolve) => s.close(() => resolve()));
  }

  // --- admin / test API --------------------------------------------------------

  function contactOr404(id) {
    const contact = store.getContact(id);
    if (!contact) throw new GhlError(404, `Contact ${id} not found`);
    return contact;
  }

  const copy = (value) => JSON.parse(JSON.stringify(value));

  function appointmentOr404(id) {
    const appt = store.getAppointment(id);
    if (!appt) throw new GhlError(404, `Appointment ${id} not found`);
    return appt;
  }

  // What the business does in GHL's own UI: carried out on the store
  // directly, so, like the other admin calls, not in the request log. The
  // rules are edit-appointment's: a move onto a taken slot (or one the
  // calendar does not offer) is refused with its 400, unless
  // ignoreFreeSlotValidation.
  function adminEdit(id, body) {
    appointmentOr404(id);
    return { ...store.editAppointment(id, body) };
  }

  const api = {
    get url() {
      return url;
    },
    spec,
    start,
    stop,
    handle,
    fetch: fetchIn,
    listener,
    reset,
    now: () => new Date(nowMs()),

    createContact: (input = {}) => {
      const { customFields, ...rest } = input;
      if (customFields !== undefined && (customFields === null || typeof customFields !== 'object' || Array.isArray(customFields))) {
        throw new TypeError('customFields must be an object {key: value}');
      }
      return store.contactView(store.createContact({ ...rest, customFields }));
    },
    getContact: (id) => store.contactView(contactOr404(id)),
    // The contact's tags as stored (lower-cased), in the order added.
    getContactTags: (id) => [...contactOr404(id).tags],
    // {dnd, dndSettings: {channel: {status, message?, code?}}} ({} when none).
    getDnd: (id) => {
      const c = contactOr404(id);
      return { dnd: !!c.dnd, dndSettings: copy(c.dndSettings) };
    },
    listContacts: () => [...store.contacts.values()].map(store.contactView),
    getContactFields: (id) => store.fieldMap(contactOr404(id)),
    setContactFields: (id, values) => {
      if (values === null || typeof values !== 'object' || Array.isArray(values)) {
        throw new TypeError('fields must be an object {key: value}');
      }
      const contact = contactOr404(id);
      store.setFieldValues(contact, values);
      return store.fieldMap(contact);
    },
    listCustomFields: () => copy(store.listFields()),
    listAppointments: () => store.listAppointments(),
    getAppointment: (id) => ({ ...appointmentOr404(id) }),
    // options: {endTime?, ignoreFreeSlotValidation?}. Without endTime the
    // appointment gets the calendar's slot length.
    moveAppointment: (id, startTime, options = {}) => {
      if (typeof startTime !== 'string') throw new TypeError('startTime must be an ISO date string with an offset');
      const { endTime, ignoreFreeSlotValidation } = options ?? {};
      return adminEdit(id, { startTime, endTime, ignoreFreeSlotValidation });
    },
    cancelAppointment: (id) => adminEdit(id, { appointmentStatus: 'cancelled' }),
    deleteAppointment: (id) => {
      appointmentOr404(id);
      store.deleteAppointment(id);
    },
    listMessages: (filter = {}) => store.listMessages(filter),

    requests: () => copy(log),
    validationErrors: () => copy(log.filter((e) => !e.valid)),
    responseErrors: () => copy(log.filter((e) => e.responseErrors)),

    setFaults: (map) => faults.set(map),
    clearFaults: () => faults.clear(),
    // JS only: fn(request) → fault | null, or null for none; reset() goes
    // back to the option's hook.
    setFaultHook: (fn) => {
      checkHook(fn);
      faultHook = fn ?? null;
    },
    faults: () => copy(faults.list()),

    config: () => ({
      url,
      token: settings.token,
      scopes: settings.scopes == null ? null : [...settings.scopes],
      locationId: store.locationId,
      autoCreateContacts: settings.autoCreateContacts,
      now: new Date(nowMs()).toISOString(),
      clockFixed: settings.fixedNow !== null,
      calendars: copy([...store.calendars.values()]),
      customFields: copy(store.listFields()),
    }),
    // {autoCreateContacts?, token?, scopes?: [scope] | null, now?: ISO | null,
    // calendar?: {id?, ...}}. reset() goes back to the options the emulator
    // was created with.
    setConfig: (patch = {}) => {
      if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) throw new TypeError('config must be an object');
      const known = ['autoCreateContacts', 'token', 'scopes', 'now', 'calendar'];
      const unknown = Object.keys(patch).filter((k) => !known.includes(k));
      if (unknown.length) throw new TypeError(`unknown config key(s): ${unknown.join(', ')}`);
      checkScopeList(patch.scopes);
      if (patch.now !== undefined) {
        const ms = patch.now === null ? null : Date.parse(patch.now);
        if (Number.isNaN(ms)) throw new TypeError(`now must be an ISO date or null`);
        settings.fixedNow = ms;
      }
      if (patch.calendar) {
        const id = patch.calendar.id ?? [...store.calendars.keys()][0];
        const current = store.calendars.get(id);
        if (!current) throw new GhlError(404, `Calendar ${id} not found`);
        Object.assign(current, normalizeCalendar({ ...current, ...patch.calendar }));
      }
      if (patch.autoCreateContacts !== undefined) settings.autoCreateContacts = !!patch.autoCreateContacts;
      if (patch.token !== undefined) settings.token = patch.token;
      if (patch.scopes !== undefined) {
        settings.scopes = patch.scopes === null ? null : [...patch.scopes];
      }
      return api.config();
    },
  };
  return api;
}

function checkHook(fn) {
  if (fn !== null && fn !== undefined && typeof fn !== 'function') {
    throw new TypeError('faultHook must be a function (request) => fault | null, or null');
  }
}

// Any scope strings are accepted, not only those the specs name: a real
// token's list holds scopes of APIs the emulator does not load.
function checkScopeList(scopes) {
  if (scopes === null || scopes === undefined) return;
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string' && s !== '')) {
    throw new TypeError('scopes must be a list of scope strings, or null for every scope');
  }
}

function reply(status, body, headers = {}) {
  return { status, body, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
}

function parseOrRaw(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
