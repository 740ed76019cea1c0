// The report page: HTML built as text, charts as SVG computed here (no script), every text
// escaped on its way in. Figures are laid out in a 680-pixel wide view box: 180 mm of A4 less
// its margins.
#include "views/report_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "aftersales/core/ratio.h"
#include "aftersales/io/render.h"

namespace aftersales::cli {
namespace {

constexpr int kChartWidth = 680;
constexpr const char* kVolumeColour = "#4e79a7";
constexpr const char* kWarrantyColour = "#59a14f";
constexpr const char* kPaidColour = "#f28e2b";
constexpr const char* kMetColour = "#2e7d32";
constexpr const char* kMissedColour = "#c62828";
constexpr const char* kNoDataColour = "#9e9e9e";

constexpr const char* kStyle = R"(
@page { size: A4; margin: 15mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
       "Helvetica Neue", Arial, sans-serif; color: #222; margin: 0 auto; max-width: 180mm;
       font-size: 10.5pt; line-height: 1.45; padding: 8mm 0; }
header { border-bottom: 2px solid #333; margin-bottom: 6mm; }
h1 { font-size: 17pt; margin: 0 0 2mm 0; }
h2 { font-size: 13pt; margin: 0 0 3mm 0; border-left: 4px solid #4e79a7; padding-left: 2mm; }
h3 { font-size: 11pt; margin: 4mm 0 2mm 0; }
.meta { color: #555; margin: 0 0 2mm 0; }
section { margin-bottom: 8mm; }
section.break { break-before: page; page-break-before: always; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { border: 1px solid #999; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
.summary { font-size: 11pt; }
.signatures { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 4mm 6mm;
              margin-top: 10mm; break-inside: avoid; page-break-inside: avoid; }
.signatures div { white-space: nowrap; }
.signatures span { display: inline-block; width: 20mm; border-bottom: 1px solid #333;
                   height: 1.2em; vertical-align: bottom; }
.org { text-align: right; margin-top: 6mm; }
svg { width: 100%; height: auto; display: block; }
svg text { font-size: 11px; fill: #333; }
.met { color: #2e7d32; font-weight: bold; }
.missed { color: #c62828; font-weight: bold; }
.nodata { color: #777; }
.legend span { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 10px; }
.empty { color: #777; font-style: italic; }
footer { color: #777; font-size: 8.5pt; border-top: 1px solid #ccc; padding-top: 2mm; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; } }
)";

std::string esc(std::string_view text) { return html_escape(text); }

// A label of the report language with its figures put in (the pattern is chosen at run time).
template <typename... Args>
std::string put_figures(const std::string& pattern, const Args&... args) {
  return fmt::vformat(pattern, fmt::make_format_args(args...));
}

std::string number(std::int64_t n) { return std::to_string(n); }

std::string money(Money amount) { return esc(format_money(amount, true)); }

// A round upper bound for an axis and its step: 1, 2 or 5 times a power of ten, 4 or 5 steps.
struct Axis {
  std::int64_t max = 1;
  std::int64_t step = 1;
};

Axis axis_for(std::int64_t largest) {
  if (largest <= 0) return Axis{4, 1};
  std::int64_t power = 1;
  while (true) {
    for (const std::int64_t factor : {1, 2, 5}) {
      const std::int64_t step = factor * power;
      if (step * 5 >= largest) {
        const std::int64_t steps = (largest + step - 1) / step;
        return Axis{std::max<std::int64_t>(steps, 1) * step, step};
      }
    }
    power *= 10;
  }
}

// A vertical bar chart of series over the twelve months: one bar per series in each month's
// slot, the y axis with its ticks, the months under the x axis, the value over each bar.
struct Series {
  std::string name;
  const char* colour;
  std::vector<std::int64_t> values;
};

std::string bar_chart(const std::string& label, const std::vector<std::string>& categories,
                      const std::vector<Series>& series, const std::string& y_title) {
  constexpr int kHeight = 280;
  constexpr int kLeft = 48;
  constexpr int kRight = 10;
  constexpr int kTop = 16;
  constexpr int kBottom = 40;
  const int plot_width = kChartWidth - kLeft - kRight;
  const int plot_height = kHeight - kTop - kBottom;
  std::int64_t largest = 0;
  for (const Series& s : series) {
    for (const std::int64_t v : s.values) largest = std::max(largest, v);
  }
  const Axis axis = axis_for(largest);
  auto y_of = [&](std::int64_t v) {
    return kTop + plot_height -
           static_cast<double>(v) * plot_height / static_cast<double>(axis.max);
  };

  std::string svg = fmt::format("<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n",
                                kChartWidth, kHeight, esc(label));
  for (std::int64_t tick = 0; tick <= axis.max; tick += axis.step) {
    const double y = y_of(tick);
    svg += fmt::format(
        "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"1\"/>"
        "<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
        kLeft, y, kLeft + plot_width, y, tick == 0 ? "#333" : "#ddd", kLeft - 6, y + 4, tick);
  }
  if (!y_title.empty()) {
    svg += fmt::format(
        "<text x=\"12\" y=\"{}\" text-anchor=\"middle\" transform=\"rotate(-90 12 "
        "{})\">{}</text>\n",
        kTop + plot_height / 2, kTop + plot_height / 2, esc(y_title));
  }
  const double slot = static_cast<double>(plot_width) / static_cast<double>(categories.size());
  const double group = slot * 0.7;
  const double bar = group / static_cast<double>(std::max<std::size_t>(series.size(), 1));
  for (std::size_t i = 0; i < categories.size(); ++i) {
    const double x0 = kLeft + slot * static_cast<double>(i) + (slot - group) / 2;
    for (std::size_t k = 0; k < series.size(); ++k) {
      const std::int64_t v = i < series[k].values.size() ? series[k].values[i] : 0;
      const double x = x0 + bar * static_cast<double>(k);
      const double y = y_of(v);
      svg += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\">"
          "<title>{} {}: {}</title></rect>"
          "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"10\">{}</text>\n",
          x, y, std::max(bar - 1, 1.0), kTop + plot_height - y, series[k].colour,
          esc(categories[i]), esc(series[k].name), v, x + bar / 2, y - 3, v);
    }
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                       kLeft + slot * (static_cast<double>(i) + 0.5), kTop + plot_height + 16,
                       esc(categories[i]));
  }
  svg += "</svg>\n";
  if (series.size() > 1) {
    svg += "<p class=\"legend\">";
    for (const Series& s : series) {
      svg += fmt::format("<span style=\"background:{}\"></span>{}", s.colour, esc(s.name));
    }
    svg += "</p>\n";
  }
  return svg;
}

// Horizontal bars, one per row: its label left, the bar, its value at the bar's end.
std::string horizontal_bars(const std::string& label, const std::vector<CategoryCount>& rows) {
  constexpr int kRowHeight = 26;
  constexpr int kLabelWidth = 150;
  constexpr int kValueWidth = 50;
  const int height = kRowHeight * static_cast<int>(rows.size()) + 8;
  const int plot = kChartWidth - kLabelWidth - kValueWidth;
  std::int64_t largest = 1;
  for (const CategoryCount& row : rows) largest = std::max(largest, row.count);
  std::string svg = fmt::format("<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n",
                                kChartWidth, height, esc(label));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const int y = 4 + kRowHeight * static_cast<int>(i);
    const double width = static_cast<double>(rows[i].count) * plot / static_cast<double>(largest);
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>"
        "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>"
        "<text x=\"{:.1f}\" y=\"{}\">{}</text>\n",
        kLabelWidth - 8, y + 16, esc(rows[i].category), kLabelWidth, y + 3, width, kRowHeight - 8,
        kVolumeColour, kLabelWidth + width + 6, y + 16, rows[i].count);
  }
  svg += "</svg>\n";
  return svg;
}

const char* verdict_class(KpiVerdict verdict) {
  switch (verdict) {
    case KpiVerdict::kMet:
      return "met";
    case KpiVerdict::kMissed:
      return "missed";
    case KpiVerdict::kNoData:
      break;
  }
  return "nodata";
}

std::string verdict_text(KpiVerdict verdict, const Words& say) {
  switch (verdict) {
    case KpiVerdict::kMet:
      return say("✔ 达标", "✔ met");
    case KpiVerdict::kMissed:
      return say("✘ 未达标", "✘ missed");
    case KpiVerdict::kNoData:
      break;
  }
  return say("无数据", "no data");
}

// Each KPI's rate as a bar on 0-100%, with its target as a dark line across the bar's track.
std::string kpi_bars(const KpiReport& report, const Words& say) {
  constexpr int kRowHeight = 30;
  constexpr int kLabelWidth = 190;
  constexpr int kValueWidth = 70;
  const int plot = kChartWidth - kLabelWidth - kValueWidth;
  const int height = kRowHeight * static_cast<int>(report.kpis.size()) + 24;
  std::string svg =
      fmt::format("<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n", kChartWidth,
                  height, esc(say("指标与目标", "KPIs against targets")));
  for (const int percent : {0, 50, 100}) {
    const double x = kLabelWidth + plot * percent / 100.0;
    svg += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"2\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"#ddd\"/>"
        "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}%</text>\n",
        x, x, height - 18, x, height - 4, percent);
  }
  for (std::size_t i = 0; i < report.kpis.size(); ++i) {
    const Kpi& kpi = report.kpis[i];
    const int y = 4 + kRowHeight * static_cast<int>(i);
    const std::int64_t bp = kpi.den > 0 ? rate_bp(kpi.num, kpi.den) : 0;
    const double width = plot * static_cast<double>(std::clamp<std::int64_t>(bp, 0, 10000)) / 1e4;
    const double target =
        kLabelWidth +
        plot * static_cast<double>(std::clamp<std::int64_t>(kpi.target_bp, 0, 10000)) / 1e4;
    const char* colour = kpi.verdict == KpiVerdict::kMet      ? kMetColour
                         : kpi.verdict == KpiVerdict::kMissed ? kMissedColour
                                                              : kNoDataColour;
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#f1f1f1\"/>"
        "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"16\" fill=\"{}\"/>"
        "<line x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"#111\" stroke-width=\"2\">"
        "<title>{} {}</title></line>"
        "<text x=\"{}\" y=\"{}\">{}</text>\n",
        kLabelWidth - 8, y + 14, esc(say(kpi.label.c_str(), kpi.label_en.c_str())), kLabelWidth,
        y + 2, plot, kLabelWidth, y + 2, width, colour, target, y - 1, target, y + 21,
        esc(say("目标", "target")), esc(percent_text(kpi.target_bp)), kLabelWidth + plot + 6,
        y + 14, kpi.den > 0 ? esc(percent_text(bp)) : esc(say("无数据", "no data")));
  }
  svg += "</svg>\n";
  return svg;
}

std::string cell_html(const Cell& cell) { return esc(cell_text(cell, Format::kTable)); }

bool numeric_cell(const Cell& cell) {
  return std::holds_alternative<std::int64_t>(cell) || std::holds_alternative<Money>(cell) ||
         std::holds_alternative<Percent>(cell);
}

std::string html_table(const Table& table) {
  std::string html = "<table>\n<thead><tr>";
  for (const Column& column : table.columns) {
    html += "<th>" + esc(column.title.empty() ? column.key : column.title) + "</th>";
  }
  html += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    html += "<tr>";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const Cell cell = c < row.size() ? row[c] : Cell{};
      html += numeric_cell(cell) ? "<td class=\"n\">" : "<td>";
      html += cell_html(cell) + "</td>";
    }
    html += "</tr>\n";
  }
  html += "</tbody>\n</table>\n";
  return html;
}

std::string page_head(const std::string& title, const Words& say) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
      say("zh-CN", "en"), esc(title), kStyle);
}

// 表7: the sentence of the form, the counts and costs by coverage, the categories, signatures.
std::string form7_section(const MonthlyReport& m, const Words& say) {
  std::string html = "<section class=\"form7\">\n";
  html += "<h2>" + esc(say("表7 维修统计及费用", "Form 7: repairs and costs")) + "</h2>\n";
  const std::string month = month_text(m.month);
  html += "<p class=\"summary\">" +
          esc(put_figures(say("{0}年{1}月份共处理售后服务业务 {3} 次。其中,保修期内设备维修 {4} 次,"
                              "保修期外设备维修 {5} 次(其中免费维修 {6} 次);电话指导解决 {7} "
                              "次,已取消 {8} 次另列。",
                              "In {2} the service handled {3} cases: {4} repairs in warranty, {5} "
                              "outside warranty (of which {6} free); {7} resolved by phone; {8} "
                              "cancelled, listed apart."),
                          m.month.from.year(), m.month.from.month(), month, m.services, m.warranty,
                          m.paid, m.free, m.resolved, m.cancelled)) +
          "</p>\n";
  html += "<table>\n<thead><tr><th>" + esc(say("项目", "item")) + "</th><th class=\"n\">" +
          esc(say("次数", "count")) + "</th><th class=\"n\">" + esc(say("配件费", "parts")) +
          "</th><th class=\"n\">" + esc(say("工时费", "labour")) + "</th><th class=\"n\">" +
          esc(say("差旅费", "travel")) + "</th><th class=\"n\">" + esc(say("费用合计", "cost")) +
          "</th></tr></thead>\n<tbody>\n";
  auto cost_row = [&](const std::string& label, std::int64_t count, const ServiceCost& cost) {
    html += "<tr><td>" + esc(label) + "</td><td class=\"n\">" + number(count) +
            "</td><td class=\"n\">" + money(cost.parts) + "</td><td class=\"n\">" +
            money(cost.labour) + "</td><td class=\"n\">" + money(cost.travel) +
            "</td><td class=\"n\">" + money(cost.total()) + "</td></tr>\n";
  };
  auto count_row = [&](const std::string& label, std::int64_t count) {
    html += "<tr><td>" + esc(label) + "</td><td class=\"n\">" + number(count) +
            "</td><td></td><td></td><td></td><td></td></tr>\n";
  };
  ServiceCost all;
  all.parts = m.warranty_cost.parts + m.paid_cost.parts;
  all.labour = m.warranty_cost.labour + m.paid_cost.labour;
  all.travel = m.warranty_cost.travel + m.paid_cost.travel;
  cost_row(say("共处理售后服务业务", "services handled"), m.services, all);
  cost_row(say("保修期内设备维修", "repairs in warranty"), m.warranty, m.warranty_cost);
  cost_row(say("保修期外设备维修", "repairs outside warranty"), m.paid, m.paid_cost);
  cost_row(say("其中免费维修", "of which free repairs"), m.free, m.free_cost);
  count_row(say("电话指导解决", "resolved by phone"), m.resolved);
  count_row(say("已取消", "cancelled"), m.cancelled);
  html += "</tbody>\n</table>\n";
  html += "<h3>" +
          esc(say("一、售后服务人员对设备维修,分类情况见下表:", "1. Repairs by fault category:")) +
          "</h3>\n<table>\n<thead><tr><th>" + esc(say("故障分类", "fault category")) +
          "</th><th class=\"n\">" + esc(say("次数", "count")) + "</th></tr></thead>\n<tbody>\n";
  for (const CategoryCount& category : m.by_category) {
    html += "<tr><td>" + esc(category.category) + "</td><td class=\"n\">" + number(category.count) +
            "</td></tr>\n";
  }
  html += "</tbody>\n</table>\n";
  html += "<p class=\"small\">" +
          esc(say("费用为本月完工关闭的工单的实际费用(表6)。",
                  "Costs are the actual costs (form 6) of the tickets closed in the month.")) +
          "</p>\n";
  html += "<div class=\"signatures\">\n";
  for (const std::string& line :
       {say("客户服务部部长", "Head of customer service"), say("责任单位", "Responsible unit"),
        say("制表人", "Prepared by"), say("日期", "Date")}) {
    html += "<div>" + esc(line) + ": <span></span></div>\n";
  }
  html += "</div>\n<p class=\"org\">" + esc(say("客户服务中心", "Customer Service Centre")) +
          "</p>\n</section>\n";
  return html;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char ch : text) {
    switch (ch) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += ch;
    }
  }
  return escaped;
}

std::string report_page(const ReportPageData& data, const Words& say) {
  const std::string month = month_text(data.monthly.month);
  const std::string title =
      put_figures(say("{} 客户服务部维修统计及费用月报表", "{} after-sales monthly report"), month);
  std::string html = page_head(title, say);
  html += "<header>\n<h1>" + esc(title) + "</h1>\n<p class=\"meta\">" +
          esc(put_figures(say("月份 {} · 客户服务中心 · 时区 {}",
                              "Month {} · Customer Service Centre · time zone {}"),
                          month, data.time_zone)) +
          "</p>\n</header>\n";
  html += form7_section(data.monthly, say);

  std::vector<std::string> months;
  Series services{say("服务量", "services"), kVolumeColour, {}};
  Series warranty{say("保修期内", "in warranty"), kWarrantyColour, {}};
  Series paid{say("保修期外", "outside warranty"), kPaidColour, {}};
  for (const MonthCounts& counts : data.history.months) {
    months.push_back(month_text(counts.month));
    services.values.push_back(counts.services);
    warranty.values.push_back(counts.warranty);
    paid.values.push_back(counts.paid);
  }
  const std::string volume_title = say("近12个月服务量", "Services over 12 months");
  html += "<section class=\"break\">\n<h2>" + esc(volume_title) + "</h2>\n" +
          bar_chart(volume_title, months, {services}, say("次数", "cases"));
  const std::string split_title =
      say("近12个月保修期内与保修期外维修", "Warranty versus paid repairs over 12 months");
  html += "<h2>" + esc(split_title) + "</h2>\n" +
          bar_chart(split_title, months, {warranty, paid}, say("次数", "cases")) + "</section>\n";

  const std::string top_title =
      put_figures(say("{} 主要故障分类", "Top fault categories, {}"), month);
  html += "<section class=\"break\">\n<h2>" + esc(top_title) + "</h2>\n";
  if (data.history.top_categories.empty()) {
    html +=
        "<p class=\"empty\">" + esc(say("本月没有服务。", "No services this month.")) + "</p>\n";
  } else {
    html += horizontal_bars(top_title, data.history.top_categories);
  }

  html += "<h2>" + esc(say("指标与目标", "KPIs against targets")) + "</h2>\n";
  html += "<table>\n<thead><tr><th>" + esc(say("指标", "KPI")) + "</th><th class=\"n\">" +
          esc(say("分子", "numerator")) + "</th><th class=\"n\">" +
          esc(say("分母", "denominator")) + "</th><th class=\"n\">" + esc(say("达成", "rate")) +
          "</th><th class=\"n\">" + esc(say("目标", "target")) + "</th><th>" +
          esc(say("结论", "verdict")) + "</th></tr></thead>\n<tbody>\n";
  for (const Kpi& kpi : data.kpi.kpis) {
    html +=
        "<tr><td>" + esc(say(kpi.label.c_str(), kpi.label_en.c_str())) + "</td><td class=\"n\">" +
        number(kpi.num) + "</td><td class=\"n\">" + number(kpi.den) + "</td><td class=\"n\">" +
        (kpi.den > 0 ? esc(percent_text(rate_bp(kpi.num, kpi.den))) : std::string()) +
        "</td><td class=\"n\">" + esc(percent_text(kpi.target_bp)) + "</td><td class=\"" +
        verdict_class(kpi.verdict) + "\">" + esc(verdict_text(kpi.verdict, say)) + "</td></tr>\n";
  }
  html += "</tbody>\n</table>\n" + kpi_bars(data.kpi, say) + "<p class=\"small\">" +
          esc(say("黑线为目标值。", "The black line marks the target.")) + "</p>\n</section>\n";
  html += "<footer>" +
          esc(put_figures(say("aftersales · {} 月报", "aftersales · monthly report {}"), month)) +
          "</footer>\n</body>\n</html>\n";
  return html;
}

std::string table_page(const std::string& title,
                       const std::vector<std::pair<std::string, const Table*>>& tables,
                       const Words& say) {
  std::string html = page_head(title, say);
  html += "<header>\n<h1>" + esc(title) + "</h1>\n</header>\n";
  for (const auto& [heading, table] : tables) {
    html += "<section>\n";
    if (!heading.empty()) html += "<h2>" + esc(heading) + "</h2>\n";
    html += html_table(*table) + "</section>\n";
  }
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace aftersales::cli
