// The windows of customer care, pure: when the annual survey (表9) of a year is due and late,
// a complaint's last day on time (客户投诉), and when a delivered unit's handover training (新车
// 交接培训) is missing. Day counting follows DOMAIN.md: the event's day is day 0, day N on time.
#pragma once

#include <optional>

#include "aftersales/core/time.h"
#include "aftersales/rules/rules.h"

namespace aftersales {

// 表9 (JL-8.1-01, 每年第四季度): the first and the last day of [survey] quarter of `year`.
// With the default quarter 4: 1 October and 31 December.
Date survey_window_opens(const Rules& rules, int year);
Date survey_window_closes(const Rules& rules, int year);

// Whether a customer not yet surveyed in `year` is due as of `today`: from the first day of the
// quarter on (due on 1 October, not on 30 September).
bool survey_due(const Rules& rules, int year, Date today);
// Whether that survey is late as of `today`: after the quarter's last day (after 31 December).
bool survey_overdue(const Rules& rules, int year, Date today);

// 客户投诉: the last day a complaint opened on `opened` is handled on time: opened +
// [complaints] deadline_days (day 7 on time, day 8 late).
Date complaint_deadline(const Rules& rules, Date opened);

// Whether a complaint with last day `deadline` is overdue as of `as_of`: not closed on or before
// `as_of`, and `as_of` is after its deadline.
bool complaint_overdue(Date deadline, const std::optional<Date>& closed_on, Date as_of);

// 新车交接培训: the last day a unit shipped on `shipped` is trained on time: shipped +
// [training] within_days (day 10 on time, day 11 missing).
Date training_due_on(const Rules& rules, Date shipped);

// Whether a unit shipped on `shipped` is missing its training as of `today`: it has no passed
// training record and today is after training_due_on.
bool training_missing(const Rules& rules, Date shipped, bool passed, Date today);

// A score of 表2/表9 counts as satisfied from [visits] satisfied_min_score on (4 and 5).
bool is_satisfied(const Rules& rules, int score);

}  // namespace aftersales
