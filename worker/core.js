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

// JSON in, JSON out. Strings go through malloc'd memory, not ccall's
// 64 KB stack. A trap kills the instance: the next call starts a fresh one.
export async function runCore(request) {
  corePromise ??= instantiate();
  const core = await corePromise;
  // Lone UTF-16 surrogates (in a message id, a GHL field...) would become
  // \ud800 escapes the core's JSON parser rejects: replace them with U+FFFD.
  const text = JSON.stringify(request, (k, v) => (typeof v === 'string' ? v.toWellFormed() : v));
  const size = core.lengthBytesUTF8(text) + 1;
  const input = core._malloc(size);
  if (!input) throw new Error('core: out of memory');
  try {
    core.stringToUTF8(text, input, size);
    const output = core._booking_handle(input, size - 1);
    if (!output) throw new Error('core: out of memory');
    try {
      return JSON.parse(core.UTF8ToString(output));
    } finally {
      core._free(output);
    }
  } catch (e) {
    corePromise = null;
    throw e;
  } finally {
    try { core._free(input); } catch { /* instance already dead */ }
  }
}
