// The windows of customer care (表9 第四季度, 客户投诉 deadline, 新车交接培训), pure.
#include "aftersales/care/care_rules.h"

#include "care/care_period.h"

namespace aftersales {

Date survey_window_opens(const Rules& rules, int year) {
  return Date::from_ymd(year, (rules.survey.quarter - 1) * 3 + 1, 1);
}

Date survey_window_closes(const Rules& rules, int year) {
  return care::last_day_of_month(Date::from_ymd(year, rules.survey.quarter * 3, 1));
}

bool survey_due(const Rules& rules, int year, Date today) {
  return today >= survey_window_opens(rules, year);
}

bool survey_overdue(const Rules& rules, int year, Date today) {
  return today > survey_window_closes(rules, year);
}

Date complaint_deadline(const Rules& rules, Date opened) {
  return opened.plus_days(rules.complaints.deadline_days);
}

bool complaint_overdue(Date deadline, const std::optional<Date>& closed_on, Date as_of) {
  const bool closed_by_then = closed_on && *closed_on <= as_of;
  return !closed_by_then && as_of > deadline;
}

Date training_due_on(const Rules& rules, Date shipped) {
  return shipped.plus_days(rules.training.within_days);
}

bool training_missing(const Rules& rules, Date shipped, bool passed, Date today) {
  return !passed && today > training_due_on(rules, shipped);
}

bool is_satisfied(const Rules& rules, int score) {
  return score >= rules.visits.satisfied_min_score;
}

}  // namespace aftersales
