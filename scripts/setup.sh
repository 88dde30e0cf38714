#!/usr/bin/env bash
# Installs what this project needs and the machine lacks: Debian packages
# (the toolchain) and npm packages (wrangler, the emulator's validator,
# playwright-core). Safe to run again: it only installs what is missing.
#   scripts/setup.sh            everything
#   scripts/setup.sh --native   only what the native C++ build needs
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> [setup %s] %s\n' "$1" "$2"; }

native_pkgs=(g++ cmake make googletest libgtest-dev libbenchmark-dev nlohmann-json3-dev libfmt-dev)
full_pkgs=("${native_pkgs[@]}" emscripten clang libclang-rt-14-dev chromium)
pkgs=("${full_pkgs[@]}")
[ "${1:-}" = "--native" ] && pkgs=("${native_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

step 1/2 "Debian packages"
if [ ${#missing[@]} -eq 0 ]; then
  echo "all ${#pkgs[@]} present"
else
  echo "installing ${#missing[@]} missing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  echo "apt-get update (about 10 s)..."
  $sudo apt-get update -qq
  # Each package is unpacked, then set up: two steps each.
  total=$($sudo apt-get install -s -qq "${missing[@]}" 2>/dev/null | grep -c '^Inst ' || true)
  echo "apt-get install: ${total:-?} packages with their dependencies (emscripten and chromium are large: a few minutes on a fresh machine)..."
  $sudo apt-get install -y -qq -o Dpkg::Progress-Fancy=0 "${missing[@]}" \
    | { grep --line-buffered -E '^(Unpacking|Setting up)' || true; } \
    | awk -v total="$(( ${total:-0} * 2 ))" '{
        n++
        if (total > 0) printf "\r  %d/%d package steps (%d%%)", n, total, (n > total ? 100 : 100 * n / total)
        else printf "\r  %d package steps done", n
        fflush()
      } END { if (n) print "" }'
fi

[ "${1:-}" = "--native" ] && exit 0

step 2/2 "npm packages"
if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "node_modules up to date"
else
  echo "npm ci (wrangler brings workerd, about 100 MB)..."
  WRANGLER_SEND_METRICS=false npm ci --no-audit --no-fund --loglevel=error
fi
echo "setup done"
