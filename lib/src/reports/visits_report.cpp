// The month's visit statistics (表2, 表10 说明).
#include "aftersales/reports/visits_report.h"

#include <cmath>

namespace aftersales {

VisitsReport visits_report(Context& ctx, const Period& month) {
  const VisitStats stats = visit_stats(ctx, month);
  VisitsReport report;
  report.month = month;
  report.due = stats.due;
  report.done = stats.done;
  report.done_on_time = stats.done_on_time;
  report.visits = stats.visits;
  report.new_unit_visits = stats.new_unit_visits;
  report.repair_visits = stats.repair_visits;
  report.forms_filled = stats.forms_filled;
  report.warranty_visit_rate = stats.warranty_visit_rate;
  report.warranty_visit_target_bp = std::llround(ctx.rules.kpi.visit_rate * 100);
  return report;
}

}  // namespace aftersales
