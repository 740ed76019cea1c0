// The ticket's rules as pure functions, at their boundaries (DOMAIN.md "Reading the seed's
// numbers": 超过 X is strictly over X).
#include <doctest/doctest.h>

#include "aftersales/tickets/ticket_rules.h"

using namespace aftersales;

namespace {

Money yuan(std::int64_t fen) { return Money{fen}; }

Ticket paid_ticket() {
  Ticket t;
  t.coverage = Coverage::kPaid;
  return t;
}

}  // namespace

TEST_CASE("表5: a warranty cost of 1,000.00 needs no budget approval, 1,000.01 does") {
  const Rules rules;
  CHECK_FALSE(requires_budget_approval(rules, yuan(100000)));
  CHECK(requires_budget_approval(rules, yuan(100001)));
  CHECK_FALSE(requires_budget_approval(rules, yuan(0)));
}

TEST_CASE("the budget threshold is the rulebook's, not the code's") {
  Rules rules;
  rules.approvals.budget_threshold = yuan(50000);
  CHECK_FALSE(requires_budget_approval(rules, yuan(50000)));
  CHECK(requires_budget_approval(rules, yuan(50001)));
}

TEST_CASE("paid lines need the paid-repair approval unless the repair was made free") {
  Ticket t = paid_ticket();
  CHECK(requires_paid_repair_approval(t, yuan(1)));
  CHECK_FALSE(requires_paid_repair_approval(t, yuan(0)));
  t.free_repair = true;
  CHECK_FALSE(requires_paid_repair_approval(t, yuan(1)));
}

TEST_CASE("a paid ticket without cost lines must be costed before work starts") {
  Ticket t = paid_ticket();
  CHECK(requires_costing(t, {}));
  CHECK_FALSE(requires_costing(t, {CostLine{}}));
  t.free_repair = true;
  CHECK_FALSE(requires_costing(t, {}));
  Ticket warranty;
  warranty.coverage = Coverage::kWarranty;
  CHECK_FALSE(requires_costing(warranty, {}));
}

TEST_CASE("a paid repair of 5,000.00 needs no quotation and contract, 5,000.01 does") {
  const Rules rules;
  CHECK_FALSE(requires_quotation_and_contract(rules, yuan(500000)));
  CHECK(requires_quotation_and_contract(rules, yuan(500001)));
}

TEST_CASE("表4: a repair with the factory's help needs a repair notice") {
  Ticket t;
  CHECK_FALSE(requires_repair_notice(t));
  t.needs_factory = true;
  CHECK(requires_repair_notice(t));
}

TEST_CASE("warranty lines on a ticket outside warranty need the GM's free-repair approval") {
  Ticket t = paid_ticket();
  CHECK(requires_free_repair_approval(t, yuan(1)));
  CHECK_FALSE(requires_free_repair_approval(t, yuan(0)));
  t.waiver_requested = true;  // asked already: the free-repair approval itself is checked
  CHECK_FALSE(requires_free_repair_approval(t, yuan(1)));
  Ticket warranty;
  warranty.coverage = Coverage::kWarranty;
  CHECK_FALSE(requires_free_repair_approval(warranty, yuan(1)));
}

TEST_CASE("a quality defect claimed outside warranty waits for the decision") {
  Ticket t = paid_ticket();
  CHECK_FALSE(waits_for_quality_decision(t));
  t.quality_claim = true;
  CHECK(waits_for_quality_decision(t));
  t.coverage = Coverage::kWarranty;
  CHECK_FALSE(waits_for_quality_decision(t));
}

TEST_CASE("response limits come from the rulebook's priorities, an unknown one has none") {
  Rules rules;
  CHECK(response_limit_seconds(rules, "urgent") == 8 * 3600);
  CHECK(response_limit_seconds(rules, "normal") == 24 * 3600);
  CHECK(response_limit_seconds(rules, "low") == 72 * 3600);
  CHECK(response_limit_seconds(rules, "whenever") == 0);
  rules.sla.response_hours["urgent"] = 4;
  CHECK(response_limit_seconds(rules, "urgent") == 4 * 3600);
}

TEST_CASE("a warranty repair of 1,000.00 is not major, 1,000.01 is (7-day visit)") {
  const Rules rules;
  CHECK_FALSE(is_major_warranty_repair(rules, Coverage::kWarranty, yuan(100000)));
  CHECK(is_major_warranty_repair(rules, Coverage::kWarranty, yuan(100001)));
}

namespace {

CostLine cost(CostKind kind, std::int64_t fen, Coverage coverage,
              const std::string& description = "x") {
  CostLine line;
  line.kind = kind;
  line.description = description;
  line.quantity_milli = 1000;
  line.unit_price = Money{fen};
  line.amount = Money{fen};
  line.coverage = coverage;
  return line;
}

}  // namespace

TEST_CASE("costs change with an amount, a kind or a coverage, not with order or descriptions") {
  const std::vector<CostLine> lines = {cost(CostKind::kPart, 80000, Coverage::kWarranty),
                                       cost(CostKind::kTravel, 15000, Coverage::kWarranty)};
  // The same money, reordered and described otherwise, as 2 x 75.00: unchanged.
  std::vector<CostLine> same = {cost(CostKind::kTravel, 15000, Coverage::kWarranty, "旅差费"),
                                cost(CostKind::kPart, 80000, Coverage::kWarranty, "液压泵")};
  same[0].quantity_milli = 2000;
  same[0].unit_price = Money{7500};
  CHECK_FALSE(costs_changed(lines, lines));
  CHECK_FALSE(costs_changed(lines, same));
  CHECK_FALSE(costs_changed({}, {}));

  std::vector<CostLine> one_fen = lines;
  one_fen[0].amount = Money{80001};
  CHECK(costs_changed(lines, one_fen));
  std::vector<CostLine> paid = lines;
  paid[1].coverage = Coverage::kPaid;
  CHECK(costs_changed(lines, paid));
  std::vector<CostLine> other_kind = lines;
  other_kind[1].kind = CostKind::kWork;
  CHECK(costs_changed(lines, other_kind));
  // Split into two lines of the same total: what was signed for was one amount.
  const std::vector<CostLine> split = {cost(CostKind::kPart, 50000, Coverage::kWarranty),
                                       cost(CostKind::kPart, 30000, Coverage::kWarranty),
                                       cost(CostKind::kTravel, 15000, Coverage::kWarranty)};
  CHECK(costs_changed(lines, split));
  CHECK(costs_changed({}, lines));
  CHECK(costs_changed(lines, {}));
}

TEST_CASE("tickets go to technicians and service managers only, as the rulebook lists") {
  Rules rules;
  CHECK(may_be_assigned(rules, "anyone"));  // no [users]: a demo
  rules.users = {{"ma", {"technician"}},
                 {"li", {"service_manager"}},
                 {"zhang", {"clerk"}},
                 {"xu", {"sales_manager", "technician"}}};
  CHECK(may_be_assigned(rules, "ma"));
  CHECK(may_be_assigned(rules, "li"));
  CHECK(may_be_assigned(rules, "xu"));
  CHECK_FALSE(may_be_assigned(rules, "zhang"));
  CHECK_FALSE(may_be_assigned(rules, "nobody"));
  rules.permissions.ticket_assignable = {"technician"};
  CHECK_FALSE(may_be_assigned(rules, "li"));
}

TEST_CASE("a chain role held only by the requester can never be signed") {
  Rules rules;
  const std::vector<std::string> chain = {"sales_manager"};
  CHECK(role_only_requester_holds(rules, chain, "xu").empty());  // no [users]
  rules.users = {{"xu", {"sales_manager"}}, {"zhang", {"clerk"}}};
  CHECK(role_only_requester_holds(rules, chain, "xu") == "sales_manager");
  CHECK(role_only_requester_holds(rules, chain, "zhang").empty());
  rules.users["chen"] = {"sales_manager", "deputy_gm"};
  CHECK(role_only_requester_holds(rules, chain, "xu").empty());
}

TEST_CASE(
    "service after approval: the arrival waits for the latest last signature of an approval") {
  auto approval = [](std::int64_t id, const std::string& form, ApprovalState state,
                     std::vector<std::int64_t> signed_at) {
    Approval a;
    a.id = id;
    a.form = form;
    a.state = state;
    for (std::int64_t seconds : signed_at) {
      Signature s;
      s.at = Timestamp{seconds};
      a.signatures.push_back(s);
    }
    return a;
  };
  CHECK_FALSE(earliest_arrival({}).has_value());
  CHECK_FALSE(earliest_arrival({approval(1, "budget", ApprovalState::kPending, {100})}));
  CHECK_FALSE(earliest_arrival({approval(1, "budget", ApprovalState::kVoid, {100, 200})}));

  const auto gate = earliest_arrival({approval(1, "repair_notice", ApprovalState::kApproved, {150}),
                                      approval(2, "budget", ApprovalState::kApproved, {100, 300}),
                                      approval(3, "budget", ApprovalState::kRejected, {900})});
  REQUIRE(gate.has_value());
  CHECK(gate->form == "budget");
  CHECK(gate->approval_id == 2);
  CHECK(gate->approved_at == Timestamp{300});
}

TEST_CASE(
    "表6 签字盖章: a record signs off with the seal, without it only when the rulebook relaxes "
    "it") {
  Rules rules;
  WorkRecord record;
  record.signed_by = "王明";
  CHECK_FALSE(signs_off(rules, record));
  record.sealed = true;
  CHECK(signs_off(rules, record));
  rules.tickets.seal_required = false;
  record.sealed = false;
  CHECK(signs_off(rules, record));
  record.signed_by.clear();
  CHECK_FALSE(signs_off(rules, record));
}
