// Overdue failed-part returns (表12, 退库单) at a month's end: a part replaced on a ticket whose
// unit price is over [parts] return_over owes its return within [parts] return_overdue_days of
// the work's finish (parts/returns.h). The report lists the lines whose last day had passed by
// the month's last day and which had not come back by then, so that a past month reads the same
// after the part comes back.
#pragma once

#include <cstdint>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/core/money.h"
#include "aftersales/parts/returns.h"
#include "aftersales/visits/visits.h"

namespace aftersales {

struct OverdueReturn {
  PartReturn line;
  Date due_on;                 // its last day (return_due_on)
  std::int64_t days_late = 0;  // at the month's last day: 1 on the day after due_on
  Money value() const { return Money{line.unit_price.fen * line.quantity}; }
};

struct ReturnsReport {
  Period month;
  std::vector<OverdueReturn> lines;  // in line order
  std::int64_t quantity = 0;         // parts still out, summed
  Money value;                       // their value at the unit prices of the work record
};

// The overdue returns at the last day of `month` (reports/monthly_report.h report_month).
// Reads only.
ReturnsReport returns_report(Context& ctx, const Period& month);

}  // namespace aftersales
