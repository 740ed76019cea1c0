// What the reports (issue 12: 表10, KPIs) need from customer care, per period, in whole
// numbers: survey forms filled and satisfaction per dimension and overall (服务满意率), complaints
// opened, closed, closed on time and overdue at the period's end, and handover training with its
// pass rate (培训达标率). Rates are numerator/denominator; nothing is floating point.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "aftersales/care/surveys.h"
#include "aftersales/core/context.h"
#include "aftersales/core/ratio.h"

namespace aftersales {

struct CareMetrics {
  Date from;  // the period, both days included
  Date to;
  // 表9: surveys recorded in the period (by the day surveyed).
  std::int64_t surveys = 0;
  // Per dimension: scores >= [visits] satisfied_min_score over the forms.
  std::array<Ratio, kScoreDimensions> satisfied{};
  Ratio satisfied_overall;  // every score of every form
  // 客户投诉 (complaints only; suggestions are counted apart).
  std::int64_t complaints_opened = 0;
  std::int64_t complaints_closed = 0;          // closed in the period
  std::int64_t complaints_closed_on_time = 0;  // of those, closed by their deadline
  std::int64_t complaints_overdue = 0;  // opened by the period's end, open then and past deadline
  std::int64_t suggestions_opened = 0;
  // 新车交接培训: units with a training in the period, those with a passed one, and the rate.
  std::int64_t units_trained = 0;
  std::int64_t units_passed = 0;
  Ratio pass_rate;  // units_passed / units_trained
};

// The metrics of the days from `from` to `to` (both included).
CareMetrics care_metrics(Context& ctx, Date from, Date to);
// Of a month "YYYY-MM" and of a year "YYYY". Error(kInvalidInput) for a bad period.
CareMetrics care_metrics_for_month(Context& ctx, const std::string& month);
CareMetrics care_metrics_for_year(Context& ctx, const std::string& year);

}  // namespace aftersales
