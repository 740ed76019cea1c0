// Every record type of the ledger as rows for `aftersales export ENTITY` (issue 12, item 4):
// one export query per entity, its columns stable (docs/export.md), its rows read one at a time
// so that an export of millions of rows keeps memory flat. Read only.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/time.h"
#include "aftersales/io/table.h"

namespace aftersales {

// One exportable record type: its name on the command line, what it holds, and the business
// date --month and --since filter it by (empty when it has none, as customers and models).
struct ExportEntity {
  std::string name;         // "tickets", "stock-moves", ...
  std::string description;  // "service requests (表3)"
  std::string date_field;   // "reported_at"; empty: not dated
};

// The business-date span of an export, each bound optional: [from, to). For entities dated by
// an instant the store compares the instants, for those dated by a local date the dates (the
// same span, as YYYY-MM-DD).
struct ExportSpan {
  std::optional<Timestamp> from_time, to_time;
  std::optional<Date> from_date, to_date;
  bool any() const { return from_time || to_time || from_date || to_date; }
};

// Every entity, in the order `aftersales export` lists them. Needs no ledger.
const std::vector<ExportEntity>& export_entities();
// The columns of `entity` (keys are the CSV header and JSON keys, each with its kind), nullopt
// for an unknown name. Needs no ledger.
std::optional<std::vector<Column>> export_columns(const std::string& entity);

class ExportStore {
 public:
  virtual ~ExportStore() = default;
  // Calls `visit` with each row of `entity` whose business date lies in `span`, in a stable
  // order (the record's natural key or id), one cell per export_columns(entity), instants
  // written in `zone`. Error(kUsage) for an unknown entity or a span on an undated one,
  // Error(kStorageUnavailable) when the ledger cannot be read.
  virtual void each_row(const std::string& entity, const ExportSpan& span, UtcOffset zone,
                        const std::function<void(const std::vector<Cell>&)>& visit) = 0;
};

}  // namespace aftersales
