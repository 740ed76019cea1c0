// The five KPIs of DOMAIN.md ("Reports") for a month against the rulebook's targets ([kpi]):
// each with numerator, denominator, rate, target and verdict. The verdict compares integers:
// a rate meets its target when num * 10000 >= target_bp * den ("98%以上" is at least 98%); a
// KPI with denominator 0 has no data, neither met nor missed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/core/ratio.h"
#include "aftersales/visits/visits.h"

namespace aftersales {

enum class KpiVerdict { kMet, kMissed, kNoData };

const char* verdict_name(KpiVerdict verdict);  // met, missed, no data

struct Kpi {
  std::string key;       // visit_rate, satisfaction_rate, on_time_rate, training_pass_rate,
                         // part_accuracy_rate (the [kpi] keys)
  std::string label;     // the seed's name, e.g. 服务满意率
  std::string label_en;  // its English name, e.g. service satisfaction rate
  std::int64_t num = 0;
  std::int64_t den = 0;
  std::int64_t target_bp = 0;  // the target in hundredths of a percent (98% -> 9800)
  KpiVerdict verdict = KpiVerdict::kNoData;
};

// The verdict of num/den against a target in hundredths of a percent.
KpiVerdict kpi_verdict(std::int64_t num, std::int64_t den, std::int64_t target_bp);

struct KpiReport {
  Period month;
  std::vector<Kpi> kpis;  // in DOMAIN.md's order
};

// The KPIs of `month` (reports/monthly_report.h report_month): visit rate in warranty and
// satisfaction from visit_stats (表2), the warranty on-time rate of the warranty tickets whose
// technician arrived in the month, the handover training pass rate (care_metrics), and part
// shipment accuracy: lines shipped in the month less the returns marked wrong that came back
// in it (not below 0), over the lines shipped. Reads only.
KpiReport kpi_report(Context& ctx, const Period& month);

}  // namespace aftersales
