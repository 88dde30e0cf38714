#!/usr/bin/env bash
# Builds the core to WebAssembly: wasm/dist/booking.mjs + booking.wasm.
# Called by wrangler's [build] command, so `wrangler dev`/`deploy` always
# run the current C++ code.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v emcmake >/dev/null || { echo "emcmake not found: run scripts/setup.sh (apt-get install emscripten)" >&2; exit 1; }
# Debian's emscripten optimizer needs acorn from /usr/share/nodejs.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
started=$SECONDS
echo "==> [wasm 1/2] configuring (the first build also compiles Emscripten's system libraries: about 1 min)"
mkdir -p build-wasm
if ! emcmake cmake -S wasm -B build-wasm -DCMAKE_BUILD_TYPE=Release >build-wasm/configure.log 2>&1; then
  cat build-wasm/configure.log >&2
  echo "wasm configure failed (log: build-wasm/configure.log)" >&2
  exit 1
fi
echo "==> [wasm 2/2] compiling the core ($(ls core/*.cpp | wc -l) C++ files; only changed ones are rebuilt)"
status=0
if [ -t 1 ]; then
  # On a terminal: one line that counts up make's percentage.
  cmake --build build-wasm -j"$(nproc)" 2>&1 | tee build-wasm/build.log | awk '
    match($0, /^\[ *[0-9]+%\]/) {
      pct = substr($0, RSTART + 1, RLENGTH - 2); gsub(/ /, "", pct)
      n = split($NF, parts, "/"); what = parts[n]
      printf "\r  %4s %-50s", pct, substr(what, 1, 50); fflush()
    }
    END { if (pct != "") printf "\r  %4s %-50s\n", pct, "done" }' || status=$?
else
  cmake --build build-wasm -j"$(nproc)" >build-wasm/build.log 2>&1 || status=$?
fi
if [ "$status" -ne 0 ]; then
  cat build-wasm/build.log >&2
  echo "wasm build failed (log: build-wasm/build.log)" >&2
  exit 1
fi
# The core's description, for the Node tools (wasm/description.js).
NODE_PATH= node wasm/describe.mjs
raw=$(stat -c %s wasm/dist/booking.wasm)
gz=$(gzip -9 -c wasm/dist/booking.wasm | wc -c)
echo "==> [wasm] wasm/dist/booking.wasm: $raw bytes raw, $gz bytes gzipped (built in $((SECONDS - started)) s)"
