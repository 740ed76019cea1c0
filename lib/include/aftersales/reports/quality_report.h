// 表8 月度质量统计分析报表: "( )月质量统计分析报表 ... 如下产品发生质量问题,具体情况如下" — the
// month's quality problems by model, by fault category and by part, on new units (新出厂设备)
// apart from units in service (issue 12). The seed gives 表8 no columns and no definition, so:
//
// A **quality problem** is a ticket (表3) reported in the month (local day of reported_at), not
// cancelled, whose analysis claims a quality defect (`ticket analyse --quality-defect`) that the
// technical department has not declined: confirmed (表11's 确属产品质量问题, 经公司技术部确认)
// or still awaiting its answer, shown apart. That is the same test 表11 applies before a
// warranty part issue (fault_is_quality_problem); a plain fault call or wear outside warranty is
// service (表7), not quality. Returns of failed parts (表12) are analysed by QC after the fact and
// are not counted here; the parts of a problem are those the work record (表6) used on it.
//
// A **new unit** is one the problem was reported on within the first [report] new_unit_months
// (default 3) months after its ship date: the days a warranty of as many months from the ship
// date covers (core/time.h warranty_end). Shipped 2026-08-15 with 3 months: a ticket reported
// on 2026-11-14 is on a new unit, one on 2026-11-15 on a unit in service.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/visits/visits.h"

namespace aftersales {

// Problems of one group: all, and those on new units; the rest are on units in service.
struct QualityCounts {
  std::int64_t problems = 0;
  std::int64_t new_units = 0;
  std::int64_t in_service() const { return problems - new_units; }
};

struct QualityByModel {
  std::string model;  // code
  std::string name;
  QualityCounts counts;
};

struct QualityByCategory {
  std::string category;
  QualityCounts counts;
};

struct QualityByPart {
  std::string part;  // part no.
  std::string name;
  bool major = false;         // 重要部件
  QualityCounts counts;       // the problems that used it
  std::int64_t quantity = 0;  // pieces used on them
};

struct QualityReport {
  Period month;
  int new_unit_months = 0;  // the rulebook's span the report was made with
  QualityCounts all;
  std::int64_t confirmed = 0;  // of `all`, confirmed by the technical department
  // By model code; only the models with problems.
  std::vector<QualityByModel> by_model;
  // [lists] fault_categories in their order (zero counts included), then any other met, by
  // name.
  std::vector<QualityByCategory> by_category;
  // By part no.; only the parts used.
  std::vector<QualityByPart> by_part;
};

// The quality statistics of 表8 for `month` (reports/monthly_report.h report_month). Reads only;
// counts in the store on the tickets' reported-time index.
QualityReport quality_report(Context& ctx, const Period& month);

}  // namespace aftersales
