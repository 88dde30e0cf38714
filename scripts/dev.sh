#!/usr/bin/env bash
# The README's main command: installs what is missing, then runs the bot
# locally (the GHL emulator, the playground, and wrangler dev wired to them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The emulator reads the core's description (wasm/dist/describe.json) as it starts.
bash scripts/build-wasm.sh
exec node dev/stack.js
