// The windows of the follow-up visits (表2), each from [visits] of the rulebook.
#include "aftersales/visits/visit_rules.h"

#include <cstdint>

namespace aftersales {
namespace {

// The first day of period `period` (1-based) of `year`; period n+1 is the next year's first.
Date key_customer_period_start(int periods, int year, int period) {
  if (period > periods) return Date::from_ymd(year + 1, 1, 1);
  if (12 % periods == 0) return Date::from_ymd(year, 1 + (period - 1) * (12 / periods), 1);
  const Date first = Date::from_ymd(year, 1, 1);
  const std::int64_t days = Date::from_ymd(year + 1, 1, 1).days - first.days;
  return first.plus_days(static_cast<int>(days * (period - 1) / periods));
}

}  // namespace

VisitWindow new_unit_visit_window(const Rules& rules, Date shipped_on) {
  // 表2: 新出厂设备10日内必须进行回访; the ship day is day 0, day 10 is on time.
  return {shipped_on, shipped_on.plus_days(rules.visits.new_unit_days)};
}

VisitWindow major_repair_visit_window(Date finished_on, Date visit_due_on) {
  return {finished_on, visit_due_on};
}

Date major_repair_visit_due_on(const Rules& rules, Date finished_on) {
  // 表2: 维修后一周内回访; the finish day is day 0, day 7 is on time.
  return finished_on.plus_days(rules.visits.major_repair_days);
}

int key_customer_periods(const Rules& rules) { return rules.visits.key_customer_per_year; }

VisitWindow key_customer_visit_window(const Rules& rules, int year, int period) {
  // 大客户每年回访不少于2次: one visit in each of the year's equal periods.
  const int periods = key_customer_periods(rules);
  return {key_customer_period_start(periods, year, period),
          key_customer_period_start(periods, year, period + 1).plus_days(-1)};
}

int key_customer_period_of(const Rules& rules, Date day) {
  const int periods = key_customer_periods(rules);
  int period = 1;
  while (period < periods && key_customer_period_start(periods, day.year(), period + 1) <= day) {
    ++period;
  }
  return period;
}

VisitWindow maintenance_visit_window(const Rules& rules, Date shipped_on, int interval_days,
                                     int nth) {
  // 按时间和气候的变化提示保养: due at each interval, listed from maintenance_lead_days before.
  const Date due = shipped_on.plus_days(interval_days * nth);
  return {due.plus_days(-rules.visits.maintenance_lead_days), due};
}

int visit_days_late(const VisitWindow& window, Date day) {
  return day > window.due_on ? day.days - window.due_on.days : 0;
}

bool visit_overdue(const VisitWindow& window, Date today) { return today > window.due_on; }

bool satisfied_score(const Rules& rules, int score) {
  return score >= rules.visits.satisfied_min_score;
}

}  // namespace aftersales
