#!/usr/bin/env bash
# The demo: a fresh database loaded from the example spreadsheets with `aftersales import`
# (the same rules as typed commands), an acceptance and a history note typed by a clerk, one
# unit's factory archive (表1), the units, and a service request (表3).
# Usage: examples/demo.sh AFTERSALES_BINARY DATABASE
set -euo pipefail
bin=$1
db=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$db" "$db-wal" "$db-shm"
as() { "$bin" --db "$db" --quiet "$@"; }

# The ledger keeps the rulebook it was made with; whoever runs init is its admin.
as --config "$here/aftersales.toml" init
as import customers "$here/customers.csv" >/dev/null
as import models "$here/models.csv" >/dev/null
as import units "$here/units.csv" >/dev/null
as unit accept 2025-001 --date 2025-03-08 --signer 王明
as unit edit 2025-001 --km 48200
as unit note 2025-001 --kind quality --text "液压泵异响, 更换液压泵" >/dev/null
ticket=$(as ticket open --unit 2025-003 --category 消防炮 --channel phone --priority urgent \
  --desc "消防炮不能转动")
as ticket analyse "$ticket" --text "回转电机故障, 需更换电机"
as ticket estimate "$ticket" --parts 800 --labour-hours 2.5 --travel 300

echo "== aftersales unit show 2025-001"
as unit show 2025-001
echo
echo "== aftersales unit list"
as unit list
echo
echo "== aftersales unit list --incomplete"
as unit list --incomplete
echo
echo "== aftersales ticket list"
as ticket list
echo
echo "== aftersales approval list --pending"
as approval list --pending
echo
echo "== aftersales import list"
as import list
