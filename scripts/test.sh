#!/usr/bin/env bash
# Runs every test: the README's test command, and what CI runs.
# Installs what is missing first (scripts/setup.sh), then:
#   1. native core: build + GoogleTest (ctest)
#   2. fuzz: libFuzzer over the core's JSON entry point, bounded time
#   3. WebAssembly build of the core
#   4. GHL emulator tests and the protocol schema's own tests (node --test)
#   5. end-to-end tests: the Worker in workerd (Miniflare) against the emulator
#   6. chaos run, bounded: GHL failing 15 % of calls, every exactly-once invariant
#   7. browser test: the playground in headless Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
export WRANGLER_SEND_METRICS=false

bash scripts/setup.sh

stage() { printf '\n==> [test %s] %s\n' "$1" "$2"; }

stage 1/7 "native core (GoogleTest)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)" | tail -n 5

stage 2/7 "fuzzing the JSON entry point (${FUZZ_SECONDS:=30} s)"
bash scripts/fuzz.sh "$FUZZ_SECONDS"

stage 3/7 "WebAssembly build"
bash scripts/build-wasm.sh

stage 4/7 "GHL emulator and the core's protocol schema"
node --test tests/emulator/ tests/schema/

stage 5/7 "end to end in workerd"
node --test --test-concurrency=1 tests/e2e/

stage 6/7 "chaos run, bounded (tests/chaos/README.md)"
node --test tests/chaos/

stage 7/7 "browser playground"
if ls tests/browser/*.test.js >/dev/null 2>&1; then
  node --test tests/browser/
else
  echo "no browser tests yet"
fi

printf '\nAll tests passed.\n'
