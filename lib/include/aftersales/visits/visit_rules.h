// The windows of the follow-up visits (表2), one pure function per rule, each with its numbers
// from [visits] of the rulebook. A window opens on `opens_on` and its last day on time is
// `due_on` (DOMAIN.md "Reading the seed's numbers": within N days counts the event's day as
// day 0; day N is on time, day N+1 late).
#pragma once

#include "aftersales/core/time.h"
#include "aftersales/rules/rules.h"

namespace aftersales {

struct VisitWindow {
  Date opens_on;
  Date due_on;  // the last day on time
};

// 表2 新出厂设备: every new unit within [visits] new_unit_days of shipping (10日内): opens on
// the ship date, last day ship date + new_unit_days.
VisitWindow new_unit_visit_window(const Rules& rules, Date shipped_on);

// 表2 维修后一周内: after a major warranty repair, from the day it finished to the ticket's
// visit_due_on (finish + [visits] major_repair_days, set by record_work).
VisitWindow major_repair_visit_window(Date finished_on, Date visit_due_on);

// The last day of a major repair's visit finished on `finished_on`: finish + major_repair_days.
Date major_repair_visit_due_on(const Rules& rules, Date finished_on);

// 大客户 at least [visits] key_customer_per_year times a year: the year split in that many
// equal periods, one visit in each. When the count divides 12 the periods are whole months
// (2: January-June and July-December; 4: quarters); otherwise the year's days are split evenly.
// Periods are numbered 1..key_customer_per_year.
int key_customer_periods(const Rules& rules);
VisitWindow key_customer_visit_window(const Rules& rules, int year, int period);
// The period of the year that holds `day` (1..key_customer_periods).
int key_customer_period_of(const Rules& rules, Date day);

// 按时间提示保养: the Nth (1, 2, ...) maintenance of a unit shipped on `shipped_on` is due at
// shipped_on + N x `interval_days` (the model's maintenance_days) and listed from [visits]
// maintenance_lead_days before.
VisitWindow maintenance_visit_window(const Rules& rules, Date shipped_on, int interval_days,
                                     int nth);

// Days past the window's last day as of `day` (a visit's day, or today); 0 when not past.
int visit_days_late(const VisitWindow& window, Date day);

// Overdue as of `today`: past the last day on time.
bool visit_overdue(const VisitWindow& window, Date today);

// A 表2 score that counts as satisfied: at least [visits] satisfied_min_score (4 or 5).
bool satisfied_score(const Rules& rules, int score);

}  // namespace aftersales
