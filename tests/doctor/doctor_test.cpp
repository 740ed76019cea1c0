// The ledger's self-check: a ledger written only through aftersales is sound, and each
// invariant broken on purpose through the ports or with SQL from outside (as a program writing
// the file or the database would) is found, naming the record.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "aftersales/approvals/approvals.h"
#include "aftersales/care/complaints.h"
#include "aftersales/care/surveys.h"
#include "aftersales/care/training.h"
#include "aftersales/customers/customers.h"
#include "aftersales/doctor/doctor.h"
#include "aftersales/import/importer.h"
#include "aftersales/parts/gate_passes.h"
#include "aftersales/parts/issue_requests.h"
#include "aftersales/parts/part_forms.h"
#include "aftersales/parts/parts.h"
#include "aftersales/parts/purchase_plans.h"
#include "aftersales/parts/sale_forms.h"
#include "aftersales/parts/sales.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "aftersales/visits/visits.h"
#include "care/care_world.h"
#include "support/import_world.h"
#include "support/raw_sql.h"
#include "support/temp_dir.h"
#include "support/test_engine.h"
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

// Runs `sql` on the world's ledger as another program with the file (or a login to the server)
// would. An in-memory SQLite ledger is out of another connection's reach: it is copied to a
// file in `dir` (the store's backup), changed there, and the world goes on with the changed
// copy. A PostgreSQL ledger is changed in place.
void tamper(testing::TestWorld& world, const testing::TempDir& dir, const std::string& sql) {
  static int copies = 0;
  std::string db = world.database.url();
  if (db.empty()) {
    db = dir.file("ledger-" + std::to_string(++copies) + ".db");
    world.store->backup_to(db);
  }
  const testing::RawSqlResult result = testing::raw_sql(db, sql);
  INFO(sql << ": " << result.error);
  REQUIRE(result.error.empty());
  REQUIRE(result.changed > 0);
  if (!testing::is_postgres_url(db)) world.store = open_sqlite_store(db, SqliteOptions{});
}

// The care world with one record of each kind the core audits beyond the archive, tickets and
// visits, each written through the core: parts HP-100 (480.00, 3 received: move `receipt`)
// and S-1 (50.00, 10 received), a warranty issue (表11) approved with its gate pass, a work record
// that owes the return of HP-100 (表12), a sale of S-1, an urgent request (表13) approved into a
// purchase plan, a survey of C001 for 2026, a complaint and a training of kNewUnit.
struct OneOfEachWorld : testing::CareWorld {
  OneOfEachWorld() {
    rules.users["kuang"] = {"warehouse"};
    rules.users["qian"] = {"finance"};
    rules.users["he"] = {"purchasing"};
    Context keeper = context("kuang");
    for (const char* number : {"HP-100", "S-1"}) {
      PartFields fields;
      fields.name = std::string("件 ") + number;
      fields.price = number == std::string("HP-100") ? "480.00" : "50.00";
      add_part(keeper, number, fields);
    }
    receipt = receive_part(keeper, "HP-100", "3", std::nullopt, "送货单 1").id;
    receive_part(keeper, "S-1", "10", std::nullopt, "送货单 2");

    Context clerk = context("zhang");
    const std::string quality = open(testing::kInWarranty);
    analyse(quality, /*quality_defect=*/true);
    IssueRequestFields issue_fields;
    issue_fields.ticket = quality;
    issue_fields.lines = {"S-1:1"};
    issue = request_issue(clerk, issue_fields).number;
    sign_all(pending(issue, part_issue_form::kKey).id);
    gate_pass = find_gate_pass(clerk, issue_shipment(issue))->number;

    const std::string repaired = open_analysed(testing::kInWarranty);
    estimate_ticket(clerk, repaired, "480", "0", "0");
    approve_all(repaired);
    start(repaired);
    clock.set(testing::at("2026-11-28T08:00:00"));
    Context technician = context("ma");
    WorkRecordFields record;
    record.arrived = "2026-11-27T20:00:00";
    record.finished = "2026-11-27T23:30:00";
    record.work_done = "更换液压泵";
    record.signed_by = "王明";
    record.sealed = true;
    record.technicians = {"ma"};
    record.parts = {"HP-100:1"};
    record_work(technician, repaired, record);
    part_return = std::to_string(store->part_returns().returns_of(ticket_id(repaired)).at(0).id);

    SaleOrder order;
    order.customer = "C001";
    order.lines = {"S-1:1"};
    order.pickup = true;
    sale = sell_parts(clerk, order).number;

    urgent = request_urgent_part(clerk, UrgentOrder{quality, "液压马达", "1", "停机待修"}).number;
    Context leader = context("xu");
    approve(leader, pending(urgent, sale_form::kUrgentPart).id, "");
    plan = get_urgent_request(clerk, urgent).plan;

    SurveyFields survey;
    survey.customer = "C001";
    survey.year = "2026";
    survey.scores = "5,4,5,4,5";
    record_survey(clerk, survey);
    ComplaintFields complaint_fields;
    complaint_fields.customer = "C001";
    complaint_fields.category = "服务态度";
    complaint_fields.text = "维修人员迟到";
    complaint = open_complaint(clerk, complaint_fields).number;
    TrainingFields training_fields;
    training_fields.serial = testing::kNewUnit;
    training_fields.date = "2026-11-25";
    training_fields.trainer = "ma";
    training_fields.passed = true;
    training = std::to_string(record_training(technician, training_fields).id);
  }

  std::int64_t ticket_id(const std::string& number) { return store->tickets().find(number)->id; }

  // Signs every step of an approval, each by a user holding the step's role.
  void sign_all(std::int64_t id) {
    Context reader = context("zhang");
    const std::size_t steps = get_approval(reader, id).chain.size();
    for (std::size_t step = 0; step < steps; ++step) {
      const Approval now = get_approval(reader, id);
      Context signer = context(signer_for(now, now.chain.at(step)));
      approve(signer, id, "同意");
    }
  }

  std::int64_t receipt = 0;  // the stock move of HP-100's receipt
  std::string issue, gate_pass, part_return, sale, urgent, plan, complaint, training;
};

// Deletes the audit entries of one record of the world, its key given by `key_of`, and expects
// the one finding naming it.
void expect_unaudited(const std::string& entity,
                      const std::function<std::string(const OneOfEachWorld&)>& key_of) {
  OneOfEachWorld world;
  const std::string key = key_of(world);
  testing::TempDir dir("aftersales-doctor");
  tamper(world, dir,
         "DELETE FROM audit_log WHERE entity = '" + entity + "' AND entity_id = '" + key + "'");
  const LedgerCheck result = check(world);
  INFO(describe(result));
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].check == ledger_check::kAudit);
  CHECK(result.findings[0].entity == entity);
  CHECK(result.findings[0].key == key);
  CHECK(mentions(result.findings[0].problem, "no entry in the audit trail"));
}

void expect_unaudited(const std::string& entity, const char* key) {
  expect_unaudited(entity, [&](const OneOfEachWorld&) { return std::string(key); });
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
  CHECK(result.checks == std::vector<std::string>{
                             ledger_check::kIntegrity, ledger_check::kSignedRecord,
                             ledger_check::kStartApprovals, ledger_check::kActualCosts,
                             ledger_check::kAudit, ledger_check::kBatchCounts, ledger_check::kStock,
                             ledger_check::kAttachments, ledger_check::kSearch});
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

TEST_CASE("a ledger with one record of each kind written through aftersales is sound") {
  OneOfEachWorld world;
  CHECK(world.issue == "PI-2026-000001");
  CHECK(world.gate_pass == "GP-2026-000001");
  CHECK(world.sale.rfind("PS-2026-", 0) == 0);
  CHECK(world.urgent.rfind("UR-2026-", 0) == 0);
  CHECK(world.plan.rfind("PU-2026-", 0) == 0);
  CHECK(world.complaint.rfind("CP-2026-", 0) == 0);
  CHECK_FALSE(world.part_return.empty());
  CHECK_FALSE(world.training.empty());
  const LedgerCheck result = check(world);
  INFO(describe(result));
  CHECK(result.clean());
}

TEST_CASE("a part without its audit entry is found") { expect_unaudited("part", "HP-100"); }

TEST_CASE("a stock move without its audit entry is found by its id") {
  expect_unaudited("stock_move", [](const OneOfEachWorld& w) { return std::to_string(w.receipt); });
}

TEST_CASE("a warranty issue (表11) without its audit entries is found") {
  expect_unaudited("part_issue", [](const OneOfEachWorld& w) { return w.issue; });
}

TEST_CASE("a gate pass without its audit entry is found") {
  expect_unaudited("gate_pass", [](const OneOfEachWorld& w) { return w.gate_pass; });
}

TEST_CASE("a part return (表12) without its audit entry is found by its line") {
  expect_unaudited("part_return", [](const OneOfEachWorld& w) { return w.part_return; });
}

TEST_CASE("a part sale without its audit entry is found") {
  expect_unaudited("part_sale", [](const OneOfEachWorld& w) { return w.sale; });
}

TEST_CASE("a purchase plan without its audit entry is found") {
  expect_unaudited("purchase_plan", [](const OneOfEachWorld& w) { return w.plan; });
}

TEST_CASE("an urgent part request (表13) without its audit entry is found") {
  expect_unaudited("urgent_request", [](const OneOfEachWorld& w) { return w.urgent; });
}

TEST_CASE("a survey (表9) without its audit entry is found by customer and year") {
  expect_unaudited("survey", "C001/2026");
}

TEST_CASE("a complaint without its audit entries is found") {
  expect_unaudited("complaint", [](const OneOfEachWorld& w) { return w.complaint; });
}

TEST_CASE("a training record without its audit entry is found by its id") {
  expect_unaudited("training", [](const OneOfEachWorld& w) { return w.training; });
}

TEST_CASE("a version of the ledger's rulebook without its audit entry is found") {
  OneOfEachWorld world;
  testing::TempDir dir("aftersales-doctor");
  tamper(world, dir,
         "INSERT INTO rulebook (version, rules, source, admins, applied_by, login, applied_at) "
         "VALUES (7, '', 'forged.toml', '[]', 'evil', 'evil', 0)");
  const LedgerCheck result = check(world);
  INFO(describe(result));
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].check == ledger_check::kAudit);
  CHECK(result.findings[0].entity == "rulebook");
  CHECK(result.findings[0].key == "7");
  CHECK(mentions(result.findings[0].problem, "not applied by an admin"));
}

TEST_CASE("care records and stock moves an import batch owns need no audit entry of their own") {
  OneOfEachWorld world;
  testing::TempDir dir("aftersales-doctor");
  const std::string receipt = std::to_string(world.receipt);
  // A batch of each entity that owns one row, each row's own audit entries gone.
  std::string sql;
  int id = 9;
  for (const auto& [entity, table] :
       std::vector<std::pair<std::string, std::string>>{{"stock", "stock_move"},
                                                        {"survey", "survey"},
                                                        {"complaint", "complaint"},
                                                        {"training", "training_record"}}) {
    const std::string batch = std::to_string(id++);
    sql +=
        "INSERT INTO import_batch (id, entity, files, mapping, mode, actor, login, at, "
        "new_rows, updated) VALUES (" +
        batch + ", '" + entity + "', '[]', 'built-in', 'stop', 'x', 'x', 0, 1, 0); ";
    sql += "UPDATE " + table + " SET batch_id = " + batch +
           (table == "stock_move" ? " WHERE id = " + receipt : std::string()) + "; ";
  }
  sql +=
      "DELETE FROM audit_log WHERE entity IN ('survey', 'complaint', 'training') "
      "OR (entity = 'stock_move' AND entity_id = '" +
      receipt + "')";
  tamper(world, dir, sql);
  const LedgerCheck result = check(world);
  INFO(describe(result));
  // The forged batches themselves have no audit entry; what they own needs none, and each
  // owns what it says it added.
  REQUIRE(result.findings.size() == 4);
  for (const LedgerFinding& f : result.findings) {
    CHECK(f.check == ledger_check::kAudit);
    CHECK(f.entity == "import");
  }
}

TEST_CASE("a care record stamped with a batch of another entity is found by the batch counts") {
  OneOfEachWorld world;
  testing::TempDir dir("aftersales-doctor");
  tamper(world, dir,
         "INSERT INTO import_batch (id, entity, files, mapping, mode, actor, login, at, new_rows, "
         "updated) VALUES (9, 'unit', '[]', 'built-in', 'stop', 'x', 'x', 0, 0, 0); "
         "UPDATE training_record SET batch_id = 9");
  const std::vector<LedgerFinding> found = of_check(check(world), ledger_check::kBatchCounts);
  REQUIRE(found.size() == 1);
  CHECK(found[0].key == "9");
  CHECK(mentions(found[0].problem, "its stamp is on 1 row of other tables"));
}

TEST_CASE("a stock move written outside aftersales that takes the stock below zero is found") {
  OneOfEachWorld world;
  Context keeper = world.context("kuang");
  const StockMove loss = adjust_stock(keeper, "HP-100", "-2", std::nullopt, "盘亏");
  CHECK(of_check(check(world), ledger_check::kStock).empty());
  testing::TempDir dir("aftersales-doctor");
  // The receipt of 3 said 1: the loss of 2 then takes the stock to -1 (the work record's
  // parts used move no stock).
  tamper(world, dir,
         "UPDATE stock_move SET quantity = 1 WHERE id = " + std::to_string(world.receipt));
  const LedgerCheck result = check(world);
  INFO(describe(result));
  const std::vector<LedgerFinding> found = of_check(result, ledger_check::kStock);
  REQUIRE(found.size() == 1);
  CHECK(found[0].entity == "stock_move");
  CHECK(found[0].key == std::to_string(loss.id));
  CHECK(mentions(found[0].problem, "takes part HP-100 in warehouse main to -1"));
  CHECK(result.findings.size() == 1);  // every move keeps its audit entry
}
