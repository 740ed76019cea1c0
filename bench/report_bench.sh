#!/usr/bin/env bash
# Issue 12, item 6: lists, exports and reports on generated ledgers of 100k and 1M tickets (10M
# with --sizes) over ten years, against `sqlite3 -csv "select * from ticket"` on the same ledger
# in the same run. Builds nothing: give it the binaries of a Release build.
#
#   bench/report_bench.sh [--sizes "100000 1000000"] [--runs R] [--aftersales BIN]
#                         [--generate BIN] [--work DIR] [--month YYYY-MM] [--today DATE]
#                         [--reports-only]
#
# Ledgers are made once by bench/make_ledger.sh into DIR (default ${TMPDIR:-/tmp}/aftersales-
# bench) and reused. Each command runs R times (default 3) with its output to /dev/null under
# /usr/bin/time: the first table gives the median wall time, the largest maximum resident set
# size and the ratio of the median to sqlite3's median on the same ledger; the second each
# report's median and how far it is above the process floor (`config show`: start, open the
# ledger, read the rulebook), their sum (the nightly set without writing files) and a whole
# `report nightly`. Prints the machine, then the two markdown tables; each row names its command.
# --reports-only leaves out the lists and exports (the first table keeps sqlite3's row).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
sizes="100000 1000000"
runs=3
aftersales="$here/build/release/apps/aftersales/aftersales"
generate="$here/build/release/bench/aftersales-generate"
work="${TMPDIR:-/tmp}/aftersales-bench"
month=2026-10
today=2026-11-30
reports_only=

usage() { sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --aftersales) aftersales=$2; shift 2 ;;
    --generate) generate=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --month) month=$2; shift 2 ;;
    --today) today=$2; shift 2 ;;
    --reports-only) reports_only=1; shift ;;
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

# measure CMD...: runs it $runs times; sets $m_time (median wall s, to the millisecond, taken
# around /usr/bin/time) and $m_rss (largest max RSS, MB).
measure() {
  local times=() rss=() t="$work/time.txt" start end
  for ((r = 0; r < runs; ++r)); do
    start=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$t" "$@" >/dev/null 2>"$work/stderr.txt" || {
      echo "report_bench.sh: failed: $*" >&2; cat "$work/stderr.txt" >&2; return 1; }
    end=$EPOCHREALTIME
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
    rss+=("$(awk -v k="$(tail -1 "$t")" 'BEGIN { printf "%.1f", k / 1024 }')")
  done
  m_time=$(median "${times[@]}")
  m_rss=$(largest "${rss[@]}")
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ { print $2 }') GB RAM; $(uname -sr); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "binary: $aftersales; $runs runs per command, output to /dev/null; --today $today"
echo
rows=()
report_rows=()
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
  if [[ -z $reports_only ]]; then
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
  fi
  # Every report the binary offers, each for one month, against the process floor: the same
  # binary opening the same ledger and reading its rulebook (`config show`).
  measure "${a[@]}" config show
  floor=$m_time
  report_rows+=("| $label | \`aftersales config show\` (the floor) | $m_time | | $m_rss |")
  reports=$("$aftersales" report --help 2>/dev/null |
    awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }' |
    grep -v '^nightly$' || true)
  set_total=0
  for report in $reports; do
    measure "${a[@]}" report "$report" --month "$month"
    over=$(awk -v x="$m_time" -v f="$floor" 'BEGIN { d = x - f; printf "%.3f", (d > 0) ? d : 0 }')
    set_total=$(awk -v t="$set_total" -v o="$over" 'BEGIN { printf "%.3f", t + o }')
    report_rows+=("| $label | \`aftersales report $report --month $month\` | $m_time | $over | $m_rss |")
  done
  report_rows+=("| $label | the $(wc -w <<<"$reports") reports above, over the floor | | $set_total | |")
  out="$work/nightly-$size"
  measure "${a[@]}" report nightly --month "$month" -o "$out"
  report_rows+=("| $label | \`aftersales report nightly --month $month -o DIR\` (with .xlsx and .html) | $m_time | | $m_rss |")
done

echo "| tickets | command | median s | peak MB | × sqlite3 |"
echo "|---:|---|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "| tickets | report | median s | over the floor s | peak MB |"
echo "|---:|---|---:|---:|---:|"
printf '%s\n' "${report_rows[@]}"
