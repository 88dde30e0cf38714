#!/usr/bin/env node
// Writes wasm/dist/describe.json: the built core's own description
// (core/describe.hpp: its state fields and their GHL types, its result
// limit), for the Node tools that must agree with it (the GHL emulator,
// `npm run ghl:setup`). Run by scripts/build-wasm.sh after each build.
import fs from 'node:fs';
import createBookingCore from './dist/booking.mjs';

const module = new WebAssembly.Module(fs.readFileSync(new URL('./dist/booking.wasm', import.meta.url)));
const core = await createBookingCore({
  instantiateWasm(imports, done) {
    const instance = new WebAssembly.Instance(module, imports);
    done(instance, module);
    return instance.exports;
  },
  locateFile: (p) => p,
  print: () => {},
  printErr: () => {},
});
const ptr = core._booking_describe();
const description = JSON.parse(core.UTF8ToString(ptr));
core._free(ptr);
fs.writeFileSync(new URL('./dist/describe.json', import.meta.url), `${JSON.stringify(description, null, 2)}\n`);
