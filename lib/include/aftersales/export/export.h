// `aftersales export ENTITY` (issue 12, item 4): every record type of the ledger as rows with
// stable columns (docs/export.md), filtered by business date in SQL and streamed from the
// store's cursor. Read only; anyone who may read the ledger may export it (CLI.md says nothing
// of a role for it, and every list shows the same records).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/io/table.h"
#include "aftersales/store/export_store.h"

namespace aftersales {

struct ExportRequest {
  std::string entity;
  std::optional<std::string> month;  // YYYY-MM: the business date's month (local)
  std::optional<std::string> since;  // YYYY-MM-DD: from this local day on, inclusive
};

// The columns of `entity`. Throws Error(kUsage) naming every entity when it is unknown or empty.
std::vector<Column> export_header(const std::string& entity);

// The span of --month and --since in `zone` (both: the later start). Throws
// Error(kInvalidInput) for a month or date it cannot read.
ExportSpan export_span(const ExportRequest& request, UtcOffset zone);

// Hands each row of the entity within the span to `visit`, in a stable order, as the store
// reads it. Throws Error(kUsage) for an unknown entity or a date filter on an undated one,
// Error(kInvalidInput) for a bad --month / --since.
void export_rows(Context& ctx, const ExportRequest& request,
                 const std::function<void(const std::vector<Cell>&)>& visit);

}  // namespace aftersales
