#!/usr/bin/env bash
# Runs every test, failing fast; CI calls it through .ci/run. Works the same locally.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

START=$SECONDS PASSED=0
stage() {  # stage "name" command...
  local name=$1; shift
  echo; echo "==== [$((PASSED + 1))] $name"; echo "==== \$ $*"
  local t=$SECONDS
  if "$@"; then
    PASSED=$((PASSED + 1)); echo "==== ok: $name ($((SECONDS - t)) s)"
  else
    echo; echo "==== FAILED: $name ($((SECONDS - t)) s)" >&2
    echo "stages: $PASSED passed, 1 failed"
    exit 1
  fi
}

# The engine must build without any browser crate.
engine_isolation() {
  local tree found
  tree=$(cargo tree --no-default-features -e normal --prefix none) || return 1
  found=$(grep -Eo '^(yew|web-sys|js-sys|wasm-bindgen|gloo)[a-z0-9_-]* v[^ ]+' <<<"$tree" | sort -u || true)
  if [[ -n "$found" ]]; then
    echo "engine isolation broken: --no-default-features still depends on:" >&2
    echo "$found" >&2
    return 1
  fi
  echo "engine depends on no browser crate (yew, web-sys, js-sys, wasm-bindgen, gloo)"
}

echo "==== tools"
ensure_all

stage "rustfmt"                       cargo fmt --all -- --check
stage "clippy (native, default)"      cargo clippy --all-targets -- -D warnings
stage "clippy (native, engine only)"  cargo clippy --no-default-features --all-targets -- -D warnings
stage "clippy (wasm32)"               cargo clippy --target "$WASM_TARGET" --all-targets -- -D warnings
stage "engine isolation"              engine_isolation
stage "cargo test (engine only)"      cargo test --no-default-features
stage "cargo test (native, default)"  cargo test
stage "wasm-bindgen-test (chromium)"  env CHROMEDRIVER=/usr/bin/chromedriver cargo test --target "$WASM_TARGET"
stage "trunk build --release"         trunk build --release --offline
stage "bundle size"                   bash scripts/size.sh
stage "playwright e2e"                npx playwright test

echo; echo "all stages passed in $((SECONDS - START)) s"
echo "stages: $PASSED passed, 0 failed"
