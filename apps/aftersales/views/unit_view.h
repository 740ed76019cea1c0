// How units read on screen and in files: the factory archive (表1) with its history, and the
// unit list with the warranty today.
#pragma once

#include <vector>

#include "aftersales/io/render.h"
#include "aftersales/io/table.h"
#include "aftersales/rules/rules.h"
#include "aftersales/units/units.h"

namespace aftersales::cli {

// Everything `unit show` prints: the fields of 表1, the warranty today, what the archive
// lacks and when it was filed (R21), then the tables history (notes), tickets and
// work_records (the service records filed into it) and changes (the audit trail). Times in the
// rules' zone. In `format` table a change reads as `field: before → after`, one line per field,
// at the business time it was made under; in the data formats each field's change is an object
// (field, before, after) beside the entry's real time `at` and its `business_at`.
RecordView archive_view(const UnitArchive& archive, const Rules& rules, Format format);

// One row per unit of `unit list`.
Table unit_table(const std::vector<UnitSummary>& units);
// The same, streamed: the columns, and one unit's row.
std::vector<Column> unit_columns();
std::vector<Cell> unit_row(const UnitSummary& summary);

// The columns of `unit find`, and one row per unit found.
Table unit_find_table();
void add_found_unit(Table& table, const UnitNumberHit& hit);

}  // namespace aftersales::cli
