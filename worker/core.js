// The WebAssembly core, instantiated once per isolate from the module
// wrangler compiled at deploy time (Workers cannot compile bytes at run time).
import createBookingCore from '../wasm/dist/booking.mjs';
import wasmModule from '../wasm/dist/booking.wasm';

let corePromise = null;

function instantiate() {
  return createBookingCore({
    instantiateWasm(imports, done) {
      const instance = new WebAssembly.Instance(wasmModule, imports);
      done(instance, wasmModule);
      return instance.exports;
    },
    // The ES6 glue would resolve the .wasm against import.meta.url, which
    // is not a URL in Workers; the module is already compiled anyway.
    locateFile: (path) => path,
    print: () => {},
    printErr: () => {},
  });
}

let description = null;

// The core's own description (core/describe.hpp): its state fields with
// their GHL types, its result limit. Asked once per isolate.
export async function describeCore() {
  if (!description) {
    corePromise ??= instantiate();
    const core = await corePromise;
    const output = core._booking_describe();
    if (!output) throw new Error('core: out of memory');
    try {
      description = JSON.parse(core.UTF8ToString(output));
    } finally {
      core._free(output);
    }
  }
  return description;
}

// Lone UTF-16 surrogates (in a message id, a GHL field...) would become
// \ud800 escapes the core's JSON parser rejects: replace them with U+FFFD.
const wellFormed = (k, v) => (typeof v === 'string' ? v.toWellFormed() : v);

// Calls an export that takes one JSON text and answers one. Strings go
// through malloc'd memory, not ccall's 64 KB stack.
function call(core, fn, text) {
  const size = core.lengthBytesUTF8(text) + 1;
  const input = core._malloc(size);
  if (!input) throw new Error('core: out of memory');
  try {
    core.stringToUTF8(text, input, size);
    const output = fn(input, size - 1);
    if (!output) throw new Error('core: out of memory');
    try {
      return JSON.parse(core.UTF8ToString(output));
    } finally {
      core._free(output);
    }
  } finally {
    try { core._free(input); } catch { /* instance already dead */ }
  }
}

// The settings the current instance was configured with: the object last
// seen (a webhook passes the same one to every call) and its JSON text.
let configuredObject = null;
let configured = null;

// JSON in, JSON out. `config` (the deployment's settings, cfg.core) is
// read by the instance once, not with every request; a request without it
// uses the instance's settings as they are. A bad setting answers like a
// bad request: {ok: false, error: 'config', message}. A trap kills the
// instance: the next call starts a fresh one.
export async function runCore(request, config) {
  corePromise ??= instantiate();
  const core = await corePromise;
  try {
    if (config !== undefined && config !== configuredObject) {
      // REPLIES may be kilobytes: serialised once per webhook, not per call.
      const text = JSON.stringify(config, wellFormed);
      if (text !== configured) {
        const answer = call(core, core._booking_configure, text);
        if (!answer.ok) return answer;
        configured = text;
      }
      configuredObject = config;
    }
    return call(core, core._booking_handle, JSON.stringify(request, wellFormed));
  } catch (e) {
    corePromise = null;
    configured = null;
    configuredObject = null;
    throw e;
  }
}
