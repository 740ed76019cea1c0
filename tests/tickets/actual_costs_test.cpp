// Issue 9, hole 1: the work record's costs (表6) become the ticket's actual lines, and actual
// costs over what the approvals cover need a supplementary approval on the same chain — each
// rule pure, at its boundary (1,000.00 vs 1,000.01; approved vs one fen more).
#include <doctest/doctest.h>

#include "aftersales/tickets/ticket_forms.h"
#include "aftersales/tickets/ticket_rules.h"

using namespace aftersales;

namespace {

CostLine line(CostKind kind, std::int64_t fen, Coverage coverage = Coverage::kWarranty) {
  CostLine l;
  l.kind = kind;
  l.description = "estimated";
  l.unit_price = Money{fen};
  l.amount = Money{fen};
  l.coverage = coverage;
  return l;
}

Approval approved(const std::string& form, std::optional<Money> amount) {
  Approval a;
  a.form = form;
  a.state = ApprovalState::kApproved;
  a.amount = amount;
  return a;
}

Ticket warranty_ticket() {
  Ticket t;
  t.coverage = Coverage::kWarranty;
  return t;
}

}  // namespace

TEST_CASE("the record's hours and travel replace the estimate's, parts stay as estimated") {
  const Rules rules;  // labour 100.00 an hour
  const std::vector<CostLine> estimated = {
      line(CostKind::kPart, 60000), line(CostKind::kWork, 20000), line(CostKind::kTravel, 20000)};
  WorkRecord record;
  record.labour_hours_centi = 800;  // 8 hours
  record.travel = Money{90000};
  const std::vector<CostLine> actual =
      actual_cost_lines(rules, warranty_ticket(), estimated, record);
  REQUIRE(actual.size() == 3);
  CHECK(actual[0].kind == CostKind::kPart);
  CHECK(actual[0].amount == Money{60000});
  CHECK(actual[1].kind == CostKind::kWork);
  CHECK(actual[1].amount == Money{80000});
  CHECK(actual[2].kind == CostKind::kTravel);
  CHECK(actual[2].amount == Money{90000});
  CHECK(warranty_total(actual) == Money{230000});
}

TEST_CASE("a record that gives no hours or travel keeps the estimated lines as they were") {
  const Rules rules;
  const std::vector<CostLine> estimated = {line(CostKind::kWork, 12345),
                                           line(CostKind::kTravel, 500)};
  const std::vector<CostLine> actual =
      actual_cost_lines(rules, warranty_ticket(), estimated, WorkRecord{});
  REQUIRE(actual.size() == 2);
  CHECK(actual[0].amount == Money{12345});
  CHECK(actual[1].amount == Money{500});
}

TEST_CASE("a new actual line keeps the coverage its kind was estimated at, zero is left out") {
  const Rules rules;
  Ticket paid;
  paid.coverage = Coverage::kPaid;
  // Labour was quoted as warranty on a paid ticket: the record's labour stays warranty.
  const std::vector<CostLine> estimated = {line(CostKind::kWork, 10000, Coverage::kWarranty),
                                           line(CostKind::kPart, 10000, Coverage::kPaid)};
  WorkRecord record;
  record.labour_hours_centi = 150;  // 1.5 hours
  record.travel = Money{0};
  const std::vector<CostLine> actual = actual_cost_lines(rules, paid, estimated, record);
  REQUIRE(actual.size() == 2);  // parts, labour; travel 0 is left out, and replaces none
  CHECK(actual[1].kind == CostKind::kWork);
  CHECK(actual[1].coverage == Coverage::kWarranty);
  CHECK(actual[1].amount == Money{15000});
}

TEST_CASE("表5 supplement: actual 1,000.00 without a budget approval is covered, 1,000.01 is not") {
  const Rules rules;
  const Ticket t = warranty_ticket();
  CHECK(supplements_needed(rules, t, {line(CostKind::kPart, 100000)}, {}).empty());
  const auto needs = supplements_needed(rules, t, {line(CostKind::kPart, 100001)}, {});
  REQUIRE(needs.size() == 1);
  CHECK(needs[0].form == ticket_form::kBudgetSupplement);
  CHECK(needs[0].covers == ticket_form::kBudget);
  CHECK(needs[0].chain == rules.approvals.budget);
  CHECK(needs[0].approved == Money{0});
  CHECK(needs[0].actual == Money{100001});
}

TEST_CASE("表5 supplement: the approved amount covers itself, one fen more needs a supplement") {
  const Rules rules;
  const Ticket t = warranty_ticket();
  const std::vector<Approval> given = {approved(ticket_form::kBudget, Money{150000})};
  CHECK(supplements_needed(rules, t, {line(CostKind::kPart, 150000)}, given).empty());
  const auto needs = supplements_needed(rules, t, {line(CostKind::kPart, 150001)}, given);
  REQUIRE(needs.size() == 1);
  CHECK(needs[0].approved == Money{150000});
  // An approved supplement of the actual amount covers it; a pending one does not.
  std::vector<Approval> with_supplement = given;
  with_supplement.push_back(approved(ticket_form::kBudgetSupplement, Money{150001}));
  CHECK(supplements_needed(rules, t, {line(CostKind::kPart, 150001)}, with_supplement).empty());
  with_supplement.back().state = ApprovalState::kPending;
  CHECK(supplements_needed(rules, t, {line(CostKind::kPart, 150001)}, with_supplement).size() == 1);
}

TEST_CASE("paid and free repairs: over the approved amount needs the same chain again") {
  const Rules rules;
  Ticket paid;
  paid.coverage = Coverage::kPaid;
  const std::vector<CostLine> actual = {line(CostKind::kPart, 30001, Coverage::kPaid)};
  std::vector<Approval> given = {approved(ticket_form::kPaidRepair, Money{30000})};
  auto needs = supplements_needed(rules, paid, actual, given);
  REQUIRE(needs.size() == 1);
  CHECK(needs[0].form == ticket_form::kPaidRepairSupplement);
  CHECK(needs[0].chain == rules.approvals.paid_repair);
  given[0].amount = Money{30001};
  CHECK(supplements_needed(rules, paid, actual, given).empty());

  Ticket free = paid;
  free.free_repair = true;
  given = {approved(ticket_form::kFreeRepair, Money{30000})};
  needs = supplements_needed(rules, free, actual, given);
  REQUIRE(needs.size() == 1);
  CHECK(needs[0].form == ticket_form::kFreeRepairSupplement);
  CHECK(needs[0].chain == rules.approvals.free_repair);
  // An approval that names no amount covers nothing.
  given[0].amount.reset();
  CHECK(supplements_needed(rules, free, actual, given).at(0).approved == Money{0});
}

TEST_CASE("a supplement signed after the work is no gate for the arrival on site") {
  Approval budget = approved(ticket_form::kBudget, Money{150000});
  budget.id = 1;
  budget.signatures = {Signature{0, "gm", "zhao", true, Timestamp{1000}, ""}};
  Approval supplement = approved(ticket_form::kBudgetSupplement, Money{160000});
  supplement.id = 2;
  supplement.signatures = {Signature{0, "gm", "zhao", true, Timestamp{9000}, ""}};
  const auto gate = earliest_arrival({budget, supplement});
  REQUIRE(gate);
  CHECK(gate->approval_id == 1);
}

TEST_CASE("parts used replace the estimated part lines, at the estimated parts' coverage") {
  const Rules rules;
  const std::vector<CostLine> estimated = {line(CostKind::kPart, 80000, Coverage::kPaid),
                                           line(CostKind::kWork, 20000)};
  WorkRecord record;
  PartUsed pump;
  pump.part = "HP-100";
  pump.name = "液压泵";
  pump.quantity = 2;
  pump.unit_price = Money{48000};
  PartUsed seal;
  seal.part = "SEAL-1";
  seal.name = "密封件";
  seal.quantity = 3;
  seal.unit_price = Money{5001};
  record.parts = {pump, seal};
  const std::vector<CostLine> actual =
      actual_cost_lines(rules, warranty_ticket(), estimated, record);
  REQUIRE(actual.size() == 3);
  CHECK(actual[0].kind == CostKind::kWork);  // hours not given: the estimate's work line stays
  CHECK(actual[1].kind == CostKind::kPart);
  CHECK(actual[1].amount == Money{96000});
  CHECK(actual[1].quantity_milli == 2000);
  CHECK(actual[1].coverage == Coverage::kPaid);
  CHECK(actual[1].description.find("HP-100") != std::string::npos);
  CHECK(actual[2].amount == Money{15003});
  CHECK(paid_total(actual) == Money{111003});
}

TEST_CASE("without parts used the estimated part lines stay, and a part line takes the coverage") {
  const Rules rules;
  WorkRecord record;
  CHECK(actual_cost_lines(rules, warranty_ticket(), {line(CostKind::kPart, 100)}, record).size() ==
        1);
  PartUsed used;
  used.part = "HP-100";
  used.quantity = 1;
  used.unit_price = Money{100};
  record.parts = {used};
  Ticket paid = warranty_ticket();
  paid.coverage = Coverage::kPaid;
  const std::vector<CostLine> actual = actual_cost_lines(rules, paid, {}, record);
  REQUIRE(actual.size() == 1);
  CHECK(actual[0].coverage == Coverage::kPaid);
}

TEST_CASE("a major part replaced in warranty makes the repair major whatever its cost") {
  const Rules rules;
  PartUsed used;
  used.part = "HP-100";
  used.quantity = 1;
  used.unit_price = Money{100};
  CHECK_FALSE(is_major_warranty_repair(rules, Coverage::kWarranty, Money{100}, {used}));
  used.major = true;
  CHECK(is_major_warranty_repair(rules, Coverage::kWarranty, Money{100}, {used}));
  CHECK(is_major_warranty_repair(rules, Coverage::kWarranty, Money{100001}, {}));
  // 在保修期内: a major part on a paid repair outside warranty makes no visit due.
  CHECK_FALSE(is_major_warranty_repair(rules, Coverage::kPaid, Money{0}, {used}));
}
