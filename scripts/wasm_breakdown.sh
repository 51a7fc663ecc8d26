#!/usr/bin/env bash
# Builds the web app's wasm as Trunk does (cargo release build for wasm32,
# wasm-bindgen, wasm-opt -Oz --converge --strip-producers) but keeping the name
# section (wasm-opt -g), and prints where its bytes go (scripts/wasm_breakdown.py).
# Usage: bash scripts/wasm_breakdown.sh [wasm_breakdown.py options, e.g. --top 40]
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
out=target/breakdown
mkdir -p "$out"
cargo build --release --target "$WASM_TARGET" --bin kafkascope
wasm-bindgen --target web --out-dir "$out" "target/$WASM_TARGET/release/kafkascope.wasm"
wasm-opt -Oz --converge --strip-producers -g "$out/kafkascope_bg.wasm" -o "$out/named.wasm"
echo "named build: $out/named.wasm ($(wc -c <"$out/named.wasm") bytes with its name section)"
python3 scripts/wasm_breakdown.py "$out/named.wasm" "$@"
