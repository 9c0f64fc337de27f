#!/usr/bin/env bash
# Peak resident memory of `slant score` (whole process, GNU time) on a JSONL file of SMALL and
# one of LARGE records, and their ratio: `score` streams records, so memory should not grow
# with their number (target: ratio at most 1.2).
# The records are made at run time from the fixture articles (cycling through them, each with
# an id of its own) in a temporary folder, deleted afterwards; nothing generated is kept.
# Usage: scripts/measure-score-memory.sh [SMALL] [LARGE]
#   (defaults 20000 and 200000; needs GNU time, apt-get install time, and python3)
# Environment: FORMAT=text|csv|json (default text), JOBS=N (default: every core).
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-20000}
large=${2:-200000}
format=${FORMAT:-text}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "needs python3" >&2; exit 2; }
cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

make_records() { # N FILE
  python3 - "$1" "$2" <<'PY'
import glob, json, os, sys

n, out = int(sys.argv[1]), sys.argv[2]
articles = []
for path in sorted(glob.glob("fixtures/*/*.txt")):
    text = open(path, encoding="utf-8").read()
    head, blank, body = text.partition("\n\n")
    fields = [line.split(":", 1) for line in head.splitlines()]
    header = blank and all(len(f) == 2 for f in fields)
    meta = {k.strip(): v.strip() for k, v in fields} if header else {}
    stem = os.path.splitext(os.path.basename(path))[0]
    articles.append((stem, meta.get("outlet", stem), body if header else text))
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        stem, outlet, body = articles[i % len(articles)]
        f.write(json.dumps({"id": f"{stem}-{i}", "outlet": outlet, "text": body}) + "\n")
PY
}

jobs=()
[ -n "${JOBS:-}" ] && jobs=(--jobs "$JOBS")
declare -A rss
for n in "$small" "$large"; do
  file="$tmp/records-$n.jsonl"
  make_records "$n" "$file"
  /usr/bin/time -f '%e %M' -o "$tmp/time" \
    target/release/slant score "${jobs[@]}" --format "$format" "$file" >/dev/null 2>"$tmp/stderr" || {
      echo "slant score failed on $n records:" >&2; tail -5 "$tmp/stderr" >&2; exit 1; }
  read -r seconds kib <"$tmp/time"
  rss[$n]=$kib
  printf '%8d records, %5d MB of JSONL: %7.1f s, peak RSS %6.1f MiB (%s)\n' \
    "$n" "$(( $(stat -c %s "$file") / 1000000 ))" "$seconds" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')" \
    "$(tail -1 "$tmp/stderr" | sed 's/^slant: //')"
  rm -f "$file"
done
printf 'peak RSS ratio, %d to %d records: %.3f (target at most 1.2)\n' \
  "$large" "$small" "$(awk -v a="${rss[$large]}" -v b="${rss[$small]}" 'BEGIN { print a / b }')"
