// Injected failures, keyed by operationId ("*" matches every operation).
// A fault: {status?, body?, headers?, delayMs?, hang?, times?}. `times`
// limits it to the next N requests that reach it; without it, it stays.

const KNOWN = new Set(['status', 'body', 'headers', 'delayMs', 'hang', 'times']);

export function createFaults() {
  let faults = new Map();

  function check(operationId, fault) {
    if (fault === null || typeof fault !== 'object' || Array.isArray(fault)) {
      throw new TypeError(`fault for ${operationId} must be an object`);
    }
    const unknown = Object.keys(fault).filter((k) => !KNOWN.has(k));
    if (unknown.length) throw new TypeError(`fault for ${operationId}: unknown option(s) ${unknown.join(', ')}`);
    if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
      throw new TypeError(`fault for ${operationId}: status must be an HTTP status code`);
    }
    if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0)) {
      throw new TypeError(`fault for ${operationId}: times must be a positive integer`);
    }
    if (fault.delayMs !== undefined && !(Number.isFinite(fault.delayMs) && fault.delayMs >= 0)) {
      throw new TypeError(`fault for ${operationId}: delayMs must be a non-negative number`);
    }
  }

  return {
    // Merges into the current faults; a null value removes that operation's fault.
    set(map) {
      for (const [operationId, fault] of Object.entries(map ?? {})) {
        if (fault !== null) check(operationId, fault);
      }
      for (const [operationId, fault] of Object.entries(map ?? {})) {
        if (fault === null) faults.delete(operationId);
        else faults.set(operationId, { ...fault, remaining: fault.times ?? Infinity });
      }
    },
    clear() {
      faults = new Map();
    },
    // The fault to apply to this request, counting it against `times`.
    take(operationId) {
      const key = faults.has(operationId) ? operationId : faults.has('*') ? '*' : null;
      if (key === null) return null;
      const fault = faults.get(key);
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
