#!/usr/bin/env bash
# How fast `slant score` is next to typos (and alex and proselint when present) on the same news
# text, whole process: each tool is started on one plain-text file and timed from launch to exit
# (wall time, `date +%s.%N` around the command), RUNS times after one untimed warm-up run; the
# rate is the file's size over the median time, in MB/s (1 MB = 1,000,000 bytes), and slant's
# ratio to each tool is slant's MB/s divided by that tool's (above 1: slant is faster). The
# target (issue 13) is a ratio of at least 1 against typos on about 2 MB of news text.
#
# Without TEXT_FILE, the text is made at run time in a temporary folder, deleted afterwards: the
# article bodies of every .txt file under .realdata/ (header of four lines and a blank line
# stripped) when that git-ignored folder exists, else the fixture article bodies (their header
# blocks stripped), repeated until the file holds 2 MB. Nothing is written into the repository
# but cargo's own target/ folder.
#
# typos-cli is installed with `cargo install --locked` into a temporary folder (a few minutes of
# compiling), or into $SLANT_TOOLS_DIR when set, so that later runs reuse it. alex and
# proselint are timed only when on PATH; with --all they are installed into the same folder
# first (alex with npm, proselint with pip in a virtual environment).
#
# Usage: scripts/compare-tools.sh [--all] [TEXT_FILE] [RUNS]   (RUNS defaults to 5)
# Needs cargo, awk; --all also needs npm and python3. Exit codes of the tools are ignored
# (typos, alex and proselint exit non-zero when they find something).
set -euo pipefail
cd "$(dirname "$0")/.."

all=0
args=()
for arg in "$@"; do
  case $arg in
    --all) all=1 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done
text=${args[0]:-}
runs=${args[1]:-5}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive number, not '$runs'" >&2; exit 2; }
if [ -n "$text" ] && [ ! -r "$text" ]; then
  echo "cannot read $text" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tools=${SLANT_TOOLS_DIR:-$tmp/tools}
mkdir -p "$tools"
tools=$(cd "$tools" && pwd)

# --- the text -------------------------------------------------------------------------------
size=2000000
if [ -z "$text" ]; then
  text=$tmp/news.txt
  bodies=$tmp/bodies.txt
  : >"$bodies"
  mapfile -t real < <(find .realdata -name '*.txt' -type f 2>/dev/null | sort)
  if [ "${#real[@]}" -gt 0 ]; then
    source_desc="${#real[@]} article bodies from .realdata/"
    for f in "${real[@]}"; do
      tail -n +6 "$f" >>"$bodies"
      printf '\n\n' >>"$bodies"
    done
  else
    mapfile -t fixtures < <(find fixtures -name '*.txt' -type f -not -path '*/gold/*' | sort)
    source_desc="${#fixtures[@]} fixture article bodies"
    for f in "${fixtures[@]}"; do
      # Drop a leading header block: `key: value` lines ended by a blank line.
      awk 'FNR == 1 { head = 1 }
           head && /^$/ { head = 0; next }
           head && /^[A-Za-z_]+: / { next }
           { head = 0; print }' "$f" >>"$bodies"
      printf '\n\n' >>"$bodies"
    done
  fi
  [ -s "$bodies" ] || { echo "no article text found under .realdata/ or fixtures/" >&2; exit 1; }
  : >"$text"
  while [ "$(stat -c %s "$text")" -lt "$size" ]; do
    cat "$bodies" >>"$text"
  done
  text_desc="$(stat -c %s "$text") bytes made from $source_desc, repeated"
else
  text_desc="$text, $(stat -c %s "$text") bytes"
fi
bytes=$(stat -c %s "$text")

# --- the tools ------------------------------------------------------------------------------
echo "building slant (cargo build --release) ..." >&2
cargo build --release --quiet
slant=$PWD/target/release/slant

if [ ! -x "$tools/bin/typos" ]; then
  echo "installing typos-cli into $tools (cargo install, a few minutes) ..." >&2
  cargo install --quiet --locked --root "$tools" typos-cli
fi
if [ "$all" = 1 ]; then
  if [ ! -x "$tools/node/node_modules/.bin/alex" ]; then
    echo "installing alex into $tools/node (npm) ..." >&2
    npm install --silent --no-audit --no-fund --prefix "$tools/node" alex >&2
  fi
  if [ ! -x "$tools/venv/bin/proselint" ]; then
    echo "installing proselint into $tools/venv (pip) ..." >&2
    python3 -m venv "$tools/venv"
    "$tools/venv/bin/pip" install --quiet proselint >&2
  fi
  PATH=$tools/node/node_modules/.bin:$tools/venv/bin:$PATH
fi
PATH=$tools/bin:$PATH

# --- timing ---------------------------------------------------------------------------------
# median_seconds NAME CMD...: one untimed warm-up run (its output, stdout and stderr, kept to
# count lines: alex reports on stderr), then RUNS timed runs with output to /dev/null; prints the
# median wall time in seconds.
median_seconds() {
  local name=$1 i start end
  shift
  "$@" >"$tmp/out-$name" 2>&1 || true
  : >"$tmp/times"
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f\n", e - s }' >>"$tmp/times"
  done
  sort -g "$tmp/times" | awk '{ t[NR] = $1 } END {
    if (NR % 2) print t[(NR + 1) / 2]; else print (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
}

mbps() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.2f", b / 1e6 / s }'; }

lines_of() { wc -l <"$tmp/out-$1" | tr -d ' '; }

echo "text: $text_desc; $runs runs each, median wall time, whole process"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

s=$(median_seconds slant "$slant" score "$text")
slant_rate=$(mbps "$s")
printf '%-34s %8s MB/s  (median %.3f s; %s lines of output)\n' "slant score" "$slant_rate" "$s" "$(lines_of slant)"
if "$slant" score --help 2>/dev/null | grep -q -- '--jobs'; then
  s=$(median_seconds slant1 "$slant" --jobs 1 score "$text")
  printf '%-34s %8s MB/s  (median %.3f s)\n' "slant score --jobs 1" "$(mbps "$s")" "$s"
fi

# tool_line NAME LABEL CMD...: the tool's rate and slant's ratio to it.
tool_line() {
  local name=$1 label=$2 s rate
  shift 2
  s=$(median_seconds "$name" "$@")
  rate=$(mbps "$s")
  printf '%-34s %8s MB/s  (median %.3f s; %s lines of output)  slant/%s %s\n' "$label" "$rate" "$s" \
    "$(lines_of "$name")" "$name" "$(awk -v a="$slant_rate" -v b="$rate" 'BEGIN { printf "%.2f", a / b }')"
}

tool_line typos "typos $(typos --version | awk '{ print $2 }')" typos "$text"
if command -v alex >/dev/null; then
  tool_line alex "alex $(alex --version 2>/dev/null | head -1)" alex "$text"
else
  echo "alex: not on PATH (--all installs it)"
fi
if command -v proselint >/dev/null; then
  if proselint --help 2>&1 | grep -qw check; then
    # 0.16 and later: `proselint check FILE`, which stops after max_errors (default 1000)
    # results; lift the cap (an option of the subcommand) so that every check runs over the
    # whole text, as slant's do.
    version=$(proselint version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1 || true)
    echo '{"max_errors": 1000000000}' >"$tmp/proselint.json"
    tool_line proselint "proselint $version (check)" proselint check --config "$tmp/proselint.json" "$text"
  else
    version=$(proselint --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1 || true)
    tool_line proselint "proselint $version" proselint "$text"
  fi
else
  echo "proselint: not on PATH (--all installs it)"
fi
