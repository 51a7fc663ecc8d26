#!/usr/bin/env bash
# Bundle size of dist/: raw and gzip -9 bytes of each .wasm/.js/.css, against the gzip budget.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUDGET=307200    # PRODUCT.md's aim: 300 KB gzip for the whole app
CEILING=716800   # 700 KB: above this the test run fails (catches regressions)

mapfile -t files < <(find dist -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) 2>/dev/null | sort)
(( ${#files[@]} )) || { echo "size: no .wasm/.js/.css in dist/ (run trunk build first)" >&2; exit 1; }

total_raw=0 total_gz=0
printf '%10s %10s  %s\n' raw gzip file
for f in "${files[@]}"; do
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%10d %10d  %s\n' "$raw" "$gz" "$f"
done
printf '%10d %10d  %s\n' "$total_raw" "$total_gz" total
if (( total_gz <= BUDGET )); then
  echo "size: PASS: $total_gz bytes gzip <= budget $BUDGET"
elif (( total_gz <= CEILING )); then
  echo "size: OVER BUDGET: $total_gz bytes gzip > budget $BUDGET (aim of PRODUCT.md); under the regression ceiling $CEILING"
else
  echo "size: FAIL: $total_gz bytes gzip > regression ceiling $CEILING"; exit 1
fi
