// The monthly forms, filled from the reports' figures (reports/*.h): 表7
// 客户服务部维修统计及费用月报表, 表8 质量统计分析报表 and 表10 客户满意率统计分析, in the seed's
// wording and with its signature lines.
#include <fmt/format.h>

#include "aftersales/core/ratio.h"
#include "aftersales/reports/monthly_report.h"
#include "aftersales/reports/quality_report.h"
#include "aftersales/reports/satisfaction_report.h"
#include "forms/form_filling.h"

namespace aftersales::forms {

namespace {

// A count, or the seed's blank (＿) on a blank form.
std::string count(const std::optional<std::int64_t>& n) {
  return n ? std::to_string(*n) : std::string("＿＿");
}

std::string rate(const Ratio& ratio) {
  return ratio.den == 0 ? std::string("—")
                        : fmt::format("{}（{}/{}）", percent_text(rate_bp(ratio.num, ratio.den)),
                                      ratio.num, ratio.den);
}

PrintedForm repairs_month(Context& ctx, const std::optional<Period>& month) {
  std::optional<MonthlyReport> report;
  if (month) report = monthly_report(ctx, *month);
  const auto n = [&](std::int64_t MonthlyReport::*field) {
    return report ? std::optional<std::int64_t>((*report).*field) : std::nullopt;
  };
  PrintedForm form;
  FormBlock summary;
  summary.text = fmt::format(
      "客户服务中心维修统计结果报表，{}月份共处理售后服务业务{}次。其中，保修期内设备维修{}次，"
      "保修期外设备维修{}次（其中免费维修{}次，电话指导解决{}次；另取消{}次）。",
      month ? std::to_string(month->from.month()) : "＿＿", count(n(&MonthlyReport::services)),
      count(n(&MonthlyReport::warranty)), count(n(&MonthlyReport::paid)),
      count(n(&MonthlyReport::free)), count(n(&MonthlyReport::resolved)),
      count(n(&MonthlyReport::cancelled)));
  form.blocks.push_back(std::move(summary));
  FormBlock categories;
  categories.heading = "一、售后服务人员对设备维修，分类情况见下表：";
  FormTable by_category;
  by_category.headings = {"故障类别", "次数"};
  if (report) {
    for (const CategoryCount& category : report->by_category) {
      by_category.rows.push_back({category.category, std::to_string(category.count)});
    }
  } else {
    for (const std::string& category : ctx.rules.lists.fault_categories) {
      by_category.rows.push_back({category, ""});
    }
  }
  categories.table = std::move(by_category);
  form.blocks.push_back(std::move(categories));
  FormBlock costs;
  costs.heading = "二、维修费用（本月完成的维修）";
  FormTable cost_table;
  cost_table.headings = {"", "配件费", "维修工时费", "旅差费", "合计"};
  const auto cost_row = [&](const std::string& label, ServiceCost MonthlyReport::*field) {
    if (!report) return std::vector<std::string>{label, "", "", "", ""};
    const ServiceCost& cost = (*report).*field;
    return std::vector<std::string>{label, yuan(cost.parts), yuan(cost.labour), yuan(cost.travel),
                                    yuan(cost.total())};
  };
  cost_table.rows = {cost_row("保修期内", &MonthlyReport::warranty_cost),
                     cost_row("保修期外", &MonthlyReport::paid_cost),
                     cost_row("其中免费维修", &MonthlyReport::free_cost)};
  costs.table = std::move(cost_table);
  form.blocks.push_back(std::move(costs));
  form.signatures = {FormSignature{"客户服务部部长", "", "", "", false},
                     FormSignature{"责任单位签字", "", "", "", false},
                     FormSignature{"制表人", "", "", "", false}};
  return form;
}

std::vector<std::string> quality_cells(const QualityCounts& counts) {
  return {std::to_string(counts.problems), std::to_string(counts.new_units),
          std::to_string(counts.in_service())};
}

PrintedForm quality_month(Context& ctx, const std::optional<Period>& month) {
  std::optional<QualityReport> report;
  if (month) report = quality_report(ctx, *month);
  PrintedForm form;
  FormBlock summary;
  summary.text = fmt::format(
      "（{}）月质量统计分析报表：如下产品发生质量问题，具体情况如下：共{}起，其中新出厂设备{}起，"
      "在用设备{}起；技术部已确认{}起。",
      month ? std::to_string(month->from.month()) : "＿＿",
      report ? std::to_string(report->all.problems) : "＿＿",
      report ? std::to_string(report->all.new_units) : "＿＿",
      report ? std::to_string(report->all.in_service()) : "＿＿",
      report ? std::to_string(report->confirmed) : "＿＿");
  form.blocks.push_back(std::move(summary));
  FormBlock by_model{
      "按车型", {}, FormTable{"", {"车型", "名称", "问题数", "新出厂", "在用"}, {}, 0}, {}};
  FormBlock by_category{
      "按故障类别", {}, FormTable{"", {"故障类别", "问题数", "新出厂", "在用"}, {}, 0}, {}};
  FormBlock by_part{"按配件",
                    {},
                    FormTable{"", {"配件号", "名称", "数量", "问题数", "新出厂", "在用"}, {}, 0},
                    {}};
  if (report) {
    for (const QualityByModel& row : report->by_model) {
      std::vector<std::string> cells = {row.model, row.name};
      for (std::string& cell : quality_cells(row.counts)) cells.push_back(std::move(cell));
      by_model.table->rows.push_back(std::move(cells));
    }
    for (const QualityByCategory& row : report->by_category) {
      std::vector<std::string> cells = {row.category};
      for (std::string& cell : quality_cells(row.counts)) cells.push_back(std::move(cell));
      by_category.table->rows.push_back(std::move(cells));
    }
    for (const QualityByPart& row : report->by_part) {
      std::vector<std::string> cells = {row.part, row.name + (row.major ? "（重要部件）" : ""),
                                        std::to_string(row.quantity)};
      for (std::string& cell : quality_cells(row.counts)) cells.push_back(std::move(cell));
      by_part.table->rows.push_back(std::move(cells));
    }
  } else {
    by_model.table->blank_rows = 4;
    by_category.table->blank_rows = 4;
    by_part.table->blank_rows = 4;
  }
  form.blocks.push_back(std::move(by_model));
  form.blocks.push_back(std::move(by_category));
  form.blocks.push_back(std::move(by_part));
  form.signatures = {FormSignature{role_title("tech_dept"), "", "", "", false},
                     FormSignature{role_title("qc"), "", "", "", false},
                     FormSignature{"制表人", "", "", "", false}};
  return form;
}

PrintedForm satisfaction_month(Context& ctx, const std::optional<Period>& month) {
  std::optional<SatisfactionReport> report;
  if (month) report = satisfaction_report(ctx, *month);
  const auto value = [&](auto get) { return report ? get(*report) : std::string(); };
  PrintedForm form;
  FormBlock rates;
  rates.heading = "满意率";
  rates.fields = {
      {"回访满意率（表2）",
       value([](const SatisfactionReport& r) { return rate(r.visits.overall); })},
      {"调查满意率（表9）",
       value([](const SatisfactionReport& r) { return rate(r.survey.overall); })},
      {"目标",
       percent_text(static_cast<std::int64_t>(ctx.rules.kpi.satisfaction_rate * 100 + 0.5))},
  };
  form.blocks.push_back(std::move(rates));
  FormBlock analysis;
  analysis.heading = "分析";
  analysis.fields = {
      {"一、售后维修设备问题", value([](const SatisfactionReport& r) {
         return fmt::format("{} 起", r.problems.in_service());
       }),
       true},
      {"二、新出厂设备问题", value([](const SatisfactionReport& r) {
         return fmt::format("{} 起", r.problems.new_units);
       }),
       true},
      {"客户投诉", value([](const SatisfactionReport& r) {
         return fmt::format("新增 {} 起，处理完毕 {} 起（按期 {} 起），逾期未结 {} 起",
                            r.complaints_opened, r.complaints_closed, r.complaints_closed_on_time,
                            r.complaints_overdue);
       }),
       true},
  };
  form.blocks.push_back(std::move(analysis));
  FormBlock notes;
  notes.heading = "说明";
  notes.fields = {
      {"1、回访时间", month ? format_date(month->from) + " 至 " + format_date(month->to) : ""},
      {"2、填写回访表数量",
       value([](const SatisfactionReport& r) { return std::to_string(r.visits.forms); })},
      {"3、售后服务回访数量",
       value([](const SatisfactionReport& r) { return std::to_string(r.repair_visits); })},
      {"4、新产品出厂回访数量",
       value([](const SatisfactionReport& r) { return std::to_string(r.new_unit_visits); })},
  };
  form.blocks.push_back(std::move(notes));
  form.signatures = {FormSignature{"销售部部长", "", "", "", false},
                     FormSignature{"售后服务负责人", "", "", "", false},
                     FormSignature{"制表人", "", "", "", false}};
  return form;
}

}  // namespace

PrintedForm month_form(Context& ctx, const FormSpec& spec, const std::optional<std::string>& month,
                       bool blank) {
  std::optional<Period> period;
  if (!blank) period = report_month(ctx, month);
  PrintedForm form;
  if (spec.key == "表7") form = repairs_month(ctx, period);
  if (spec.key == "表8") form = quality_month(ctx, period);
  if (spec.key == "表10") form = satisfaction_month(ctx, period);
  form.spec = &spec;
  if (period) {
    form.number = spec.key + " " + month_text(*period);
    form.subtitle = fmt::format("{}年{}月份", period->from.year(), period->from.month());
  } else {
    form.subtitle = "＿＿年＿＿月份";
  }
  return form;
}

}  // namespace aftersales::forms
