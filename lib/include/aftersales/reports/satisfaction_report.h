// 表10 客户满意率统计分析 for a month (issue 12): the satisfaction rate (服务满意率) per dimension
// of the forms (结构性能, 外观质量, 交货日期, 产品价格, 售后服务) and overall, from the follow-up
// visits' forms (表2) and apart from the annual survey's forms (表9); 表10's 分析
// (售后维修设备问题, 新出厂设备问题: the month's quality problems of 表8 on units in service and on
// new units) and 说明 (填写回访表数量, 售后服务回访数量, 新产品出厂回访数量); and the complaints of
// the month. A score counts as satisfied at [visits] satisfied_min_score or more (4 by default);
// the overall rate counts every score of every form (five per form).
#pragma once

#include <array>
#include <cstdint>

#include "aftersales/core/context.h"
#include "aftersales/core/ratio.h"
#include "aftersales/reports/quality_report.h"
#include "aftersales/visits/scores.h"
#include "aftersales/visits/visits.h"

namespace aftersales {

struct SatisfactionRates {
  std::int64_t forms = 0;                            // forms filled in the month
  std::array<Ratio, kScoreDimensions> dimensions{};  // satisfied scores / scores, 表2 order
  Ratio overall;
};

struct SatisfactionReport {
  Period month;
  std::int64_t target_bp = 0;  // [kpi] satisfaction_rate, hundredths of a percent (98% -> 9800)
  SatisfactionRates visits;    // 表2 forms of the follow-up visits made in the month
  SatisfactionRates survey;    // 表9 forms of the surveys made in the month
  // 表10 说明: visits made in the month, after-sales (repair) and new-unit (shipment) ones.
  std::int64_t visits_made = 0;
  std::int64_t repair_visits = 0;
  std::int64_t new_unit_visits = 0;
  // 表10 分析: quality problems (表8's definition) reported in the month.
  QualityCounts problems;
  // 客户投诉 of the month (care/care_metrics.h).
  std::int64_t complaints_opened = 0;
  std::int64_t complaints_closed = 0;
  std::int64_t complaints_closed_on_time = 0;
  std::int64_t complaints_overdue = 0;  // open at the month's end and past their deadline
  std::int64_t suggestions_opened = 0;
};

// 表10 of `month` (reports/monthly_report.h report_month): the visit forms counted in the store
// (store/visit_store.h count_forms: the figures visit_stats gives), care_metrics and
// quality_report. Reads only.
SatisfactionReport satisfaction_report(Context& ctx, const Period& month);

}  // namespace aftersales
