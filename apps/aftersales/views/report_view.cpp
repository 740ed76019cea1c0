#include "views/report_view.h"

#include <utility>

namespace aftersales::cli {
namespace {

std::vector<Cell> figure_row(const std::string& month, const char* section, const std::string& item,
                             const char* label, std::int64_t count) {
  return {Cell{month}, Cell{std::string(section)},
          Cell{item},  Cell{std::string(label)},
          Cell{count}, Cell{},
          Cell{},      Cell{},
          Cell{}};
}

std::vector<Cell> cost_row(const std::string& month, const char* section, const std::string& item,
                           const char* label, std::int64_t count, const ServiceCost& cost) {
  std::vector<Cell> row = figure_row(month, section, item, label, count);
  row[5] = cost.parts;
  row[6] = cost.labour;
  row[7] = cost.travel;
  row[8] = cost.total();
  return row;
}

}  // namespace

Table monthly_report_table(const MonthlyReport& report) {
  Table table;
  table.columns = {{"month", "month 月份"},
                   {"section", "section"},
                   {"item", "item"},
                   {"label", "表7"},
                   {"count", "count 次数"},
                   {"parts", "parts 配件费"},
                   {"labour", "labour 工时费"},
                   {"travel", "travel 差旅费"},
                   {"cost", "cost 费用合计"}};
  const std::string month = month_text(report.month);
  ServiceCost all;
  all.parts = report.warranty_cost.parts + report.paid_cost.parts;
  all.labour = report.warranty_cost.labour + report.paid_cost.labour;
  all.travel = report.warranty_cost.travel + report.paid_cost.travel;
  table.add_row(cost_row(month, "services", "all", "共处理售后服务业务", report.services, all));
  table.add_row(cost_row(month, "coverage", "warranty", "保修期内设备维修", report.warranty,
                         report.warranty_cost));
  table.add_row(
      cost_row(month, "coverage", "paid", "保修期外设备维修", report.paid, report.paid_cost));
  table.add_row(cost_row(month, "coverage", "free", "其中免费维修", report.free, report.free_cost));
  table.add_row(figure_row(month, "apart", "resolved", "电话指导解决", report.resolved));
  table.add_row(figure_row(month, "apart", "cancelled", "已取消", report.cancelled));
  for (const CategoryCount& category : report.by_category) {
    table.add_row(figure_row(month, "category", category.category, "故障分类", category.count));
  }
  return table;
}

Table kpi_report_table(const KpiReport& report) {
  Table table;
  table.columns = {{"month", "month 月份"},
                   {"kpi", "kpi"},
                   {"label", "KPI 指标"},
                   {"num", "num"},
                   {"den", "den"},
                   {"rate", "rate 达成"},
                   {"target", "target 目标"},
                   {"verdict", "verdict"}};
  const std::string month = month_text(report.month);
  for (const Kpi& kpi : report.kpis) {
    table.add_row({Cell{month}, Cell{kpi.key}, Cell{kpi.label}, Cell{kpi.num}, Cell{kpi.den},
                   kpi.den > 0 ? Cell{percent_text(rate_bp(kpi.num, kpi.den))} : Cell{},
                   Cell{percent_text(kpi.target_bp)},
                   Cell{std::string(verdict_name(kpi.verdict))}});
  }
  return table;
}

}  // namespace aftersales::cli
