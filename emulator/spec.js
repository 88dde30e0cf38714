// Loads GHL's OpenAPI documents, routes a request to its operation and
// validates requests and responses against them with Ajv. Each document is
// registered whole under a URL that mirrors its place in the folder, so the
// specs' relative $refs (../common/common-schemas.json#/...) resolve as
// written; validators are $refs (JSON pointers) into those documents.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { applyQuirks, STRICT } from './quirks.js';

export const APP_FILES = [
  'apps/contacts.json',
  'apps/locations.json',
  'apps/conversations.json',
  'apps/calendars.json',
  'apps/custom-fields.json',
];
const FILES = [...APP_FILES, 'common/common-schemas.json'];
const BASE = 'https://ghl-openapi.invalid/';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function defaultSpecDir() {
  return process.env.GHL_OPENAPI_DIR || path.resolve(repoRoot, '../shared/ghl-openapi');
}

const cache = new Map();

// Compiled validators are kept per folder: every emulator in a test run
// shares them, and compiling is the slow part.
export function loadSpec(dir = defaultSpecDir()) {
  const key = path.resolve(dir);
  if (!cache.has(key)) cache.set(key, buildSpec(key));
  return cache.get(key);
}

function buildSpec(dir) {
  const docs = {};
  for (const file of FILES) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) {
      throw new Error(`GHL OpenAPI spec not found at ${full} (set GHL_OPENAPI_DIR)`);
    }
    const doc = JSON.parse(fs.readFileSync(full, 'utf8'));
    if (!/^3\.0\./.test(doc.openapi ?? '')) {
      throw new Error(`${file}: expected OpenAPI 3.0.x, found ${doc.openapi}`);
    }
    docs[file] = doc;
  }
  applyQuirks(docs);

  // Parameters arrive as strings and need coercing to their declared types;
  // bodies and responses are JSON and must match without any coercion.
  const ajvParams = makeAjv({ coerceTypes: 'array' });
  const ajvJson = makeAjv({});
  for (const file of FILES) {
    ajvParams.addSchema(docs[file], BASE + file);
    ajvJson.addSchema(docs[file], BASE + file);
  }

  const operations = [];
  for (const file of APP_FILES) {
    const doc = docs[file];
    for (const [route, item] of Object.entries(doc.paths ?? {})) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const segments = splitPath(route);
        operations.push({
          operationId: op.operationId,
          method: method.toUpperCase(),
          route,
          file,
          op,
          segments,
          literals: segments.filter((s) => !s.startsWith('{')).length,
          pointer: ['paths', route, method],
          bearer: needsBearer(doc, op),
          scopes: scopeAlternatives(doc, op),
        });
      }
    }
  }
  // Literal segments win over parameters (/contacts/search before /contacts/{id}).
  operations.sort((a, b) => b.literals - a.literals);
  const scopes = [...new Set(operations.flatMap((o) => (o.scopes ?? []).flat()))].sort();

  const compiled = new Map();
  // Schemas are built by a thunk, on first use only.
  const compile = (ajv, cacheKey, build) => {
    if (!compiled.has(cacheKey)) compiled.set(cacheKey, ajv.compile(build()));
    return compiled.get(cacheKey);
  };
  const ref = (file, pointer) => ({ $ref: BASE + file + '#' + encodePointer(pointer) });

  function match(method, pathname) {
    const parts = splitPath(pathname);
    for (const operation of operations) {
      if (operation.method !== method) continue;
      const params = matchSegments(operation.segments, parts);
      if (params) return { operation, params };
    }
    return null;
  }

  function paramValidator(operation, where) {
    const { file, op, pointer } = operation;
    return compile(ajvParams, `${operation.file} ${operation.method} ${operation.route} ${where}`, () => {
      const properties = {};
      const required = [];
      (op.parameters ?? []).forEach((p, i) => {
        if (p.in !== where) return;
        properties[p.name] = p.schema ? ref(file, [...pointer, 'parameters', i, 'schema']) : {};
        if (p.required || where === 'path') required.push(p.name);
      });
      const closed = where === 'query' && STRICT.unknownQueryParams;
      return { type: 'object', properties, required, additionalProperties: !closed };
    });
  }

  function bodySchema(operation) {
    const content = operation.op.requestBody?.content ?? {};
    const json = Object.keys(content).find((type) => /json/.test(type));
    return json ? { json, required: !!operation.op.requestBody.required } : null;
  }

  // req: {params, query: URLSearchParams, headers: lowercase-keyed object, rawBody}
  // → {errors: string[], params, query, headers, body}
  function validateRequest(operation, req) {
    const errors = [];
    const declared = (where) => (operation.op.parameters ?? []).filter((p) => p.in === where);

    const params = { ...req.params };
    const query = {};
    for (const name of new Set(req.query.keys())) {
      const p = declared('query').find((d) => d.name === name);
      const values = req.query.getAll(name);
      query[name] = p?.schema?.type === 'array' || values.length > 1 ? values : values[0];
    }
    const headers = {};
    for (const p of declared('header')) {
      const value = req.headers[p.name.toLowerCase()];
      if (value !== undefined) headers[p.name] = value;
    }
    for (const [where, data] of [['path', params], ['query', query], ['header', headers]]) {
      const validate = paramValidator(operation, where);
      if (!validate(data)) errors.push(...validate.errors.map((e) => describe(where, e)));
    }

    let body;
    const spec = bodySchema(operation);
    if (spec) {
      const raw = req.rawBody ?? '';
      const type = req.headers['content-type'] ?? '';
      if (raw.trim() === '') {
        if (spec.required) errors.push('body is required');
      } else if (!/json/i.test(type)) {
        errors.push(`body must be sent as application/json (content-type was "${type}")`);
      } else {
        try {
          body = JSON.parse(raw);
        } catch (err) {
          errors.push(`body is not valid JSON: ${err.message}`);
        }
        if (body !== undefined) {
          const { file, pointer } = operation;
          const key = `${file} ${operation.method} ${operation.route} body`;
          const validate = compile(ajvJson, key, () =>
            ref(file, [...pointer, 'requestBody', 'content', spec.json, 'schema']));
          if (!validate(body)) errors.push(...validate.errors.map((e) => describe('body', e)));
        }
      }
    }
    return { errors, params, query, headers, body };
  }

  // → {checked: false} when the spec declares no JSON schema for that status.
  function validateResponse(operation, status, body) {
    const { file, op, pointer } = operation;
    const code = op.responses?.[String(status)] ? String(status) : op.responses?.default ? 'default' : null;
    const content = code && op.responses[code].content;
    const json = content && Object.keys(content).find((type) => /json/.test(type));
    if (!json || !content[json].schema) return { checked: false, errors: [] };
    const key = `${file} ${operation.method} ${operation.route} response ${code}`;
    const validate = compile(ajvJson, key, () =>
      ref(file, [...pointer, 'responses', code, 'content', json, 'schema']));
    const ok = validate(body);
    return { checked: true, errors: ok ? [] : validate.errors.map((e) => describe('response', e)) };
  }

  function findOperation(operationId, file) {
    return operations.find((o) => o.operationId === operationId && (!file || o.file === file));
  }

  // Whether a token holding `granted` (a list of scopes; null = every scope)
  // may call the operation: one of the security alternatives the spec lists
  // must be covered entirely. → {allowed, missing: scopes of the alternatives
  // not held}.
  function checkScopes(operation, granted) {
    if (granted == null || operation.scopes == null) return { allowed: true, missing: [] };
    const held = new Set(granted);
    const allowed = operation.scopes.some((alt) => alt.every((s) => held.has(s)));
    const missing = allowed ? [] : [...new Set(operation.scopes.flat().filter((s) => !held.has(s)))];
    return { allowed, missing };
  }

  return { dir, docs, operations, scopes, match, validateRequest, validateResponse, findOperation, checkScopes };
}

function makeAjv(options) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false, ...options });
  addFormats(ajv);
  // OpenAPI's numeric and binary formats are annotations, not checks.
  for (const name of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) {
    ajv.addFormat(name, true);
  }
  return ajv;
}

function needsBearer(doc, op) {
  const requirements = op.security ?? doc.security ?? [];
  const schemes = doc.components?.securitySchemes ?? {};
  return requirements.some((req) =>
    Object.keys(req).some((name) => schemes[name]?.type === 'http' && /^bearer$/i.test(schemes[name].scheme)));
}

// The OAuth scopes an operation accepts, as its `security` alternatives
// (OpenAPI: any one requirement object, all of whose scopes are needed):
// [{"bearer": ["contacts.write"]}] → [["contacts.write"]]. null when the
// operation needs no bearer token; an empty alternative ({"bearer": []})
// needs no scope.
function scopeAlternatives(doc, op) {
  if (!needsBearer(doc, op)) return null;
  const schemes = doc.components?.securitySchemes ?? {};
  return (op.security ?? doc.security ?? [])
    .filter((req) => Object.keys(req).every((name) => schemes[name]?.type === 'http'))
    .map((req) => [...new Set(Object.values(req).flat())]);
}

// Every scope the specs' operations name, sorted.
export function specScopes(dir) {
  return [...loadSpec(dir).scopes];
}

function splitPath(p) {
  return p.split('/').filter(Boolean);
}

function matchSegments(pattern, parts) {
  if (pattern.length !== parts.length) return null;
  const params = {};
  for (let i = 0; i < pattern.length; i++) {
    const seg = pattern[i];
    if (seg.startsWith('{') && seg.endsWith('}')) {
      let value;
      try {
        value = decodeURIComponent(parts[i]);
      } catch {
        return null;
      }
      params[seg.slice(1, -1)] = value;
    } else if (seg !== parts[i]) {
      return null;
    }
  }
  return params;
}

function encodePointer(parts) {
  return parts
    .map((p) => '/' + encodeURIComponent(String(p).replace(/~/g, '~0').replace(/\//g, '~1')))
    .join('');
}

function describe(where, e) {
  const at = e.instancePath ? `${where} ${e.instancePath.slice(1).replace(/\//g, '.')}` : where;
  let text = `${at} ${e.message}`;
  if (e.keyword === 'additionalProperties') text += `: '${e.params.additionalProperty}'`;
  if (e.keyword === 'enum') text += `: ${e.params.allowedValues.join(', ')}`;
  return text;
}
