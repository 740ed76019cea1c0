#include <doctest/doctest.h>

#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::at;
using testing::expect_error;
using testing::kInWarranty;
using testing::kOutOfWarranty;
using testing::TicketWorld;

namespace {

TicketIntake intake(const std::string& serial) {
  TicketIntake fields;
  fields.unit = serial;
  fields.category = "液压系统";
  fields.channel = "phone";
  fields.description = "扫刷不转";
  return fields;
}

TicketIntake reported(const std::string& serial, const std::string& when) {
  TicketIntake fields = intake(serial);
  fields.reported_at = when;
  return fields;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("ticket numbers run SR-YYYY-NNNNNN in intake order") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  const Ticket first = open_ticket(ctx, intake(kInWarranty));
  const Ticket second = open_ticket(ctx, intake(kOutOfWarranty));
  CHECK(first.number == "SR-2026-000001");
  CHECK(second.number == "SR-2026-000002");

  const Ticket stored = get_ticket(ctx, "SR-2026-000002");
  CHECK(stored.serial == kOutOfWarranty);
  CHECK(stored.customer_code == "C001");
  CHECK(stored.state == TicketState::kRegistered);
  CHECK(stored.opened_by == "zhang");
  CHECK(stored.reported_at == testing::test_now());
  expect_error(ErrorCode::kNotFound, {"SR-2026-000003"},
               [&] { get_ticket(ctx, "SR-2026-000003"); });
}

TEST_CASE("a ticket reported in 2025 takes the next number of 2025's sequence") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  CHECK(open_ticket(ctx, intake(kOutOfWarranty)).number == "SR-2026-000001");
  CHECK(open_ticket(ctx, reported(kOutOfWarranty, "2025-12-31T23:59:59")).number ==
        "SR-2025-000001");
  CHECK(open_ticket(ctx, intake(kOutOfWarranty)).number == "SR-2026-000002");
  CHECK(open_ticket(ctx, reported(kOutOfWarranty, "2025-06-01T09:00:00")).number ==
        "SR-2025-000002");
  // The year is that of the local reported date: 16:00 UTC on 31 December is already
  // 1 January in Shanghai.
  CHECK(open_ticket(ctx, reported(kOutOfWarranty, "2025-12-31T16:00:00Z")).number ==
        "SR-2026-000003");
}

TEST_CASE("coverage is decided at intake with its reason and later unit edits do not change it") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  const Ticket ticket = open_ticket(ctx, intake(kInWarranty));
  CHECK(ticket.coverage == Coverage::kWarranty);
  INFO("reason: " << ticket.coverage_reason);
  CHECK(contains(ticket.coverage_reason, "2027-05-31"));

  UnitFields shorter;
  shorter.warranty_end = "2026-11-01";  // the unit's own contract ended before the call
  edit_unit(ctx, kInWarranty, shorter);

  const Ticket frozen = get_ticket(ctx, ticket.number);
  CHECK(frozen.coverage == Coverage::kWarranty);
  CHECK(frozen.coverage_reason == ticket.coverage_reason);
  // The edit itself took effect: a new call on the same unit is paid.
  const Ticket later = open_ticket(ctx, intake(kInWarranty));
  CHECK(later.coverage == Coverage::kPaid);
  INFO("later reason: " << later.coverage_reason);
  CHECK(contains(later.coverage_reason, "2026-11-01"));
}

TEST_CASE("a unit out of warranty opens a paid ticket with the warranty end as its reason") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  const Ticket ticket = open_ticket(ctx, intake(kOutOfWarranty));
  CHECK(ticket.coverage == Coverage::kPaid);
  INFO("reason: " << ticket.coverage_reason);
  CHECK(contains(ticket.coverage_reason, "2025-01-09"));
}

TEST_CASE(
    "an odometer over the model's 100,000 km makes the ticket paid, at the limit it is "
    "warranty") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  TicketIntake at_limit = intake(kInWarranty);
  at_limit.km = "100000";
  const Ticket within = open_ticket(ctx, at_limit);
  CHECK(within.coverage == Coverage::kWarranty);
  CHECK(within.km == std::optional<std::int64_t>(100000));

  TicketIntake over = intake(kInWarranty);
  over.km = "100001";
  const Ticket paid = open_ticket(ctx, over);
  CHECK(paid.coverage == Coverage::kPaid);
  CHECK(paid.km == std::optional<std::int64_t>(100001));
  INFO("reason: " << paid.coverage_reason);
  CHECK(contains(paid.coverage_reason, "100,001"));
  CHECK(contains(paid.coverage_reason, "100,000"));
}

TEST_CASE("a call reported on the last day of warranty is warranty, the next day it is paid") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  // HY2024-0110 shipped 2024-01-10 with 12 months: the warranty ends on 2025-01-09, inclusive.
  const Ticket last_day = open_ticket(ctx, reported(kOutOfWarranty, "2025-01-09T23:59:59"));
  CHECK(last_day.coverage == Coverage::kWarranty);
  const Ticket next_day = open_ticket(ctx, reported(kOutOfWarranty, "2025-01-10T00:00:00"));
  CHECK(next_day.coverage == Coverage::kPaid);
  INFO("reason: " << next_day.coverage_reason);
  CHECK(contains(next_day.coverage_reason, "2025-01-09"));
}

TEST_CASE("the due time is the reported time plus the priority's response limit") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  const std::string when = "2026-11-27T09:00:00";

  TicketIntake urgent = reported(kInWarranty, when);
  urgent.priority = "urgent";
  const Ticket u = open_ticket(ctx, urgent);
  CHECK(u.priority == "urgent");
  CHECK(u.due_at == at("2026-11-27T17:00:00"));

  TicketIntake normal = reported(kInWarranty, when);
  normal.priority = "normal";
  CHECK(open_ticket(ctx, normal).due_at == at("2026-11-28T09:00:00"));

  TicketIntake low = reported(kInWarranty, when);
  low.priority = "low";
  CHECK(open_ticket(ctx, low).due_at == at("2026-11-30T09:00:00"));

  // No priority: the configured default (normal, 24 h).
  const Ticket plain = open_ticket(ctx, reported(kInWarranty, when));
  CHECK(plain.priority == "normal");
  CHECK(plain.due_at == at("2026-11-28T09:00:00"));
}

TEST_CASE("the response limits come from the rules, not from code") {
  TicketWorld world;
  world.rules.sla.response_hours["urgent"] = 4;
  Context ctx = world.context("zhang");
  TicketIntake urgent = reported(kInWarranty, "2026-11-27T09:00:00");
  urgent.priority = "urgent";
  CHECK(open_ticket(ctx, urgent).due_at == at("2026-11-27T13:00:00"));
}

TEST_CASE("an unknown priority is refused naming the configured ones") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  TicketIntake fields = intake(kInWarranty);
  fields.priority = "asap";
  expect_error(ErrorCode::kInvalidInput, {"asap", "urgent", "normal"},
               [&] { open_ticket(ctx, fields); });
}

TEST_CASE("a call about a serial not in the archive is refused with the hint to register it") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  expect_error(ErrorCode::kNotFound, {"HY2099-0001", "register", "unit add"},
               [&] { open_ticket(ctx, intake("HY2099-0001")); });
  CHECK(list_tickets(ctx, TicketQuery{}).empty());
}

TEST_CASE("a fault category or channel outside the configured lists is refused listing them") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  TicketIntake category = intake(kInWarranty);
  category.category = "轮胎";
  expect_error(ErrorCode::kInvalidInput, {"轮胎", "底盘", "发动机"},
               [&] { open_ticket(ctx, category); });

  TicketIntake channel = intake(kInWarranty);
  channel.channel = "fax";
  expect_error(ErrorCode::kInvalidInput, {"fax", "phone", "hotline"},
               [&] { open_ticket(ctx, channel); });
  CHECK(list_tickets(ctx, TicketQuery{}).empty());

  // A list from the config is what counts.
  world.rules.lists.channels.push_back("wechat");
  channel.channel = "wechat";
  CHECK(open_ticket(ctx, channel).channel == "wechat");
}

TEST_CASE("a ticket without a description is refused") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  TicketIntake fields = intake(kInWarranty);
  fields.description = "";
  expect_error(ErrorCode::kInvalidInput, {"desc", "required"}, [&] { open_ticket(ctx, fields); });
  CHECK(list_tickets(ctx, TicketQuery{}).empty());
}

TEST_CASE("a ticket reported in the future is refused, reported exactly now is accepted") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  expect_error(ErrorCode::kInvalidInput, {"reported"},
               [&] { open_ticket(ctx, reported(kInWarranty, "2026-11-27T10:00:01")); });
  CHECK(list_tickets(ctx, TicketQuery{}).empty());
  const Ticket now = open_ticket(ctx, reported(kInWarranty, "2026-11-27T10:00:00"));
  CHECK(now.reported_at == testing::test_now());
}

TEST_CASE("a call reported before the unit shipped is refused") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  // HY2026-0601 shipped 2026-06-01.
  expect_error(ErrorCode::kInvalidInput, {"reported_at", "2026-06-01"},
               [&] { open_ticket(ctx, reported(kInWarranty, "2026-05-31T23:59:59")); });
  CHECK(list_tickets(ctx, TicketQuery{}).empty());
  CHECK(open_ticket(ctx, reported(kInWarranty, "2026-06-01T00:00:00")).coverage ==
        Coverage::kWarranty);
}

TEST_CASE("only the intake roles open a ticket") {
  TicketWorld world;
  Context technician = world.context("ma");
  expect_error(ErrorCode::kRuleViolation, {"refused", "clerk", "ma has technician"},
               [&] { open_ticket(technician, intake(kInWarranty)); });
  Context manager = world.context("li");
  CHECK(open_ticket(manager, intake(kInWarranty)).opened_by == "li");
}

TEST_CASE("intake is audited with who opened the ticket") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  const Ticket ticket = open_ticket(ctx, intake(kInWarranty));
  AuditQuery query;
  query.entity_id = ticket.number;
  const std::vector<AuditEntry> trail = world.store->audit().query(query);
  REQUIRE(trail.size() == 1);
  CHECK(trail[0].actor == "zhang");
  CHECK(trail[0].at == testing::test_now());
  CHECK_FALSE(trail[0].after.empty());
}

TEST_CASE(
    "an odometer below the unit's earlier reading is refused, equal or a later reading is not") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  world.set_today("2026-11-20");
  UnitFields read;
  read.km = "90000";
  edit_unit(ctx, kInWarranty, read);
  world.set_today("2026-11-27");

  TicketIntake below = intake(kInWarranty);
  below.km = "89999";
  expect_error(ErrorCode::kInvalidInput,
               {"field \"km\"", "89999 km is below the reading of 90000 km taken on 2026-11-20"},
               [&] { open_ticket(ctx, below); });
  TicketIntake equal = intake(kInWarranty);
  equal.km = "90000";
  CHECK(open_ticket(ctx, equal).km == std::optional<std::int64_t>(90000));
  // A report from before the reading is not held to it.
  TicketIntake earlier = reported(kInWarranty, "2026-11-19T10:00:00+08:00");
  earlier.km = "80000";
  CHECK(open_ticket(ctx, earlier).km == std::optional<std::int64_t>(80000));
}
