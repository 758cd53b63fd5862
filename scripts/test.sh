#!/usr/bin/env bash
# Full check: set-up, native tests, release build, end-to-end tests in Chromium.
# Exits non-zero if any step fails. Used by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
# node_modules/.bin: wasm-opt from npm binaryen (see Trunk.toml [tools]).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

step "setup"
bash scripts/setup.sh

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

step "cargo test --workspace"
# (One test also writes the engine's native result fingerprint for the e2e test.)
ENGINE_FINGERPRINT_OUT="$tmp/engine-fingerprint" cargo test --workspace

step "trunk build --release"
trunk build --release

step "dist/"
ls -l dist/
for f in dist/*.wasm; do
  printf '%s: %s bytes, %s bytes gzipped\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done

step "end-to-end tests"
node tests/e2e/serve.mjs dist 0 >"$tmp/serve.log" 2>&1 &
server_pid=$!
base_url=""
for _ in $(seq 1 100); do
  base_url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$tmp/serve.log" || true)"
  [ -n "$base_url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/serve.log"; echo "static server died" >&2; exit 1; }
  sleep 0.1
done
[ -n "$base_url" ] || { cat "$tmp/serve.log"; echo "static server did not start" >&2; exit 1; }
echo "serving dist/ at $base_url"
if [ -s "$tmp/engine-fingerprint" ]; then
  echo "native engine fingerprint: $(cat "$tmp/engine-fingerprint") (the wasm build must match)"
fi

BASE_URL="$base_url" ENGINE_FINGERPRINT="$(cat "$tmp/engine-fingerprint" 2>/dev/null || true)" \
  node --test --test-reporter=spec tests/e2e/*.test.mjs
