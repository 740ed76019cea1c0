// The report page (issue 12 "Formats"): one self-contained HTML file that the managers read in a
// browser or print on A4. Inline CSS and inline SVG charts; no script, no external asset, no
// link. Sections: 表7 with its signature lines (客户服务部部长, 责任单位, 制表人, 日期), services
// over twelve months, warranty versus paid over twelve months, the month's top fault
// categories, and the KPIs against their targets. Every text is HTML-escaped.
//
// `report ... -o FILE.html` writes this page for any report (the page is "the report", all of
// it), and `report nightly` writes it as report-YYYY-MM.html. Any other table or record sent
// to -o FILE.html becomes a plain page of its tables (table_page).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aftersales/io/table.h"
#include "aftersales/reports/kpi_report.h"
#include "aftersales/reports/monthly_report.h"
#include "aftersales/reports/report_history.h"
#include "views/report_view.h"

namespace aftersales::cli {

// `text` with & < > " ' as character references, safe in element text and quoted attributes.
std::string html_escape(std::string_view text);

// What the page shows: the month's 表7 and KPIs, and the twelve months ending with it.
struct ReportPageData {
  MonthlyReport monthly;
  KpiReport kpi;
  ReportHistory history;
  std::string time_zone;  // the rulebook's zone name and offset, e.g. "Asia/Shanghai UTC+08:00"
};

// The whole page, UTF-8, `<html lang>` from the report language (zh-CN or en).
std::string report_page(const ReportPageData& data, const Words& say);

// A plain page of named tables (a heading and a table each), for -o FILE.html of any command.
std::string table_page(const std::string& title,
                       const std::vector<std::pair<std::string, const Table*>>& tables,
                       const Words& say);

}  // namespace aftersales::cli
