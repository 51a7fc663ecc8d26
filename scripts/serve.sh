#!/usr/bin/env bash
# Build the app and serve it at http://127.0.0.1:8080 (rebuilds on change; reload the page by hand).
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_wasm_target
ensure_trunk
ensure_wasm_bindgen
ensure_node_modules   # wasm-opt (npm package binaryen) for the release build
# No live reload: it injects an inline script the page's Content-Security-Policy refuses.
exec trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port 8080
