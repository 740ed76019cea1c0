#!/usr/bin/env bash
# Issue 12, item 6: lists, exports and reports on generated ledgers of 100k and 1M tickets (10M
# with --sizes) over ten years, against `sqlite3 -csv "select * from ticket"` on the same ledger
# in the same run. Builds nothing: give it the binaries of a Release build.
#
#   bench/report_bench.sh [--sizes "100000 1000000"] [--runs R] [--aftersales BIN]
#                         [--generate BIN] [--work DIR] [--month YYYY-MM] [--today DATE]
#
# Ledgers are made once by bench/make_ledger.sh into DIR (default ${TMPDIR:-/tmp}/aftersales-
# bench) and reused. Each command runs R times (default 3) with its output to /dev/null under
# /usr/bin/time: the table gives the median wall time, the largest maximum resident set size and
# the ratio of the median to sqlite3's median on the same ledger. Prints the machine, then one
# markdown table; each row names the command it timed.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
sizes="100000 1000000"
runs=3
aftersales="$here/build/release/apps/aftersales/aftersales"
generate="$here/build/release/bench/aftersales-generate"
work="${TMPDIR:-/tmp}/aftersales-bench"
month=2026-10
today=2026-11-30

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --aftersales) aftersales=$2; shift 2 ;;
    --generate) generate=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --month) month=$2; shift 2 ;;
    --today) today=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "report_bench.sh: unknown option $1" >&2; usage ;;
  esac
done
for tool in "$aftersales" "$generate"; do
  [[ -x "$tool" ]] || { echo "report_bench.sh: $tool is not built (see bench/README.md)" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "report_bench.sh: sqlite3 is not installed" >&2; exit 2; }
mkdir -p "$work"

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
largest() { printf '%s\n' "$@" | sort -g | tail -1; }

# measure CMD...: runs it $runs times; sets $m_time (median s) and $m_rss (largest max RSS, MB).
measure() {
  local times=() rss=() t="$work/time.txt"
  for ((r = 0; r < runs; ++r)); do
    /usr/bin/time -f '%e %M' -o "$t" "$@" >/dev/null 2>"$work/stderr.txt" || {
      echo "report_bench.sh: failed: $*" >&2; cat "$work/stderr.txt" >&2; return 1; }
    secs=$(tail -1 "$t" | cut -d' ' -f1); kb=$(tail -1 "$t" | cut -d' ' -f2)
    times+=("$secs"); rss+=("$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')")
  done
  m_time=$(median "${times[@]}")
  m_rss=$(largest "${rss[@]}")
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ { print $2 }') GB RAM; $(uname -sr); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "binary: $aftersales; $runs runs per command, output to /dev/null; --today $today"
echo
rows=()
for size in $sizes; do
  db="$work/ledger-$size.db"
  if [[ ! -s $db ]]; then
    free_gb=$(df -BG --output=avail "$work" | tail -1 | tr -dc 0-9)
    need_gb=$((size / 1000000 * 2 + 1))
    if ((free_gb < need_gb * 2)); then
      echo "skipping $size tickets: $free_gb GB free in $work, a ledger needs about $need_gb GB" >&2
      continue
    fi
    "$here/bench/make_ledger.sh" --rows "$size" --db "$db" --aftersales "$aftersales" \
      --generate "$generate" --work "$work" >&2
  fi
  a=("$aftersales" --db "$db" --today "$today")
  label=$(printf "%'d" "$size")

  measure sqlite3 -csv "$db" "select * from ticket"
  base=$m_time
  rows+=("| $label | \`sqlite3 -csv DB \"select * from ticket\"\` | $m_time | $m_rss | 1.00 |")
  run_row() {  # run_row LABEL ARGS...: an aftersales command against the sqlite3 baseline
    local shown=$1; shift
    measure "${a[@]}" "$@"
    rows+=("| $label | \`aftersales $shown\` | $m_time | $m_rss | $(awk -v x="$m_time" -v y="$base" 'BEGIN { printf "%.2f", (y > 0) ? x / y : 0 }') |")
  }
  run_row "export tickets --format csv" export tickets --format csv
  run_row "export tickets --format jsonl" export tickets --format jsonl
  run_row "ticket list --format csv" ticket list --format csv
  run_row "ticket list" ticket list
  run_row "ticket list --format json" ticket list --format json
  run_row "ticket list --overdue --format csv" ticket list --overdue --format csv
  run_row "ticket list --state in_service --format csv" ticket list --state in_service --format csv
  run_row "ticket list --month $month --format csv" ticket list --month "$month" --format csv
  run_row "unit list --format csv" unit list --format csv
  run_row "visit due --format csv" visit due --format csv
  # Every report the binary offers, each for one month.
  reports=$("$aftersales" report --help 2>/dev/null |
    awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }' |
    grep -v '^nightly$' || true)
  if [[ -z $reports ]]; then
    rows+=("| $label | \`aftersales report ...\` | | | not built in this binary |")
  fi
  for report in $reports; do
    if ! "${a[@]}" report "$report" --month "$month" >/dev/null 2>&1; then
      rows+=("| $label | \`aftersales report $report --month $month\` | | | not built in this binary |")
      continue
    fi
    run_row "report $report --month $month" report "$report" --month "$month"
  done
done

echo "| tickets | command | median s | peak MB | × sqlite3 |"
echo "|---:|---|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
