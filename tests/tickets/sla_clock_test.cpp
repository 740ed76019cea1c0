// The SLA clock (保修内服务及时率): pauses and resumes at a given time, and the due time moved
// by the pauses taken before arrival.
#include <doctest/doctest.h>

#include "aftersales/tickets/tickets.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::at;
using testing::expect_error;
using testing::kInWarranty;
using testing::TicketWorld;

namespace {

constexpr std::int64_t kHour = 3600;

TicketView view_of(TicketWorld& world, const std::string& number) {
  Context ctx = world.context("zhang");
  return show_ticket(ctx, number);
}

// A ticket reported at 2026-11-27T10:00 (normal, 24 h), in service; the clock at 2026-11-28T12:00.
std::string started(TicketWorld& world) {
  const std::string number = world.open_analysed(kInWarranty);
  world.start(number);
  world.clock.set(at("2026-11-28T12:00:00"));
  return number;
}

}  // namespace

TEST_CASE("a pause and a resume at given times stop the clock for exactly that span") {
  TicketWorld world;
  const std::string number = started(world);
  Context technician = world.context("ma");
  pause_ticket(technician, number, "等配件", std::string("2026-11-27T12:00"));
  resume_ticket(technician, number, std::string("2026-11-27T15:30"));
  const TicketView view = view_of(world, number);
  REQUIRE(view.pauses.size() == 1);
  CHECK(view.pauses[0].from == at("2026-11-27T12:00:00"));
  CHECK(view.pauses[0].to == std::optional<Timestamp>(at("2026-11-27T15:30:00")));
  CHECK(view.sla.paused_seconds == 3 * kHour + 1800);
  CHECK(view.ticket.state == TicketState::kInService);
}

TEST_CASE("a pause in the future or before the report is refused naming the field at") {
  TicketWorld world;
  const std::string number = started(world);
  Context technician = world.context("ma");
  expect_error(ErrorCode::kInvalidInput, {"field \"at\"", "is in the future"}, [&] {
    pause_ticket(technician, number, "等配件", std::string("2026-11-28T12:00:01"));
  });
  expect_error(ErrorCode::kInvalidInput, {"field \"at\"", "before the call was reported"}, [&] {
    pause_ticket(technician, number, "等配件", std::string("2026-11-27T09:59:59"));
  });
  expect_error(ErrorCode::kInvalidInput, {"field \"at\"", "cannot read"},
               [&] { pause_ticket(technician, number, "等配件", std::string("yesterday")); });
  CHECK(view_of(world, number).pauses.empty());
  CHECK(view_of(world, number).ticket.state == TicketState::kInService);
  // Both boundaries themselves are allowed: the report's second, and now.
  pause_ticket(technician, number, "等客户", std::string("2026-11-27T10:00:00"));
  resume_ticket(technician, number, std::string("2026-11-27T11:00"));
  pause_ticket(technician, number, "等配件", std::string("2026-11-28T12:00:00"));
  CHECK(view_of(world, number).pauses.size() == 2);
}

TEST_CASE("a pause before the end of the previous one is refused, at its end it is not") {
  TicketWorld world;
  const std::string number = started(world);
  Context technician = world.context("ma");
  pause_ticket(technician, number, "等配件", std::string("2026-11-27T12:00"));
  resume_ticket(technician, number, std::string("2026-11-27T14:00"));
  expect_error(
      ErrorCode::kInvalidInput,
      {"field \"at\"", "before the end of the previous pause (2026-11-27T14:00:00+08:00)"},
      [&] { pause_ticket(technician, number, "等客户", std::string("2026-11-27T13:59:59")); });
  CHECK(view_of(world, number).pauses.size() == 1);
  pause_ticket(technician, number, "等客户", std::string("2026-11-27T14:00:00"));
  resume_ticket(technician, number);  // default: now
  const TicketView view = view_of(world, number);
  REQUIRE(view.pauses.size() == 2);
  CHECK(view.pauses[1].to == std::optional<Timestamp>(at("2026-11-28T12:00:00")));
  CHECK(view.sla.paused_seconds == 2 * kHour + 22 * kHour);
}

TEST_CASE("a resume before its pause began or in the future is refused, at the start it is not") {
  TicketWorld world;
  const std::string number = started(world);
  Context technician = world.context("ma");
  pause_ticket(technician, number, "等配件", std::string("2026-11-27T12:00"));
  expect_error(ErrorCode::kInvalidInput,
               {"field \"at\"", "before the pause began (2026-11-27T12:00:00+08:00)"},
               [&] { resume_ticket(technician, number, std::string("2026-11-27T11:59:59")); });
  expect_error(ErrorCode::kInvalidInput, {"field \"at\"", "is in the future"},
               [&] { resume_ticket(technician, number, std::string("2026-11-28T12:00:01")); });
  CHECK(view_of(world, number).ticket.state == TicketState::kPaused);
  resume_ticket(technician, number, std::string("2026-11-27T12:00:00"));
  const TicketView view = view_of(world, number);
  CHECK(view.ticket.state == TicketState::kInService);
  CHECK(view.sla.paused_seconds == 0);
}

TEST_CASE("before anyone arrived the SLA is not on time yet: the due time moves with the pauses") {
  TicketWorld world;
  // Reported 2026-11-27T10:00, normal: 24 h, due 2026-11-28T10:00 as stored.
  const std::string number = world.open_analysed(kInWarranty);
  world.start(number);
  Context technician = world.context("ma");
  world.clock.set(at("2026-11-27T20:00:00"));
  pause_ticket(technician, number, "等配件", std::string("2026-11-27T12:00"));
  resume_ticket(technician, number, std::string("2026-11-27T17:00"));

  TicketView view = view_of(world, number);
  CHECK(view.ticket.due_at == at("2026-11-28T10:00:00"));
  CHECK(view.sla.due_at == at("2026-11-28T15:00:00"));  // moved by the 5 h paused
  CHECK_FALSE(view.sla.on_time.has_value());
  CHECK_FALSE(view.sla.overdue);
  CHECK(view.sla.late_seconds == 0);

  world.clock.set(at("2026-11-28T15:00:00"));  // exactly due: not yet overdue
  CHECK_FALSE(view_of(world, number).sla.overdue);
  world.clock.set(at("2026-11-28T20:00:00"));
  view = view_of(world, number);
  CHECK(view.sla.overdue);
  CHECK(view.sla.late_seconds == 5 * kHour);
  CHECK_FALSE(view.sla.on_time.has_value());
  Context clerk = world.context("zhang");
  TicketQuery all;
  const std::vector<TicketSummary> listed = list_tickets(clerk, all);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].sla.due_at == at("2026-11-28T15:00:00"));
  CHECK(listed[0].sla.overdue);
}

TEST_CASE("arrival exactly at the due time moved by pauses is on time, a second later is late") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  world.start(number);
  Context technician = world.context("ma");
  world.clock.set(at("2026-11-29T08:00:00"));
  pause_ticket(technician, number, "等客户", std::string("2026-11-27T12:00"));
  resume_ticket(technician, number, std::string("2026-11-27T15:00"));  // 3 h: due 11-28 13:00

  SUBCASE("at the moved due time") {
    world.record(number, "2026-11-28T13:00:00", "2026-11-28T16:00:00");
    const TicketView view = view_of(world, number);
    CHECK(view.sla.due_at == at("2026-11-28T13:00:00"));
    CHECK(view.sla.on_time == std::optional<bool>(true));
    CHECK(view.sla.late_seconds == 0);
    CHECK_FALSE(view.sla.overdue);
  }
  SUBCASE("one second later") {
    world.record(number, "2026-11-28T13:00:01", "2026-11-28T16:00:00");
    const TicketView view = view_of(world, number);
    CHECK(view.sla.on_time == std::optional<bool>(false));
    CHECK(view.sla.late_seconds == 1);
    CHECK_FALSE(view.sla.overdue);
  }
}

TEST_CASE("a pause after the arrival does not move the due time") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  world.start(number);
  Context technician = world.context("ma");
  world.clock.set(at("2026-11-28T20:00:00"));
  pause_ticket(technician, number, "等配件", std::string("2026-11-28T11:00"));
  resume_ticket(technician, number, std::string("2026-11-28T12:00"));
  // Arrived at 10:30, before the pause: the pause is not counted and the arrival is late.
  world.record(number, "2026-11-28T10:30:00", "2026-11-28T18:00:00");
  const TicketView view = view_of(world, number);
  CHECK(view.sla.paused_seconds == 0);
  CHECK(view.sla.due_at == at("2026-11-28T10:00:00"));
  CHECK(view.sla.on_time == std::optional<bool>(false));
  CHECK(view.sla.late_seconds == 1800);
}
