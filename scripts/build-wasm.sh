#!/usr/bin/env bash
# Builds the core to WebAssembly: wasm/dist/booking.mjs + booking.wasm.
# Called by wrangler's [build] command, so `wrangler dev`/`deploy` always
# run the current C++ code.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v emcmake >/dev/null || { echo "emcmake not found: run scripts/setup.sh (apt-get install emscripten)" >&2; exit 1; }
# Debian's emscripten optimizer needs acorn from /usr/share/nodejs.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
echo "==> [wasm] configuring (the first build also compiles Emscripten's system libraries: about 1 min)"
emcmake cmake -S wasm -B build-wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
echo "==> [wasm] compiling the core"
if ! cmake --build build-wasm -j"$(nproc)" >build-wasm/build.log 2>&1; then
  cat build-wasm/build.log >&2
  echo "wasm build failed (log: build-wasm/build.log)" >&2
  exit 1
fi
raw=$(stat -c %s wasm/dist/booking.wasm)
gz=$(gzip -9 -c wasm/dist/booking.wasm | wc -c)
echo "==> [wasm] wasm/dist/booking.wasm: $raw bytes raw, $gz bytes gzipped"
