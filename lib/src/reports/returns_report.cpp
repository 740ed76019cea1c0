// 表12: the failed parts not back by a month's end, past their last day.
#include "aftersales/reports/returns_report.h"

#include "aftersales/store/part_return_store.h"
#include "aftersales/store/store.h"

namespace aftersales {

ReturnsReport returns_report(Context& ctx, const Period& month) {
  ReturnsReport report;
  report.month = month;
  const Date as_of = month.to;
  // Overdue at as_of: as_of > owed_since + days, that is owed_since <= as_of - days - 1.
  const Date owed_by = as_of.plus_days(-ctx.rules.parts.return_overdue_days - 1);
  ctx.store.part_returns().each_return_out(owed_by, as_of, [&](const PartReturn& line) {
    OverdueReturn overdue;
    overdue.line = line;
    overdue.due_on = return_due_on(ctx.rules, line.owed_since);
    overdue.days_late = as_of.days - overdue.due_on.days;
    report.quantity += line.quantity;
    report.value = report.value + overdue.value();
    report.lines.push_back(std::move(overdue));
  });
  return report;
}

}  // namespace aftersales
