// 表8 月度质量统计分析报表 as a table (report_view.h).
#include <fmt/format.h>

#include "views/report_view.h"

namespace aftersales::cli {
namespace {

std::vector<Cell> counts_row(const std::string& month, const char* section, const std::string& item,
                             const std::string& label, const QualityCounts& counts) {
  return {Cell{month},
          Cell{std::string(section)},
          Cell{item},
          Cell{label},
          Cell{counts.problems},
          Cell{counts.new_units},
          Cell{counts.in_service()},
          Cell{}};
}

std::vector<Cell> share_row(const std::string& month, const std::string& item,
                            const std::string& label, std::int64_t problems) {
  return {Cell{month},    Cell{std::string("total")},
          Cell{item},     Cell{label},
          Cell{problems}, Cell{},
          Cell{},         Cell{}};
}

}  // namespace

Table quality_report_table(const QualityReport& report, const Words& say) {
  const std::string new_units_zh = fmt::format("新出厂设备(出厂{}个月内)", report.new_unit_months);
  const std::string new_units_en =
      fmt::format("new units (first {} months)", report.new_unit_months);
  Table table;
  table.columns = {{"month", say("月份", "month")},
                   {"section", say("分类", "section")},
                   {"item", say("项目", "item")},
                   {"label", say("表8 统计项", "figure")},
                   {"problems", say("质量问题", "quality problems")},
                   {"new_units", say(new_units_zh.c_str(), new_units_en.c_str())},
                   {"in_service", say("在用设备", "units in service")},
                   {"quantity", say("更换数量", "pieces used")}};
  const std::string month = month_text(report.month);
  table.add_row(
      counts_row(month, "total", "all", say("产品质量问题", "quality problems"), report.all));
  table.add_row(share_row(month, "confirmed", say("其中技术部已确认", "of which confirmed"),
                          report.confirmed));
  table.add_row(share_row(month, "awaiting",
                          say("其中待技术部确认", "of which awaiting confirmation"),
                          report.all.problems - report.confirmed));
  for (const QualityByModel& model : report.by_model) {
    table.add_row(counts_row(month, "model", model.model, model.name, model.counts));
  }
  for (const QualityByCategory& category : report.by_category) {
    table.add_row(counts_row(month, "category", category.category,
                             say("故障分类", "fault category"), category.counts));
  }
  for (const QualityByPart& part : report.by_part) {
    std::vector<Cell> row = counts_row(month, "part", part.part, part.name, part.counts);
    row[7] = part.quantity;
    table.add_row(std::move(row));
  }
  return table;
}

}  // namespace aftersales::cli
