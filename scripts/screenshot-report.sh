#!/usr/bin/env bash
# Renders reports/baghdad-rockets-2020/report.html in headless Chromium and saves the part with
# the side-by-side versions to docs/report.png (the picture in README.md).
# Needs chromium (apt-get install chromium) and Python's Pillow for the crop (pip install pillow).
set -euo pipefail
cd "$(dirname "$0")/.."
page="$PWD/reports/baghdad-rockets-2020/report.html"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$tmp/profile" \
  --window-size=1450,5200 --screenshot="$tmp/page.png" "file://$page" 2>/dev/null
python3 -c "
from PIL import Image
Image.open('$tmp/page.png').crop((0, 2150, 1450, 3050)).save('docs/report.png', optimize=True)
"
echo docs/report.png
