// Parts used on the work record (表6) and the returns of failed parts they owe (表12): parts used
// become the actual part lines, a major part goes into the unit's archive and makes the repair
// major, a part over 50.00 owes a return (50.00 exactly does not), overdue after the configured
// days (day N on time, N+1 late), QC inspects, the warehouse books it into the defective
// warehouse.
#include <doctest/doctest.h>

#include <algorithm>

#include "aftersales/parts/parts.h"
#include "aftersales/parts/returns.h"
#include "aftersales/reports/returns_report.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/ticket_rules.h"
#include "aftersales/tickets/tickets.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::at;
using testing::day;
using testing::expect_error;
using testing::kInWarranty;
using testing::TicketWorld;

namespace {

// A ticket world with a warehouse keeper (kuang), QC (zhou), and parts in the catalogue:
// HP-100 液压泵 480.00 major, SEAL-50 50.00, SEAL-51 50.01.
struct ReturnsWorld : TicketWorld {
  ReturnsWorld() {
    rules.users["kuang"] = {"warehouse"};
    rules.users["zhou"] = {"qc"};
    add_part_as_keeper("HP-100", "液压泵", "480.00", true);
    add_part_as_keeper("SEAL-50", "密封件", "50.00", false);
    add_part_as_keeper("SEAL-51", "密封件大", "50.01", false);
  }

  void add_part_as_keeper(const std::string& number, const std::string& name,
                          const std::string& price, bool major) {
    Context keeper = context("kuang");
    PartFields fields;
    fields.name = name;
    fields.price = price;
    fields.major = major;
    add_part(keeper, number, fields);
  }

  // A warranty ticket estimated at 300.00 of parts, approved and started.
  std::string started() {
    const std::string number = open_analysed(kInWarranty);
    Context clerk = context("zhang");
    estimate_ticket(clerk, number, "300", "0", "0");
    approve_all(number);
    start(number);
    clock.set(at("2026-11-28T08:00:00"));
    return number;
  }

  WorkRecorded record_parts(const std::string& number, const std::vector<std::string>& parts) {
    Context ctx = context("ma");
    WorkRecordFields fields;
    fields.arrived = "2026-11-27T20:00:00";
    fields.finished = "2026-11-27T23:30:00";
    fields.work_done = "更换液压泵";
    fields.signed_by = "王明";
    fields.sealed = true;
    fields.technicians = {"ma"};
    fields.parts = parts;
    return record_work(ctx, number, fields);
  }

  std::vector<UnitNote> replacement_notes() {
    std::vector<UnitNote> notes;
    for (UnitNote& n : store->archive().list_unit_notes(kInWarranty)) {
      if (n.kind == NoteKind::kPartReplacement) notes.push_back(std::move(n));
    }
    return notes;
  }

  std::vector<PartReturn> returns(bool overdue = false) {
    Context ctx = context("zhang");
    std::vector<PartReturn> all;
    ReturnQuery query;
    query.overdue = overdue;
    each_part_return(ctx, query, [&](const PartReturn& r) { all.push_back(r); });
    return all;
  }
};

}  // namespace

TEST_CASE("a part owes a return over 50.00, exactly 50.00 owes nothing") {
  const Rules rules;
  CHECK_FALSE(owes_return(rules, Money{5000}));
  CHECK(owes_return(rules, Money{5001}));
}

TEST_CASE("a return is on time on day N and overdue on day N+1 of return_overdue_days") {
  Rules rules;
  rules.parts.return_overdue_days = 30;
  PartReturn line;
  line.owed_since = day("2026-11-27");
  CHECK(return_due_on(rules, line.owed_since) == day("2026-12-27"));
  CHECK_FALSE(return_overdue(rules, line, day("2026-12-27")));
  CHECK(return_overdue(rules, line, day("2026-12-28")));
  line.received_on = day("2026-12-20");
  CHECK_FALSE(return_overdue(rules, line, day("2026-12-28")));
}

TEST_CASE("parts used become the actual part lines in place of the estimate") {
  ReturnsWorld world;
  const std::string number = world.started();
  const WorkRecorded done = world.record_parts(number, {"HP-100:1", "SEAL-50:2", "SEAL-50:1"});
  Money parts{0};
  int part_lines = 0;
  for (const CostLine& line : done.actual) {
    if (line.kind != CostKind::kPart) continue;
    parts = parts + line.amount;
    ++part_lines;
  }
  CHECK(part_lines == 2);                // the estimate's 300.00 line is gone
  CHECK(parts == Money{48000 + 15000});  // SEAL-50 named twice: 3 pieces
  CHECK(done.record.parts.size() == 2);
  Context clerk = world.context("zhang");
  REQUIRE(show_ticket(clerk, number).record.has_value());
  CHECK(show_ticket(clerk, number).record->parts.size() == 2);
}

TEST_CASE("recording parts used takes nothing out of stock (the 表11 issue did)") {
  ReturnsWorld world;
  Context keeper = world.context("kuang");
  receive_part(keeper, "HP-100", "1", std::nullopt, "送货单 1");
  const std::string number = world.started();
  world.record_parts(number, {"HP-100:1"});
  CHECK(world.store->parts().on_hand(get_part(keeper, "HP-100").id, "main") == 1);
}

TEST_CASE("an unknown part or a malformed PARTNO:QTY is refused and nothing is filed") {
  ReturnsWorld world;
  const std::string number = world.started();
  expect_error(ErrorCode::kNotFound, {"NOPE-1"}, [&] { world.record_parts(number, {"NOPE-1:1"}); });
  expect_error(ErrorCode::kInvalidInput, {"HP-100"},
               [&] { world.record_parts(number, {"HP-100"}); });
  expect_error(ErrorCode::kInvalidInput, {"part"},
               [&] { world.record_parts(number, {"HP-100:0"}); });
  Context clerk = world.context("zhang");
  CHECK_FALSE(show_ticket(clerk, number).record.has_value());
}

TEST_CASE("a major part replaced goes into the unit's archive once and makes the repair major") {
  ReturnsWorld world;
  const std::string number = world.started();
  const WorkRecorded first = world.record_parts(number, {"HP-100:1"});
  // 480.00 of warranty cost is not over 1,000.00: the major part makes it major.
  CHECK(first.ticket.visit_due_on == std::optional<Date>(day("2026-12-04")));
  std::vector<UnitNote> notes = world.replacement_notes();
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].text == "更换 HP-100 液压泵 x1 (" + number + ")");

  SUBCASE("a correction with the same parts adds no second note") {
    const WorkRecorded again = world.record_parts(number, {"HP-100:1", "SEAL-50:1"});
    CHECK(again.record.version == 2);
    CHECK(world.replacement_notes().size() == 1);
    CHECK(again.ticket.visit_due_on.has_value());
  }
  SUBCASE("a correction without the major part is no longer a major repair") {
    const WorkRecorded again = world.record_parts(number, {"SEAL-50:1"});
    CHECK_FALSE(again.ticket.visit_due_on.has_value());
    CHECK(world.replacement_notes().size() == 1);  // the archive keeps its history
  }
}

TEST_CASE("a part over 50.00 owes a return from the finish, exactly 50.00 owes none") {
  ReturnsWorld world;
  const std::string number = world.started();
  world.record_parts(number, {"SEAL-50:2", "SEAL-51:3"});
  std::vector<PartReturn> owed = world.returns();
  REQUIRE(owed.size() == 1);
  CHECK(owed[0].part == "SEAL-51");
  CHECK(owed[0].quantity == 3);
  CHECK(owed[0].ticket == number);
  CHECK(owed[0].serial == kInWarranty);
  CHECK(owed[0].owed_since == day("2026-11-27"));

  SUBCASE("a correction follows the record without a second line") {
    world.record_parts(number, {"SEAL-51:1", "HP-100:1"});
    owed = world.returns();
    REQUIRE(owed.size() == 2);
    CHECK(owed[0].part == "SEAL-51");
    CHECK(owed[0].quantity == 1);
    CHECK(owed[1].part == "HP-100");
  }
  SUBCASE("a correction without the part owes nothing for it") {
    world.record_parts(number, {"SEAL-50:1"});
    CHECK(world.returns().empty());
  }
  SUBCASE("overdue after 30 days: day 30 on time, day 31 late") {
    world.set_today("2026-12-27");
    CHECK(world.returns(true).empty());
    world.set_today("2026-12-28");
    CHECK(world.returns(true).size() == 1);
  }
}

TEST_CASE("a return comes back, QC inspects it, the warehouse books it into defective") {
  ReturnsWorld world;
  const std::string number = world.started();
  world.record_parts(number, {"SEAL-51:3"});
  const std::string line = std::to_string(world.returns().at(0).id);
  world.set_today("2026-12-05");
  Context keeper = world.context("kuang");
  Context qc = world.context("zhou");

  // QC inspects what came back only; the warehouse books in what QC inspected only.
  expect_error(ErrorCode::kRuleViolation, {"has not come back"},
               [&] { inspect_part_return(qc, line, "fail", ""); });
  expect_error(ErrorCode::kRuleViolation, {"after QC inspected"},
               [&] { book_part_return(keeper, line); });
  expect_error(ErrorCode::kInvalidInput, {"received"},
               [&] { receive_part_return(keeper, line, "2026-12-06", false); });  // future
  expect_error(ErrorCode::kInvalidInput, {"received"},
               [&] { receive_part_return(keeper, line, "2026-11-26", false); });  // before
  expect_error(ErrorCode::kRuleViolation, {"warehouse"},
               [&] { receive_part_return(qc, line, "2026-12-05", false); });  // not qc's step

  const PartReturn back = receive_part_return(keeper, line, "2026-12-05", false);
  CHECK(back.number == "RT-2026-000001");
  CHECK(back.received_on == std::optional<Date>(day("2026-12-05")));
  expect_error(ErrorCode::kRuleViolation, {"came back already"},
               [&] { receive_part_return(keeper, line, "2026-12-05", false); });
  expect_error(ErrorCode::kRuleViolation, {"qc"},
               [&] { inspect_part_return(keeper, back.number, "fail", ""); });
  expect_error(ErrorCode::kInvalidInput, {"result"},
               [&] { inspect_part_return(qc, back.number, "maybe", ""); });

  const PartReturn inspected = inspect_part_return(qc, back.number, "fail", "柱塞磨损");
  CHECK(inspected.result == std::optional<InspectionResult>(InspectionResult::kFail));
  CHECK(inspected.inspected_by == "zhou");
  expect_error(ErrorCode::kRuleViolation, {"inspected already"},
               [&] { inspect_part_return(qc, line, "pass", ""); });

  const PartReturn booked = book_part_return(keeper, back.number);
  REQUIRE(booked.move_id.has_value());
  const Part seal = get_part(keeper, "SEAL-51");
  CHECK(world.store->parts().on_hand(seal.id, "defective") == 3);
  StockFilter filter;
  filter.part = "SEAL-51";
  const std::vector<StockMove> moves = world.store->parts().moves(filter, 5);
  REQUIRE(moves.size() == 1);
  CHECK(moves[0].kind == MoveKind::kReturn);
  CHECK(moves[0].reference == "表12 RT-2026-000001");
  expect_error(ErrorCode::kRuleViolation, {"booked in already"},
               [&] { book_part_return(keeper, back.number); });
  // Back already: a correction leaves it as it came back.
  world.record_parts(number, {"SEAL-50:1"});
  REQUIRE(world.returns().size() == 1);
  CHECK(world.returns()[0].number == "RT-2026-000001");
  CHECK(world.returns(true).empty());
}

TEST_CASE("a wrong part returned counts per month for the shipment accuracy KPI") {
  ReturnsWorld world;
  const std::string number = world.started();
  world.record_parts(number, {"SEAL-51:1", "HP-100:1"});
  const std::vector<PartReturn> owed = world.returns();
  REQUIRE(owed.size() == 2);
  world.set_today("2026-12-05");
  Context keeper = world.context("kuang");
  receive_part_return(keeper, std::to_string(owed[0].id), "2026-11-30", true);
  receive_part_return(keeper, std::to_string(owed[1].id), "2026-12-01", false);
  // Counted by the day it came back: 2026-11-30, the last day of November.
  CHECK(wrong_parts_received(keeper, Date::from_ymd(2026, 11, 1), Date::from_ymd(2026, 11, 30)) ==
        1);
  CHECK(wrong_parts_received(keeper, Date::from_ymd(2026, 11, 30), Date::from_ymd(2026, 11, 30)) ==
        1);
  CHECK(wrong_parts_received(keeper, Date::from_ymd(2026, 12, 1), Date::from_ymd(2026, 12, 31)) ==
        0);
  expect_error(ErrorCode::kNotFound, {"99"},
               [&] { receive_part_return(keeper, "99", "2026-12-01", false); });
}

// The overdue returns report (reports/returns_report.h) reads a month's end, here with SEAL-51
// x3 at 50.01 owed since 2026-11-27 (the finish). By hand, with return_overdue_days = 30: the
// last day is 2026-12-27; at 2026-12-31 it is 31 - 27 = 4 days late, worth 3 x 50.01 = 150.03;
// at 2026-11-30 it is not due yet. With 34 days the last day is 2026-12-31 itself (on time),
// with 33 it is 2026-12-30 (1 day late).
TEST_CASE("the returns report lists the lines past their last day at the month's end") {
  ReturnsWorld world;
  const std::string number = world.started();
  world.record_parts(number, {"SEAL-51:3"});
  Context ctx = world.context("zhang");

  const ReturnsReport december = returns_report(ctx, month_period(2026, 12));
  REQUIRE(december.lines.size() == 1);
  CHECK(december.lines[0].line.part == "SEAL-51");
  CHECK(december.lines[0].due_on == day("2026-12-27"));
  CHECK(december.lines[0].days_late == 4);
  CHECK(december.quantity == 3);
  CHECK(december.value == Money{15003});
  CHECK(returns_report(ctx, month_period(2026, 11)).lines.empty());

  world.rules.parts.return_overdue_days = 34;
  Context on_time = world.context("zhang");
  CHECK(returns_report(on_time, month_period(2026, 12)).lines.empty());
  world.rules.parts.return_overdue_days = 33;
  Context late = world.context("zhang");
  const ReturnsReport one_day = returns_report(late, month_period(2026, 12));
  REQUIRE(one_day.lines.size() == 1);
  CHECK(one_day.lines[0].days_late == 1);
}

TEST_CASE("a return back after the month's end still counts for that month, not before it") {
  ReturnsWorld world;
  const std::string number = world.started();
  world.record_parts(number, {"SEAL-51:3"});
  const std::string line = std::to_string(world.returns().at(0).id);
  world.set_today("2027-01-05");
  Context keeper = world.context("kuang");
  receive_part_return(keeper, line, "2027-01-05", false);
  Context ctx = world.context("zhang");
  CHECK(returns_report(ctx, month_period(2026, 12)).lines.size() == 1);
  CHECK(returns_report(ctx, month_period(2027, 1)).lines.empty());
}
