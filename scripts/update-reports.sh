#!/usr/bin/env bash
# Regenerates reports/<story>/ for every fixture story with `slant compare` (all formats).
# tests/reports_in_sync.rs fails when the committed reports no longer match.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
for story in fixtures/*/; do
  name=$(basename "$story")
  rm -rf "reports/$name"
  target/release/slant compare "$story" --out "reports/$name" --quiet
  echo "reports/$name"
done
