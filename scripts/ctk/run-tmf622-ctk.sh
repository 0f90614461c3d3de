#!/usr/bin/env bash
# Runs the TMF622 v4 conformance kit with newman against a Provisio already listening on
# 127.0.0.1:$PORT, and fails unless both newman's exit code and its JSON report are clean.
set -u
cd "$(dirname "$0")/../.."
PORT="${PORT:-8622}"
CTK_DIR="${CTK_DIR:-../shared/tmf-data/ctk-tmf622-v4}"
OUT="${CTK_OUT:-build/ctk}"
if [ ! -f "$CTK_DIR/TMF622-ProductOrdering-v4.0.0.testkit.json" ]; then
  echo "conformance kit not found in $CTK_DIR; set CTK_DIR to the folder holding TMF622-ProductOrdering-v4.0.0.testkit.json" >&2
  exit 2
fi
mkdir -p "$OUT"
node scripts/ctk/prepare-tmf622-ctk.mjs "$CTK_DIR" "$OUT/tmf622.collection.json" ${CTK_CONFIG:+"$CTK_CONFIG"} || exit 2
npx newman run "$OUT/tmf622.collection.json" \
  -e "$CTK_DIR/TMFENV-V4.0.0.postman_environment.json" \
  --env-var "Product_Ordering=http://127.0.0.1:${PORT}/tmf-api/productOrderingManagement/v4/" \
  --timeout-request 10000 \
  -r cli,json --reporter-json-export "$OUT/tmf622-report.json"
newman_rc=$?
node scripts/ctk/check-ctk-report.mjs "$OUT/tmf622-report.json"
report_rc=$?
echo "newman exit code: $newman_rc, report check: $report_rc"
[ "$newman_rc" -eq 0 ] && [ "$report_rc" -eq 0 ]
