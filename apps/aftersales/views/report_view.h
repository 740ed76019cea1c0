// How the reports (issue 12) read on screen and in files: one table per report, stable order.
// Column keys, sections and items are machine names that never change; titles and labels are
// in the rulebook's report language (report.language: the seed's Chinese, or English).
#pragma once

#include <string>

#include "aftersales/io/table.h"
#include "aftersales/reports/kpi_report.h"
#include "aftersales/reports/monthly_report.h"
#include "aftersales/rules/rules.h"

namespace aftersales::cli {

// The words of one language: `say("保修期内设备维修", "repairs in warranty")` gives the one the
// rulebook chose. Every report view names its labels through one of these.
class Words {
 public:
  explicit Words(ReportLanguage language) : language_(language) {}
  std::string operator()(const char* zh, const char* en) const {
    return language_ == ReportLanguage::kZh ? zh : en;
  }
  ReportLanguage language() const { return language_; }

 private:
  ReportLanguage language_;
};

// 表7: one row per figure, with columns month, section, item, label, count, parts, labour,
// travel and cost. Sections: services (共处理), coverage (warranty, paid, free: counts of the
// tickets reported in the month, costs of those closed in it), apart (resolved, cancelled:
// counts only), category (one row per fault category: counts only).
Table monthly_report_table(const MonthlyReport& report, const Words& say);

// The KPIs: one row each with month, kpi (its [kpi] key), label (the seed's name), num, den,
// rate and target (percent cells; rate empty without data) and verdict (met, missed, no data).
Table kpi_report_table(const KpiReport& report, const Words& say);

}  // namespace aftersales::cli
