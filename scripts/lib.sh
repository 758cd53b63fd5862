# Shared by scripts/test.sh and scripts/bench.sh (sourced, not run): PATH, step headings,
# a temporary directory cleaned up on exit, and the static server for dist/ on 127.0.0.1.

# node_modules/.bin: wasm-opt from npm binaryen (see Trunk.toml [tools]).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# Print the gzip size of each wasm file in dist/.
wasm_sizes() {
  for f in dist/*.wasm; do
    printf '%s: %s bytes, %s bytes gzipped\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
  done
}

# Serve dist/ on a free 127.0.0.1 port; sets base_url and server_pid.
start_dist_server() {
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
}
