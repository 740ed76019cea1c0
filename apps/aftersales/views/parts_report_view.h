// The parts reports of the month (issue 12): the parts sales report (备件销售月报表, due before
// the 25th: 销售额, 欠款情况, 欠款单位, 数量, 还款时间), the arrears at the month's end, and the
// overdue failed-part returns (表12). One table each, stable order, labels through Words.
#pragma once

#include "aftersales/io/table.h"
#include "aftersales/parts/sales.h"
#include "aftersales/reports/returns_report.h"
#include "views/report_view.h"

namespace aftersales::cli {

// The month's sales, one row each (section "sale"), then a total row (section "total": the
// quantity and 销售额, the arrears at the month's end, the report's last day and whether it is
// late as of today).
Table parts_sales_report_table(const PartsSalesMonth& month, const Words& say);

// Every debt at the month's end (欠款单位, amount, paid by then, arrears, promised repayment
// date 还款时间), then a total row.
Table arrears_report_table(const PartsSalesMonth& month, const Words& say);

// The returns overdue at the month's end, one row per line, then a total row.
Table returns_report_table(const ReturnsReport& report, const Words& say);

}  // namespace aftersales::cli
