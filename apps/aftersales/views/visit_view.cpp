#include "views/visit_view.h"

#include <fmt/format.h>

#include <algorithm>

#include "views/text.h"

namespace aftersales::cli {
namespace {

std::string lateness(int days_late) {
  if (days_late == 0) return "on time";
  return fmt::format("{} day{} late", days_late, days_late == 1 ? "" : "s");
}

Cell score_cell(const Visit& visit, int dimension) {
  if (!visit.scores) return Cell{};
  return Cell{std::int64_t{(*visit.scores)[static_cast<std::size_t>(dimension)]}};
}

}  // namespace

Table due_visit_table() {
  Table table;
  table.columns = {{"kind", ""},
                   {"key", ""},
                   {"unit", ""},
                   {"customer", ""},
                   {"ticket", ""},
                   {"why", ""},
                   {"opens_on", "opens on"},
                   {"due_on", "last day"},
                   {"days_late", "days late"}};
  return table;
}

void add_due_visit_row(Table& table, const DueVisit& item) {
  table.add_row({std::string(visit_reason_name(item.kind)), item.key, item.serial, item.customer,
                 item.ticket, item.why, item.opens_on, item.due_on, std::int64_t{item.days_late}});
}

Table visit_table() {
  Table table;
  table.columns = {{"number", "visit 回访"}, {"visited_on", "visited"},
                   {"reason", ""},           {"unit", ""},
                   {"customer", ""},         {"ticket", ""}};
  for (int i = 0; i < kScoreDimensions; ++i) {
    table.columns.push_back({score_dimension_name(i), score_dimension_title(i)});
  }
  const std::vector<Column> rest = {
      {"suggestion", "suggestion 建议"}, {"settles", ""},        {"due_on", "last day"},
      {"days_late", "days late"},        {"on_time", "on time"}, {"visited_by", "by"}};
  table.columns.insert(table.columns.end(), rest.begin(), rest.end());
  return table;
}

void add_visit_row(Table& table, const Visit& v) { table.add_row(visit_row(v)); }

std::vector<Cell> visit_row(const Visit& v) {
  std::vector<Cell> row = {v.number, v.visited_on, std::string(visit_reason_name(v.reason)),
                           v.serial, v.customer,   v.ticket};
  for (int i = 0; i < kScoreDimensions; ++i) row.push_back(score_cell(v, i));
  const bool settled = !v.settled_key.empty();
  row.insert(row.end(), {v.suggestion, v.settled_key, optional_cell(v.settled_due_on),
                         settled ? Cell{std::int64_t{v.days_late}} : Cell{},
                         settled ? Cell{v.days_late == 0} : Cell{}, v.visited_by});
  return row;
}

RecordView visit_record_view(const Visit& v, const Rules& rules) {
  const UtcOffset zone = rules.general.utc_offset;
  RecordView view;
  view.title = fmt::format("回访 产品使用情况征询意见表 (表2) {}", v.number);
  view.add("number", "visit", v.number);
  view.add("reason", "reason", std::string(visit_reason_name(v.reason)));
  view.add("unit", "unit 出厂编号", v.serial);
  view.add("customer", "customer 客户", v.customer);
  view.add("ticket", "ticket", v.ticket);
  view.add("visited_at", "visited at", format_timestamp(v.visited_at, zone));
  view.add("visited_by", "called by", v.visited_by);
  for (int i = 0; i < kScoreDimensions; ++i) {
    view.add(score_dimension_name(i), score_dimension_title(i), score_cell(v, i));
  }
  view.add("suggestion", "suggestions and requests 改进建议和要求", v.suggestion);
  const bool settled = !v.settled_key.empty();
  view.add("settles", "settles the due visit", v.settled_key);
  view.add("due_on", "its last day", optional_cell(v.settled_due_on));
  view.add("days_late", "days late", settled ? Cell{std::int64_t{v.days_late}} : Cell{});
  view.add("on_time", "on time", settled ? Cell{v.days_late == 0} : Cell{});
  view.add("recorded_at", "recorded at", format_timestamp(v.recorded_at, zone));
  view.add("recorded_by", "recorded by", v.recorded_by);
  return view;
}

void add_unit_visits(RecordView& archive, const std::vector<Visit>& visits) {
  Table table;
  table.columns = {{"number", "visit"}, {"visited_on", "visited"}, {"reason", ""},
                   {"ticket", ""},      {"scores", "表2 scores"},  {"suggestion", ""},
                   {"settles", ""},     {"days_late", "days late"}};
  for (const Visit& v : visits) {
    std::string scores;
    if (v.scores) {
      for (int i = 0; i < kScoreDimensions; ++i) {
        scores += (i == 0 ? "" : ",") + std::to_string((*v.scores)[static_cast<std::size_t>(i)]);
      }
    }
    table.add_row({v.number, v.visited_on, std::string(visit_reason_name(v.reason)), v.ticket,
                   scores, v.suggestion, v.settled_key,
                   v.settled_key.empty() ? Cell{} : Cell{std::int64_t{v.days_late}}});
  }
  auto changes = std::find_if(archive.tables.begin(), archive.tables.end(),
                              [](const auto& named) { return named.first.key == "changes"; });
  archive.tables.insert(changes, {{"visits", "follow-up visits 回访 (表2)"}, std::move(table)});
}

std::string visit_text(const Visit& v) {
  const std::string whom = v.serial.empty() ? "customer " + v.customer : "unit " + v.serial;
  if (v.settled_key.empty()) {
    return fmt::format("visit {} of {} ({}): settles no due visit", v.number, whom,
                       visit_reason_name(v.reason));
  }
  return fmt::format("visit {} of {} ({}): settles {}, {} (last day {})", v.number, whom,
                     visit_reason_name(v.reason), v.settled_key, lateness(v.days_late),
                     format_date(*v.settled_due_on));
}

std::string follow_up_text(const Visit& v) {
  return fmt::format("{} on {}, {}", v.number, format_date(v.visited_on), lateness(v.days_late));
}

}  // namespace aftersales::cli
