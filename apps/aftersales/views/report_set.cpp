#include "views/report_set.h"

#include <fmt/format.h>

#include "aftersales/parts/sales.h"
#include "aftersales/reports/kpi_report.h"
#include "aftersales/reports/monthly_report.h"
#include "aftersales/reports/returns_report.h"
#include "views/parts_report_view.h"

namespace aftersales::cli {
namespace {

struct ReportEntry {
  const char* name;
  const char* title_zh;
  const char* title_en;
  Table (*build)(Context& ctx, const Period& month, const Words& say);
};

// The nightly set, in the order of the workbook's sheets. One line per report.
const ReportEntry kReports[] = {
    {"monthly", "表7 维修统计及费用", "monthly (form 7)",
     [](Context& ctx, const Period& month, const Words& say) {
       return monthly_report_table(monthly_report(ctx, month), say);
     }},
    {"kpi", "指标与目标", "KPIs",
     [](Context& ctx, const Period& month, const Words& say) {
       return kpi_report_table(kpi_report(ctx, month), say);
     }},
    {"parts-sales", "备件销售月报表", "parts sales",
     [](Context& ctx, const Period& month, const Words& say) {
       return parts_sales_report_table(parts_sales_month(ctx, month_text(month)), say);
     }},
    {"arrears", "欠款", "arrears",
     [](Context& ctx, const Period& month, const Words& say) {
       return arrears_report_table(parts_sales_month(ctx, month_text(month)), say);
     }},
    {"returns", "表12 逾期未返回旧件", "overdue returns",
     [](Context& ctx, const Period& month, const Words& say) {
       return returns_report_table(returns_report(ctx, month), say);
     }},
};

}  // namespace

std::vector<ReportSheet> report_set(Context& ctx, const Period& month, const Words& say) {
  std::vector<ReportSheet> sheets;
  for (const ReportEntry& entry : kReports) {
    sheets.push_back(
        ReportSheet{entry.name, say(entry.title_zh, entry.title_en), entry.build(ctx, month, say)});
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
