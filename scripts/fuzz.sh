#!/usr/bin/env bash
# Builds the libFuzzer target (clang, with ASan + UBSan) and runs it over
# the core's JSON entry point for a bounded time: scripts/fuzz.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBOOKING_FUZZ=ON -DBOOKING_TESTS=OFF -DBOOKING_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target booking_fuzz >/dev/null
work=build-fuzz/corpus
mkdir -p "$work"
# Seeds stay in git; what the fuzzer finds stays in the build directory.
log=build-fuzz/fuzz.log
if ! build-fuzz/booking_fuzz "$work" tests/fuzz/corpus -max_total_time="$seconds" -max_len=8192 \
  -print_final_stats=1 >"$log" 2>&1; then
  tail -n 60 "$log" >&2
  echo "fuzzing found a crash (log: $log)" >&2
  exit 1
fi
grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || tail -n 3 "$log"
