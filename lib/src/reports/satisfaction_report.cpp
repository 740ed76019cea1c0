// 表10: satisfaction rates of the month's forms, its counts and the complaints.
#include "aftersales/reports/satisfaction_report.h"

#include <cmath>
#include <cstddef>

#include "aftersales/care/care_metrics.h"
#include "aftersales/store/store.h"
#include "aftersales/store/visit_store.h"

namespace aftersales {

SatisfactionReport satisfaction_report(Context& ctx, const Period& month) {
  SatisfactionReport report;
  report.month = month;
  report.target_bp = std::llround(ctx.rules.kpi.satisfaction_rate * 100);

  // The forms of the month's visits, counted in the store on the visit day's index (the same
  // figures as visit_stats, without walking the visits due).
  const VisitFormCounts visits =
      ctx.store.visits().count_forms(month.from, month.to, ctx.rules.visits.satisfied_min_score);
  report.visits.forms = visits.forms;
  for (std::size_t i = 0; i < report.visits.dimensions.size(); ++i) {
    report.visits.dimensions[i] = Ratio{visits.satisfied[i], visits.forms};
    report.visits.overall.num += visits.satisfied[i];
    report.visits.overall.den += visits.forms;
  }
  report.visits_made = visits.visits;
  report.repair_visits = visits.repair_visits;
  report.new_unit_visits = visits.new_unit_visits;

  const CareMetrics care = care_metrics(ctx, month.from, month.to);
  report.survey.forms = care.surveys;
  report.survey.dimensions = care.satisfied;
  report.survey.overall = care.satisfied_overall;
  report.complaints_opened = care.complaints_opened;
  report.complaints_closed = care.complaints_closed;
  report.complaints_closed_on_time = care.complaints_closed_on_time;
  report.complaints_overdue = care.complaints_overdue;
  report.suggestions_opened = care.suggestions_opened;

  report.problems = quality_report(ctx, month).all;
  return report;
}

}  // namespace aftersales
