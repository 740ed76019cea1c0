// How the reports (issue 12) read on screen and in files: one table per report, stable order,
// English keys with the seed's Chinese in the column titles.
#pragma once

#include "aftersales/io/table.h"
#include "aftersales/reports/kpi_report.h"
#include "aftersales/reports/monthly_report.h"

namespace aftersales::cli {

// 表7: one row per figure, with columns month, section, item, label, count, parts, labour,
// travel and cost. Sections: services (共处理), coverage (warranty, paid, free: counts of the
// tickets reported in the month, costs of those closed in it), apart (resolved, cancelled:
// counts only), category (one row per fault category: counts only).
Table monthly_report_table(const MonthlyReport& report);

// The KPIs: one row each with month, kpi (its [kpi] key), label (the seed's name), num, den,
// rate and target (as 98.00%; rate empty without data) and verdict (met, missed, no data).
Table kpi_report_table(const KpiReport& report);

}  // namespace aftersales::cli
