#include "views/report_set.h"

#include <fmt/format.h>

#include "aftersales/parts/sales.h"
#include "aftersales/reports/kpi_report.h"
#include "aftersales/reports/monthly_report.h"
#include "aftersales/reports/quality_report.h"
#include "aftersales/reports/returns_report.h"
#include "aftersales/reports/satisfaction_report.h"
#include "aftersales/reports/visits_report.h"
#include "views/parts_report_view.h"

namespace aftersales::cli {

const std::vector<ReportKind>& report_kinds() {
  static const std::vector<ReportKind> kinds = {
      {"monthly", "表7 维修统计及费用", "monthly (form 7)",
       "表7: the month's services by coverage (warranty, paid, free apart; resolved and "
       "cancelled apart) and fault category, with the costs of the tickets closed in it",
       "aftersales report monthly --month 2026-11 --format csv -o monthly.csv",
       [](Context& ctx, const Period& month, const Words& say) {
         return monthly_report_table(monthly_report(ctx, month), say);
       }},
      {"quality", "表8 质量统计", "quality (form 8)",
       "表8: the month's quality problems (tickets claimed as quality defects, not declined by "
       "the technical department) by model, fault category and part used; new units "
       "([report] new_unit_months after shipping) apart from units in service",
       "aftersales report quality --month 2026-11 --format csv -o quality.csv",
       [](Context& ctx, const Period& month, const Words& say) {
         return quality_report_table(quality_report(ctx, month), say);
       }},
      {"visits", "回访统计", "visits",
       "表2/表10: the visits due in the month (done, on time, late, not done), the visits made "
       "(new-unit, after-sales, forms filled in) and the visit rate in warranty",
       "aftersales report visits --month 2026-11 --format csv",
       [](Context& ctx, const Period& month, const Words& say) {
         return visits_report_table(visits_report(ctx, month), say);
       }},
      {"satisfaction", "表10 满意率", "satisfaction (form 10)",
       "表10: the satisfaction rate per dimension and overall of the month's visit (表2) and "
       "survey (表9) forms, 表10's counts and problems, and the complaints",
       "aftersales report satisfaction --month 2026-11 --format csv",
       [](Context& ctx, const Period& month, const Words& say) {
         return satisfaction_report_table(satisfaction_report(ctx, month), say);
       }},
      {"parts-sales", "备件销售月报表", "parts sales",
       "备件销售月报表 (due before the 25th): the month's sales with quantity and amount, and the "
       "arrears at its end",
       "aftersales report parts-sales --month 2026-11 --format csv",
       [](Context& ctx, const Period& month, const Words& say) {
         return parts_sales_report_table(parts_sales_month(ctx, month_text(month)), say);
       }},
      {"returns", "表12 逾期未返回旧件", "overdue returns",
       "表12: failed parts not back by the month's end and past their last day "
       "([parts] return_overdue_days)",
       "aftersales report returns --month 2026-11",
       [](Context& ctx, const Period& month, const Words& say) {
         return returns_report_table(returns_report(ctx, month), say);
       }},
      {"arrears", "欠款", "arrears",
       "every parts sale still owed at the month's end: debtor, amount, paid by then, arrears, "
       "promised repayment date (欠款单位, 还款时间)",
       "aftersales report arrears --month 2026-11",
       [](Context& ctx, const Period& month, const Words& say) {
         return arrears_report_table(parts_sales_month(ctx, month_text(month)), say);
       }},
      {"kpi", "指标与目标", "KPIs",
       "the five KPIs of the month against the rulebook's [kpi] targets: numerator, "
       "denominator, rate, target, met or missed (no data without a denominator)",
       "aftersales report kpi --month 2026-11 --format csv",
       [](Context& ctx, const Period& month, const Words& say) {
         return kpi_report_table(kpi_report(ctx, month), say);
       }},
  };
  return kinds;
}

std::vector<ReportSheet> report_set(Context& ctx, const Period& month, const Words& say) {
  std::vector<ReportSheet> sheets;
  for (const ReportKind& kind : report_kinds()) {
    sheets.push_back(
        ReportSheet{kind.name, say(kind.title_zh, kind.title_en), kind.build(ctx, month, say)});
  }
  return sheets;
}

Table history_table(const ReportHistory& history, const Words& say) {
  Table table;
  table.columns = {{"month", say("月份", "month")},
                   {"services", say("服务量", "services")},
                   {"warranty", say("保修期内", "in warranty")},
                   {"paid", say("保修期外", "outside warranty")},
                   {"free", say("其中免费", "of which free")},
                   {"resolved", say("电话指导解决", "resolved by phone")},
                   {"cancelled", say("已取消", "cancelled")}};
  for (const MonthCounts& m : history.months) {
    table.add_row({Cell{month_text(m.month)}, Cell{m.services}, Cell{m.warranty}, Cell{m.paid},
                   Cell{m.free}, Cell{m.resolved}, Cell{m.cancelled}});
  }
  return table;
}

ReportPageData report_page_data(Context& ctx, const Period& month) {
  ReportPageData data;
  data.monthly = monthly_report(ctx, month);
  data.kpi = kpi_report(ctx, month);
  data.history = report_history(ctx, month);
  data.time_zone = fmt::format("{} UTC{}", ctx.rules.general.time_zone,
                               format_utc_offset(ctx.rules.general.utc_offset));
  return data;
}

}  // namespace aftersales::cli
