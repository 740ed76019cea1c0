// How units read on screen and in files: the factory archive (表1) with its history, and the
// unit list with the warranty today.
#pragma once

#include <vector>

#include "aftersales/io/table.h"
#include "aftersales/rules/rules.h"
#include "aftersales/units/units.h"

namespace aftersales::cli {

// Everything `unit show` prints: the fields of 表1, the warranty today, what the archive
// lacks, then the tables history (notes) and changes (the audit trail). Times in the rules'
// zone.
RecordView archive_view(const UnitArchive& archive, const Rules& rules);

// One row per unit of `unit list`.
Table unit_table(const std::vector<UnitSummary>& units);

}  // namespace aftersales::cli
