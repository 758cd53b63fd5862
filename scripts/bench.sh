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
source scripts/lib.sh

step "setup"
bash scripts/setup.sh

step "trunk build --release"
trunk build --release
wasm_sizes

step "browser benchmark (headless Chromium, $(nproc) cores)"
start_dist_server
BASE_URL="$base_url" node tests/bench/bench.mjs

if [ "${BENCH_NATIVE:-1}" != 0 ]; then
  step "native engine benchmark (one core)"
  cargo bench -p sufficiency-engine --bench runs
fi
