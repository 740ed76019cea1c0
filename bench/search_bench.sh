#!/usr/bin/env bash
# Issue 16: full-text search on a ledger of N tickets. Times `aftersales import tickets` with
# the search index kept in step, against the same import by a binary built without search
# (--without BIN: a build of the commit before it), in the same script on the same disk, and
# prints both and their ratio; the index's size (dbstat); the peak memory of the import; the
# median time of `aftersales search` for queries of one, two, three and more characters,
# against the median of a command that opens the same ledger and reads one row (`model list`):
# the floor every command pays (starting, opening, reading the rulebook). Builds nothing.
#
#   bench/search_bench.sh [--rows N] [--runs R] [--queries K] [--aftersales BIN]
#                         [--without BIN] [--generate BIN] [--work DIR] [--pg URL]
#
# Data as import_bench.sh makes it (${TMPDIR:-/tmp}/aftersales-bench/data-N, reused). With
# --pg URL (a throwaway UTF8, C-locale database) the ledgers are schemas of it instead of
# SQLite files (bench_search_with, bench_search_without: dropped and made again each run).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
rows=1000000
runs=3
query_runs=21
aftersales="$here/build/release/apps/aftersales/aftersales"
without=
generate="$here/build/release/bench/aftersales-generate"
work="${TMPDIR:-/tmp}/aftersales-bench"
pg=

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --queries) query_runs=$2; shift 2 ;;
    --aftersales) aftersales=$2; shift 2 ;;
    --without) without=$2; shift 2 ;;
    --generate) generate=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --pg) pg=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "search_bench.sh: unknown option $1" >&2; usage ;;
  esac
done
for tool in "$aftersales" "$generate" ${without:+"$without"}; do
  [[ -x "$tool" ]] || { echo "search_bench.sh: $tool is not built (see bench/README.md)" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "search_bench.sh: sqlite3 is not installed" >&2; exit 2; }

source "$here/bench/bench_data.sh"
bench_data "$rows"

runs_dir="$work/search-run"
now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
max_rss_mb() { awk -F: '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"; }

# A ledger named NAME: the SQLite file NAME.db in the run directory, or with --pg the schema
# bench_search_NAME of that database.
ledger() {  # ledger NAME: prints what --db takes
  if [[ -z $pg ]]; then echo "$runs_dir/$1.db"; return; fi
  local joint='?'
  [[ $pg == *'?'* ]] && joint='&'
  echo "$pg${joint}options=-csearch_path%3Dbench_search_$1"
}
sql() {  # sql DB QUERY: one value
  if [[ -z $pg ]]; then sqlite3 "$1" "$2"; else psql "$1" -At -c "$2"; fi
}
fresh() {  # fresh NAME: an empty ledger of that name
  if [[ -z $pg ]]; then
    rm -f "$runs_dir/$1.db" "$runs_dir/$1.db-wal" "$runs_dir/$1.db-shm"
  else
    psql "$pg" -q -c "DROP SCHEMA IF EXISTS bench_search_$1 CASCADE; CREATE SCHEMA bench_search_$1" >/dev/null 2>&1
  fi
}

import_with() {  # import_with BIN NAME RSSFILE: a new ledger, then the tickets; prints seconds
  local bin=$1 db
  fresh "$2"
  db=$(ledger "$2")
  "$bin" --db "$db" init >/dev/null 2>&1
  local entity
  for entity in customers models units; do
    "$bin" --db "$db" import "$entity" "$data/$entity.csv" >/dev/null 2>&1
  done
  local start end
  start=$(now)
  /usr/bin/time -v -o "$3" "$bin" --db "$db" import tickets "$tickets" >"$runs_dir/out.txt" 2>&1
  end=$(now)
  local count
  count=$(sql "$db" "SELECT count(*) FROM ticket")
  [[ $count == "$rows" ]] || { echo "$bin imported $count rows, not $rows" >&2; cat "$runs_dir/out.txt" >&2; exit 1; }
  elapsed "$start" "$end"
}

mkdir -p "$runs_dir"
echo "search benchmark: $rows tickets, $runs runs; $aftersales"
with_times=() without_times=()
for ((run = 1; run <= runs; run++)); do
  t=$(import_with "$aftersales" with "$runs_dir/with.rss")
  with_times+=("$t")
  line="run $run: import with search ${t}s"
  if [[ -n $without ]]; then
    t=$(import_with "$without" without "$runs_dir/without.rss")
    without_times+=("$t")
    line+=", without ${t}s"
  fi
  echo "$line"
done
with_median=$(median "${with_times[@]}")
echo "import with search, median: ${with_median}s (peak memory $(max_rss_mb "$runs_dir/with.rss") MB)"
if [[ -n $without ]]; then
  without_median=$(median "${without_times[@]}")
  echo "import without search, median: ${without_median}s (peak memory $(max_rss_mb "$runs_dir/without.rss") MB)"
  echo "ratio with / without: $(echo "scale=2; $with_median / $without_median" | bc)"
fi

db=$(ledger with)
docs=$(sql "$db" "SELECT count(*) FROM search_doc")
if [[ -z $pg ]]; then
  index_bytes=$(sqlite3 "$db" "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%' OR name = 'sqlite_autoindex_search_doc_1'")
  file_bytes=$(sqlite3 "$db" "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")
  echo "search rows: $docs; index (search_doc, its keys, FTS5): $index_bytes bytes of a $file_bytes-byte ledger"
  sqlite3 "$db" "SELECT '  ' || name || ': ' || sum(pgsize) FROM dbstat WHERE name LIKE 'search%' OR name = 'sqlite_autoindex_search_doc_1' GROUP BY name ORDER BY 1"
else
  index_bytes=$(sql "$db" "SELECT pg_total_relation_size('search_doc')")
  file_bytes=$(sql "$db" "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'bench_search_with' AND c.relkind = 'r'")
  echo "search rows: $docs; index (search_doc with its tsvector, keys, GIN): $index_bytes bytes of a $file_bytes-byte ledger"
  sql "$db" "SELECT '  ' || relname || ': ' || pg_relation_size(oid) FROM pg_class WHERE relname LIKE 'search%' AND relnamespace = 'bench_search_with'::regnamespace ORDER BY 1"
fi

if [[ -n $without && -z $pg ]]; then
  # A ledger from before search, opened by this build: migration 019 and the search rows.
  cp "$runs_dir/without.db" "$runs_dir/upgrade.db"
  start=$(now)
  "$aftersales" --db "$runs_dir/upgrade.db" model list >/dev/null
  end=$(now)
  echo "indexing a ledger of $rows tickets made before search, once when first opened: $(elapsed "$start" "$end")s"
fi

time_command() {  # time_command ARGS...: median seconds of K runs
  local times=() i start end
  for ((i = 0; i < query_runs; i++)); do
    start=$(now)
    "$aftersales" --db "$db" "$@" >/dev/null 2>&1
    end=$(now)
    times+=("$(elapsed "$start" "$end")")
  done
  median "${times[@]}"
}
model=$(sql "$db" "SELECT code FROM model ORDER BY id LIMIT 1")
floor=$(time_command model list --format tsv)
echo "floor (model list on the same ledger), median of $query_runs: ${floor}s"
printf '%-32s %8s %10s %10s\n' query found median minus-floor
for query in 泵 响 异响 漏油 断轴 冒黑烟 液压泵异响 "发动机 冒黑烟" 消防炮不能转动 CAN; do
  found=$("$aftersales" --db "$db" search "$query" --limit 20 --format tsv 2>/dev/null | tail -n +2 | wc -l)
  t=$(time_command search "$query" --limit 20 --format tsv)
  printf '%-32s %8s %10s %10s\n' "$query" "$found" "$t" "$(echo "$t - $floor" | bc)"
done
for query in 异响 液压泵异响; do
  found=$("$aftersales" --db "$db" search "$query" --model "$model" --limit 20 --format tsv 2>/dev/null | tail -n +2 | wc -l)
  t=$(time_command search "$query" --model "$model" --limit 20 --format tsv)
  printf '%-32s %8s %10s %10s\n' "$query --model $model" "$found" "$t" "$(echo "$t - $floor" | bc)"
done
first=$(sql "$db" "SELECT number FROM ticket ORDER BY id DESC LIMIT 1")
t=$(time_command ticket show "$first" --similar)
echo "ticket show $first --similar: ${t}s; ticket show alone: $(time_command ticket show "$first")s"
