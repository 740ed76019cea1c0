// The last twelve months of 表7 for the nightly workbook's chart and the report page (issue 12):
// each month's service counts, and the month's top fault categories.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/reports/monthly_report.h"

namespace aftersales {

// The counts of 表7 for one month (monthly_report's definitions: tickets reported in the month
// by frozen coverage; `services` excludes the cancelled, `paid` includes the free repairs).
struct MonthCounts {
  Period month;
  std::int64_t services = 0;
  std::int64_t warranty = 0;
  std::int64_t paid = 0;
  std::int64_t free = 0;
  std::int64_t resolved = 0;
  std::int64_t cancelled = 0;
};

struct ReportHistory {
  Period month;                     // the month reported on
  std::vector<MonthCounts> months;  // kHistoryMonths of them, oldest first, ending at `month`
  // The month's fault categories with at least one service, most first (ties in the rulebook's
  // [lists] fault_categories order, then by name), at most `top` of them.
  std::vector<CategoryCount> top_categories;
};

inline constexpr int kHistoryMonths = 12;

// The counts of `month` and the eleven months before it, and the top `top` fault categories of
// `month`. Reads only (monthly_report once per month).
ReportHistory report_history(Context& ctx, const Period& month, std::size_t top = 8);

// The period of the month `delta` months from `month`'s (negative: earlier).
Period month_shifted(const Period& month, int delta);

}  // namespace aftersales
