#!/usr/bin/env bash
# The demo: a fresh database loaded from the example spreadsheets with `aftersales import`
# (the same rules as typed commands), an acceptance and a history note typed by a clerk, one
# unit's factory archive (表1), the units, a service request (表3), and a part issued for it
# (表11) from the catalogue and opening stock the warehouse imported, behind its approvals and
# gate pass (出门证), a follow-up visit (表2) and the visits due.
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
# The demo's staff sign as themselves (--as) under a declared identity; the runner, admin since
# init, applies it to the ledger's rulebook.
as config apply "$here/demo-staff.toml" >/dev/null
ticket=$(as --as zhang ticket open --unit 2025-003 --category 消防炮 --channel phone \
  --priority urgent --desc "消防炮不能转动")
as --as zhang ticket analyse "$ticket" --text "回转电机砂眼漏油, 属质量问题" --quality-defect
as --as zhang ticket estimate "$ticket" --parts 420 --labour-hours 2.5 --travel 300

# A warranty issue (表11) of the motor for the ticket: three leaders sign, the deputy GM signs
# its gate pass (出门证, up to 500.00), and the warehouse ships it.
# The warehouse imports its catalogue and opening stock (期初库存) from spreadsheets.
as --as wu import parts "$here/parts.csv" >/dev/null
as --as wu import stock "$here/opening-stock.csv" >/dev/null
issue=$(as --as zhang part request --ticket "$ticket" --line PL24-M:1)
approval_of() { as --format csv approval list --subject "$1" --pending | sed -n 2p | cut -d, -f1; }
for leader in xu wang zhao; do as --as "$leader" approval approve "$(approval_of "$issue")"; done
pass=$(as --format csv gatepass list | sed -n 2p | cut -d, -f1)
as --as wang approval approve "$(approval_of "$pass")"
as --as wu part ship "$issue" --freight 60

# A follow-up visit (回访, 表2) of the unit shipped on 2026-11-20: it settles its new-unit visit.
as --as zhang visit record --unit 2026-002 --reason shipment --scores 5,4,5,4,5 --at 2026-11-28T10:00 \
  --suggestion "希望增加夜间服务" >/dev/null
# Its handover training (新车交接培训), given by the technician.
as --as ma training record 2026-002 --date 2026-11-21 --trainer ma --passed >/dev/null

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
echo "== aftersales part requests"
as part requests
echo
echo "== aftersales gatepass list"
as gatepass list
echo
echo "== aftersales part stock"
as part stock
echo
echo "== aftersales import list"
as import list
echo
echo "== aftersales visit due"
as visit due
echo
# The nightly report (examples/nightly.sh, run by cron) of this month so far, beside the demo
# database: every report as .csv and .xlsx, the month's workbook with its charts, the page.
# The month is the ledger's local one (+08:00, examples/aftersales.toml), where today's ticket is.
month=$(TZ=Asia/Shanghai date +%Y-%m)
reports="$(dirname "$db")/reports"
echo "== aftersales report nightly --month $month -o $reports"
as report nightly --month "$month" -o "$reports"
ls -l "$reports"
