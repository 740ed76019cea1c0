#!/usr/bin/env bash
# Loads the example customers, models and units into a fresh database through the same
# commands a clerk types, records an acceptance and a history note, then shows one unit's
# factory archive (表1) and lists the units.
# Usage: examples/demo.sh AFTERSALES_BINARY DATABASE
set -euo pipefail
bin=$1
db=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$db" "$db-wal" "$db-shm"
as() { "$bin" --db "$db" --config "$here/aftersales.toml" --quiet "$@"; }

as init
# Columns of our own example files: no quoted fields (the importer of a later issue reads any).
while IFS=, read -r code name contact phone email address region key; do
  flags=(--name "$name" --contact "$contact" --phone "$phone" --address "$address" --region "$region")
  [ -n "$email" ] && flags+=(--email "$email")
  [ "$key" = yes ] && flags+=(--key)
  as customer add "$code" "${flags[@]}" >/dev/null
done < <(tail -n +2 "$here/customers.csv")
while IFS=, read -r code name category months km days; do
  flags=(--name "$name" --category "$category" --warranty-months "$months")
  [ -n "$km" ] && flags+=(--warranty-km "$km")
  [ -n "$days" ] && flags+=(--maintenance-days "$days")
  as model add "$code" "${flags[@]}" >/dev/null
done < <(tail -n +2 "$here/models.csv")
while IFS=, read -r serial model customer shipped vin engine plate config terms; do
  as unit add "$serial" --model "$model" --customer "$customer" --shipped "$shipped" \
    --vin "$vin" --engine "$engine" --plate "$plate" --config "$config" --terms "$terms" >/dev/null
done < <(tail -n +2 "$here/units.csv")
as unit accept 2025-001 --date 2025-03-08 --signer 王明
as unit edit 2025-001 --km 48200
as unit note 2025-001 --kind quality --text "液压泵异响, 更换液压泵" >/dev/null

echo "== aftersales unit show 2025-001"
as unit show 2025-001
echo
echo "== aftersales unit list"
as unit list
echo
echo "== aftersales unit list --incomplete"
as unit list --incomplete
