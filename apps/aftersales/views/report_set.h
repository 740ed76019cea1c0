// The reports of the nightly set (issue 12): ONE list, in report_set.cpp, names each report and
// builds its table. `report nightly` writes every entry as NAME.csv, NAME.xlsx and a sheet of
// the month's workbook; adding a report to the nightly run is one line of that list.
#pragma once

#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/io/table.h"
#include "aftersales/reports/report_history.h"
#include "views/report_page.h"
#include "views/report_view.h"

namespace aftersales::cli {

// One report of the set: its name (the verb and the file name), its title in both languages
// (the sheet's name, 31 characters at most), its help, and how its table is built.
struct ReportKind {
  const char* name;
  const char* title_zh;
  const char* title_en;
  const char* summary;  // the verb's line in `report --help`
  const char* example;
  Table (*build)(Context& ctx, const Period& month, const Words& say);
};

// Every report, in the order of CLI.md, of the nightly files and of the workbook's sheets.
const std::vector<ReportKind>& report_kinds();

struct ReportSheet {
  std::string name;   // stable machine name, the file name: monthly, kpi ...
  std::string title;  // the sheet's name in the report language (31 characters at most)
  Table table;
};

// Every report of the set for `month`, in the list's order. Reads only.
std::vector<ReportSheet> report_set(Context& ctx, const Period& month, const Words& say);

// The twelve months ending with the report's month, as the workbook's chart sheet shows them:
// month, services, warranty, paid, free, resolved, cancelled (count columns).
Table history_table(const ReportHistory& history, const Words& say);

// What the report page shows for `month` (monthly_report, kpi_report, report_history). Reads
// only.
ReportPageData report_page_data(Context& ctx, const Period& month);

}  // namespace aftersales::cli
