// Reverting a batch: added rows removed, updated rows restored to the batch (or clerk) that
// had written them; refused once reverted, over a later batch, or over work typed since.
#include <doctest/doctest.h>

#include "aftersales/core/error.h"
#include "aftersales/import/importer.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "support/expect_error.h"
#include "support/import_world.h"

using namespace aftersales;
using testing::expect_error;
using testing::ImportWorld;
using testing::kTwoUnitsCsv;

namespace {

// Batch 1 adds 2025-001 and 2025-002; batch 2 changes the vin of 2025-001.
void two_batches(ImportWorld& world) {
  REQUIRE(world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv).batch_id == 1);
  REQUIRE(world.import(ImportEntity::kUnits, "vin.csv", "serial,vin\r\n2025-001,LZZ-NEW\r\n")
              .batch_id == 2);
}

const char* const kTicketCsv =
    "number,unit,category,channel,description,reported_at\r\n"
    "SR-2026-000041,2025-001,液压系统,phone,x,2026-03-05T09:30\r\n";

}  // namespace

TEST_CASE("revert removes the rows a batch added and records who reverted it when") {
  ImportWorld world;
  world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv);
  world.clock.set(Timestamp{world.clock.now().seconds + 3600});
  const ImportBatch batch = world.revert(1);
  CHECK(world.serials().empty());
  REQUIRE(batch.reverted_at.has_value());
  CHECK(*batch.reverted_at == world.clock.now());
  CHECK(batch.reverted_by == "zhang");
  CHECK(world.store->imports().find_batch(1)->reverted_at == batch.reverted_at);
}

TEST_CASE("revert puts back the values a batch updated, and gives the row back to its batch") {
  ImportWorld world;
  two_batches(world);
  world.revert(2);
  CHECK(world.store->archive().find_unit("2025-001")->vin == "LZZ1");
  CHECK(world.store->imports().keys_in_batch(ImportEntity::kUnits, 1) ==
        std::vector<std::string>{"2025-001", "2025-002"});
  // So that batch 1 can be reverted whole afterwards.
  world.revert(1);
  CHECK(world.serials().empty());
}

TEST_CASE("a row typed by hand and then updated by a batch goes back to the clerk") {
  ImportWorld world;
  Context ctx = world.context();
  UnitFields fields;
  fields.model = "HYS5160";
  fields.customer = "C001";
  fields.shipped = "2025-03-01";
  fields.vin = "LZZ1";
  add_unit(ctx, "2025-001", fields);
  const std::int64_t batch =
      *world.import(ImportEntity::kUnits, "vin.csv", "serial,vin\r\n2025-001,LZZ-NEW\r\n").batch_id;
  world.revert(batch);
  CHECK(world.store->archive().find_unit("2025-001")->vin == "LZZ1");
  CHECK(world.store->imports().keys_in_batch(ImportEntity::kUnits, batch).empty());
}

TEST_CASE("a batch is reverted once only") {
  ImportWorld world;
  world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv);
  world.revert(1);
  expect_error(ErrorCode::kRuleViolation, {"import batch 1 was reverted already"},
               [&] { world.revert(1); });
}

TEST_CASE("revert is refused over a later batch that changed its rows") {
  ImportWorld world;
  two_batches(world);
  expect_error(ErrorCode::kRuleViolation,
               {"refused: batch 2 changed rows of batch 1 since", "revert batch 2 first"},
               [&] { world.revert(1); });
  CHECK(world.serials().size() == 2);
  CHECK_FALSE(world.store->imports().find_batch(1)->reverted_at.has_value());
  world.revert(2);
  CHECK_NOTHROW(world.revert(1));
}

TEST_CASE("a later batch that changed nothing does not hold a revert back") {
  ImportWorld world;
  world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv);
  world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv);  // all unchanged
  world.revert(1);
  CHECK(world.serials().empty());
}

TEST_CASE("revert is refused when history was typed onto a unit it added") {
  ImportWorld world;
  world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv);
  Context ctx = world.context();
  add_unit_note(ctx, "2025-002", "status", "runs well");
  expect_error(ErrorCode::kRuleViolation, {"unit 2025-002 has work typed since it was imported"},
               [&] { world.revert(1); });
  // One transaction: 2025-001, removed before the refusal, is back.
  CHECK(world.serials().size() == 2);
  CHECK_FALSE(world.store->imports().find_batch(1)->reverted_at.has_value());
}

TEST_CASE("revert is refused when a ticket was opened on a unit it added") {
  ImportWorld world;
  world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv);
  Context ctx = world.context();
  TicketIntake intake;
  intake.unit = "2025-001";
  intake.category = "液压系统";
  intake.channel = "phone";
  intake.description = "x";
  open_ticket(ctx, intake);
  expect_error(ErrorCode::kRuleViolation, {"unit 2025-001 is referred to by other records"},
               [&] { world.revert(1); });
}

TEST_CASE("a row typed over since its import is no longer the batch's and is left") {
  ImportWorld world;
  world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv);
  Context ctx = world.context();
  UnitFields fields;
  fields.plate = "辽C-12345";
  edit_unit(ctx, "2025-001", fields);
  world.revert(1);
  CHECK(world.serials() == std::vector<std::string>{"2025-001"});
}

TEST_CASE("revert of a customers batch is refused while units refer to a customer it added") {
  ImportWorld world;
  world.import(ImportEntity::kCustomers, "customers.csv", "code,name\r\nC002,本溪市消防支队\r\n");
  world.import(ImportEntity::kUnits, "units.csv",
               "serial,model,customer,shipped\r\n2025-001,HYS5160,C002,2025-03-01\r\n");
  expect_error(ErrorCode::kRuleViolation, {"customer C002 is referred to by other records"},
               [&] { world.revert(1); });
  world.revert(2);
  world.revert(1);
  CHECK_FALSE(world.store->archive().find_customer("C002").has_value());
}

TEST_CASE("revert of a tickets batch is refused when work was typed onto a ticket") {
  ImportWorld world;
  world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv);
  REQUIRE(world.import(ImportEntity::kTickets, "tickets.csv", kTicketCsv).new_rows == 1);
  const std::int64_t ticket = world.store->tickets().find("SR-2026-000041")->id;
  CostLine line;
  line.description = "更换油封";
  line.unit_price = Money{10000};
  line.amount = Money{10000};
  world.store->write([&] { world.store->tickets().replace_cost_lines(ticket, {line}); });
  expect_error(ErrorCode::kRuleViolation,
               {"ticket SR-2026-000041 has work typed since it was imported"},
               [&] { world.revert(2); });
  world.store->write([&] { world.store->tickets().replace_cost_lines(ticket, {}); });
  world.revert(2);
  CHECK_FALSE(world.store->tickets().find("SR-2026-000041").has_value());
}

TEST_CASE("a batch that does not exist cannot be reverted") {
  ImportWorld world;
  expect_error(ErrorCode::kNotFound, {"import batch 7 does not exist"}, [&] { world.revert(7); });
}

TEST_CASE("reverting needs the role of the typed command") {
  ImportWorld world;
  world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv);
  world.rules.users = {{"zhang", {"clerk"}}, {"ma", {"technician"}}};
  Context technician = world.context("ma");
  expect_error(ErrorCode::kRuleViolation, {"reverting an import"},
               [&] { revert_import(technician, 1); });
  CHECK(world.serials().size() == 2);
}

TEST_CASE("regression: reverting a km update gives the reading back its own date") {
  ImportWorld world;
  world.import(ImportEntity::kUnits, "units.csv",
               "serial,model,customer,shipped,km\r\n2025-001,HYS5160,C001,2025-03-01,100\r\n");
  world.set_today("2026-12-01");
  world.import(ImportEntity::kUnits, "km.csv", "serial,km\r\n2025-001,5000\r\n");
  CHECK(world.store->archive().find_unit("2025-001")->odometer_on == parse_date("2026-12-01"));
  world.set_today("2026-12-05");
  world.revert(2);
  const Unit unit = *world.store->archive().find_unit("2025-001");
  CHECK(unit.odometer_km == 100);
  // 100 km was read on the day of the first import, not on the day of the revert.
  CHECK(unit.odometer_on == parse_date("2026-11-27"));
}

TEST_CASE("reverting a batch that gave a unit its first reading leaves it without one") {
  ImportWorld world;
  world.import(ImportEntity::kUnits, "units.csv", testing::kTwoUnitsCsv);
  world.import(ImportEntity::kUnits, "km.csv", "serial,km\r\n2025-001,5000\r\n");
  world.revert(2);
  const Unit unit = *world.store->archive().find_unit("2025-001");
  CHECK_FALSE(unit.odometer_km.has_value());
  CHECK_FALSE(unit.odometer_on.has_value());
}
