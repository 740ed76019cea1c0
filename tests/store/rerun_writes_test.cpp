// Re-runnable writes (docs/postgresql.md, "What is left" 3): on PostgreSQL a write that meets a
// serialization failure or deadlock runs its work again. Through the store's test seam every
// write here runs its work to the end, is rolled back and runs again, and the commands must
// give what one run gives: the same numbers, records, approvals, stock, audit trail and import.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "aftersales/approvals/approvals.h"
#include "aftersales/audit/audit.h"
#include "aftersales/customers/customers.h"
#include "aftersales/import/importer.h"
#include "aftersales/parts/parts.h"
#include "aftersales/parts/sales.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "support/import_world.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::ImportWorld;
using testing::kInWarranty;
using testing::TicketWorld;

namespace {

// A service desk with a warehouse keeper (wu) beside TicketWorld's staff; with `rerun`, every
// write from here on runs twice (the seam).
struct Desk : TicketWorld {
  explicit Desk(bool rerun) {
    rules.users["wu"] = {"warehouse"};
    store->rerun_writes_for_tests(rerun);
  }
};

// The audit trail without what a second run may change by itself: the real time of each entry
// and the ids an engine draws from a sequence (PostgreSQL does not give a rolled-back id again).
std::vector<std::string> audit_trail(Store& store) {
  static const std::vector<std::string> kKeyedById = {"approval", "stock_move", "training",
                                                      "import", "rulebook"};
  std::vector<std::string> lines;
  for (const AuditEntry& e : store.audit().query(AuditQuery{})) {
    const bool by_id =
        std::find(kKeyedById.begin(), kKeyedById.end(), e.entity) != kKeyedById.end();
    lines.push_back(e.actor + " " + e.entity + " " + (by_id ? "#" : e.entity_id) + " " + e.action +
                    " " + e.before + " -> " + e.after);
  }
  return lines;
}

// What the desk's commands return, in order: numbers, counts and states a second run of any of
// them would have changed.
std::vector<std::string> desk_day(Desk& desk) {
  std::vector<std::string> seen;
  // Ticket numbering: one number per ticket, no gap.
  std::vector<std::string> numbers;
  for (int i = 0; i < 3; ++i) numbers.push_back(desk.open(kInWarranty));
  seen.insert(seen.end(), numbers.begin(), numbers.end());

  // Approvals: an estimate over 1,000.00 in warranty waits for 表5, signed step by step.
  const std::string& ticket = numbers.front();
  desk.analyse(ticket);
  {
    Context clerk = desk.context("zhang");
    const CostsChange change = estimate_ticket(clerk, ticket, "3000", "2", "0");
    seen.push_back("voided " + std::to_string(change.voided.size()));
  }
  desk.approve_all(ticket);
  for (const Approval& a : desk.approvals_of(ticket)) {
    seen.push_back(a.form + " " + approval_state_name(a.state) + " " +
                   std::to_string(a.signatures.size()) + "/" + std::to_string(a.chain.size()));
  }

  // The work record (表6) after the approval, a day later.
  desk.start(ticket);
  desk.set_today("2026-11-28");
  {
    Context technician = desk.context("ma");
    WorkRecordFields fields;
    fields.arrived = "2026-11-28T08:00:00+08:00";
    fields.finished = "2026-11-28T09:30:00+08:00";
    fields.work_done = "更换液压泵, 试车正常";
    fields.signed_by = "王明";
    fields.sealed = true;
    fields.technicians = {"ma"};
    fields.labour_hours = "40";  // over the approved estimate: a supplement (表5 补充)
    const WorkRecorded done = record_work(technician, ticket, fields);
    seen.push_back("record v" + std::to_string(done.record.version) + ", " +
                   std::to_string(done.actual.size()) + " actual lines, " +
                   std::to_string(done.supplements.size()) + " supplements, " +
                   std::to_string(done.voided.size()) + " voided");
  }

  // Stock moves: received, adjusted, sold.
  Context keeper = desk.context("wu");
  for (const char* number : {"P-PUMP", "P-SEAL"}) {
    PartFields fields;
    fields.name = std::string("备件 ") + number;
    fields.price = "120.00";
    add_part(keeper, number, fields);
    receive_part(keeper, number, "10", std::nullopt, "PO-1");
  }
  adjust_stock(keeper, "P-SEAL", "-3", std::nullopt, "damaged in the store");
  Context clerk = desk.context("zhang");
  SaleOrder order;
  order.customer = "C001";
  order.lines = {"P-PUMP:2", "P-SEAL:1"};
  order.pickup = true;
  const PartSale sale = sell_parts(clerk, order);
  seen.push_back(sale.number + " " + std::to_string(sale.lines.size()) + " lines, " +
                 format_money(sale.total));
  each_stock_level(keeper, std::nullopt, [&](const StockLevel& level) {
    seen.push_back(level.part.number + "@" + level.warehouse + " " + std::to_string(level.on_hand));
  });

  // A unit's history note.
  add_unit_note(clerk, kInWarranty, "status", "回访: 运行正常");
  seen.push_back(std::to_string(desk.store->archive().list_unit_notes(kInWarranty).size()) +
                 " notes");

  const std::vector<std::string> trail = audit_trail(*desk.store);
  seen.insert(seen.end(), trail.begin(), trail.end());
  return seen;
}

}  // namespace

TEST_CASE("the rerun seam runs a write's work twice and keeps only the second run") {
  testing::TestWorld world;
  world.store->rerun_writes_for_tests(true);
  int runs = 0;
  world.store->write([&] {
    ++runs;
    // The first run's rows are rolled back, or the second run's inserts would collide.
    testing::insert_customer_and_model(*world.store);
  });
  CHECK(runs == 2);
  Context ctx = world.context();
  CHECK(list_customers(ctx).size() == 1);
}

TEST_CASE("a desk's day gives the same results when every write runs twice") {
  Desk once(false);
  Desk twice(true);
  const std::vector<std::string> expected = desk_day(once);
  const std::vector<std::string> got = desk_day(twice);
  REQUIRE(expected.size() == got.size());
  for (std::size_t i = 0; i < expected.size(); ++i) CHECK(got[i] == expected[i]);
  // The figures the comparison rests on (a desk that changed nothing would compare equal too).
  CHECK(expected[0] == "SR-2026-000001");
  CHECK(expected[2] == "SR-2026-000003");
}

TEST_CASE("an import in skip mode gives the same batch and reject file when its write runs twice") {
  std::map<bool, std::vector<std::string>> seen;
  for (const bool rerun : {false, true}) {
    ImportWorld world;
    world.store->rerun_writes_for_tests(rerun);
    world.file("units.csv",
               "serial,model,customer,shipped\r\n"
               "2025-001,HYS5160,C001,2025-03-01\r\n"
               "2025-002,NOPE,C001,2025-03-01\r\n"
               "2025-003,HYS5160,C001,2025-03-01\r\n");
    ImportOptions options = world.options(ImportEntity::kUnits, {"units.csv"});
    options.on_error = OnError::kSkip;
    options.reject_file = world.dir.file("rejected.csv");
    const ImportSummary summary = world.run(options);
    REQUIRE(summary.batch_id.has_value());
    const ImportBatch batch = *world.store->imports().find_batch(*summary.batch_id);
    std::vector<std::string>& lines = seen[rerun];
    lines.push_back(std::to_string(summary.new_rows) + " new, " + std::to_string(summary.rejected) +
                    " rejected, " + std::to_string(summary.findings.size()) + " findings, " +
                    std::to_string(summary.warnings.size()) + " warnings, " +
                    std::to_string(summary.files.at(0).records) + " records");
    lines.push_back(batch.files + " " + std::to_string(batch.new_rows) + "/" +
                    std::to_string(batch.rejected));
    lines.push_back(world.dir.read("rejected.csv"));
    for (const std::string& serial : world.serials()) lines.push_back(serial);
    const std::vector<std::string> trail = audit_trail(*world.store);
    lines.insert(lines.end(), trail.begin(), trail.end());
    // Each world has a directory of its own: its path is no difference.
    const std::string path = world.dir.file("units.csv");
    for (std::string& line : lines) {
      for (std::size_t at; (at = line.find(path)) != std::string::npos;) {
        line.replace(at, path.size(), "units.csv");
      }
    }
  }
  CHECK(seen[false].at(0) == "2 new, 1 rejected, 1 findings, 0 warnings, 3 records");
  REQUIRE(seen[true].size() == seen[false].size());
  for (std::size_t i = 0; i < seen[false].size(); ++i) CHECK(seen[true][i] == seen[false][i]);
}
