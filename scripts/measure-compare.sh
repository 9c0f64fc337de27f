#!/usr/bin/env bash
# Whole-process measurement of `slant compare` (all report formats) on a fixture story:
# wall time and peak resident memory over several runs, medians reported.
# Usage: scripts/measure-compare.sh [STORY_DIR] [RUNS]   (needs GNU time: apt-get install time)
set -euo pipefail
cd "$(dirname "$0")/.."
story=${1:-fixtures/baghdad-rockets-2020}
runs=${2:-15}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
walls=(); rss=()
for _ in $(seq "$runs"); do
  /usr/bin/time -f '%e %M' -o "$out/t" target/release/slant compare "$story" --out "$out/r" --quiet
  read -r w m < "$out/t"
  walls+=("$w"); rss+=("$m")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "story: $story, runs: $runs"
echo "wall seconds: median $(median "${walls[@]}"), min $(printf '%s\n' "${walls[@]}" | sort -n | head -1), max $(printf '%s\n' "${walls[@]}" | sort -n | tail -1)"
echo "peak RSS KiB: median $(median "${rss[@]}"), max $(printf '%s\n' "${rss[@]}" | sort -n | tail -1)"
