#!/usr/bin/env bash
# Shared helpers for scripts/*.sh. Source it: `source "$(dirname "$0")/lib.sh"`.
# Every ensure_* is idempotent: it prints one line, and installs only what is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

TRUNK_VERSION=0.21.14
WASM_TARGET=wasm32-unknown-unknown

ok() { echo "ok: $*"; }
installing() { echo "installing: $*"; }

ensure_rust_components() {
  local c
  for c in rustfmt clippy; do
    if rustup component list --installed | grep -q "^$c"; then
      ok "rust component $c present"
    else
      installing "rust component $c"; rustup component add "$c"
    fi
  done
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx "$WASM_TARGET"; then
    ok "rust target $WASM_TARGET present"
  else
    installing "rust target $WASM_TARGET"; rustup target add "$WASM_TARGET"
  fi
}

ensure_trunk() {
  if [[ "$(trunk --version 2>/dev/null || true)" == "trunk $TRUNK_VERSION" ]]; then
    ok "trunk $TRUNK_VERSION present"
  else
    installing "trunk $TRUNK_VERSION (cargo install, ~12 min cold)"
    cargo install "trunk@$TRUNK_VERSION" --locked
  fi
}

# The wasm-bindgen version the crate is locked to (Cargo.lock is committed).
wasm_bindgen_lock_version() {
  [[ -f Cargo.lock ]] || { installing "Cargo.lock (cargo generate-lockfile)" >&2; cargo generate-lockfile; }
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local want; want="$(wasm_bindgen_lock_version)"
  [[ -n "$want" ]] || { echo "error: no wasm-bindgen package in Cargo.lock" >&2; return 1; }
  if [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $want" ]] \
     && command -v wasm-bindgen-test-runner >/dev/null; then
    ok "wasm-bindgen-cli $want present"
  else
    # No --locked: with it, resolution fails on a crate version missing here (TOOLCHAIN.md).
    installing "wasm-bindgen-cli $want (cargo install, ~12 min cold)"
    cargo install "wasm-bindgen-cli@$want"
  fi
}

APT_UPDATED=
# Chromium and its driver for browser tests, and a Korean font (fonts-nanum,
# ~10 MB) so Korean text renders in screenshots instead of empty boxes.
ensure_chromium() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] && dpkg -s fonts-nanum >/dev/null 2>&1; then
    ok "chromium + chromedriver present ($(/usr/bin/chromedriver --version | cut -d' ' -f2)), fonts-nanum present"
  else
    installing "chromium chromium-driver fonts-nanum (apt)"
    local sudo=; [[ $(id -u) -eq 0 ]] || sudo=sudo
    [[ -n "$APT_UPDATED" ]] || { $sudo apt-get update -q; APT_UPDATED=1; }
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium chromium-driver fonts-nanum
  fi
}

ensure_node_modules() {
  if [[ -f node_modules/.package-lock.json && ! package-lock.json -nt node_modules/.package-lock.json ]]; then
    ok "node_modules up to date (wasm-opt: $(wasm-opt --version 2>/dev/null || echo missing))"
  else
    installing "node_modules (npm ci: @playwright/test, binaryen)"
    npm ci --no-audit --no-fund
  fi
}

ensure_all() {
  ensure_rust_components
  ensure_wasm_target
  ensure_chromium
  ensure_node_modules
  ensure_trunk
  ensure_wasm_bindgen
}
