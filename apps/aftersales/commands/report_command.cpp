// aftersales report monthly|kpi|quality|visits|satisfaction: the reports of issue 12 built so far.
// The figures come from the core (reports/*.h); this file parses, calls and renders. The other
// reports answer plainly that they are not built yet (exit 2).
#include <fmt/format.h>

#include <iostream>
#include <optional>
#include <string>

#include "aftersales/reports/kpi_report.h"
#include "aftersales/reports/monthly_report.h"
#include "aftersales/reports/quality_report.h"
#include "aftersales/reports/returns_report.h"
#include "aftersales/reports/satisfaction_report.h"
#include "aftersales/reports/visits_report.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/parts_report_view.h"
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
        s.emit(monthly_report_table(monthly_report(ctx, report_month(ctx, r.month)),
                                    Words(ctx.rules.report.language)));
      });

  add_verb<MonthRequest>(
      family, session,
      {"kpi",
       "the five KPIs of the month against the rulebook's [kpi] targets: numerator, "
       "denominator, rate, target, met or missed (no data without a denominator)",
       "aftersales report kpi --month 2026-11 --format csv", StoreUse::kReads},
      add_month_option, [](Session& s, const MonthRequest& r) {
        Context& ctx = s.context();
        s.emit(kpi_report_table(kpi_report(ctx, report_month(ctx, r.month)),
                                Words(ctx.rules.report.language)));
      });

  add_verb<MonthRequest>(
      family, session,
      {"parts-sales",
       "备件销售月报表 (due before the 25th): the month's sales with quantity and amount, and the "
       "arrears at its end",
       "aftersales report parts-sales --month 2026-11 --format csv", StoreUse::kReads},
      add_month_option, [](Session& s, const MonthRequest& r) {
        Context& ctx = s.context();
        const PartsSalesMonth month =
            parts_sales_month(ctx, month_text(report_month(ctx, r.month)));
        s.emit(parts_sales_report_table(month, Words(ctx.rules.report.language)));
      });

  add_verb<MonthRequest>(
      family, session,
      {"arrears",
       "every parts sale still owed at the month's end: debtor, amount, paid by then, arrears, "
       "promised repayment date (欠款单位, 还款时间)",
       "aftersales report arrears --month 2026-11", StoreUse::kReads},
      add_month_option, [](Session& s, const MonthRequest& r) {
        Context& ctx = s.context();
        const PartsSalesMonth month =
            parts_sales_month(ctx, month_text(report_month(ctx, r.month)));
        s.emit(arrears_report_table(month, Words(ctx.rules.report.language)));
      });

  add_verb<MonthRequest>(
      family, session,
      {"returns",
       "表12: failed parts not back by the month's end and past their last day "
       "([parts] return_overdue_days)",
       "aftersales report returns --month 2026-11", StoreUse::kReads},
      add_month_option, [](Session& s, const MonthRequest& r) {
        Context& ctx = s.context();
        s.emit(returns_report_table(returns_report(ctx, report_month(ctx, r.month)),
                                    Words(ctx.rules.report.language)));
      });
  add_verb<MonthRequest>(
      family, session,
      {"quality",
       "表8: the month's quality problems (tickets claimed as quality defects, not declined by "
       "the technical department) by model, fault category and part used; new units "
       "([report] new_unit_months after shipping) apart from units in service",
       "aftersales report quality --month 2026-11 --format csv -o quality.csv", StoreUse::kReads},
      add_month_option, [](Session& s, const MonthRequest& r) {
        Context& ctx = s.context();
        s.emit(quality_report_table(quality_report(ctx, report_month(ctx, r.month)),
                                    Words(ctx.rules.report.language)));
      });

  add_verb<MonthRequest>(
      family, session,
      {"visits",
       "表2/表10: the visits due in the month (done, on time, late, not done), the visits made "
       "(new-unit, after-sales, forms filled in) and the visit rate in warranty",
       "aftersales report visits --month 2026-11 --format csv", StoreUse::kReads},
      add_month_option, [](Session& s, const MonthRequest& r) {
        Context& ctx = s.context();
        s.emit(visits_report_table(visits_report(ctx, report_month(ctx, r.month)),
                                   Words(ctx.rules.report.language)));
      });

  add_verb<MonthRequest>(
      family, session,
      {"satisfaction",
       "表10: the satisfaction rate per dimension and overall of the month's visit (表2) and "
       "survey (表9) forms, 表10's counts and problems, and the complaints",
       "aftersales report satisfaction --month 2026-11 --format csv", StoreUse::kReads},
      add_month_option, [](Session& s, const MonthRequest& r) {
        Context& ctx = s.context();
        s.emit(satisfaction_report_table(satisfaction_report(ctx, report_month(ctx, r.month)),
                                         Words(ctx.rules.report.language)));
      });

  add_planned_report(family, session, "nightly", "every report into a directory");
}

}  // namespace aftersales::cli
