// The ledger's self-check: a ledger written only through aftersales is sound, and each
// invariant broken on purpose through the ports (as a program writing the file would) is
// found, naming the record.
#include <doctest/doctest.h>

#include <algorithm>

#include "aftersales/customers/customers.h"
#include "aftersales/doctor/doctor.h"
#include "aftersales/import/importer.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "aftersales/visits/visits.h"
#include "support/import_world.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::ImportWorld;
using testing::kInWarranty;
using testing::kTwoUnitsCsv;
using testing::TicketWorld;

namespace {

LedgerCheck check(testing::TestWorld& world) {
  Context ctx = world.context("zhang");
  return check_ledger(ctx);
}

// The findings of one check, as "entity key: problem" for readable failures.
std::vector<LedgerFinding> of_check(const LedgerCheck& result, const std::string& name) {
  std::vector<LedgerFinding> found;
  std::copy_if(result.findings.begin(), result.findings.end(), std::back_inserter(found),
               [&](const LedgerFinding& f) { return f.check == name; });
  return found;
}

std::string describe(const LedgerCheck& result) {
  std::string text;
  for (const LedgerFinding& f : result.findings) {
    text += f.check + " " + f.entity + " " + f.key + ": " + f.problem + "\n";
  }
  return text;
}

bool mentions(const std::string& text, const std::string& fragment) {
  return text.find(fragment) != std::string::npos;
}

// A warranty ticket costed over 1,000.00 (budget approval, 表5), approved, started, recorded
// and closed as the rules say.
std::string closed_ticket(TicketWorld& world) {
  const std::string number = world.open_analysed(kInWarranty);
  Context clerk = world.context("zhang");
  estimate_ticket(clerk, number, "1000.01", "0", "0");
  world.approve_all(number);
  world.start(number);
  world.clock.set(testing::at("2026-11-28T12:00:00"));
  world.record(number, "2026-11-28T08:00", "2026-11-28T09:30");
  Context manager = world.context("li");
  close_ticket(manager, number);
  return number;
}

}  // namespace

TEST_CASE("a ledger written through aftersales alone is sound") {
  TicketWorld world;
  closed_ticket(world);
  world.open(kInWarranty);
  // Paused before the service started: not a started ticket.
  const std::string paused = world.open_analysed(kInWarranty);
  Context manager = world.context("li");
  pause_ticket(manager, paused, "waiting for the customer");
  CustomerFields edit;
  edit.phone = "0412-5550000";
  edit_customer(manager, "C001", edit);

  const LedgerCheck result = check(world);
  INFO(describe(result));
  CHECK(result.clean());
  CHECK(result.checks ==
        std::vector<std::string>{ledger_check::kIntegrity, ledger_check::kSignedRecord,
                                 ledger_check::kStartApprovals, ledger_check::kActualCosts,
                                 ledger_check::kAudit, ledger_check::kBatchCounts});
}

TEST_CASE("imports, an import over typed rows, a hand edit and a revert leave the ledger sound") {
  ImportWorld world;
  REQUIRE(world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv).batch_id == 1);
  REQUIRE(world.import(ImportEntity::kUnits, "vin.csv", "serial,vin\r\n2025-001,LZZ-NEW\r\n")
              .batch_id == 2);
  REQUIRE(world
              .import(ImportEntity::kUnits, "more.csv",
                      "serial,model,customer,shipped\r\n2025-003,HYS5160,C001,2025-07-01\r\n")
              .batch_id == 3);
  world.revert(3);
  Context ctx = world.context();
  UnitFields typed;
  typed.plate = "辽C12345";
  edit_unit(ctx, "2025-002", typed);  // no longer batch 1's

  const LedgerCheck result = check(world);
  INFO(describe(result));
  CHECK(result.clean());
}

TEST_CASE("a closed ticket without a signed work record is found (表6)") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  Ticket ticket = *world.store->tickets().find(number);
  ticket.state = TicketState::kClosed;
  world.store->tickets().update(ticket);  // as a program writing the file would

  const LedgerCheck result = check(world);
  INFO(describe(result));
  const std::vector<LedgerFinding> found = of_check(result, ledger_check::kSignedRecord);
  REQUIRE(found.size() == 1);
  CHECK(found[0].entity == "ticket");
  CHECK(found[0].key == number);
  CHECK(mentions(found[0].problem, "closed but has no work record (表6)"));
  CHECK(result.findings.size() == 1);
}

TEST_CASE("a signed-off ticket whose work record has no seal is found") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  Ticket ticket = *world.store->tickets().find(number);
  WorkRecord record;
  record.technicians = {"ma"};
  record.arrived = testing::at("2026-11-27T08:00");
  record.finished = testing::at("2026-11-27T09:00");
  record.signed_at = record.finished;
  record.work_done = "更换液压泵";
  record.signed_by = "王明";
  record.sealed = false;
  world.store->tickets().insert_work_record(ticket.id, record);
  ticket.state = TicketState::kSignedOff;
  world.store->tickets().update(ticket);

  const std::vector<LedgerFinding> found = of_check(check(world), ledger_check::kSignedRecord);
  REQUIRE(found.size() == 1);
  CHECK(found[0].key == number);
  CHECK(mentions(found[0].problem, "without the customer's seal"));
}

TEST_CASE("a started ticket without the budget approval its rules require is found (表5)") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  Context clerk = world.context("zhang");
  estimate_ticket(clerk, number, "1250", "0", "0");  // budget approval pending
  Ticket ticket = *world.store->tickets().find(number);
  ticket.state = TicketState::kInService;
  world.store->tickets().update(ticket);

  const LedgerCheck result = check(world);
  INFO(describe(result));
  const std::vector<LedgerFinding> found = of_check(result, ledger_check::kStartApprovals);
  REQUIRE(found.size() == 1);
  CHECK(found[0].entity == "ticket");
  CHECK(found[0].key == number);
  CHECK(mentions(found[0].problem, "in_service but its budget approval (表5) is missing"));
  CHECK(mentions(found[0].problem, "0 of 3 given"));
}

TEST_CASE("a ticket paused from the service is judged as started, one paused before is not") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  Context clerk = world.context("zhang");
  estimate_ticket(clerk, number, "1250", "0", "0");
  Ticket ticket = *world.store->tickets().find(number);
  ticket.state = TicketState::kPaused;
  ticket.resume_state = TicketState::kAnalysed;
  world.store->tickets().update(ticket);
  CHECK(of_check(check(world), ledger_check::kStartApprovals).empty());

  ticket.resume_state = TicketState::kInService;
  world.store->tickets().update(ticket);
  const std::vector<LedgerFinding> found = of_check(check(world), ledger_check::kStartApprovals);
  REQUIRE(found.size() == 1);
  CHECK(found[0].key == number);
}

TEST_CASE("a ticket closed with actual costs over the approved ones, no supplement, is found") {
  TicketWorld world;
  const std::string number = closed_ticket(world);  // 1,000.01 approved (表5)
  CHECK(of_check(check(world), ledger_check::kActualCosts).empty());
  // Written outside aftersales: the actual lines say 1,000.02.
  const Ticket ticket = *world.store->tickets().find(number);
  std::vector<CostLine> actual = world.store->tickets().actual_lines(ticket.id);
  REQUIRE(actual.size() == 1);
  actual[0].amount = Money{100002};
  world.store->tickets().replace_actual_lines(ticket.id, actual);
  const std::vector<LedgerFinding> found = of_check(check(world), ledger_check::kActualCosts);
  REQUIRE(found.size() == 1);
  CHECK(found[0].key == number);
  CHECK(mentions(found[0].problem, "1,000.02 over the 1,000.01 approved (表5)"));
}

TEST_CASE("a record, an approval or an import batch without its audit entry is found") {
  ImportWorld world;
  REQUIRE(world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv).batch_id == 1);
  Customer customer;
  customer.code = "C999";
  customer.name = "written outside";
  world.store->archive().insert_customer(customer);
  Approval approval;
  approval.form = ticket_form::kBudget;
  approval.subject = ticket_subject("SR-2026-000001");
  approval.chain = {"gm"};
  approval.requested_by = "evil";
  approval.requested_at = testing::test_now();
  approval.summary = "forged";
  world.store->approvals().insert(approval);
  ImportBatch batch;
  batch.entity = "unit";
  batch.files = "[]";
  batch.mapping = "built-in";
  batch.mode = "stop";
  batch.actor = "evil";
  batch.login = "evil";
  batch.at = testing::test_now();
  world.store->imports().insert_batch(batch);

  const LedgerCheck result = check(world);
  INFO(describe(result));
  const std::vector<LedgerFinding> found = of_check(result, ledger_check::kAudit);
  REQUIRE(found.size() == 3);
  CHECK(found[0].entity == "customer");
  CHECK(found[0].key == "C999");
  CHECK(found[1].entity == "approval");
  CHECK(found[1].key == std::to_string(approval.id));
  CHECK(found[2].entity == "import");
  CHECK(found[2].key == std::to_string(batch.id));
  CHECK(result.findings.size() == 3);
}

TEST_CASE("a follow-up visit written without its audit entry is found") {
  TicketWorld world;
  Context clerk = world.context("zhang");
  VisitRequest request;
  request.unit = kInWarranty;
  request.reason = "shipment";
  request.scores = "5,5,5,5,5";
  const Visit audited = record_visit(clerk, request);  // audited: not a finding
  Visit forged;
  forged.number = "VS-2026-000099";
  forged.serial = kInWarranty;
  forged.customer = "C001";
  forged.visited_at = testing::test_now();
  forged.visited_on = clerk.today();
  forged.visited_by = "evil";
  forged.recorded_at = testing::test_now();
  forged.recorded_by = "evil";
  world.store->visits().insert(forged);

  const LedgerCheck result = check(world);
  INFO(describe(result));
  const std::vector<LedgerFinding> found = of_check(result, ledger_check::kAudit);
  REQUIRE(found.size() == 1);
  CHECK(found[0].entity == "visit");
  CHECK(found[0].key == "VS-2026-000099");
  CHECK(audited.number == "VS-2026-000001");
}

TEST_CASE("an import batch whose counts do not match its rows is found") {
  ImportWorld world;
  REQUIRE(world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv).batch_id == 1);
  REQUIRE(world.import(ImportEntity::kUnits, "vin.csv", "serial,vin\r\n2025-001,LZZ-NEW\r\n")
              .batch_id == 2);

  SUBCASE("more rows carry its stamp than it added and updated") {
    ImportBatch batch = *world.store->imports().find_batch(1);
    batch.new_rows = 0;
    world.store->imports().update_batch(batch);
    const std::vector<LedgerFinding> found = of_check(check(world), ledger_check::kBatchCounts);
    REQUIRE(found.size() == 1);
    CHECK(found[0].entity == "import");
    CHECK(found[0].key == "1");
    CHECK(mentions(found[0].problem, "owns 1 row of unit but added 0 and updated 0"));
  }
  SUBCASE("it updated more rows than it kept values before for") {
    ImportBatch batch = *world.store->imports().find_batch(2);
    batch.updated = 2;
    world.store->imports().update_batch(batch);
    const std::vector<LedgerFinding> found = of_check(check(world), ledger_check::kBatchCounts);
    REQUIRE(found.size() == 1);
    CHECK(found[0].key == "2");
    CHECK(mentions(found[0].problem, "updated 2 rows but kept the values before of 1"));
  }
  SUBCASE("a reverted batch still stamps rows") {
    ImportBatch batch = *world.store->imports().find_batch(2);
    batch.reverted_at = testing::test_now();
    batch.reverted_by = "evil";
    world.store->imports().update_batch(batch);
    const LedgerCheck result = check(world);
    INFO(describe(result));
    const std::vector<LedgerFinding> found = of_check(result, ledger_check::kBatchCounts);
    REQUIRE(found.size() == 1);
    CHECK(found[0].key == "2");
    CHECK(mentions(found[0].problem, "was reverted but its stamp is still on 1 row"));
    // Its revert left no trace in the audit trail either.
    const std::vector<LedgerFinding> audit = of_check(result, ledger_check::kAudit);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].key == "2");
    CHECK(mentions(audit[0].problem, "revert"));
  }
}
