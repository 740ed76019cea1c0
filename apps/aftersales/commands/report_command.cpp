// aftersales report NAME|nightly: the monthly reports of issue 12, one verb per entry of the
// report set (views/report_set.h). The figures come from the core (reports/*.h); this file
// parses, calls and renders.
//
// -o FILE.html of any report writes the whole report page (views/report_page.h); -o FILE.xlsx
// one sheet of the report. `report nightly -o DIR` writes, for the month M (YYYY-MM):
//   DIR/NAME.csv and DIR/NAME.xlsx   each report of the set (views/report_set.h): monthly, kpi...
//   DIR/reports-M.xlsx               one sheet per report, then the 12-month sheet and its charts
//   DIR/report-M.html                the report page
// all at once (io/atomic_directory.h): a failed run leaves the previous night's files as they
// were. Files of DIR this run does not write (earlier months' workbooks and pages) are kept.
#include <fmt/format.h>

#include <optional>
#include <ostream>
#include <string>

#include "aftersales/core/error.h"
#include "aftersales/io/atomic_directory.h"
#include "aftersales/io/render.h"
#include "aftersales/io/xlsx_writer.h"
#include "aftersales/reports/monthly_report.h"
#include "commands/registry.h"
#include "commands/verb.h"
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

// The time stamped in a report's .xlsx files: the end of its month (local), so that the same
// ledger gives the same bytes whenever it runs.
Timestamp report_stamp(Context& ctx, const Period& month) {
  return start_of_day(month.to.plus_days(1), ctx.rules.general.utc_offset);
}

// A report to -o FILE.html is the whole report page; otherwise its table in the chosen format
// (to .xlsx one sheet, named in the report language).
void emit_report(Session& s, const ReportKind& kind, const MonthRequest& r) {
  Context& ctx = s.context();
  const Period month = report_month(ctx, r.month);
  const Words say(ctx.rules.report.language);
  if (s.format() == Format::kHtml) {
    s.emit_page(report_page(report_page_data(ctx, month), say));
    return;
  }
  s.stamp_files(report_stamp(ctx, month));
  s.emit(kind.build(ctx, month, say), say(kind.title_zh, kind.title_en));
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
  for (const ReportKind& kind : report_kinds()) {
    add_verb<MonthRequest>(
        family, session, {kind.name, kind.summary, kind.example, StoreUse::kReads},
        add_month_option, [&kind](Session& s, const MonthRequest& r) { emit_report(s, kind, r); });
  }

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
