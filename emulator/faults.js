// Injected failures, keyed by operationId ("*" matches every operation).
// A fault: {status?, body?, headers?, delayMs?, hang?, lateMs?, rate?, times?}.
//   status (+ body, headers)  answer this instead; the operation is NOT carried out
//   delayMs                   wait before doing anything (a client that gives up
//                             meanwhile gets nothing, and nothing is carried out)
//   hang                      never answer; nothing is carried out
//   lateMs                    carry the operation out at once, then hold the answer
//                             (the real one, or `status`'s) for lateMs: "applied but
//                             answered late"; a client that gives up meanwhile never
//                             learns it worked, but the change stays
//   rate                      apply to that fraction (0 < rate ≤ 1) of the requests
//                             that reach it, drawn from a generator seeded by the
//                             emulator's seed (reset() starts it over)
//   times                     only the next N requests it is applied to; without
//                             it, it stays
// A fault can also come from the emulator option `faultHook` (see README).
import { createHash } from 'node:crypto';

const KNOWN = new Set(['status', 'body', 'headers', 'delayMs', 'hang', 'lateMs', 'rate', 'times']);

// Throws a TypeError naming the problem; `where` names the fault ("fault for get-contact").
export function checkFault(where, fault, { fromHook = false } = {}) {
  if (fault === null || typeof fault !== 'object' || Array.isArray(fault)) {
    throw new TypeError(`${where} must be an object`);
  }
  const unknown = Object.keys(fault).filter((k) => !KNOWN.has(k));
  if (unknown.length) throw new TypeError(`${where}: unknown option(s) ${unknown.join(', ')}`);
  if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
    throw new TypeError(`${where}: status must be an HTTP status code`);
  }
  if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0)) {
    throw new TypeError(`${where}: times must be a positive integer`);
  }
  for (const key of ['delayMs', 'lateMs']) {
    if (fault[key] !== undefined && !(Number.isFinite(fault[key]) && fault[key] >= 0)) {
      throw new TypeError(`${where}: ${key} must be a non-negative number`);
    }
  }
  if (fault.hang !== undefined && typeof fault.hang !== 'boolean') {
    throw new TypeError(`${where}: hang must be true or false`);
  }
  if (fault.hang && fault.lateMs !== undefined) {
    throw new TypeError(`${where}: hang (never answered, not carried out) and lateMs (carried out, answered late) exclude each other`);
  }
  if (fault.rate !== undefined && !(Number.isFinite(fault.rate) && fault.rate > 0 && fault.rate <= 1)) {
    throw new TypeError(`${where}: rate must be a number with 0 < rate <= 1`);
  }
  if (fromHook && (fault.times !== undefined || fault.rate !== undefined)) {
    throw new TypeError(`${where}: times and rate have no meaning for a fault the hook returns for one request`);
  }
}

// A reproducible stream of numbers in [0, 1) from a string seed.
function seededRandom(seed) {
  let n = 0;
  return () => {
    const bytes = createHash('sha256').update(`${seed}:fault-rate:${++n}`).digest();
    return bytes.readUInt32BE(0) / 2 ** 32;
  };
}

export function createFaults({ seed = 'ghl-emulator' } = {}) {
  let faults = new Map();
  let random = seededRandom(seed);

  return {
    // Merges into the current faults; a null value removes that operation's fault.
    set(map) {
      for (const [operationId, fault] of Object.entries(map ?? {})) {
        if (fault !== null) checkFault(`fault for ${operationId}`, fault);
      }
      for (const [operationId, fault] of Object.entries(map ?? {})) {
        if (fault === null) faults.delete(operationId);
        else faults.set(operationId, { ...fault, remaining: fault.times ?? Infinity });
      }
    },
    // Removes every fault and starts the `rate` draws over.
    clear() {
      faults = new Map();
      random = seededRandom(seed);
    },
    // The fault to apply to this request, counting it against `times`. A
    // fault with `rate` that is not drawn lets the request through
    // untouched (and is not counted).
    take(operationId) {
      const key = faults.has(operationId) ? operationId : faults.has('*') ? '*' : null;
      if (key === null) return null;
      const fault = faults.get(key);
      if (fault.rate !== undefined && random() >= fault.rate) return null;
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults.delete(key);
      const { remaining, ...rest } = fault;
      return rest;
    },
    list() {
      const out = {};
      for (const [operationId, { remaining, ...fault }] of faults) {
        out[operationId] = Number.isFinite(remaining) ? { ...fault, times: remaining } : fault;
      }
      return out;
    },
  };
}

// Delays and hangs that end early when the client aborts, and all at once
// when the emulator stops (so no timer keeps the process alive).
export function createWaits() {
  const waiting = new Set();

  return {
    // Resolves {hung: true} when the client aborts or the emulator stops.
    hang(signal) {
      return new Promise((resolve) => {
        const done = () => {
          waiting.delete(done);
          resolve({ hung: true });
        };
        waiting.add(done);
        if (signal?.aborted) done();
        signal?.addEventListener('abort', done, { once: true });
      });
    },
    // Resolves true if the client gave up (or the emulator stopped) first.
    delay(ms, signal) {
      return new Promise((resolve) => {
        const done = (aborted) => {
          clearTimeout(timer);
          waiting.delete(stop);
          resolve(aborted);
        };
        const stop = () => done(true);
        const timer = setTimeout(() => done(false), ms);
        waiting.add(stop);
        if (signal?.aborted) stop();
        signal?.addEventListener('abort', stop, { once: true });
      });
    },
    releaseAll() {
      for (const release of [...waiting]) release();
    },
  };
}
