// Twelve months of 表7 counts, each month counted exactly as `report monthly` counts it.
#include "aftersales/reports/report_history.h"

#include <algorithm>

namespace aftersales {

Period month_shifted(const Period& month, int delta) {
  const int index = month.from.year() * 12 + (month.from.month() - 1) + delta;
  return month_period(index / 12, index % 12 + 1);
}

ReportHistory report_history(Context& ctx, const Period& month, std::size_t top) {
  ReportHistory history;
  history.month = month;
  for (int back = kHistoryMonths - 1; back >= 0; --back) {
    const Period period = month_shifted(month, -back);
    const MonthlyReport report = monthly_counts(ctx, period);
    history.months.push_back(MonthCounts{period, report.services, report.warranty, report.paid,
                                         report.free, report.resolved, report.cancelled});
    if (back == 0) {
      for (const CategoryCount& category : report.by_category) {
        if (category.count > 0) history.top_categories.push_back(category);
      }
    }
  }
  // by_category is in the rulebook's order, then by name: a stable sort keeps that for ties.
  std::stable_sort(
      history.top_categories.begin(), history.top_categories.end(),
      [](const CategoryCount& a, const CategoryCount& b) { return a.count > b.count; });
  if (history.top_categories.size() > top) history.top_categories.resize(top);
  return history;
}

}  // namespace aftersales
