#include <doctest/doctest.h>

#include <algorithm>

#include "aftersales/approvals/approvals.h"
#include "aftersales/tickets/ticket_rules.h"
#include "aftersales/tickets/tickets.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::expect_error;
using testing::kInWarranty;
using testing::kOutOfWarranty;
using testing::TicketWorld;

namespace {

Ticket estimate(TicketWorld& world, const std::string& number, const std::string& parts,
                const std::string& hours, const std::string& travel,
                const std::string& user = "zhang") {
  Context ctx = world.context(user);
  return estimate_ticket(ctx, number, parts, hours, travel).ticket;
}

TicketView view_of(TicketWorld& world, const std::string& number) {
  Context ctx = world.context("zhang");
  return show_ticket(ctx, number);
}

std::vector<Approval> inbox(TicketWorld& world, const std::string& user) {
  Context ctx = world.context(user);
  ApprovalQuery query;
  query.pending = true;
  query.mine = true;
  return list_approvals(ctx, query);
}

Approval approve_as(TicketWorld& world, const std::string& user, std::int64_t id) {
  Context ctx = world.context(user);
  return approve(ctx, id, "同意");
}

bool can_sign_as(TicketWorld& world, const std::string& user, std::int64_t id) {
  Context ctx = world.context(user);
  return can_sign(ctx, get_approval(ctx, id));
}

std::size_t count_pending(TicketWorld& world, const std::string& number) {
  const std::vector<Approval> all = world.approvals_of(number);
  return static_cast<std::size_t>(std::count_if(all.begin(), all.end(), [](const Approval& a) {
    return a.state == ApprovalState::kPending;
  }));
}

}  // namespace

// ---- Costs --------------------------------------------------------------------------------

TEST_CASE("labour is hours times the rate: 2.5 h at 100.00 is 250.00, zero lines left out") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  estimate(world, number, "0", "2.5", "0");
  const TicketView view = view_of(world, number);
  REQUIRE(view.lines.size() == 1);
  CHECK(view.lines[0].kind == CostKind::kWork);
  CHECK(view.lines[0].quantity_milli == 2500);
  CHECK(view.lines[0].unit_price == Money{10000});
  CHECK(view.lines[0].amount == Money{25000});
  CHECK(view.lines[0].coverage == Coverage::kWarranty);
  CHECK(view.warranty_total == Money{25000});
  CHECK(view.paid_total == Money{0});
}

TEST_CASE("labour at a configured rate rounds half up to the fen") {
  TicketWorld world;
  world.rules.costs.labour_rate = Money{3333};  // 33.33 per hour
  const std::string number = world.open_analysed(kInWarranty);

  estimate(world, number, "0", "1.5", "0");  // 49.995 -> 50.00
  TicketView view = view_of(world, number);
  REQUIRE(view.lines.size() == 1);
  CHECK(view.lines[0].unit_price == Money{3333});
  CHECK(view.lines[0].amount == Money{5000});

  estimate(world, number, "0", "0.5", "0");  // 16.665 -> 16.67 (half even would give 16.66)
  view = view_of(world, number);
  REQUIRE(view.lines.size() == 1);
  CHECK(view.lines[0].amount == Money{1667});
  CHECK(view.warranty_total == Money{1667});
}

TEST_CASE("labour hours have at most two decimals") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  expect_error(ErrorCode::kInvalidInput, {"labour_hours", "1.235"},
               [&] { estimate(world, number, "0", "1.235", "0"); });
  CHECK(view_of(world, number).lines.empty());
}

TEST_CASE("a quotation line is quantity times unit price, rounded half up to the fen") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  Context clerk = world.context("zhang");
  quote_ticket(clerk, number, {"work;拆装液压泵;1.5;33.33", "part;密封圈;3;12.50"}, std::nullopt);
  const TicketView view = view_of(world, number);
  REQUIRE(view.lines.size() == 2);
  CHECK(view.lines[0].kind == CostKind::kWork);
  CHECK(view.lines[0].description == "拆装液压泵");
  CHECK(view.lines[0].quantity_milli == 1500);
  CHECK(view.lines[0].amount == Money{5000});
  CHECK(view.lines[1].kind == CostKind::kPart);
  CHECK(view.lines[1].quantity_milli == 3000);
  CHECK(view.lines[1].amount == Money{3750});
  CHECK(view.warranty_total == Money{8750});
  CHECK(view.ticket.itemised);
}

TEST_CASE("an estimate is parts, labour and travel at the ticket's coverage") {
  TicketWorld world;
  const std::string number = world.open_analysed(kOutOfWarranty);
  estimate(world, number, "1,200.50", "3", "¥80");
  const TicketView view = view_of(world, number);
  REQUIRE(view.lines.size() == 3);
  Money parts, work, travel;
  for (const CostLine& line : view.lines) {
    CHECK(line.coverage == Coverage::kPaid);
    if (line.kind == CostKind::kPart) parts = line.amount;
    if (line.kind == CostKind::kWork) work = line.amount;
    if (line.kind == CostKind::kTravel) travel = line.amount;
  }
  CHECK(parts == Money{120050});
  CHECK(work == Money{30000});
  CHECK(travel == Money{8000});
  CHECK(view.paid_total == Money{158050});
  CHECK(view.warranty_total == Money{0});
}

TEST_CASE("warranty cost of exactly 1000.00 needs no budget approval (表5)") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  estimate(world, number, "600", "3", "100");
  const TicketView view = view_of(world, number);
  CHECK(view.warranty_total == Money{100000});
  CHECK(world.approvals_of(number, ticket_form::kBudget).empty());
  for (const StartRequirement& requirement : view.requirements) {
    INFO(requirement.rule << ": " << requirement.explanation);
    CHECK(requirement.satisfied);
  }
  CHECK(world.start(number).state == TicketState::kInService);
}

TEST_CASE("warranty cost of 1000.01 waits for sales_manager, deputy_gm and gm, in that order") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  estimate(world, number, "600.01", "3", "100");
  const Approval budget = world.pending(number, ticket_form::kBudget);
  CHECK(budget.chain == std::vector<std::string>{"sales_manager", "deputy_gm", "gm"});
  CHECK(budget.amount == std::optional<Money>(Money{100001}));
  CHECK(budget.requested_by == "zhang");
  CHECK(budget.subject.id == number);

  expect_error(ErrorCode::kRuleViolation,
               {"refused", "表5", "1,000.00", "sales_manager", "deputy_gm", "gm", "0 of 3"},
               [&] { world.start(number); });
  // Out of order: the deputy GM and the GM cannot sign before the sales manager.
  expect_error(ErrorCode::kRuleViolation, {"refused", "sales_manager"},
               [&] { approve_as(world, "wang", budget.id); });
  expect_error(ErrorCode::kRuleViolation, {"refused", "sales_manager"},
               [&] { approve_as(world, "zhao", budget.id); });

  Approval progress = approve_as(world, "xu", budget.id);
  CHECK(progress.state == ApprovalState::kPending);
  CHECK(progress.current_step() == 1);
  expect_error(ErrorCode::kRuleViolation, {"refused", "deputy_gm"},
               [&] { approve_as(world, "zhao", budget.id); });
  expect_error(ErrorCode::kRuleViolation, {"表5", "deputy_gm", "gm", "1 of 3"},
               [&] { world.start(number); });

  approve_as(world, "wang", budget.id);
  // Start before the last approval is refused, naming who must still sign.
  expect_error(ErrorCode::kRuleViolation, {"refused", "表5", "gm", "2 of 3"},
               [&] { world.start(number); });
  Context clerk = world.context("zhang");
  CHECK(get_ticket(clerk, number).state == TicketState::kAnalysed);

  progress = approve_as(world, "zhao", budget.id);
  CHECK(progress.state == ApprovalState::kApproved);
  REQUIRE(progress.signatures.size() == 3);
  CHECK(progress.signatures[0].role == "sales_manager");
  CHECK(progress.signatures[0].user == "xu");
  CHECK(progress.signatures[1].role == "deputy_gm");
  CHECK(progress.signatures[1].user == "wang");
  CHECK(progress.signatures[2].role == "gm");
  CHECK(progress.signatures[2].user == "zhao");
  CHECK(progress.signatures[2].at == testing::test_now());
  CHECK(world.start(number).state == TicketState::kInService);
}

TEST_CASE("the 表5 threshold counts the warranty lines only") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  Context clerk = world.context("zhang");
  quote_ticket(clerk, number, {"part;液压泵;1;1000.00", "part;机油;1;500.00;paid"}, std::nullopt);
  const TicketView view = view_of(world, number);
  CHECK(view.warranty_total == Money{100000});
  CHECK(view.paid_total == Money{50000});
  CHECK(world.approvals_of(number, ticket_form::kBudget).empty());
  CHECK(world.pending(number, ticket_form::kPaidRepair).amount ==
        std::optional<Money>(Money{50000}));
}

TEST_CASE("an oil change on a truck in warranty is billed and needs the sales manager's approval") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  Context clerk = world.context("zhang");
  quote_ticket(clerk, number,
               {"part;机油 18L;2;350.00;paid", "work;更换机油;0.5;100.00;paid",
                "part;液压泵密封件;2;150.00"},
               std::nullopt);
  const TicketView view = view_of(world, number);
  REQUIRE(view.lines.size() == 3);
  CHECK(view.lines[0].coverage == Coverage::kPaid);
  CHECK(view.lines[1].coverage == Coverage::kPaid);
  CHECK(view.lines[2].coverage == Coverage::kWarranty);  // default: the ticket's coverage
  CHECK(view.paid_total == Money{75000});
  CHECK(view.warranty_total == Money{30000});
  CHECK(view.ticket.coverage == Coverage::kWarranty);

  const Approval paid = world.pending(number, ticket_form::kPaidRepair);
  CHECK(paid.chain == std::vector<std::string>{"sales_manager"});
  CHECK(paid.amount == std::optional<Money>(Money{75000}));
  CHECK(world.approvals_of(number, ticket_form::kBudget).empty());
  expect_error(ErrorCode::kRuleViolation, {"refused", "sales_manager"},
               [&] { world.start(number); });
  approve_as(world, "xu", paid.id);
  CHECK(world.start(number).state == TicketState::kInService);
}

TEST_CASE("changing the estimate after approvals voids the cost approvals given for it") {
  TicketWorld world;
  const std::string number = world.open(kInWarranty);
  world.analyse(number, false, true);  // needs the factory: a repair notice (表4)
  const Approval notice = world.pending(number, ticket_form::kRepairNotice);
  approve_as(world, "xu", notice.id);

  estimate(world, number, "600.01", "3", "100");
  const Approval first = world.pending(number, ticket_form::kBudget);
  approve_as(world, "xu", first.id);

  estimate(world, number, "600.02", "3", "100");
  Context clerk = world.context("zhang");
  CHECK(get_approval(clerk, first.id).state == ApprovalState::kVoid);
  expect_error(ErrorCode::kRuleViolation, {"void"}, [&] { approve_as(world, "wang", first.id); });
  const Approval second = world.pending(number, ticket_form::kBudget);
  CHECK(second.id != first.id);
  CHECK(second.signatures.empty());
  CHECK(second.amount == std::optional<Money>(Money{100002}));
  // The repair notice is not a cost approval: it stands.
  CHECK(get_approval(clerk, notice.id).state == ApprovalState::kApproved);
  expect_error(ErrorCode::kRuleViolation, {"表5"}, [&] { world.start(number); });

  // Fully approved, then cut to 1000.00: the budget is void and no longer needed.
  world.approve_all(number);
  CHECK(get_approval(clerk, second.id).state == ApprovalState::kApproved);
  estimate(world, number, "600", "3", "100");
  CHECK(get_approval(clerk, second.id).state == ApprovalState::kVoid);
  CHECK(count_pending(world, number) == 0);
  CHECK(world.start(number).state == TicketState::kInService);
}

TEST_CASE("re-running an identical estimate voids nothing and writes nothing") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  estimate(world, number, "1200", "2", "100");
  const Approval budget = world.pending(number, ticket_form::kBudget);
  approve_as(world, "xu", budget.id);
  const std::size_t history = view_of(world, number).history.size();
  const std::size_t approvals = world.approvals_of(number).size();

  Context clerk = world.context("zhang");
  const CostsChange again = estimate_ticket(clerk, number, "1200", "2", "100");
  CHECK(again.voided.empty());
  const Approval kept = get_approval(clerk, budget.id);
  CHECK(kept.state == ApprovalState::kPending);
  CHECK(kept.signatures.size() == 1);
  CHECK(world.approvals_of(number).size() == approvals);
  CHECK(view_of(world, number).history.size() == history);
}

TEST_CASE("a change of one fen voids the signed 表5 and says which") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  estimate(world, number, "1200", "0", "0");
  const Approval budget = world.pending(number, ticket_form::kBudget);
  approve_as(world, "xu", budget.id);

  Context clerk = world.context("zhang");
  const CostsChange change = estimate_ticket(clerk, number, "1200.01", "0", "0");
  REQUIRE(change.voided.size() == 1);
  CHECK(change.voided[0].id == budget.id);
  CHECK(change.voided[0].state == ApprovalState::kPending);  // as it was
  CHECK(change.voided[0].signatures.size() == 1);
  CHECK(get_approval(clerk, budget.id).state == ApprovalState::kVoid);
  CHECK(world.pending(number, ticket_form::kBudget).amount == std::optional<Money>(Money{120001}));
}

TEST_CASE("adding only a contract number to unchanged quote lines keeps the paid approval") {
  TicketWorld world;
  const std::string number = world.open_analysed(kOutOfWarranty);
  const std::vector<std::string> lines = {"part;液压泵总成;1;4000.01", "work;拆装调试;10;100.00"};
  Context clerk = world.context("zhang");
  quote_ticket(clerk, number, lines, std::nullopt);
  world.approve_all(number);
  const Approval paid = world.approvals_of(number, ticket_form::kPaidRepair).back();
  REQUIRE(paid.state == ApprovalState::kApproved);

  const CostsChange change = quote_ticket(clerk, number, lines, std::string("HT-2026-015"));
  CHECK(change.voided.empty());
  CHECK(change.ticket.contract_no == "HT-2026-015");
  CHECK(get_approval(clerk, paid.id).state == ApprovalState::kApproved);
  CHECK(count_pending(world, number) == 0);
  CHECK(view_of(world, number).history.back().action == "quote");
  CHECK(world.start(number).state == TicketState::kInService);
}

TEST_CASE("a paid repair over 5,000.00 needs an itemised quotation and a contract number") {
  TicketWorld world;
  const std::string number = world.open_analysed(kOutOfWarranty);

  SUBCASE("exactly 5,000.00 needs neither") {
    estimate(world, number, "4000", "10", "0");
    CHECK(view_of(world, number).paid_total == Money{500000});
    world.approve_all(number);
    CHECK(world.start(number).state == TicketState::kInService);
  }

  SUBCASE("5,000.01 is refused until quoted with a contract") {
    estimate(world, number, "4000.01", "10", "0");
    world.approve_all(number);
    expect_error(ErrorCode::kRuleViolation, {"refused", "5,000.00", "contract"},
                 [&] { world.start(number); });

    const std::vector<std::string> lines = {"part;液压泵总成;1;4000.01", "work;拆装调试;10;100.00"};
    Context clerk = world.context("zhang");
    // Without a contract number the quotation is refused, or the start is.
    bool refused_at_quote = false;
    try {
      quote_ticket(clerk, number, lines, std::nullopt);
    } catch (const Error& e) {
      refused_at_quote = true;
      CHECK(e.code() == ErrorCode::kRuleViolation);
      CHECK(std::string(e.what()).find("contract") != std::string::npos);
    }
    if (!refused_at_quote) {
      world.approve_all(number);
      expect_error(ErrorCode::kRuleViolation, {"refused", "contract"},
                   [&] { world.start(number); });
    }

    const Ticket quoted = quote_ticket(clerk, number, lines, std::string("HT-2026-015")).ticket;
    CHECK(quoted.itemised);
    CHECK(quoted.contract_no == "HT-2026-015");
    CHECK(view_of(world, number).paid_total == Money{500001});
    world.approve_all(number);
    CHECK(world.start(number).state == TicketState::kInService);
  }
}

// ---- Approvals ----------------------------------------------------------------------------

TEST_CASE("an approver without the step's role is refused, naming the role") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  estimate(world, number, "1000.01", "0", "0");
  const Approval budget = world.pending(number, ticket_form::kBudget);
  for (const char* user : {"ma", "zhang", "li", "nobody"}) {
    INFO("user " << user);
    expect_error(ErrorCode::kRuleViolation, {"refused", "sales_manager"},
                 [&] { approve_as(world, user, budget.id); });
    CHECK_FALSE(can_sign_as(world, user, budget.id));
  }
  CHECK(can_sign_as(world, "xu", budget.id));
  Context clerk = world.context("zhang");
  CHECK(get_approval(clerk, budget.id).signatures.empty());
}

TEST_CASE("the user who raised a request cannot sign it") {
  TicketWorld world;
  world.rules.users["gao"] = {"sales_manager"};
  const std::string number = world.open_analysed(kOutOfWarranty);
  estimate(world, number, "800", "2", "0", "xu");  // the sales manager costs it himself
  const Approval paid = world.pending(number, ticket_form::kPaidRepair);
  CHECK(paid.requested_by == "xu");
  expect_error(ErrorCode::kRuleViolation, {"refused", "xu", "sales_manager"},
               [&] { approve_as(world, "xu", paid.id); });
  CHECK_FALSE(can_sign_as(world, "xu", paid.id));
  CHECK(inbox(world, "xu").empty());
  CHECK(approve_as(world, "gao", paid.id).state == ApprovalState::kApproved);
}

TEST_CASE("nobody signs two steps of one chain, even holding both roles") {
  TicketWorld world;
  world.rules.users["xu"] = {"sales_manager", "deputy_gm"};
  const std::string number = world.open_analysed(kInWarranty);
  estimate(world, number, "1500", "0", "0");
  const Approval budget = world.pending(number, ticket_form::kBudget);
  approve_as(world, "xu", budget.id);
  CHECK_FALSE(can_sign_as(world, "xu", budget.id));
  CHECK(inbox(world, "xu").empty());
  expect_error(ErrorCode::kRuleViolation, {"refused", "xu", "deputy_gm"},
               [&] { approve_as(world, "xu", budget.id); });
  approve_as(world, "wang", budget.id);
  const Approval done = approve_as(world, "zhao", budget.id);
  CHECK(done.state == ApprovalState::kApproved);
  REQUIRE(done.signatures.size() == 3);
  CHECK(done.signatures[1].user == "wang");
}

TEST_CASE("a rejection returns the ticket to analysed with the reason") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  estimate(world, number, "1500", "0", "0");
  const Approval budget = world.pending(number, ticket_form::kBudget);
  approve_as(world, "xu", budget.id);

  Context deputy = world.context("wang");
  expect_error(ErrorCode::kInvalidInput, {"reason"}, [&] { reject(deputy, budget.id, ""); });
  Context technician = world.context("ma");
  expect_error(ErrorCode::kRuleViolation, {"refused", "deputy_gm"},
               [&] { reject(technician, budget.id, "不同意"); });

  const Approval rejected = reject(deputy, budget.id, "预算偏高, 请重新核价");
  CHECK(rejected.state == ApprovalState::kRejected);
  REQUIRE(rejected.signatures.size() == 2);
  CHECK_FALSE(rejected.signatures[1].approved);
  CHECK(rejected.signatures[1].user == "wang");
  CHECK(rejected.signatures[1].comment == "预算偏高, 请重新核价");

  const TicketView view = view_of(world, number);
  CHECK(view.ticket.state == TicketState::kAnalysed);
  CHECK(view.ticket.returned_reason.find("预算偏高, 请重新核价") != std::string::npos);
  expect_error(ErrorCode::kRuleViolation, {"refused", "表5"}, [&] { world.start(number); });
  expect_error(ErrorCode::kRuleViolation, {"rejected"},
               [&] { approve_as(world, "zhao", budget.id); });

  // A new estimate asks again.
  estimate(world, number, "1200", "0", "0");
  const Approval again = world.pending(number, ticket_form::kBudget);
  CHECK(again.id != budget.id);
  CHECK(again.amount == std::optional<Money>(Money{120000}));
}

TEST_CASE("a declined quality confirmation keeps the coverage decided at intake") {
  TicketWorld world;

  SUBCASE("out of warranty: still paid, no free repair") {
    const std::string number = world.open(kOutOfWarranty);
    world.analyse(number, true);
    const Approval quality = world.pending(number, ticket_form::kQualityDefect);
    CHECK(quality.chain.front() == "tech_dept");
    Context tech = world.context("sun");
    reject(tech, quality.id, "正常磨损, 非质量问题");
    const Ticket ticket = view_of(world, number).ticket;
    CHECK(ticket.quality_confirmed == std::optional<bool>(false));
    CHECK(ticket.coverage == Coverage::kPaid);
    CHECK_FALSE(ticket.free_repair);
    CHECK(count_pending(world, number) == 0);
    CHECK(inbox(world, "zhao").empty());
  }

  SUBCASE("in warranty: still warranty, and the service may start") {
    const std::string number = world.open(kInWarranty);
    world.analyse(number, true);
    const Approval quality = world.pending(number, ticket_form::kQualityDefect);
    Context tech = world.context("sun");
    reject(tech, quality.id, "操作不当, 非质量问题");
    const Ticket ticket = view_of(world, number).ticket;
    CHECK(ticket.quality_confirmed == std::optional<bool>(false));
    CHECK(ticket.coverage == Coverage::kWarranty);
    CHECK(world.start(number).state == TicketState::kInService);
  }
}

TEST_CASE("a quality defect outside warranty is free once tech_dept confirms and the GM approves") {
  TicketWorld world;
  const std::string number = world.open(kOutOfWarranty);
  world.analyse(number, true);
  const Approval quality = world.pending(number, ticket_form::kQualityDefect);
  CHECK(quality.chain.front() == "tech_dept");
  // The GM cannot go first.
  CHECK(inbox(world, "zhao").empty());
  expect_error(ErrorCode::kRuleViolation, {"refused", "tech_dept"},
               [&] { approve_as(world, "zhao", quality.id); });
  expect_error(ErrorCode::kRuleViolation, {"refused", "tech_dept"}, [&] { world.start(number); });

  approve_as(world, "sun", quality.id);
  Ticket ticket = view_of(world, number).ticket;
  CHECK(ticket.quality_confirmed == std::optional<bool>(true));
  CHECK_FALSE(ticket.free_repair);
  expect_error(ErrorCode::kRuleViolation, {"refused", "gm"}, [&] { world.start(number); });

  const std::vector<Approval> for_gm = inbox(world, "zhao");
  REQUIRE(for_gm.size() == 1);
  CHECK(for_gm[0].subject.id == number);
  approve_as(world, "zhao", for_gm[0].id);
  ticket = view_of(world, number).ticket;
  CHECK(ticket.free_repair);
  CHECK(ticket.coverage == Coverage::kPaid);  // frozen: free by approval, not by warranty
  CHECK(count_pending(world, number) == 0);
  CHECK(world.start(number).state == TicketState::kInService);
}

TEST_CASE("the GM declining a free repair does not undo tech_dept's quality confirmation") {
  TicketWorld world;
  const std::string number = world.open(kOutOfWarranty);
  world.analyse(number, true);
  const Approval quality = world.pending(number, ticket_form::kQualityDefect);
  approve_as(world, "sun", quality.id);
  const std::vector<Approval> for_gm = inbox(world, "zhao");
  REQUIRE(for_gm.size() == 1);
  Context gm = world.context("zhao");
  reject(gm, for_gm[0].id, "属使用不当, 不予免费");
  const Ticket ticket = view_of(world, number).ticket;
  // The technical department's answer stands: the fault is a quality defect (表11 relies on it).
  CHECK(ticket.quality_confirmed == std::optional<bool>(true));
  CHECK_FALSE(ticket.free_repair);
  CHECK(ticket.coverage == Coverage::kPaid);
  CHECK(ticket.state == TicketState::kAnalysed);
  // A rejection (other than the quality answer itself) returns the ticket with the reason.
  CHECK(ticket.returned_reason.find("属使用不当, 不予免费") != std::string::npos);
}

TEST_CASE("a quality defect in warranty needs only the technical department's confirmation") {
  TicketWorld world;
  const std::string number = world.open(kInWarranty);
  world.analyse(number, true);
  const Approval quality = world.pending(number, ticket_form::kQualityDefect);
  approve_as(world, "sun", quality.id);
  CHECK(count_pending(world, number) == 0);
  CHECK(world.approvals_of(number, ticket_form::kFreeRepair).empty());
  CHECK(world.start(number).state == TicketState::kInService);
}

TEST_CASE("a free repair outside warranty needs the GM's approval") {
  TicketWorld world;
  const std::string number = world.open_analysed(kOutOfWarranty);
  estimate(world, number, "1000", "2", "200");
  Context clerk = world.context("zhang");
  const Ticket asked = waive_ticket(clerk, number, "老客户, 总经理特批");
  CHECK(asked.waiver_requested);
  CHECK(asked.waiver_reason == "老客户, 总经理特批");
  CHECK_FALSE(asked.free_repair);

  const Approval waiver = world.pending(number, ticket_form::kFreeRepair);
  CHECK(waiver.chain == std::vector<std::string>{"gm"});
  for (const char* user : {"xu", "wang", "li"}) {
    INFO("user " << user);
    expect_error(ErrorCode::kRuleViolation, {"refused", "gm"},
                 [&] { approve_as(world, user, waiver.id); });
  }
  expect_error(ErrorCode::kRuleViolation, {"refused", "gm"}, [&] { world.start(number); });
  approve_as(world, "zhao", waiver.id);
  CHECK(view_of(world, number).ticket.free_repair);
  CHECK(world.start(number).state == TicketState::kInService);
}

TEST_CASE("a free repair without cost lines is refused: the GM approves an amount") {
  TicketWorld world;
  const std::string number = world.open_analysed(kOutOfWarranty);
  Context clerk = world.context("zhang");
  expect_error(ErrorCode::kRuleViolation, {"refused", "no cost lines", "ticket estimate"},
               [&] { waive_ticket(clerk, number, "老客户"); });
  CHECK(world.approvals_of(number, ticket_form::kFreeRepair).empty());
  CHECK_FALSE(get_ticket(clerk, number).waiver_requested);

  // One costed line is enough: the approval names the whole amount.
  estimate(world, number, "0", "0", "0.01");
  waive_ticket(clerk, number, "老客户");
  const Approval waiver = world.pending(number, ticket_form::kFreeRepair);
  CHECK(waiver.amount == std::optional<Money>(Money{1}));
  CHECK(waiver.summary == "free repair of 0.01 outside warranty: 老客户");
}

TEST_CASE("the GM approves a free repair of 1,400.00, then no paid approval, and it shows free") {
  TicketWorld world;
  const std::string number = world.open_analysed(kOutOfWarranty);
  estimate(world, number, "1000", "2", "200");  // 1,000.00 + 2 h x 100.00 + 200.00
  const Approval paid = world.pending(number, ticket_form::kPaidRepair);
  Context clerk = world.context("zhang");
  waive_ticket(clerk, number, "老客户, 总经理特批");
  const Approval waiver = world.pending(number, ticket_form::kFreeRepair);
  CHECK(waiver.amount == std::optional<Money>(Money{140000}));
  CHECK(waiver.summary == "free repair of 1,400.00 outside warranty: 老客户, 总经理特批");
  CHECK(charge_name(get_ticket(clerk, number)) == std::string("paid"));

  approve_as(world, "zhao", waiver.id);
  const TicketView view = view_of(world, number);
  CHECK(view.ticket.free_repair);
  CHECK(view.ticket.coverage == Coverage::kPaid);  // decided at intake, kept
  CHECK(charge_name(view.ticket) == std::string("free"));
  CHECK(get_approval(clerk, paid.id).state == ApprovalState::kVoid);
  CHECK(count_pending(world, number) == 0);

  SUBCASE("the same lines again keep it free") {
    const CostsChange same = estimate_ticket(clerk, number, "1000", "2", "200");
    CHECK(same.voided.empty());
    CHECK(same.ticket.free_repair);
    CHECK(count_pending(world, number) == 0);
    CHECK(world.start(number).state == TicketState::kInService);
  }
  SUBCASE("changed lines void the GM's approval: paid again, and the paid approval is asked") {
    const CostsChange changed = estimate_ticket(clerk, number, "1000", "2", "200.01");
    REQUIRE(changed.voided.size() == 1);
    CHECK(changed.voided[0].id == waiver.id);
    CHECK(changed.voided[0].state == ApprovalState::kApproved);
    CHECK_FALSE(changed.ticket.free_repair);
    CHECK_FALSE(changed.ticket.waiver_requested);
    CHECK(get_approval(clerk, waiver.id).state == ApprovalState::kVoid);
    CHECK(world.pending(number, ticket_form::kPaidRepair).amount ==
          std::optional<Money>(Money{140001}));
    expect_error(ErrorCode::kRuleViolation, {"paid repair"}, [&] { world.start(number); });
  }
}

TEST_CASE("a sales manager pricing a paid repair only they could approve is refused, named") {
  TicketWorld world;
  const std::string number = world.open_analysed(kOutOfWarranty);
  // xu is the only sales_manager, and the paid-repair chain is [sales_manager].
  expect_error(ErrorCode::kRuleViolation, {"refused", "conflict", "xu", "sales_manager"},
               [&] { estimate(world, number, "800", "0", "0", "xu"); });
  CHECK(view_of(world, number).lines.empty());
  CHECK(world.approvals_of(number).empty());
  // The clerk pricing the same repair leaves it to xu.
  estimate(world, number, "800", "0", "0");
  CHECK(world.pending(number, ticket_form::kPaidRepair).chain ==
        std::vector<std::string>{"sales_manager"});
}

TEST_CASE("waiving the charge of a warranty ticket is refused") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  Context clerk = world.context("zhang");
  expect_error(ErrorCode::kRuleViolation, {"refused", "warranty"},
               [&] { waive_ticket(clerk, number, "客户要求"); });
  CHECK(world.approvals_of(number).empty());
  CHECK_FALSE(get_ticket(clerk, number).waiver_requested);
}

TEST_CASE("with no users table nobody can approve") {
  TicketWorld world;
  world.rules.users.clear();  // a fresh demo: everyone is a clerk
  Context clerk = world.context("zhang");
  TicketIntake intake;
  intake.unit = kInWarranty;
  intake.category = "液压系统";
  intake.channel = "phone";
  intake.description = "扫刷不转";
  const std::string number = open_ticket(clerk, intake).number;
  analyse_ticket(clerk, number, "液压泵磨损", false, false);
  estimate_ticket(clerk, number, "1000.01", "0", "0");
  const Approval budget = world.pending(number, ticket_form::kBudget);
  for (const char* user : {"xu", "wang", "zhao", "zhang"}) {
    INFO("user " << user);
    expect_error(ErrorCode::kRuleViolation, {"refused", "sales_manager"},
                 [&] { approve_as(world, user, budget.id); });
    CHECK_FALSE(can_sign_as(world, user, budget.id));
    CHECK(inbox(world, user).empty());
  }
  expect_error(ErrorCode::kRuleViolation, {"refused", "表5"}, [&] { start_ticket(clerk, number); });
}

TEST_CASE("approval list --pending --mine is an approver's inbox") {
  TicketWorld world;
  world.rules.users["gao"] = {"sales_manager"};  // someone else can sign what xu raises
  const std::string paid = world.open_analysed(kOutOfWarranty);
  estimate(world, paid, "800", "0", "0");  // paid repair: sales_manager
  const std::string quality = world.open(kInWarranty);
  world.analyse(quality, true);  // quality confirmation: tech_dept
  const std::string raised_by_xu = world.open_analysed(kInWarranty);
  estimate(world, raised_by_xu, "1500", "0", "0", "xu");  // 表5, raised by xu himself

  std::vector<Approval> mine = inbox(world, "xu");
  REQUIRE(mine.size() == 1);
  CHECK(mine[0].subject.id == paid);
  CHECK(mine[0].form == ticket_form::kPaidRepair);
  mine = inbox(world, "sun");
  REQUIRE(mine.size() == 1);
  CHECK(mine[0].subject.id == quality);
  CHECK(inbox(world, "wang").empty());  // 表5 waits for a sales manager first
  CHECK(inbox(world, "zhang").empty());

  Context clerk = world.context("zhang");
  ApprovalQuery pending_only;
  pending_only.pending = true;
  CHECK(list_approvals(clerk, pending_only).size() == 3);

  approve_as(world, "xu", inbox(world, "xu")[0].id);
  CHECK(inbox(world, "xu").empty());
  CHECK(list_approvals(clerk, pending_only).size() == 2);
  CHECK(list_approvals(clerk, ApprovalQuery{}).size() == 3);
}

TEST_CASE("an approval that is no longer pending cannot be signed, an unknown id is not found") {
  TicketWorld world;
  const std::string number = world.open_analysed(kOutOfWarranty);
  estimate(world, number, "800", "0", "0");
  const Approval paid = world.pending(number, ticket_form::kPaidRepair);
  approve_as(world, "xu", paid.id);
  world.rules.users["gao"] = {"sales_manager"};
  expect_error(ErrorCode::kRuleViolation, {"refused", "approved"},
               [&] { approve_as(world, "gao", paid.id); });
  Context clerk = world.context("zhang");
  expect_error(ErrorCode::kNotFound, {"999"}, [&] { get_approval(clerk, 999); });
  expect_error(ErrorCode::kNotFound, {"999"}, [&] { approve_as(world, "xu", 999); });
}

TEST_CASE("regression: an approval cannot be signed as of a time before it was requested") {
  // Review of issue 8/9: the GM signing with --today before the request would let the
  // technician's arrival pass "service after approval".
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  Context clerk = world.context("zhang");
  estimate_ticket(clerk, number, "1200.00", "0", "0");
  const Approval budget = world.pending(number, ticket_form::kBudget);
  world.set_today("2026-11-26");
  Context earlier = world.context(world.signer_for(budget, "sales_manager"));
  expect_error(ErrorCode::kRuleViolation, {"cannot be signed at", "before"},
               [&] { approve(earlier, budget.id, ""); });
  world.set_today("2026-11-27");
  Context now = world.context(world.signer_for(budget, "sales_manager"));
  CHECK(approve(now, budget.id, "").signatures.size() == 1);
}
