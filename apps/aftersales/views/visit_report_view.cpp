// The month's visit statistics and 表10 客户满意率统计分析 as tables (report_view.h).
#include <utility>

#include "views/report_view.h"

namespace aftersales::cli {
namespace {

// month, section, item, label, count, num, den, rate, target
std::vector<Cell> count_row(const std::string& month, const char* section, const char* item,
                            const std::string& label, std::int64_t count) {
  return {Cell{month},
          Cell{std::string(section)},
          Cell{std::string(item)},
          Cell{label},
          Cell{count},
          Cell{},
          Cell{},
          Cell{},
          Cell{}};
}

std::vector<Cell> rate_row(const std::string& month, const char* section, const std::string& item,
                           const std::string& label, const Ratio& ratio) {
  return {Cell{month},     Cell{std::string(section)},
          Cell{item},      Cell{label},
          Cell{},          Cell{ratio.num},
          Cell{ratio.den}, ratio.den > 0 ? Cell{Percent{rate_bp(ratio.num, ratio.den)}} : Cell{},
          Cell{}};
}

// The count with its rate over `of`.
std::vector<Cell> share_row(const std::string& month, const char* section, const char* item,
                            const std::string& label, std::int64_t count, std::int64_t of) {
  std::vector<Cell> row = rate_row(month, section, item, label, Ratio{count, of});
  row[4] = count;
  return row;
}

Table rate_table(const Words& say) {
  Table table;
  table.columns = {{"month", say("月份", "month")},     {"section", say("分类", "section")},
                   {"item", say("项目", "item")},       {"label", say("统计项", "figure")},
                   {"count", say("数量", "count")},     {"num", say("分子", "numerator")},
                   {"den", say("分母", "denominator")}, {"rate", say("比率", "rate")},
                   {"target", say("目标", "target")}};
  return table;
}

const char* dimension_en(int dimension) {
  static const char* const kNames[kScoreDimensions] = {"structure and performance",
                                                       "appearance quality", "delivery date",
                                                       "price", "after-sales service"};
  return kNames[dimension];
}

void add_rates(Table& table, const std::string& month, const char* section,
               const SatisfactionRates& rates, std::int64_t target_bp, const std::string& forms,
               const Words& say) {
  table.add_row(count_row(month, section, "forms", forms, rates.forms));
  for (int i = 0; i < kScoreDimensions; ++i) {
    table.add_row(rate_row(month, section, score_dimension_name(i),
                           say(score_dimension_title(i), dimension_en(i)),
                           rates.dimensions[static_cast<std::size_t>(i)]));
  }
  std::vector<Cell> overall =
      rate_row(month, section, "overall", say("服务满意率", "satisfaction rate"), rates.overall);
  overall[8] = Percent{target_bp};
  table.add_row(std::move(overall));
}

}  // namespace

Table visits_report_table(const VisitsReport& report, const Words& say) {
  Table table = rate_table(say);
  const std::string month = month_text(report.month);
  table.add_row(count_row(month, "due", "due", say("应回访", "visits due"), report.due));
  table.add_row(share_row(month, "due", "done", say("已回访", "done"), report.done, report.due));
  table.add_row(share_row(month, "due", "on_time", say("按时回访", "done on time"),
                          report.done_on_time, report.due));
  table.add_row(count_row(month, "due", "late", say("逾期回访", "done late"), report.done_late()));
  table.add_row(count_row(month, "due", "not_done", say("未回访", "not done"), report.not_done()));
  table.add_row(count_row(month, "made", "visits", say("回访次数", "visits made"), report.visits));
  table.add_row(count_row(month, "made", "new_unit", say("新产品出厂回访数量", "new-unit visits"),
                          report.new_unit_visits));
  table.add_row(count_row(month, "made", "repair", say("售后服务回访数量", "after-sales visits"),
                          report.repair_visits));
  table.add_row(count_row(month, "made", "forms", say("填写回访表数量", "forms filled in"),
                          report.forms_filled));
  std::vector<Cell> rate =
      rate_row(month, "kpi", "warranty_visit_rate",
               say("保修期内客户回访率", "visit rate in warranty"), report.warranty_visit_rate);
  rate[8] = Percent{report.warranty_visit_target_bp};
  table.add_row(std::move(rate));
  return table;
}

Table satisfaction_report_table(const SatisfactionReport& report, const Words& say) {
  Table table = rate_table(say);
  const std::string month = month_text(report.month);
  add_rates(table, month, "visit", report.visits, report.target_bp,
            say("填写回访表数量 (表2)", "visit forms filled in (表2)"), say);
  add_rates(table, month, "survey", report.survey, report.target_bp,
            say("顾客满意度调查表数量 (表9)", "survey forms filled in (表9)"), say);
  table.add_row(count_row(month, "note", "forms", say("填写回访表数量", "forms filled in"),
                          report.visits.forms));
  table.add_row(count_row(month, "note", "repair_visits",
                          say("售后服务回访数量", "after-sales visits"), report.repair_visits));
  table.add_row(count_row(month, "note", "new_unit_visits",
                          say("新产品出厂回访数量", "new-unit visits"), report.new_unit_visits));
  table.add_row(count_row(month, "analysis", "repaired",
                          say("售后维修设备问题", "problems of units in service"),
                          report.problems.in_service()));
  table.add_row(count_row(month, "analysis", "new_units",
                          say("新出厂设备问题", "problems of new units"),
                          report.problems.new_units));
  table.add_row(count_row(month, "complaint", "opened", say("客户投诉", "complaints opened"),
                          report.complaints_opened));
  table.add_row(count_row(month, "complaint", "closed", say("已处理投诉", "complaints closed"),
                          report.complaints_closed));
  table.add_row(share_row(month, "complaint", "closed_on_time",
                          say("按期处理投诉", "closed by the deadline"),
                          report.complaints_closed_on_time, report.complaints_closed));
  table.add_row(count_row(month, "complaint", "overdue", say("逾期未处理投诉", "overdue"),
                          report.complaints_overdue));
  table.add_row(count_row(month, "complaint", "suggestions", say("客户意见及建议", "suggestions"),
                          report.suggestions_opened));
  return table;
}

}  // namespace aftersales::cli
