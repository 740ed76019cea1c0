// How the reports (issue 12) read on screen and in files: one table per report, stable order.
// Column keys, sections and items are machine names that never change; titles and labels are
// in the rulebook's report language (report.language: the seed's Chinese, or English).
#pragma once

#include <string>

#include "aftersales/io/table.h"
#include "aftersales/reports/kpi_report.h"
#include "aftersales/reports/monthly_report.h"
#include "aftersales/reports/quality_report.h"
#include "aftersales/reports/satisfaction_report.h"
#include "aftersales/reports/visits_report.h"
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

// 表8 (views/quality_report_view.cpp): one row per figure, with columns month, section, item,
// label, problems, new_units, in_service and quantity (pieces of a part used). Sections: total
// (all; confirmed and awaiting: the technical department's answer, problems only), model (item
// the model code, label its name), category (one row per fault category), part (item the part
// no., label its name; problems are those that used it). The new-unit column's title names the
// months of [report] new_unit_months.
Table quality_report_table(const QualityReport& report, const Words& say);

// The visits of the month (views/visit_report_view.cpp): columns month, section, item, label,
// count, num, den, rate and target (percent cells, empty where they do not apply). Sections: due
// (due, done, on_time, late, not_done: the due visits whose last day is in the month; done and
// on_time with num/den/rate over due), made (visits, new_unit, repair, forms: 表10 说明), kpi
// (warranty_visit_rate: 保修期内客户回访率 with its target).
Table visits_report_table(const VisitsReport& report, const Words& say);

// 表10 (views/visit_report_view.cpp): the same columns as visits_report_table. Sections: visit
// (表2 forms of the month's visits) and survey (表9 forms): forms (count), one row per score
// dimension (item structure, appearance, delivery, price, service; num/den/rate) and overall
// (with the [kpi] satisfaction_rate target); note (表10 说明: forms, repair_visits,
// new_unit_visits), analysis (表10 分析: repaired, new_units: quality problems of 表8), complaint
// (opened, closed, closed_on_time with num/den/rate over closed, overdue, suggestions).
Table satisfaction_report_table(const SatisfactionReport& report, const Words& say);

}  // namespace aftersales::cli
