#!/usr/bin/env bash
# Full check: set-up, native tests, release build, end-to-end tests in Chromium.
# Exits non-zero if any step fails. Used by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

step "setup"
bash scripts/setup.sh

step "lint gate: fmt, clippy (native and wasm), rustdoc, all warnings as errors"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p sufficiency --lib --bins --target wasm32-unknown-unknown -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --document-private-items

step "cargo test --workspace"
# (One test also writes the engine's native result fingerprint for the e2e test.)
ENGINE_FINGERPRINT_OUT="$tmp/engine-fingerprint" cargo test --workspace

step "trunk build --release"
trunk build --release

step "dist/"
ls -l dist/
wasm_sizes

step "end-to-end tests"
start_dist_server
# The comparison of wasm against native must be made: no fingerprint, no pass.
if [ ! -s "$tmp/engine-fingerprint" ]; then
  echo "cargo test wrote no native engine fingerprint: the browser check cannot be made" >&2
  exit 1
fi
echo "native engine fingerprint: $(cat "$tmp/engine-fingerprint") (the wasm build must match)"

BASE_URL="$base_url" ENGINE_FINGERPRINT="$(cat "$tmp/engine-fingerprint" 2>/dev/null || true)" \
  node --test --test-reporter=spec tests/e2e/*.test.mjs
