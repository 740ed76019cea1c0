// aftersales export ENTITY [--month YYYY-MM --since DATE] [-o FILE]: every record type as rows
// with stable headers (docs/export.md), streamed from the store to the writer.
#include <fmt/format.h>

#include "aftersales/export/export.h"
#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {

void attach_export(CLI::App& family, Session& session) {
  example(family, "aftersales export tickets --month 2026-11 -o tickets-2026-11.csv --bom");
  define_command<ExportRequest>(
      family, session, StoreUse::kReads,
      [](CLI::App& command, ExportRequest& r) {
        command.add_option("entity", r.entity,
                           "tickets, units, customers, ...: run without one for the list");
        command.add_option("--month", r.month, "only records whose business date is in YYYY-MM");
        command.add_option("--since", r.since,
                           "only records whose business date is on or after YYYY-MM-DD");
      },
      [](Session& s, const ExportRequest& r) {
        // An unknown or missing entity is refused before the ledger is opened.
        const std::vector<Column> columns = export_header(r.entity);
        Context& ctx = s.context();
        s.emit_rows(columns, [&](RowWriter& rows) {
          export_rows(ctx, r, [&](const std::vector<Cell>& row) { rows.row(row); });
        });
      });
}

}  // namespace aftersales::cli
