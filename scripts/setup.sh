#!/usr/bin/env bash
# Idempotent set-up of the build/test toolchain (Debian, run as root or with sudo).
# Fast no-op on a warm machine. Never downloads browsers via playwright.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen = "=..."` pin in Cargo.toml

export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '[setup] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else log "need root for: $*"; return 1; fi
}

# 0. The pinned toolchain (rust-toolchain.toml). The machine's one toolchain is stable
#    1.95.0 and nothing can be downloaded here, so when rustup has no toolchain under the
#    pinned name but stable is that very version, give it the name (from outside the
#    repository, where rust-toolchain.toml does not apply).
pinned="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
if ! (cd / && rustup run "$pinned" rustc --version >/dev/null 2>&1); then
  stable_dir="$(cd / && rustc +stable --print sysroot)"
  if (cd / && rustc +stable --version) | grep -q "^rustc $pinned "; then
    log "naming the installed stable toolchain $pinned"
    ln -sfn "$stable_dir" "$(dirname "$stable_dir")/$pinned-$(cd / && rustc +stable -vV | sed -n 's/^host: //p')"
  else
    log "toolchain $pinned is not installed"; exit 1
  fi
fi

# 1. Rust wasm target (toolchain itself is pre-installed).
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk (0.22 needs a newer rustc than we pin).
if trunk --version 2>/dev/null | grep -q "^trunk 0\.21\."; then
  :
else
  log "installing trunk $TRUNK_VERSION (takes ~10 min)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 3. wasm-bindgen CLI, exactly matching the library version (no --locked: its
#    lockfile does not build with our toolchain).
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 4. Chromium for the end-to-end tests.
if [ ! -x /usr/bin/chromium ]; then
  log "installing chromium via apt"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi
# The printed report's test reads the PDF's text and renders its pages with poppler's tools
# (it falls back to the page's own text without them).
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  log "installing poppler-utils via apt"
  { as_root env DEBIAN_FRONTEND=noninteractive apt-get update \
    && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends poppler-utils; } \
    || log "poppler-utils not installed: the report test checks the page's text instead"
fi

# 5. Node packages: playwright-core (the browser is the apt one above) and binaryen
#    (wasm-opt for Trunk; Debian's binaryen is too old).
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.setup-lock; then
  log "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.setup-lock
fi

# Trunk compares `wasm-opt --version` with Trunk.toml's [tools] wasm_opt.
want_opt="$(sed -n 's/^wasm_opt *= *"\(.*\)"/\1/p' Trunk.toml)"
have_opt="$(node_modules/.bin/wasm-opt --version | sed -n 's/.*(\(version_[0-9]*\)).*/\1/p')"
if [ "$want_opt" != "$have_opt" ]; then
  log "node_modules/.bin/wasm-opt is '$have_opt' but Trunk.toml wants '$want_opt'"; exit 1
fi

log "ok: $(trunk --version), $(wasm-bindgen --version), wasm-opt $have_opt, $(/usr/bin/chromium --version 2>/dev/null | head -n1), node $(node --version)"
