#include "views/care_view.h"

#include <fmt/format.h>

#include "aftersales/care/care_rules.h"

namespace aftersales::cli {
namespace {

std::string scores_text(const Scores& scores) {
  return fmt::format("{},{},{},{},{}", scores[0], scores[1], scores[2], scores[3], scores[4]);
}

std::string complaint_state(const Complaint& complaint, UtcOffset zone, Date today) {
  if (complaint.closed_at) return "closed";
  return is_complaint_overdue(complaint, zone, today) ? "overdue" : "open";
}

// Days past the deadline: until it closed, or until today while it is open.
std::int64_t complaint_days_late(const Complaint& complaint, UtcOffset zone, Date today) {
  const Date until = complaint.closed_at ? local_date(*complaint.closed_at, zone) : today;
  return until > complaint.deadline ? until.days - complaint.deadline.days : 0;
}

}  // namespace

Table survey_table(const std::vector<Survey>& surveys, const Rules& rules) {
  Table table;
  table.columns = {{"year", ""},
                   {"customer", ""},
                   {"customer_name", "customer name"},
                   {"surveyed_on", "surveyed"},
                   {"late", "after Q" + std::to_string(rules.survey.quarter)}};
  for (int k = 0; k < kScoreDimensions; ++k) {
    table.columns.push_back({score_dimension_name(k), score_dimension_title(k)});
  }
  table.columns.push_back({"suggestion", "suggestion 改进建议和要求"});
  table.columns.push_back({"recorded_by", "recorded by"});
  for (const Survey& s : surveys) {
    const Date on = local_date(s.surveyed_at, rules.general.utc_offset);
    std::vector<Cell> row = {std::int64_t{s.year}, s.customer_code, s.customer_name, on,
                             on > survey_window_closes(rules, s.year)};
    for (int score : s.scores) row.emplace_back(std::int64_t{score});
    row.emplace_back(s.suggestion);
    row.emplace_back(s.recorded_by);
    table.add_row(std::move(row));
  }
  return table;
}

Table survey_due_table(const std::vector<SurveyDue>& due) {
  Table table;
  table.columns = {{"year", ""},
                   {"customer", ""},
                   {"customer_name", "customer name"},
                   {"contact", ""},
                   {"phone", ""},
                   {"key", "key 大客户"},
                   {"due_from", "due from"},
                   {"due_by", "due by"},
                   {"overdue", ""},
                   {"days_late", "days late"}};
  for (const SurveyDue& d : due) {
    table.add_row({std::int64_t{d.year}, d.customer.code, d.customer.name, d.customer.contact,
                   d.customer.phone, d.customer.key, d.opens, d.closes, d.overdue, d.days_late});
  }
  return table;
}

std::string survey_text(const Survey& survey) {
  return fmt::format("survey (表9) of {} for {} recorded: {}", survey.customer_code, survey.year,
                     scores_text(survey.scores));
}

Table complaint_table(const std::vector<Complaint>& complaints, const Rules& rules, Date today) {
  const UtcOffset zone = rules.general.utc_offset;
  Table table;
  table.columns = {{"number", ""},          {"kind", ""},
                   {"customer", ""},        {"unit", ""},
                   {"ticket", ""},          {"category", ""},
                   {"opened_on", "opened"}, {"deadline", ""},
                   {"state", ""},           {"days_late", "days late"},
                   {"closed_on", "closed"}, {"text", ""}};
  for (const Complaint& c : complaints) {
    table.add_row({c.number, std::string(complaint_kind_name(c.kind)), c.customer_code, c.serial,
                   c.ticket, c.category, local_date(c.opened_at, zone), c.deadline,
                   complaint_state(c, zone, today), complaint_days_late(c, zone, today),
                   c.closed_at ? Cell{local_date(*c.closed_at, zone)} : Cell{}, c.text});
  }
  return table;
}

RecordView complaint_view(const Complaint& c, const Rules& rules, Date today) {
  const UtcOffset zone = rules.general.utc_offset;
  RecordView v;
  v.title = fmt::format(
      "{} {}", c.kind == ComplaintKind::kSuggestion ? "客户意见及建议" : "客户投诉", c.number);
  v.add("number", "number", c.number);
  v.add("kind", "kind", std::string(complaint_kind_name(c.kind)));
  v.add("customer", "customer 客户", c.customer_code);
  v.add("customer_name", "customer name", c.customer_name);
  v.add("unit", "unit 出厂编号", c.serial);
  v.add("ticket", "ticket", c.ticket);
  v.add("category", "category 类别", c.category);
  v.add("text", "text 内容", c.text);
  v.add("opened_at", "opened", format_timestamp(c.opened_at, zone));
  v.add("opened_by", "opened by", c.opened_by);
  v.add("deadline", fmt::format("deadline ({} days)", rules.complaints.deadline_days), c.deadline);
  v.add("state", "state", complaint_state(c, zone, today));
  v.add("days_late", "days late", complaint_days_late(c, zone, today));
  v.add("closed_at", "closed", c.closed_at ? Cell{format_timestamp(*c.closed_at, zone)} : Cell{});
  v.add("resolution", "resolution 处理结果", c.resolution);
  v.add("confirmed_by", "confirmed by the customer 客户确认", c.confirmed_by);
  v.add("closed_by", "closed by", c.closed_by);
  return v;
}

std::string complaint_text(const Complaint& c, const std::string& what) {
  return fmt::format("{} {} ({}, {}): {}", complaint_kind_name(c.kind), c.number, c.customer_code,
                     c.category, what);
}

Table training_table(const std::vector<TrainingRecord>& records) {
  Table table;
  table.columns = {
      {"id", ""},      {"unit", ""},   {"customer", ""}, {"date", ""},
      {"trainer", ""}, {"result", ""}, {"note", ""},     {"recorded_by", "recorded by"}};
  for (const TrainingRecord& r : records) {
    table.add_row({r.id, r.serial, r.customer_code, r.trained_on, r.trainer,
                   std::string(r.passed ? "passed" : "failed"), r.note, r.recorded_by});
  }
  return table;
}

Table training_missing_table(const std::vector<TrainingMissing>& missing) {
  Table table;
  table.columns = {{"unit", ""},         {"customer", ""},           {"shipped", ""},
                   {"due_by", "due by"}, {"days_late", "days late"}, {"failed_on", "last failed"}};
  for (const TrainingMissing& m : missing) {
    table.add_row({m.serial, m.customer_code, m.shipped_on, m.due_on, m.days_late,
                   optional_cell(m.failed_on)});
  }
  return table;
}

std::string training_text(const TrainingRecord& r) {
  return fmt::format("training (新车交接培训) of unit {} on {} by {}: {}", r.serial,
                     format_date(r.trained_on), r.trainer, r.passed ? "passed" : "failed");
}

}  // namespace aftersales::cli
