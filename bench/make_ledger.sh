#!/usr/bin/env bash
# Builds a benchmark ledger of N tickets over 10 years from the generator's files (issue 12,
# item 6): init, import customers, models, units and tickets with `aftersales import`, then
# ages the ledger in SQL so that it looks like ten years of service:
#   - the tickets are spread evenly over the ten years before 2026-12-01 in id order, as a ledger
#     fills when tickets are opened as they come (due_at keeps its distance from reported_at);
#   - 97 % are closed with a signed work record (arrival 1..30 hours after the report) and its
#     actual costs (表7: labour and travel lines, a part line on every third);
#   - 5 % of all have a pause (2 hours, closed; an open one on a paused ticket);
#   - the other 3 % stay open in registered, analysed, in_service or paused;
#   - 5 % are quality claims (表8), half of them confirmed by the factory;
#   - one closed warranty ticket in ten was a major repair owing a visit 7 days after its finish;
#   - the tickets' km readings are left out (the generator's are not monotonic per unit).
#
#   bench/make_ledger.sh --rows N --db FILE [--aftersales BIN] [--generate BIN] [--work DIR]
#
# Reuses ${TMPDIR:-/tmp}/aftersales-bench/data-N (as import_bench.sh makes it).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
rows=100000
db=
aftersales="$here/build/release/apps/aftersales/aftersales"
generate="$here/build/release/bench/aftersales-generate"
work="${TMPDIR:-/tmp}/aftersales-bench"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --aftersales) aftersales=$2; shift 2 ;;
    --generate) generate=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "make_ledger.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n $db ]] || { echo "make_ledger.sh: give --db FILE" >&2; exit 2; }

source "$here/bench/bench_data.sh"
bench_data "$rows"

rm -f "$db" "$db-wal" "$db-shm"
"$aftersales" --db "$db" --quiet init >/dev/null
for entity in customers models units; do
  "$aftersales" --db "$db" --quiet import "$entity" "$data/$entity.csv" >/dev/null
done
# The tickets without their km readings (bench_data.sh says why).
"$aftersales" --db "$db" --quiet import tickets "$tickets" >/dev/null 2>&1

# 2016-12-01T00:00:00+08:00 and ten years of 365 days.
start=1480521600
span=$((3650 * 86400))
sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
UPDATE ticket SET due_at = due_at - reported_at + $start + (id - 1) * $span / $rows,
                  reported_at = $start + (id - 1) * $span / $rows;
INSERT INTO ticket_pause (ticket_id, from_at, to_at, reason)
  SELECT id, reported_at + 1800, CASE WHEN id % 100 = 7 THEN NULL ELSE reported_at + 9000 END,
         'waiting for the customer'
  FROM ticket WHERE id % 20 = 7;
INSERT INTO work_record (ticket_id, technicians, arrived_at, finished_at, work_done,
                         labour_hours_centi, travel_fen, signed_by, signed_at, sealed)
  SELECT id, '["ma"]', reported_at + 3600 * (1 + id % 30), reported_at + 3600 * (3 + id % 30),
         'replaced the part', 200, 15000, 'customer', reported_at + 3600 * (3 + id % 30), 1
  FROM ticket WHERE id % 100 NOT IN (3, 7, 13);
UPDATE ticket SET state = 'closed', resume_state = 'closed'
  WHERE id IN (SELECT ticket_id FROM work_record);
UPDATE ticket SET state = 'paused', resume_state = 'in_service' WHERE id % 100 = 7;
UPDATE ticket SET state = 'in_service', resume_state = 'in_service' WHERE id % 100 = 3;
UPDATE ticket SET state = 'analysed', resume_state = 'analysed' WHERE id % 200 = 13;
INSERT INTO ticket_actual_line (ticket_id, position, kind, description, quantity_milli,
                                unit_price_fen, amount_fen, coverage)
  SELECT t.id, 1, 'work', '维修工时', 2000, 8000, 16000, t.coverage
  FROM ticket t JOIN work_record w ON w.ticket_id = t.id
  UNION ALL
  SELECT t.id, 2, 'travel', '差旅费', 1000, 15000, 15000, t.coverage
  FROM ticket t JOIN work_record w ON w.ticket_id = t.id
  UNION ALL
  SELECT t.id, 3, 'part', '液压油管', 1000, 23000 + t.id % 7 * 1000, 23000 + t.id % 7 * 1000,
         t.coverage
  FROM ticket t JOIN work_record w ON w.ticket_id = t.id WHERE t.id % 3 = 0;
UPDATE ticket SET quality_claim = 1, quality_confirmed = CASE WHEN id % 40 = 1 THEN 1 END
  WHERE id % 20 = 1;
UPDATE ticket SET visit_due_on =
    (SELECT date(w.finished_at + 8 * 3600 + 7 * 86400, 'unixepoch')
     FROM work_record w WHERE w.ticket_id = ticket.id)
  WHERE coverage = 'warranty' AND state = 'closed' AND id % 10 = 5;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
echo "$db: $(sqlite3 "$db" 'SELECT count(*) FROM ticket') tickets, $(du -m "$db" | cut -f1) MB"
