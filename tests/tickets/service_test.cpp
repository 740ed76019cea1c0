#include <doctest/doctest.h>

#include <algorithm>

#include "aftersales/approvals/approvals.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::at;
using testing::day;
using testing::expect_error;
using testing::kInWarranty;
using testing::kOutOfWarranty;
using testing::TicketWorld;

namespace {

constexpr std::int64_t kHour = 3600;

TicketView view_of(TicketWorld& world, const std::string& number) {
  Context ctx = world.context("zhang");
  return show_ticket(ctx, number);
}

bool names_step(const std::vector<std::string>& steps, const std::string& step) {
  return std::any_of(steps.begin(), steps.end(),
                     [&](const std::string& s) { return s.find(step) != std::string::npos; });
}

std::vector<std::string> numbers_of(const std::vector<TicketSummary>& tickets) {
  std::vector<std::string> numbers;
  for (const TicketSummary& summary : tickets) numbers.push_back(summary.ticket.number);
  return numbers;
}

std::vector<std::string> listed(TicketWorld& world, const TicketQuery& query) {
  Context ctx = world.context("zhang");
  return numbers_of(list_tickets(ctx, query));
}

}  // namespace

TEST_CASE("the service cannot start before the repair notice (表4) is approved") {
  TicketWorld world;
  const std::string number = world.open(kInWarranty);
  world.analyse(number, false, true);
  const Approval notice = world.pending(number, ticket_form::kRepairNotice);
  CHECK(notice.chain == std::vector<std::string>{"sales_manager"});
  expect_error(ErrorCode::kRuleViolation, {"refused", "表4", "sales_manager"},
               [&] { world.start(number); });
  TicketView view = view_of(world, number);
  CHECK(view.ticket.state == TicketState::kAnalysed);
  CHECK(std::any_of(view.requirements.begin(), view.requirements.end(),
                    [](const StartRequirement& r) { return !r.satisfied; }));

  Context manager = world.context("xu");
  approve(manager, notice.id, "同意, 请生产部配合");
  view = view_of(world, number);
  for (const StartRequirement& requirement : view.requirements) {
    INFO(requirement.rule << ": " << requirement.explanation);
    CHECK(requirement.satisfied);
  }
  const Ticket started = world.start(number);
  CHECK(started.state == TicketState::kInService);
  expect_error(ErrorCode::kRuleViolation, {"refused"}, [&] { world.start(number); });
}

TEST_CASE("a work record before the start is refused naming the allowed next steps") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  world.clock.set(at("2026-11-27T18:00:00"));
  expect_error(ErrorCode::kRuleViolation, {"refused", "start"},
               [&] { world.record(number, "2026-11-27T13:00:00", "2026-11-27T16:00:00"); });
  const TicketView view = view_of(world, number);
  CHECK(view.ticket.state == TicketState::kAnalysed);
  CHECK_FALSE(view.record.has_value());
  CHECK(names_step(view.next_steps, "start"));
  CHECK_FALSE(names_step(view.next_steps, "record"));
  CHECK_FALSE(names_step(view.next_steps, "close"));
}

TEST_CASE("a ticket cannot be closed without a signed work record") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  Context clerk = world.context("zhang");
  expect_error(ErrorCode::kRuleViolation, {"refused", "表6", "record"},
               [&] { close_ticket(clerk, number); });
  world.start(number);
  expect_error(ErrorCode::kRuleViolation, {"refused", "表6", "record"},
               [&] { close_ticket(clerk, number); });
  const TicketView view = view_of(world, number);
  CHECK(view.ticket.state == TicketState::kInService);
  CHECK(names_step(view.next_steps, "record"));
  CHECK_FALSE(names_step(view.next_steps, "close"));
}

TEST_CASE(
    "a work record arriving before the report, or finishing before the arrival or in the "
    "future is refused") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  world.start(number);
  world.clock.set(at("2026-11-27T18:00:00"));
  expect_error(ErrorCode::kInvalidInput, {"arrived"},
               [&] { world.record(number, "2026-11-27T09:59:59", "2026-11-27T12:00:00"); });
  expect_error(ErrorCode::kInvalidInput, {"finished"},
               [&] { world.record(number, "2026-11-27T13:00:00", "2026-11-27T12:59:59"); });
  expect_error(ErrorCode::kInvalidInput, {"finished"},
               [&] { world.record(number, "2026-11-27T13:00:00", "2026-11-27T18:00:01"); });
  CHECK(view_of(world, number).ticket.state == TicketState::kInService);
  CHECK_FALSE(view_of(world, number).record.has_value());
}

TEST_CASE("a signed work record signs the ticket off and lets it close") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  world.start(number);
  world.clock.set(at("2026-11-27T18:00:00"));
  const Ticket signed_off = world.record(number, "2026-11-27T13:00:00", "2026-11-27T16:00:00");
  CHECK(signed_off.state == TicketState::kSignedOff);

  TicketView view = view_of(world, number);
  REQUIRE(view.record.has_value());
  CHECK(view.record->arrived == at("2026-11-27T13:00:00"));
  CHECK(view.record->finished == at("2026-11-27T16:00:00"));
  CHECK(view.record->signed_by == "王明");
  CHECK(view.record->signed_at == at("2026-11-27T16:00:00"));  // default: the finish
  CHECK(view.record->sealed);
  CHECK(view.record->technicians == std::vector<std::string>{"ma"});
  CHECK(names_step(view.next_steps, "close"));

  Context clerk = world.context("zhang");
  CHECK(close_ticket(clerk, number).state == TicketState::kClosed);
  expect_error(ErrorCode::kRuleViolation, {"refused"},
               [&] { cancel_ticket(clerk, number, "重复登记"); });
  CHECK(get_ticket(clerk, number).state == TicketState::kClosed);
}

TEST_CASE("paused time does not count against the response limit, exactly at it is on time") {
  TicketWorld world;
  // normal priority, 24 h; reported at the fixed now, 2026-11-27T10:00.
  const std::string number = world.open_analysed(kInWarranty);
  world.start(number);
  Context technician = world.context("ma");

  world.clock.set(at("2026-11-27T12:00:00"));
  expect_error(ErrorCode::kInvalidInput, {"reason"}, [&] { pause_ticket(technician, number, ""); });
  CHECK(pause_ticket(technician, number, "等配件: 液压泵").state == TicketState::kPaused);
  expect_error(ErrorCode::kRuleViolation, {"refused", "resume"},
               [&] { pause_ticket(technician, number, "again"); });

  world.clock.set(at("2026-11-28T00:00:00"));  // still paused: counted up to now
  CHECK(view_of(world, number).sla.paused_seconds == 12 * kHour);

  world.clock.set(at("2026-11-28T04:00:00"));
  CHECK(resume_ticket(technician, number).state == TicketState::kInService);
  expect_error(ErrorCode::kRuleViolation, {"refused", "pause"},
               [&] { resume_ticket(technician, number); });

  TicketView view = view_of(world, number);
  REQUIRE(view.pauses.size() == 1);
  CHECK(view.pauses[0].from == at("2026-11-27T12:00:00"));
  CHECK(view.pauses[0].to == std::optional<Timestamp>(at("2026-11-28T04:00:00")));
  CHECK(view.pauses[0].reason == "等配件: 液压泵");
  CHECK(view.sla.limit_seconds == 24 * kHour);
  CHECK(view.sla.paused_seconds == 16 * kHour);

  // 40 h after the report less 16 h paused is exactly the 24 h limit: not yet overdue.
  world.clock.set(at("2026-11-29T02:00:00"));
  view = view_of(world, number);
  CHECK_FALSE(view.sla.overdue);
  CHECK_FALSE(view.sla.on_time.has_value());  // known once someone arrived
  TicketQuery overdue;
  overdue.overdue = true;
  CHECK(listed(world, overdue).empty());
  world.clock.set(at("2026-11-29T02:00:01"));
  CHECK(view_of(world, number).sla.overdue);
  CHECK(listed(world, overdue) == std::vector<std::string>{number});

  world.clock.set(at("2026-11-29T08:00:00"));
  SUBCASE("arrival exactly at the limit of unpaused time is on time") {
    world.record(number, "2026-11-29T02:00:00", "2026-11-29T06:00:00");
    view = view_of(world, number);
    CHECK(view.sla.arrived == std::optional<Timestamp>(at("2026-11-29T02:00:00")));
    CHECK(view.sla.paused_seconds == 16 * kHour);
    CHECK(view.sla.on_time == std::optional<bool>(true));
    CHECK_FALSE(view.sla.overdue);
  }
  SUBCASE("arrival one second over the limit is late") {
    world.record(number, "2026-11-29T02:00:01", "2026-11-29T06:00:00");
    view = view_of(world, number);
    CHECK(view.sla.on_time == std::optional<bool>(false));
    CHECK_FALSE(view.sla.overdue);  // arrived: late, but no longer overdue
    CHECK(listed(world, overdue).empty());
  }
}

TEST_CASE("the overdue list holds the tickets past the response limit not yet reached") {
  TicketWorld world;
  Context clerk = world.context("zhang");
  Context technician = world.context("ma");

  // Paused 2 h: 25 h since the report but 23 h counted.
  world.clock.set(at("2026-11-26T09:00:00"));
  const std::string paused = world.open_analysed(kInWarranty);
  world.start(paused);
  world.clock.set(at("2026-11-26T10:00:00"));
  pause_ticket(technician, paused, "等客户");
  world.clock.set(at("2026-11-26T12:00:00"));
  resume_ticket(technician, paused);

  // Urgent, arrived late (9 h after the report): late, but not overdue.
  world.clock.set(at("2026-11-27T00:00:00"));
  const std::string arrived_late = world.open_analysed(kInWarranty, "urgent");
  world.start(arrived_late);

  world.clock.set(testing::test_now());
  world.record(arrived_late, "2026-11-27T09:00:00", "2026-11-27T09:30:00");
  const std::string at_limit = world.open(kInWarranty, "urgent", "2026-11-27T02:00:00");
  const std::string past_limit = world.open(kInWarranty, "urgent", "2026-11-27T01:59:59");
  const std::string cancelled = world.open(kInWarranty, "urgent", "2026-11-26T00:00:00");
  cancel_ticket(clerk, cancelled, "客户自行修复");

  TicketQuery overdue;
  overdue.overdue = true;
  Context ctx = world.context("zhang");
  const std::vector<TicketSummary> found = list_tickets(ctx, overdue);
  CHECK(numbers_of(found) == std::vector<std::string>{past_limit});
  REQUIRE(found.size() == 1);
  CHECK(found[0].sla.overdue);
  CHECK_FALSE(found[0].sla.on_time.has_value());

  CHECK(view_of(world, paused).sla.paused_seconds == 2 * kHour);
  CHECK_FALSE(view_of(world, paused).sla.overdue);
  CHECK_FALSE(view_of(world, at_limit).sla.on_time.has_value());
  CHECK_FALSE(view_of(world, at_limit).sla.overdue);
  const TicketView late = view_of(world, arrived_late);
  CHECK(late.sla.on_time == std::optional<bool>(false));
  CHECK_FALSE(late.sla.overdue);
}

TEST_CASE("finishing a warranty repair over 1000.00 makes a follow-up visit due within 7 days") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  Context clerk = world.context("zhang");

  SUBCASE("1000.01 of warranty cost: due 7 days after the local finish date") {
    estimate_ticket(clerk, number, "1000.01", "0", "0");
    world.approve_all(number);
    world.start(number);
    world.clock.set(at("2026-11-28T08:00:00"));
    // 23:30 in Shanghai is still the 27th (15:30 UTC).
    const Ticket done = world.record(number, "2026-11-27T20:00:00", "2026-11-27T23:30:00");
    CHECK(done.visit_due_on == std::optional<Date>(day("2026-12-04")));
    CHECK(get_ticket(clerk, number).visit_due_on == std::optional<Date>(day("2026-12-04")));
    // The visit does not hold the ticket open.
    CHECK(close_ticket(clerk, number).state == TicketState::kClosed);
  }
  SUBCASE("exactly 1000.00 is not a major repair") {
    estimate_ticket(clerk, number, "1000", "0", "0");
    world.approve_all(number);
    world.start(number);
    world.clock.set(at("2026-11-28T08:00:00"));
    const Ticket done = world.record(number, "2026-11-27T20:00:00", "2026-11-27T23:30:00");
    CHECK_FALSE(done.visit_due_on.has_value());
  }
  SUBCASE("paid lines do not count towards a major warranty repair") {
    quote_ticket(clerk, number, {"part;液压泵;1;900.00", "part;机油;1;500.00;paid"}, std::nullopt);
    world.approve_all(number);
    world.start(number);
    world.clock.set(at("2026-11-28T08:00:00"));
    const Ticket done = world.record(number, "2026-11-27T20:00:00", "2026-11-27T23:30:00");
    CHECK_FALSE(done.visit_due_on.has_value());
  }
}

TEST_CASE("cancelling a ticket voids its pending approvals") {
  TicketWorld world;
  const std::string number = world.open(kInWarranty);
  world.analyse(number, true);  // a quality confirmation for tech_dept
  Context clerk = world.context("zhang");
  estimate_ticket(clerk, number, "1500", "0", "0");
  const Approval budget = world.pending(number, ticket_form::kBudget);
  const Approval quality = world.pending(number, ticket_form::kQualityDefect);
  Context manager = world.context("xu");
  approve(manager, budget.id, "同意");

  expect_error(ErrorCode::kInvalidInput, {"reason"}, [&] { cancel_ticket(clerk, number, ""); });
  const Ticket cancelled = cancel_ticket(clerk, number, "客户自行修复");
  CHECK(cancelled.state == TicketState::kCancelled);
  CHECK(cancelled.cancel_reason == "客户自行修复");
  CHECK(get_approval(clerk, budget.id).state == ApprovalState::kVoid);
  CHECK(get_approval(clerk, quality.id).state == ApprovalState::kVoid);

  Context deputy = world.context("wang");
  ApprovalQuery mine;
  mine.pending = true;
  mine.mine = true;
  CHECK(list_approvals(deputy, mine).empty());
  expect_error(ErrorCode::kRuleViolation, {"refused", "void"},
               [&] { approve(deputy, budget.id, "同意"); });
  expect_error(ErrorCode::kRuleViolation, {"refused"}, [&] { world.start(number); });
  CHECK(view_of(world, number).next_steps.empty());
}

TEST_CASE("every transition of a ticket is audited with who made it") {
  TicketWorld world;
  AuditQuery query;
  std::size_t seen = 0;
  auto expect_audited = [&](const std::string& actor, std::optional<TicketState> state) {
    const std::vector<AuditEntry> trail = world.store->audit().query(query);
    REQUIRE(trail.size() > seen);
    CHECK(trail.back().actor == actor);
    CHECK(trail.back().at == world.clock.now());
    if (state) {
      INFO("after: " << trail.back().after);
      CHECK(trail.back().after.find(state_name(*state)) != std::string::npos);
    }
    seen = trail.size();
  };

  const std::string number = world.open(kInWarranty);
  query.entity_id = number;
  expect_audited("zhang", std::nullopt);

  Context dispatcher = world.context("li");
  assign_ticket(dispatcher, number, "ma");
  expect_audited("li", std::nullopt);
  Context technician = world.context("ma");
  analyse_ticket(technician, number, "液压泵磨损", false, false);
  expect_audited("ma", TicketState::kAnalysed);
  Context clerk = world.context("zhang");
  estimate_ticket(clerk, number, "1500", "2", "100");
  expect_audited("zhang", std::nullopt);
  world.approve_all(number);
  seen = world.store->audit().query(query).size();

  world.clock.set(at("2026-11-27T11:00:00"));
  start_ticket(technician, number);
  expect_audited("ma", TicketState::kInService);
  world.clock.set(at("2026-11-27T12:00:00"));
  pause_ticket(technician, number, "等配件");
  expect_audited("ma", TicketState::kPaused);
  world.clock.set(at("2026-11-27T14:00:00"));
  resume_ticket(technician, number);
  expect_audited("ma", TicketState::kInService);
  world.clock.set(at("2026-11-27T20:00:00"));
  world.record(number, "2026-11-27T15:00:00", "2026-11-27T19:00:00");
  expect_audited("ma", TicketState::kSignedOff);
  world.clock.set(at("2026-11-28T09:00:00"));
  close_ticket(clerk, number);
  expect_audited("zhang", TicketState::kClosed);

  const TicketView view = view_of(world, number);
  CHECK(view.history.size() >= seen);

  const std::string other = world.open(kInWarranty);
  query.entity_id = other;
  seen = 0;
  expect_audited("zhang", std::nullopt);
  cancel_ticket(clerk, other, "重复登记");
  expect_audited("zhang", TicketState::kCancelled);
}

TEST_CASE("tickets list by state, reported month and assignee") {
  TicketWorld world;
  const std::string october = world.open(kInWarranty, "normal", "2026-10-31T23:30:00");
  const std::string november = world.open(kInWarranty, "normal", "2026-11-01T00:00:00");
  world.analyse(november);

  TicketQuery query;
  query.month = "2026-10";
  CHECK(listed(world, query) == std::vector<std::string>{october});
  query.month = "2026-11";
  CHECK(listed(world, query) == std::vector<std::string>{november});

  TicketQuery by_state;
  by_state.state = state_name(TicketState::kAnalysed);
  CHECK(listed(world, by_state) == std::vector<std::string>{november});
  by_state.state = state_name(TicketState::kRegistered);
  CHECK(listed(world, by_state) == std::vector<std::string>{october});

  TicketQuery by_assignee;
  by_assignee.assignee = "ma";
  CHECK(listed(world, by_assignee) == std::vector<std::string>{november});

  TicketQuery bogus;
  bogus.state = "bogus";
  Context ctx = world.context("zhang");
  expect_error(ErrorCode::kInvalidInput, {"state", "registered", "signed_off"},
               [&] { list_tickets(ctx, bogus); });
}

TEST_CASE(
    "a work record arriving before the 表5 budget was approved is refused, arriving then is not") {
  TicketWorld world;
  world.set_today("2026-11-20");
  const std::string number = world.open_analysed(kInWarranty);
  {
    Context clerk = world.context("zhang");
    estimate_ticket(clerk, number, "600.01", "3", "100");
  }
  world.set_today("2026-11-25");  // the chain signs at 10:00 on 11-25
  world.approve_all(number);
  const Approval budget = world.approvals_of(number, ticket_form::kBudget).front();
  REQUIRE(budget.state == ApprovalState::kApproved);
  world.start(number);
  world.set_today("2026-11-26");

  expect_error(ErrorCode::kRuleViolation,
               {"refused", "表5", std::to_string(budget.id).c_str(), "2026-11-25", "审批后"},
               [&] { world.record(number, "2026-11-25T09:59:59", "2026-11-25T12:00:00"); });
  CHECK_FALSE(view_of(world, number).record.has_value());

  const Ticket signed_off = world.record(number, "2026-11-25T10:00:00", "2026-11-25T12:00:00");
  CHECK(signed_off.state == TicketState::kSignedOff);
}

TEST_CASE("a work record without the customer's seal is refused unless seal_required is false") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  world.start(number);
  WorkRecordFields fields;
  fields.arrived = "2026-11-27T10:00:00";
  fields.finished = "2026-11-27T10:00:00";
  fields.work_done = "更换密封件";
  fields.signed_by = "王明";
  fields.technicians = {"ma"};
  {
    Context ctx = world.context("ma");
    expect_error(ErrorCode::kRuleViolation, {"refused", "签字盖章", "--sealed", "seal_required"},
                 [&] { record_work(ctx, number, fields); });
  }
  CHECK_FALSE(view_of(world, number).record.has_value());
  world.rules.tickets.seal_required = false;
  Context ctx = world.context("ma");
  CHECK(record_work(ctx, number, fields).ticket.state == TicketState::kSignedOff);
  CHECK_FALSE(view_of(world, number).record->sealed);
}
