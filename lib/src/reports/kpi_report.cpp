// The five KPIs of a month against their targets.
#include "aftersales/reports/kpi_report.h"

#include <algorithm>
#include <cmath>

#include "aftersales/care/care_metrics.h"
#include "aftersales/parts/returns.h"
#include "aftersales/reports/monthly_report.h"
#include "aftersales/store/shipment_store.h"
#include "aftersales/store/store.h"
#include "aftersales/store/ticket_store.h"

namespace aftersales {
namespace {

Kpi make_kpi(const char* key, const char* label, const char* label_en, std::int64_t num,
             std::int64_t den, double target) {
  Kpi kpi;
  kpi.key = key;
  kpi.label = label;
  kpi.label_en = label_en;
  kpi.num = num;
  kpi.den = den;
  kpi.target_bp = std::llround(target * 100);
  kpi.verdict = kpi_verdict(num, den, kpi.target_bp);
  return kpi;
}

}  // namespace

const char* verdict_name(KpiVerdict verdict) {
  switch (verdict) {
    case KpiVerdict::kMet:
      return "met";
    case KpiVerdict::kMissed:
      return "missed";
    case KpiVerdict::kNoData:
      break;
  }
  return "no data";
}

KpiVerdict kpi_verdict(std::int64_t num, std::int64_t den, std::int64_t target_bp) {
  if (den <= 0) return KpiVerdict::kNoData;
  return num * 10000 >= target_bp * den ? KpiVerdict::kMet : KpiVerdict::kMissed;
}

KpiReport kpi_report(Context& ctx, const Period& month) {
  const UtcOffset zone = ctx.rules.general.utc_offset;
  const Timestamp from = start_of_day(month.from, zone);
  const Timestamp to = start_of_day(month.to.plus_days(1), zone);
  const Rules::Kpi& targets = ctx.rules.kpi;

  KpiReport report;
  report.month = month;
  const VisitStats visits = visit_stats(ctx, month);
  report.kpis.push_back(make_kpi("visit_rate", "保修期内客户回访率", "visit rate in warranty",
                                 visits.warranty_visit_rate.num, visits.warranty_visit_rate.den,
                                 targets.visit_rate));
  report.kpis.push_back(make_kpi("satisfaction_rate", "服务满意率", "service satisfaction rate",
                                 visits.satisfaction_overall.num, visits.satisfaction_overall.den,
                                 targets.satisfaction_rate));
  const ArrivalCount arrivals = ctx.store.tickets().warranty_arrivals(from, to);
  report.kpis.push_back(make_kpi("on_time_rate", "保修内服务及时率",
                                 "warranty service on-time rate", arrivals.on_time,
                                 arrivals.arrived, targets.on_time_rate));
  const Ratio trained = care_metrics(ctx, month.from, month.to).pass_rate;
  report.kpis.push_back(make_kpi("training_pass_rate", "培训达标率", "handover training pass rate",
                                 trained.num, trained.den, targets.training_pass_rate));
  const std::int64_t shipped = ctx.store.shipments().lines_shipped(from, to);
  const std::int64_t wrong_count = wrong_parts_received(ctx, month.from, month.to);
  report.kpis.push_back(make_kpi("part_accuracy_rate", "配件出货正确率", "part shipment accuracy",
                                 std::max<std::int64_t>(shipped - wrong_count, 0), shipped,
                                 targets.part_accuracy_rate));
  return report;
}

}  // namespace aftersales
