// The numbers of customer care that the reports show (表10 satisfaction, complaints, 培训达标率).
#include "aftersales/care/care_metrics.h"

#include <set>

#include "aftersales/care/care_rules.h"
#include "aftersales/care/complaints.h"
#include "aftersales/care/training.h"
#include "aftersales/store/store.h"
#include "care/care_period.h"

namespace aftersales {

CareMetrics care_metrics(Context& ctx, Date from, Date to) {
  const UtcOffset zone = ctx.rules.general.utc_offset;
  CareMetrics m;
  m.from = from;
  m.to = to;
  const auto within = [&](Date day) { return day >= from && day <= to; };

  for (const Survey& survey : ctx.store.care().list_surveys(std::nullopt)) {
    if (!within(local_date(survey.surveyed_at, zone))) continue;
    m.surveys += 1;
    for (int k = 0; k < kScoreDimensions; ++k) {
      const bool satisfied = is_satisfied(ctx.rules, survey.scores[k]);
      m.satisfied[k].den += 1;
      m.satisfied[k].num += satisfied ? 1 : 0;
      m.satisfied_overall.den += 1;
      m.satisfied_overall.num += satisfied ? 1 : 0;
    }
  }

  for (const Complaint& complaint : ctx.store.care().list_complaints()) {
    const Date opened = local_date(complaint.opened_at, zone);
    if (complaint.kind == ComplaintKind::kSuggestion) {
      m.suggestions_opened += within(opened) ? 1 : 0;
      continue;
    }
    if (within(opened)) m.complaints_opened += 1;
    std::optional<Date> closed;
    if (complaint.closed_at) closed = local_date(*complaint.closed_at, zone);
    if (closed && within(*closed)) {
      m.complaints_closed += 1;
      if (*closed <= complaint.deadline) m.complaints_closed_on_time += 1;
    }
    if (opened <= to && complaint_overdue(complaint.deadline, closed, to)) {
      m.complaints_overdue += 1;
    }
  }

  std::set<std::string> trained;
  std::set<std::string> passed;
  for (const TrainingRecord& record : ctx.store.care().list_training()) {
    if (!within(record.trained_on)) continue;
    trained.insert(record.serial);
    if (record.passed) passed.insert(record.serial);
  }
  m.units_trained = static_cast<std::int64_t>(trained.size());
  m.units_passed = static_cast<std::int64_t>(passed.size());
  m.pass_rate = Ratio{m.units_passed, m.units_trained};
  return m;
}

CareMetrics care_metrics_for_month(Context& ctx, const std::string& month) {
  const Date first = care::read_month(month, "care metrics");
  return care_metrics(ctx, first, care::last_day_of_month(first));
}

CareMetrics care_metrics_for_year(Context& ctx, const std::string& year) {
  const int y = care::read_year(year, "care metrics");
  return care_metrics(ctx, Date::from_ymd(y, 1, 1), Date::from_ymd(y, 12, 31));
}

}  // namespace aftersales
