#!/usr/bin/env bash
# The nightly report job, for cron: every report of the last full month (`aftersales report
# nightly`) into a directory, replaced as one set (a failed run leaves last night's files).
# Usage: examples/nightly.sh DATABASE OUTPUT_DIR [extra aftersales options, e.g. --month 2026-10]
# Environment: AFTERSALES_BIN (default: `aftersales` on PATH, else the release build beside this
# script). Logs to stderr; the exit code is aftersales's own (0 all written, 6 storage: retry).
# crontab:  15 2 * * * /opt/aftersales/examples/nightly.sh /srv/aftersales/ledger.db /srv/aftersales/reports
set -uo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 DATABASE OUTPUT_DIR [aftersales options...]" >&2
  exit 2
fi
db=$1
out=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
bin=${AFTERSALES_BIN:-}
if [ -z "$bin" ]; then
  if command -v aftersales >/dev/null 2>&1; then
    bin=aftersales
  else
    bin="$here/../build/release/apps/aftersales/aftersales"
  fi
fi
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) nightly: $*" >&2; }

mkdir -p "$(dirname "$out")"
log "reports of $db into $out"
"$bin" --db "$db" report nightly -o "$out" "$@"
status=$?
if [ "$status" -eq 0 ]; then
  log "done"
else
  log "failed with exit $status; the previous files in $out are unchanged"
fi
exit "$status"
