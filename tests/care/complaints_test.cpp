// Complaints and suggestions (客户投诉, 客户意见及建议): numbered CP-YYYY-NNNNNN, a category from
// the rulebook, a deadline of 7 days (day 7 on time, day 8 overdue), closed once with a
// resolution the customer confirmed; the unit and ticket must be the customer's.
#include <doctest/doctest.h>

#include "aftersales/audit/audit.h"
#include "aftersales/care/care_rules.h"
#include "aftersales/care/complaints.h"
#include "aftersales/store/store.h"
#include "care/care_world.h"
#include "support/expect_error.h"

using namespace aftersales;
using testing::CareWorld;
using testing::day;
using testing::expect_error;
using testing::kInWarranty;
using testing::kNewUnit;
using testing::kOutOfWarranty;

namespace {

ComplaintFields complaint_of(const std::string& customer, const std::string& at = "") {
  ComplaintFields fields;
  fields.customer = customer;
  fields.category = "服务态度";
  fields.text = "维修人员迟到";
  fields.at = at;
  return fields;
}

std::vector<std::string> overdue_numbers(CareWorld& world) {
  Context ctx = world.context("zhang");
  ComplaintQuery query;
  query.overdue = true;
  std::vector<std::string> numbers;
  for (const Complaint& c : list_complaints(ctx, query)) numbers.push_back(c.number);
  return numbers;
}

}  // namespace

TEST_CASE("a complaint is numbered per year and due 7 days after it was opened") {
  CareWorld world;
  Context clerk = world.context("zhang");
  const Complaint first = open_complaint(clerk, complaint_of("C001", "2026-11-20T09:00:00"));
  CHECK(first.number == "CP-2026-000001");
  CHECK(first.deadline == day("2026-11-27"));
  CHECK(first.kind == ComplaintKind::kComplaint);
  CHECK(first.opened_by == "zhang");
  ComplaintFields suggestion = complaint_of("C003");
  suggestion.kind = "suggestion";
  suggestion.category = "其他";
  const Complaint second = open_complaint(clerk, suggestion);
  CHECK(second.number == "CP-2026-000002");
  CHECK(second.kind == ComplaintKind::kSuggestion);
  CHECK(get_complaint(clerk, "CP-2026-000002").customer_name == "沈阳消防");
  AuditQuery query;
  query.entity = "complaint";
  CHECK(audit_log(clerk, query).size() == 2);
}

TEST_CASE("a complaint is on time on day 7 and overdue on day 8") {
  CareWorld world;
  Context clerk = world.context("zhang");
  open_complaint(clerk, complaint_of("C001", "2026-11-20T09:00:00"));
  world.set_today("2026-11-27");
  CHECK(overdue_numbers(world).empty());
  world.set_today("2026-11-28");
  CHECK(overdue_numbers(world) == std::vector<std::string>{"CP-2026-000001"});
  const Rules rules;
  CHECK(complaint_deadline(rules, day("2026-11-20")) == day("2026-11-27"));
  CHECK_FALSE(complaint_overdue(day("2026-11-27"), std::nullopt, day("2026-11-27")));
  CHECK(complaint_overdue(day("2026-11-27"), std::nullopt, day("2026-11-28")));
  CHECK_FALSE(complaint_overdue(day("2026-11-27"), day("2026-11-27"), day("2026-11-28")));
}

TEST_CASE("closing needs a resolution and the customer's confirmation and happens once") {
  CareWorld world;
  Context clerk = world.context("zhang");
  const Complaint opened = open_complaint(clerk, complaint_of("C001", "2026-11-20T09:00:00"));
  expect_error(ErrorCode::kInvalidInput, {"resolution", "confirmed_by"},
               [&] { close_complaint(clerk, opened.number, "", "", ""); });
  expect_error(ErrorCode::kInvalidInput, {"confirmed_by"},
               [&] { close_complaint(clerk, opened.number, "已道歉并重新上门", " ", ""); });
  expect_error(ErrorCode::kInvalidInput, {"between its opening"}, [&] {
    close_complaint(clerk, opened.number, "已道歉", "王明", "2026-11-19T09:00:00");
  });
  CHECK_FALSE(get_complaint(clerk, opened.number).closed_at);

  world.set_today("2026-11-30");
  Context later = world.context("li");
  const Complaint closed =
      close_complaint(later, opened.number, "已道歉并重新上门", "王明", "2026-11-27T18:00:00");
  CHECK(closed.confirmed_by == "王明");
  CHECK(closed.closed_by == "li");
  CHECK(overdue_numbers(world).empty());
  expect_error(ErrorCode::kRuleViolation, {"closed already", "王明"},
               [&] { close_complaint(later, opened.number, "再次处理", "王明", ""); });
  ComplaintQuery open_only;
  open_only.open = true;
  CHECK(list_complaints(later, open_only).empty());
  expect_error(ErrorCode::kNotFound, {"CP-2026-000099"},
               [&] { close_complaint(later, "CP-2026-000099", "x", "y", ""); });
}

TEST_CASE("a complaint's category comes from the rulebook") {
  CareWorld world;
  Context clerk = world.context("zhang");
  ComplaintFields fields = complaint_of("C001");
  fields.category = "天气";
  expect_error(ErrorCode::kInvalidInput, {"category", "产品质量", "服务及时性"},
               [&] { open_complaint(clerk, fields); });
  world.rules.lists.complaint_categories.push_back("天气");
  Context again = world.context("zhang");
  CHECK(open_complaint(again, fields).category == "天气");
}

TEST_CASE("the unit and the ticket of a complaint must be the customer's") {
  CareWorld world;
  Context clerk = world.context("zhang");
  ComplaintFields other_unit = complaint_of("C001");
  other_unit.unit = kNewUnit;
  expect_error(ErrorCode::kRuleViolation, {kNewUnit, "belongs to customer C003"},
               [&] { open_complaint(clerk, other_unit); });

  const std::string ticket = world.open(kInWarranty);
  ComplaintFields other_customer = complaint_of("C003");
  other_customer.ticket = ticket;
  expect_error(ErrorCode::kRuleViolation, {ticket.c_str(), "C001"},
               [&] { open_complaint(clerk, other_customer); });
  ComplaintFields other_units_ticket = complaint_of("C001");
  other_units_ticket.unit = kOutOfWarranty;
  other_units_ticket.ticket = ticket;
  expect_error(ErrorCode::kRuleViolation, {"is about unit"},
               [&] { open_complaint(clerk, other_units_ticket); });
  ComplaintFields unknown = complaint_of("C001");
  unknown.unit = "NO-SUCH";
  expect_error(ErrorCode::kNotFound, {"NO-SUCH"}, [&] { open_complaint(clerk, unknown); });
  CHECK(list_complaints(clerk, ComplaintQuery{}).empty());

  ComplaintFields about_ticket = complaint_of("C001");
  about_ticket.ticket = ticket;
  const Complaint complaint = open_complaint(clerk, about_ticket);
  CHECK(complaint.serial == kInWarranty);  // the ticket's unit
  CHECK(complaints_of_unit(clerk, kInWarranty).size() == 1);
}

TEST_CASE("only the roles of permissions.complaints open and close complaints") {
  CareWorld world;
  Context technician = world.context("ma");
  expect_error(ErrorCode::kRuleViolation, {"complaint"},
               [&] { open_complaint(technician, complaint_of("C001")); });
  Context sales = world.context("xu");
  const Complaint opened = open_complaint(sales, complaint_of("C001"));
  expect_error(ErrorCode::kRuleViolation, {"complaint"},
               [&] { close_complaint(technician, opened.number, "ok", "王明", ""); });
}
