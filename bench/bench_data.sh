# The benchmarks' dataset (sourced by import_bench.sh, make_ledger.sh and search_bench.sh):
# 1,000 customers, 27 models, 10,000 units and ROWS tickets, generated once into
# $work/data-ROWS by $generate and reused; tickets-no-km.csv is the tickets with the km column
# renamed away, since the generator's readings are not monotonic per unit and the odometer
# rule refuses them (the same bytes for every tool, no readings).
#
#   bench_data ROWS     sets $data (the directory) and $tickets (tickets-no-km.csv)
#   gen FILE ARGS...    generates FILE in $data unless a complete one is there

gen() {
  local file=$1; shift
  [[ -s "$data/$file" ]] && return
  # The partial file keeps the extension: it decides the format.
  "$generate" "$@" -o "$data/partial-$file" && mv "$data/partial-$file" "$data/$file"
}

bench_data() {
  data="$work/data-$1"
  mkdir -p "$data"
  gen customers.csv customers --rows 1000
  gen models.csv models --rows 27
  gen units.csv units --rows 10000
  gen tickets.csv tickets --rows "$1" --units 10000
  [[ -s "$data/tickets-no-km.csv" ]] ||
    sed '1s/,km\r$/,odometer_not_imported\r/' "$data/tickets.csv" >"$data/tickets-no-km.csv"
  tickets="$data/tickets-no-km.csv"
}
