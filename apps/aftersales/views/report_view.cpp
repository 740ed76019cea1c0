#include "views/report_view.h"

#include <utility>

namespace aftersales::cli {
namespace {

std::vector<Cell> figure_row(const std::string& month, const char* section, const std::string& item,
                             const std::string& label, std::int64_t count) {
  return {Cell{month}, Cell{std::string(section)},
          Cell{item},  Cell{label},
          Cell{count}, Cell{},
          Cell{},      Cell{},
          Cell{}};
}

std::vector<Cell> cost_row(const std::string& month, const char* section, const std::string& item,
                           const std::string& label, std::int64_t count, const ServiceCost& cost) {
  std::vector<Cell> row = figure_row(month, section, item, label, count);
  row[5] = cost.parts;
  row[6] = cost.labour;
  row[7] = cost.travel;
  row[8] = cost.total();
  return row;
}

}  // namespace

Table monthly_report_table(const MonthlyReport& report, const Words& say) {
  Table table;
  table.columns = {{"month", say("月份", "month")},     {"section", say("分类", "section")},
                   {"item", say("项目", "item")},       {"label", say("表7 统计项", "figure")},
                   {"count", say("次数", "count")},     {"parts", say("配件费", "parts")},
                   {"labour", say("工时费", "labour")}, {"travel", say("差旅费", "travel")},
                   {"cost", say("费用合计", "cost")}};
  const std::string month = month_text(report.month);
  ServiceCost all;
  all.parts = report.warranty_cost.parts + report.paid_cost.parts;
  all.labour = report.warranty_cost.labour + report.paid_cost.labour;
  all.travel = report.warranty_cost.travel + report.paid_cost.travel;
  table.add_row(cost_row(month, "services", "all", say("共处理售后服务业务", "services handled"),
                         report.services, all));
  table.add_row(cost_row(month, "coverage", "warranty",
                         say("保修期内设备维修", "repairs in warranty"), report.warranty,
                         report.warranty_cost));
  table.add_row(cost_row(month, "coverage", "paid",
                         say("保修期外设备维修", "repairs outside warranty"), report.paid,
                         report.paid_cost));
  table.add_row(cost_row(month, "coverage", "free", say("其中免费维修", "of which free repairs"),
                         report.free, report.free_cost));
  table.add_row(figure_row(month, "apart", "resolved", say("电话指导解决", "resolved by phone"),
                           report.resolved));
  table.add_row(
      figure_row(month, "apart", "cancelled", say("已取消", "cancelled"), report.cancelled));
  for (const CategoryCount& category : report.by_category) {
    table.add_row(figure_row(month, "category", category.category,
                             say("故障分类", "fault category"), category.count));
  }
  return table;
}

Table kpi_report_table(const KpiReport& report, const Words& say) {
  Table table;
  table.columns = {{"month", say("月份", "month")},     {"kpi", "kpi"},
                   {"label", say("指标", "KPI")},       {"num", say("分子", "numerator")},
                   {"den", say("分母", "denominator")}, {"rate", say("达成", "rate")},
                   {"target", say("目标", "target")},   {"verdict", say("结论", "verdict")}};
  const std::string month = month_text(report.month);
  for (const Kpi& kpi : report.kpis) {
    table.add_row({Cell{month}, Cell{kpi.key}, Cell{say(kpi.label.c_str(), kpi.label_en.c_str())},
                   Cell{kpi.num}, Cell{kpi.den},
                   kpi.den > 0 ? Cell{Percent{rate_bp(kpi.num, kpi.den)}} : Cell{},
                   Cell{Percent{kpi.target_bp}}, Cell{std::string(verdict_name(kpi.verdict))}});
  }
  return table;
}

}  // namespace aftersales::cli
