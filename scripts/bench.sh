#!/usr/bin/env bash
# Runs both benchmarks of issue 5 (README → Performance):
#   1. native: Google Benchmark over the core (bench/core_bench.cpp), Release build
#   2. end to end: the Worker in workerd against the GHL emulator, next to a
#      minimal baseline Worker (bench/e2e-bench.js); builds the WASM core first
# Extra arguments go to the e2e bench, e.g. `npm run bench -- --contacts 100`.
# BENCH_MIN_TIME (seconds per native benchmark, default 0.5) trades time for noise.
set -euo pipefail
cd "$(dirname "$0")/.."
export WRANGLER_SEND_METRICS=false

stage() { printf '\n==> [bench %s] %s\n' "$1" "$2"; }

stage 1/2 "native core (Google Benchmark, Release)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target booking_bench -j"$(nproc)"
build/booking_bench --benchmark_min_time="${BENCH_MIN_TIME:-0.5}"

stage 2/2 "end to end in workerd vs the baseline Worker"
bash scripts/build-wasm.sh
node bench/e2e-bench.js "$@"
