#!/usr/bin/env bash
# Benchmark: builds the release app, drives it in headless Chromium and prints the browser
# figures (preview latency after an edit, time for 1,000 and 10,000 runs with the default
# worker count and with 1 worker, memory as the run count grows, bytes of the first page
# load), then the native engine benchmark. Takes a few minutes. See docs/performance.md.
#
#   bash scripts/bench.sh              # everything
#   BENCH_NATIVE=0 bash scripts/bench.sh   # browser only
#   BENCH_JSON=out.json bash scripts/bench.sh  # also write the browser figures as JSON
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "trunk build --release"
trunk build --release
for f in dist/*.wasm; do
  printf '%s: %s bytes, %s bytes gzipped\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

step "browser benchmark (headless Chromium, $(nproc) cores)"
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
BASE_URL="$base_url" node tests/bench/bench.mjs

if [ "${BENCH_NATIVE:-1}" != 0 ]; then
  step "native engine benchmark (one core)"
  cargo bench -p sufficiency-engine --bench runs
fi
