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

TEST_CASE("response limits come from the rulebook's priorities; an unknown one has none") {
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
  CHECK_FALSE(is_major_warranty_repair(rules, yuan(100000)));
  CHECK(is_major_warranty_repair(rules, yuan(100001)));
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
    "表6 签字盖章: a record signs off with the seal; without it only when the rulebook relaxes "
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
