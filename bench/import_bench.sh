#!/usr/bin/env bash
# Issue 4, item 10: importing tickets with `aftersales import` against `sqlite3 .import --csv`
# of the same file, in the same script, on the same disk. Issue 13: with --pg, the same on
# PostgreSQL against `psql \copy` of the same file into a plain table on the same server, and
# `ticket open` (one command) timed on both engines' ledgers. Builds nothing: give it the
# binaries (the aftersales one built with AFTERSALES_POSTGRESQL=ON for --pg).
#
#   bench/import_bench.sh [--rows N] [--runs R] [--aftersales BIN] [--generate BIN]
#                         [--work DIR] [--xlsx] [--pg URL] [--open-runs K]
#
# Data is generated once per row count into DIR (default ${TMPDIR:-/tmp}/aftersales-bench) and
# reused; databases are made fresh for every run. Prints each run, then the medians, the
# ratios and the peak memory (max RSS) of the aftersales import. --pg URL names a PostgreSQL
# database (UTF8, C locale; a throwaway one: each run drops and makes the schemas bench_plain,
# bench_shape and bench_ours in it). `ticket open` is timed K times (default 11) on the last run's ledgers.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
rows=1000000
runs=3
aftersales="$here/build/release/apps/aftersales/aftersales"
generate="$here/build/release/bench/aftersales-generate"
work="${TMPDIR:-/tmp}/aftersales-bench"
xlsx=0
pg=
open_runs=11

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --aftersales) aftersales=$2; shift 2 ;;
    --generate) generate=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --xlsx) xlsx=1; shift ;;
    --pg) pg=$2; shift 2 ;;
    --open-runs) open_runs=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "import_bench.sh: unknown option $1" >&2; usage ;;
  esac
done
for tool in "$aftersales" "$generate"; do
  [[ -x "$tool" ]] || { echo "import_bench.sh: $tool is not built (see bench/README.md)" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "import_bench.sh: sqlite3 is not installed" >&2; exit 2; }
if [[ -n $pg ]]; then
  command -v psql >/dev/null || { echo "import_bench.sh: psql is not installed" >&2; exit 2; }
fi

# --- data, generated once -----------------------------------------------------------------
source "$here/bench/bench_data.sh"
bench_data "$rows"
[[ $xlsx == 1 ]] && gen tickets.xlsx tickets --rows "$rows" --units 10000

# --- helpers ------------------------------------------------------------------------------
runs_dir="$work/run"
now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
max_rss_mb() { awk -F: '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"; }

# The ticket file's columns, with the real ticket table's constraint and index shapes: UNIQUE on
# the natural key, an index on the unit (ticket_unit), on a short low-cardinality text
# (ticket_state; the file's priority stands in for the state) and on the reported time
# (ticket_reported).
plain_table='CREATE TABLE tickets (number TEXT NOT NULL UNIQUE, unit TEXT, category TEXT,
  channel TEXT, description TEXT, reported_at TEXT, priority TEXT, km INTEGER);'
indexes='CREATE INDEX tickets_unit ON tickets (unit);
  CREATE INDEX tickets_priority ON tickets (priority);
  CREATE INDEX tickets_reported ON tickets (reported_at);'

new_ledger() {  # new_ledger DB: a ledger holding the generated customers, models and units
  "$aftersales" --db "$1" init >/dev/null 2>&1
  local entity
  for entity in customers models units; do
    "$aftersales" --db "$1" import "$entity" "$data/$entity.csv" >/dev/null 2>&1
  done
}

sqlite_import() {  # sqlite_import SCHEMA FILE: prints seconds
  rm -rf "$runs_dir" && mkdir -p "$runs_dir"
  sqlite3 "$runs_dir/plain.db" "$1"
  local start end
  start=$(now)
  sqlite3 "$runs_dir/plain.db" ".import --csv --skip 1 $2 tickets"
  end=$(now)
  local count
  count=$(sqlite3 "$runs_dir/plain.db" "SELECT count(*) FROM tickets")
  [[ $count == "$rows" ]] || { echo "sqlite3 .import loaded $count rows, not $rows" >&2; exit 1; }
  elapsed "$start" "$end"
}

aftersales_import() {  # aftersales_import FILE RSSFILE: prints seconds
  rm -rf "$runs_dir" && mkdir -p "$runs_dir"
  local db="$runs_dir/aftersales.db"
  new_ledger "$db"
  local start end
  start=$(now)
  /usr/bin/time -v -o "$2" "$aftersales" --db "$db" import tickets "$1" >"$runs_dir/out.txt" 2>&1
  end=$(now)
  local count
  count=$(sqlite3 "$db" "SELECT count(*) FROM ticket")
  [[ $count == "$rows" ]] || { echo "aftersales imported $count rows, not $rows" >&2; exit 1; }
  elapsed "$start" "$end"
}

# --- PostgreSQL ---------------------------------------------------------------------------
# The URL of the schema NAME of the --pg database: the connection's search_path.
pg_url() {  # pg_url NAME
  local joint='?'
  [[ $pg == *'?'* ]] && joint='&'
  echo "$pg${joint}options=-csearch_path%3D$1"
}
# The schema NAME dropped and made again; prints its URL.
pg_schema() {  # pg_schema NAME
  psql "$pg" -q -v ON_ERROR_STOP=1 -c "DROP SCHEMA IF EXISTS $1 CASCADE; CREATE SCHEMA $1" \
    >/dev/null 2>&1
  pg_url "$1"
}

psql_copy() {  # psql_copy FILE: prints seconds
  local url
  url=$(pg_schema bench_plain)
  psql "$url" -q -v ON_ERROR_STOP=1 -c "$plain_table" >/dev/null
  local start end
  start=$(now)
  psql "$url" -q -v ON_ERROR_STOP=1 -c "\\copy tickets FROM '$1' WITH (FORMAT csv, HEADER true)" >/dev/null
  end=$(now)
  local count
  count=$(psql "$url" -At -c "SELECT count(*) FROM tickets")
  [[ $count == "$rows" ]] || { echo "psql \\copy loaded $count rows, not $rows" >&2; exit 1; }
  elapsed "$start" "$end"
}

pg_import() {  # pg_import FILE RSSFILE: prints seconds; the ledger stays for ticket open
  local url
  url=$(pg_schema bench_ours)
  new_ledger "$url"
  local start end
  start=$(now)
  /usr/bin/time -v -o "$2" "$aftersales" --db "$url" import tickets "$1" >"$work/pg-out.txt" 2>&1
  end=$(now)
  local count
  count=$(psql "$url" -At -c "SELECT count(*) FROM ticket")
  [[ $count == "$rows" ]] || { echo "aftersales imported $count rows on PostgreSQL, not $rows" >&2; cat "$work/pg-out.txt" >&2; exit 1; }
  elapsed "$start" "$end"
}

# The server's own share of an import: the ledger's rows as `import tickets` made them (read
# once from a ledger it filled), loaded with `psql \copy` into a new ledger's ticket table as
# the import loads them into an empty ledger: the plain indexes dropped and built again after
# (partial ones kept), the foreign keys dropped and added again (checked in one join each), in
# one transaction. No client does less and keeps the ledger's keys and indexes.
ticket_columns='number, unit_id, customer_id, channel, category, description, reported_at, km'
ticket_columns+=', coverage, coverage_reason, priority, due_at, state, resume_state, opened_by'
ticket_columns+=', batch_id'  # one line: psql's \copy ends at the end of its line
pg_ticket_rows() {  # pg_ticket_rows FILE: the tickets of the bench_ours ledger into FILE, once
  [[ -s $1 ]] && return
  psql "$(pg_url bench_ours)" -q -v ON_ERROR_STOP=1 \
    -c "\\copy (SELECT $ticket_columns FROM ticket ORDER BY id) TO '$1.partial'" >/dev/null
  mv "$1.partial" "$1"
}
psql_shape() {  # psql_shape ROWS: prints seconds
  local url
  url=$(pg_schema bench_shape)
  new_ledger "$url"
  # The batch the rows name (the import's own would be the fourth).
  psql "$url" -q -v ON_ERROR_STOP=1 -c "INSERT INTO import_batch (id, entity, files, mapping,
    mode, actor, login, at) SELECT 4, 'ticket', '[]', '', 'skip', 'bench', 'bench', 0
    WHERE NOT EXISTS (SELECT 1 FROM import_batch WHERE id = 4)" >/dev/null
  local start end
  start=$(now)
  psql "$url" -q -v ON_ERROR_STOP=1 >/dev/null <<SQL
BEGIN;
CREATE TEMP TABLE rebuild AS
  SELECT 1 AS step, format('DROP INDEX %I', c.relname) AS sql,
         pg_get_indexdef(x.indexrelid) AS again
    FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
   WHERE x.indrelid = 'ticket'::regclass AND x.indpred IS NULL
     AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
  UNION ALL
  SELECT 2, format('ALTER TABLE ticket DROP CONSTRAINT %I', conname),
         format('ALTER TABLE ticket ADD CONSTRAINT %I %s', conname, pg_get_constraintdef(oid))
    FROM pg_constraint WHERE conrelid = 'ticket'::regclass AND contype = 'f';
SELECT sql FROM rebuild ORDER BY step \\gexec
\\copy ticket ($ticket_columns) FROM '$1'
SELECT again FROM rebuild ORDER BY step \\gexec
COMMIT;
SQL
  end=$(now)
  local count
  count=$(psql "$url" -At -c "SELECT count(*) FROM ticket")
  [[ $count == "$rows" ]] || { echo "psql \\copy loaded $count ledger rows, not $rows" >&2; exit 1; }
  elapsed "$start" "$end"
}

# `ticket open` on a ledger of the run: one command, as a clerk types it.
ticket_open() {  # ticket_open DB: prints seconds
  local start end
  start=$(now)
  "$aftersales" --db "$1" --today 2026-11-30 ticket open --unit 2026-000001 --category 底盘 \
    --channel phone --desc "bench: ticket open" >/dev/null
  end=$(now)
  elapsed "$start" "$end"
}

# --- runs ---------------------------------------------------------------------------------
echo "tickets: $rows rows, $(stat -c %s "$tickets") bytes; $runs runs; sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
rm -f "$work/ticket-rows-$rows.txt"  # this build's rows, read from its first ledger
indexed=() plain=() ours=() rss=() xtimes=() xrss=() pcopy=() pshape=() pours=() prss=()
for ((run = 1; run <= runs; ++run)); do
  indexed+=("$(sqlite_import "$plain_table $indexes" "$tickets")")
  plain+=("$(sqlite_import "$plain_table" "$tickets")")
  if [[ $xlsx == 1 ]]; then
    xtimes+=("$(aftersales_import "$data/tickets.xlsx" "$work/time-xlsx.txt")")
    xrss+=("$(max_rss_mb "$work/time-xlsx.txt")")
  fi
  ours+=("$(aftersales_import "$tickets" "$work/time.txt")")
  rss+=("$(max_rss_mb "$work/time.txt")")
  printf 'run %d: sqlite3 .import indexed %.2f s, plain %.2f s; aftersales import %.2f s (%s MB)\n' \
    "$run" "${indexed[-1]}" "${plain[-1]}" "${ours[-1]}" "${rss[-1]}"
  if [[ -n $pg ]]; then
    pcopy+=("$(psql_copy "$tickets")")
    pours+=("$(pg_import "$tickets" "$work/time-pg.txt")")
    prss+=("$(max_rss_mb "$work/time-pg.txt")")
    pg_ticket_rows "$work/ticket-rows-$rows.txt"
    pshape+=("$(psql_shape "$work/ticket-rows-$rows.txt")")
    printf 'run %d: psql \\copy plain %.2f s, ledger rows %.2f s; aftersales import on PostgreSQL %.2f s (%s MB)\n' \
      "$run" "${pcopy[-1]}" "${pshape[-1]}" "${pours[-1]}" "${prss[-1]}"
  fi
done
sopen=() popen=()
for ((run = 1; run <= open_runs; ++run)); do
  sopen+=("$(ticket_open "$runs_dir/aftersales.db")")
  [[ -n $pg ]] && popen+=("$(ticket_open "$(pg_url bench_ours)")")
done
rm -rf "$runs_dir"

m_indexed=$(median "${indexed[@]}")
m_plain=$(median "${plain[@]}")
m_ours=$(median "${ours[@]}")
echo
printf '%-52s %8s\n' "median of $runs runs, $rows rows" seconds
printf '%-52s %8.2f\n' "sqlite3 .import --csv, UNIQUE + 3 indexes" "$m_indexed"
printf '%-52s %8.2f\n' "sqlite3 .import --csv, plain table" "$m_plain"
printf '%-52s %8.2f\n' "aftersales import tickets (CSV)" "$m_ours"
printf 'ratio aftersales / sqlite3 indexed: %.2f (goal <= 1.0)\n' "$(echo "$m_ours / $m_indexed" | bc -l)"
printf 'ratio aftersales / sqlite3 plain:   %.2f (goal <= 1.0)\n' "$(echo "$m_ours / $m_plain" | bc -l)"
printf 'peak memory of aftersales import (CSV): median %s MB, max %s MB\n' \
  "$(median "${rss[@]}")" "$(printf '%s\n' "${rss[@]}" | sort -g | tail -1)"
if [[ $xlsx == 1 ]]; then
  printf 'aftersales import tickets (.xlsx): median %.2f s, peak memory %s MB\n' \
    "$(median "${xtimes[@]}")" "$(median "${xrss[@]}")"
fi
printf 'ticket open on the SQLite ledger: median of %d: %.3f s\n' "$open_runs" "$(median "${sopen[@]}")"
if [[ -n $pg ]]; then
  m_pcopy=$(median "${pcopy[@]}")
  m_pours=$(median "${pours[@]}")
  echo
  printf '%-52s %8s\n' "PostgreSQL $(psql "$pg" -At -c 'SHOW server_version'), median of $runs runs" seconds
  printf '%-52s %8.2f\n' "psql \\copy (CSV), plain table" "$m_pcopy"
  m_pshape=$(median "${pshape[@]}")
  printf '%-52s %8.2f\n' "psql \\copy of the ledger's rows into its ticket table" "$m_pshape"
  printf '%-52s %8.2f\n' "aftersales import tickets (CSV)" "$m_pours"
  printf 'ratio aftersales / psql \\copy plain:       %.2f (goal <= 1.5)\n' "$(echo "$m_pours / $m_pcopy" | bc -l)"
  printf 'ratio aftersales / psql \\copy ledger rows: %.2f\n' "$(echo "$m_pours / $m_pshape" | bc -l)"
  printf 'peak memory of aftersales import on PostgreSQL: median %s MB, max %s MB\n' \
    "$(median "${prss[@]}")" "$(printf '%s\n' "${prss[@]}" | sort -g | tail -1)"
  printf 'ticket open on the PostgreSQL ledger: median of %d: %.3f s\n' "$open_runs" "$(median "${popen[@]}")"
fi
