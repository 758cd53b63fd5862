#!/usr/bin/env bash
# Dev server: http://127.0.0.1:8080/ (release build; pass --dev for a debug build).
# Extra arguments go to `trunk serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# node_modules/.bin: wasm-opt from npm binaryen (see Trunk.toml [tools]).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

profile=(--release)
if [ "${1:-}" = "--dev" ]; then profile=(); shift; fi
exec trunk serve "${profile[@]}" --address 127.0.0.1 --port 8080 "$@"
