// The visit statistics of a month (表2 回访, counted as 表10's 说明 asks: 填写回访表数量, 售后服务
// 回访数量, 新产品出厂回访数量) and the visits due in it: due, done, on time (issue 12).
#pragma once

#include <cstdint>

#include "aftersales/core/context.h"
#include "aftersales/core/ratio.h"
#include "aftersales/visits/visits.h"

namespace aftersales {

struct VisitsReport {
  Period month;
  // The due visits (new unit within 10 days, repair within a week, key customer per half,
  // maintenance) whose last day falls in the month: done so far, and done by their last day
  // (day N on time, day N+1 late).
  std::int64_t due = 0;
  std::int64_t done = 0;
  std::int64_t done_on_time = 0;
  std::int64_t done_late() const { return done - done_on_time; }
  std::int64_t not_done() const { return due - done; }
  // The visits made in the month (by their day): all, new-unit (shipment), after-sales
  // (repair), and the forms filled in (with scores).
  std::int64_t visits = 0;
  std::int64_t new_unit_visits = 0;
  std::int64_t repair_visits = 0;
  std::int64_t forms_filled = 0;
  // 保修期内客户回访率 and its [kpi] visit_rate target in hundredths of a percent.
  Ratio warranty_visit_rate;
  std::int64_t warranty_visit_target_bp = 0;
};

// The visit statistics of `month` (reports/monthly_report.h report_month), from visit_stats
// (visits/visits.h). Reads only.
VisitsReport visits_report(Context& ctx, const Period& month);

}  // namespace aftersales
