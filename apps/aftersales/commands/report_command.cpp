// aftersales report monthly|kpi|parts-sales|arrears|returns|nightly: the reports of issue 12
// built so far. The figures come
// from the core (reports/*.h); this file parses, calls and renders. The other reports answer
// plainly that they are not built yet (exit 2).
//
// -o FILE.html of any report writes the whole report page (views/report_page.h); -o FILE.xlsx
// one sheet of the report. `report nightly -o DIR` writes, for the month M (YYYY-MM):
//   DIR/NAME.csv and DIR/NAME.xlsx   each report of the set (views/report_set.h): monthly, kpi...
//   DIR/reports-M.xlsx               one sheet per report, then the 12-month sheet and its charts
//   DIR/report-M.html                the report page
// all at once (io/atomic_directory.h): a failed run leaves the previous night's files as they
// were. Files of DIR this run does not write (earlier months' workbooks and pages) are kept.
#include <fmt/format.h>

#include <iostream>
#include <optional>
#include <ostream>
#include <string>

#include "aftersales/core/error.h"
#include "aftersales/io/atomic_directory.h"
#include "aftersales/io/render.h"
#include "aftersales/io/xlsx_writer.h"
#include "aftersales/reports/kpi_report.h"
#include "aftersales/reports/monthly_report.h"
#include "aftersales/reports/returns_report.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/parts_report_view.h"
#include "views/report_page.h"
#include "views/report_set.h"
#include "views/report_view.h"

namespace aftersales::cli {
namespace {

struct MonthRequest {
  std::optional<std::string> month;
};

void add_month_option(CLI::App& verb, MonthRequest& r) {
  verb.add_option("--month", r.month, "YYYY-MM (default the last full month before today)");
}

// A report a later part of issue 12 builds: it takes anything and says so (exit 2).
void add_planned_report(CLI::App& family, Session& session, const std::string& name,
                        const std::string& summary) {
  CLI::App* verb = family.add_subcommand(name, summary + " [not built yet]");
  verb->fallthrough(false);
  verb->prefix_command();
  define_command(*verb, session, StoreUse::kNone, [name](Session&) {
    std::cerr << fmt::format(
        "aftersales: error: `aftersales report {}` is not built yet in this version; see the "
        "open issues of the project\n",
        name);
    return ExitCode::kUsage;
  });
}

// The time stamped in a report's .xlsx files: the end of its month (local), so that the same
// ledger gives the same bytes whenever it runs.
Timestamp report_stamp(Context& ctx, const Period& month) {
  return start_of_day(month.to.plus_days(1), ctx.rules.general.utc_offset);
}

// A report to -o FILE.html is the whole report page; otherwise its table in the chosen format
// (to .xlsx one sheet, named in the report language).
void emit_report(Session& s, Context& ctx, const Period& month, const Table& table,
                 const std::string& sheet_name) {
  const Words say(ctx.rules.report.language);
  if (s.format() == Format::kHtml) {
    s.emit_page(report_page(report_page_data(ctx, month), say));
    return;
  }
  s.stamp_files(report_stamp(ctx, month));
  s.emit(table, sheet_name);
}

// report nightly: every file into a staging directory, then swapped in for DIR.
ExitCode run_nightly(Session& s, const MonthRequest& r) {
  const std::string directory = s.options.output;
  if (directory.empty()) {
    throw Error(ErrorCode::kUsage, "report nightly writes a directory of files: give it with -o",
                "for example: aftersales report nightly -o /srv/aftersales/reports");
  }
  Context& ctx = s.context();
  const Period month = report_month(ctx, r.month);
  const Words say(ctx.rules.report.language);
  const std::string m = month_text(month);
  const std::vector<ReportSheet> sheets = report_set(ctx, month, say);
  const ReportPageData page_data = report_page_data(ctx, month);
  const Table history = history_table(page_data.history, say);
  const std::string page = report_page(page_data, say);

  XlsxOptions xlsx;
  xlsx.created = report_stamp(ctx, month);
  RenderOptions csv;
  csv.format = Format::kCsv;
  csv.bom = s.options.bom;
  int files = 0;
  replace_directory_atomically(directory, [&](const std::string& staging) {
    for (const ReportSheet& sheet : sheets) {
      write_file_atomically(staging + "/" + sheet.name + ".csv",
                            [&](std::ostream& out) { render(out, sheet.table, csv); });
      write_xlsx_table(staging + "/" + sheet.name + ".xlsx", sheet.title, sheet.table, xlsx);
      files += 2;
    }
    XlsxOptions book_options = xlsx;
    book_options.title = fmt::format("aftersales {}", m);
    XlsxWriter book(staging + "/reports-" + m + ".xlsx", book_options);
    for (const ReportSheet& sheet : sheets) {
      book.begin_sheet(sheet.title, sheet.table.columns);
      for (const auto& row : sheet.table.rows) book.add_row(row);
    }
    book.begin_sheet(say("近12个月", "12 months"), history.columns);
    for (const auto& row : history.rows) book.add_row(row);
    book.add_chart({XlsxChart::Kind::kColumn,
                    say("近12个月服务量", "Services over 12 months"),
                    0,
                    {1},
                    say("次数", "cases")});
    book.add_chart({XlsxChart::Kind::kColumn,
                    say("保修期内与保修期外维修", "Warranty versus paid repairs"),
                    0,
                    {2, 3},
                    say("次数", "cases")});
    book.commit();
    write_file_atomically(staging + "/report-" + m + ".html",
                          [&](std::ostream& out) { out << page; });
    files += 2;
  });
  s.note(fmt::format("wrote {} files of {} into {}", files, m, directory));
  return ExitCode::kOk;
}

}  // namespace

void attach_report(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  add_verb<MonthRequest>(
      family, session,
      {"monthly",
       "表7: the month's services by coverage (warranty, paid, free apart; resolved and "
       "cancelled apart) and fault category, with the costs of the tickets closed in it",
       "aftersales report monthly --month 2026-11 --format csv -o monthly.csv", StoreUse::kReads},
      add_month_option, [](Session& s, const MonthRequest& r) {
        Context& ctx = s.context();
        const Period month = report_month(ctx, r.month);
        const Words say(ctx.rules.report.language);
        emit_report(s, ctx, month, monthly_report_table(monthly_report(ctx, month), say),
                    say("表7 维修统计及费用", "monthly (form 7)"));
      });

  add_verb<MonthRequest>(
      family, session,
      {"kpi",
       "the five KPIs of the month against the rulebook's [kpi] targets: numerator, "
       "denominator, rate, target, met or missed (no data without a denominator)",
       "aftersales report kpi --month 2026-11 --format csv", StoreUse::kReads},
      add_month_option, [](Session& s, const MonthRequest& r) {
        Context& ctx = s.context();
        const Period month = report_month(ctx, r.month);
        const Words say(ctx.rules.report.language);
        emit_report(s, ctx, month, kpi_report_table(kpi_report(ctx, month), say),
                    say("指标与目标", "KPIs"));
      });

  add_planned_report(family, session, "quality", "表8: quality problems by model, fault and part");
  add_planned_report(family, session, "visits", "表10: visits due, done and on time");
  add_planned_report(family, session, "satisfaction", "表10: satisfaction rates");
  add_verb<MonthRequest>(
      family, session,
      {"parts-sales",
       "备件销售月报表 (due before the 25th): the month's sales with quantity and amount, and the "
       "arrears at its end",
       "aftersales report parts-sales --month 2026-11 --format csv", StoreUse::kReads},
      add_month_option, [](Session& s, const MonthRequest& r) {
        Context& ctx = s.context();
        const Period month = report_month(ctx, r.month);
        const Words say(ctx.rules.report.language);
        emit_report(s, ctx, month,
                    parts_sales_report_table(parts_sales_month(ctx, month_text(month)), say),
                    say("备件销售月报表", "parts sales"));
      });

  add_verb<MonthRequest>(
      family, session,
      {"arrears",
       "every parts sale still owed at the month's end: debtor, amount, paid by then, arrears, "
       "promised repayment date (欠款单位, 还款时间)",
       "aftersales report arrears --month 2026-11", StoreUse::kReads},
      add_month_option, [](Session& s, const MonthRequest& r) {
        Context& ctx = s.context();
        const Period month = report_month(ctx, r.month);
        const Words say(ctx.rules.report.language);
        emit_report(s, ctx, month,
                    arrears_report_table(parts_sales_month(ctx, month_text(month)), say),
                    say("欠款", "arrears"));
      });

  add_verb<MonthRequest>(family, session,
                         {"returns",
                          "表12: failed parts not back by the month's end and past their last day "
                          "([parts] return_overdue_days)",
                          "aftersales report returns --month 2026-11", StoreUse::kReads},
                         add_month_option, [](Session& s, const MonthRequest& r) {
                           Context& ctx = s.context();
                           const Period month = report_month(ctx, r.month);
                           const Words say(ctx.rules.report.language);
                           emit_report(s, ctx, month,
                                       returns_report_table(returns_report(ctx, month), say),
                                       say("表12 逾期未返回旧件", "overdue returns"));
                         });

  add_verb<MonthRequest>(
      family, session,
      {"nightly",
       "every report of the month into -o DIR at once: NAME.csv and NAME.xlsx of each report, "
       "reports-YYYY-MM.xlsx (a sheet each, the 12-month charts) and report-YYYY-MM.html",
       "aftersales report nightly -o /srv/aftersales/reports", StoreUse::kReads},
      add_month_option, run_nightly)
      .parse_complete_callback([&session] { session.take_output_as_directory(); });
}

}  // namespace aftersales::cli
