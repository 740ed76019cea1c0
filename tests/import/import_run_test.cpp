// The batch run: natural-key upsert counts, keys twice, all or nothing, dry run, the recorded
// batch, roles and progress.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "aftersales/import/importer.h"
#include "aftersales/store/store.h"
#include "support/expect_error.h"
#include "support/import_world.h"

using namespace aftersales;
using testing::expect_error;
using testing::ImportWorld;
using testing::kTwoUnitsCsv;

namespace {

// The import entries of the audit trail.
std::vector<AuditEntry> import_audit(ImportWorld& world) {
  AuditQuery query;
  query.entity = "import";
  return world.store->audit().query(query);
}

}  // namespace

TEST_CASE("a first import adds every row and records one batch owning them") {
  ImportWorld world;
  const ImportSummary summary = world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv);
  CHECK(summary.committed);
  REQUIRE(summary.batch_id.has_value());
  CHECK(summary.new_rows == 2);
  CHECK(summary.unchanged == 0);
  CHECK(summary.updated == 0);
  CHECK(summary.rejected == 0);
  REQUIRE(summary.files.size() == 1);
  CHECK(summary.files[0].records == 2);
  CHECK(summary.files[0].encoding == "utf-8");
  CHECK(summary.files[0].sha256.size() == 64);

  Context ctx = world.context();
  const std::vector<ImportBatch> batches = list_imports(ctx);
  REQUIRE(batches.size() == 1);
  const ImportBatch& batch = batches[0];
  CHECK(batch.id == *summary.batch_id);
  CHECK(batch.entity == "unit");
  CHECK(batch.mode == "stop");
  CHECK(batch.mapping == "built-in");
  CHECK(batch.new_rows == 2);
  CHECK(batch.actor == "zhang");
  CHECK(batch.at == testing::test_now());
  const nlohmann::json files = nlohmann::json::parse(batch.files);
  CHECK(files.at(0).at("records") == 2);
  CHECK(files.at(0).at("sha256") == summary.files[0].sha256);
  CHECK(world.store->imports().keys_in_batch(ImportEntity::kUnits, batch.id) ==
        std::vector<std::string>{"2025-001", "2025-002"});
  CHECK(import_audit(world).size() == 1);
}

TEST_CASE("the same file imported again counts every row unchanged and writes nothing") {
  ImportWorld world;
  const std::int64_t first =
      *world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv).batch_id;
  const ImportSummary again = world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv);
  CHECK(again.committed);
  CHECK(again.new_rows == 0);
  CHECK(again.unchanged == 2);
  CHECK(again.updated == 0);
  // The rows still belong to the first batch: the second owns nothing to revert.
  CHECK(world.store->imports().keys_in_batch(ImportEntity::kUnits, *again.batch_id).empty());
  CHECK(world.store->imports().keys_in_batch(ImportEntity::kUnits, first).size() == 2);
}

TEST_CASE("a changed row is counted updated and keeps its values before") {
  ImportWorld world;
  world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv);
  const ImportSummary summary = world.import(ImportEntity::kUnits, "vin.csv",
                                             "serial,vin\r\n"
                                             "2025-001,LZZ-NEW\r\n"
                                             "2025-002,LZZ2\r\n");
  CHECK(summary.new_rows == 0);
  CHECK(summary.unchanged == 1);
  CHECK(summary.updated == 1);
  const std::optional<Unit> unit = world.store->archive().find_unit("2025-001");
  CHECK(unit->vin == "LZZ-NEW");
  CHECK(format_date(unit->shipped_on) == "2025-03-01");  // a column the file lacks is kept
  const std::optional<ImportBefore> before =
      world.store->imports().before(*summary.batch_id, "2025-001");
  REQUIRE(before.has_value());
  CHECK(before->batch == 1);
  CHECK(nlohmann::json::parse(before->values).at("vin") == "LZZ1");
}

TEST_CASE("a key twice in one file is rejected at its second row") {
  ImportWorld world;
  const ImportSummary summary = world.import(ImportEntity::kUnits, "units.csv",
                                             "serial,model,customer,shipped\r\n"
                                             "2025-001,HYS5160,C001,2025-03-01\r\n"
                                             "2025-001,HYS5160,C001,2025-03-02\r\n");
  CHECK_FALSE(summary.committed);
  CHECK(summary.new_rows == 1);
  CHECK(summary.rejected == 1);
  REQUIRE(summary.findings.size() == 1);
  CHECK(summary.findings[0].line == 3);
  CHECK(summary.findings[0].field == "serial");
  CHECK(summary.findings[0].message ==
        "serial \"2025-001\" appears more than once in this import; keep one row");
  CHECK(world.serials().empty());
}

TEST_CASE("a key twice in one file is rejected though its first row changed nothing") {
  ImportWorld world;
  world.import(ImportEntity::kUnits, "units.csv", kTwoUnitsCsv);
  const ImportSummary summary = world.import(ImportEntity::kUnits, "twice.csv",
                                             "serial,vin\r\n"
                                             "2025-001,LZZ1\r\n"
                                             "2025-001,OTHER\r\n");
  CHECK(summary.unchanged == 1);
  CHECK(summary.rejected == 1);
  CHECK(world.store->archive().find_unit("2025-001")->vin == "LZZ1");
}

TEST_CASE("a key in two files of one import is rejected in the second file") {
  ImportWorld world;
  world.file("a.csv", kTwoUnitsCsv);
  world.file("b.csv",
             "serial,model,customer,shipped\r\n"
             "2025-002,HYS5160,C001,2025-06-15\r\n");
  const ImportSummary summary = world.run(world.options(ImportEntity::kUnits, {"a.csv", "b.csv"}));
  CHECK(summary.rejected == 1);
  REQUIRE(summary.findings.size() == 1);
  CHECK(summary.findings[0].file == world.dir.file("b.csv"));
  CHECK(summary.findings[0].line == 2);
}

TEST_CASE("all or nothing: one bad row writes nothing and records no batch") {
  ImportWorld world;
  const ImportSummary summary = world.import(ImportEntity::kUnits, "units.csv",
                                             "serial,model,customer,shipped\r\n"
                                             "2025-001,HYS5160,C001,2025-03-01\r\n"
                                             "2025-002,HYS5160,C001,2025-13-01\r\n"
                                             "2025-003,HYS5160,C001,2025-03-01\r\n");
  CHECK_FALSE(summary.committed);
  CHECK_FALSE(summary.batch_id.has_value());
  CHECK(summary.new_rows == 2);  // what it would have written
  CHECK(summary.rejected == 1);
  CHECK(world.serials().empty());
  CHECK(world.store->imports().list_batches().empty());
  CHECK(import_audit(world).empty());
}

TEST_CASE("all or nothing stops reading at max_errors findings, skip mode reads on") {
  ImportWorld world;
  const std::string csv =
      "serial,model,customer,shipped\r\n"
      "2025-001,HYS5160,C001,bad\r\n"
      "2025-002,HYS5160,C001,bad\r\n"
      "2025-003,HYS5160,C001,2025-03-01\r\n";
  world.file("units.csv", csv);
  ImportOptions options = world.options(ImportEntity::kUnits, {"units.csv"});
  options.max_errors = 1;
  const ImportSummary stopped = world.run(options);
  CHECK(stopped.rejected == 1);
  CHECK(stopped.findings.size() == 1);
  CHECK(stopped.files[0].records == 1);
  CHECK_FALSE(stopped.committed);

  options.max_errors = 2;
  CHECK(world.run(options).files[0].records == 2);

  // --max-errors limits what is shown, never what is imported.
  options.max_errors = 1;
  options.on_error = OnError::kSkip;
  const ImportSummary skipped = world.run(options);
  CHECK(skipped.committed);
  CHECK(skipped.rejected == 2);
  CHECK(skipped.new_rows == 1);
  CHECK(skipped.findings.size() == 1);
  CHECK(world.serials() == std::vector<std::string>{"2025-003"});
}

TEST_CASE("a dry run checks every row and writes nothing") {
  ImportWorld world;
  world.file("units.csv", kTwoUnitsCsv);
  ImportOptions options = world.options(ImportEntity::kUnits, {"units.csv"});
  options.dry_run = true;
  const ImportSummary summary = world.run(options);
  CHECK(summary.new_rows == 2);
  CHECK_FALSE(summary.committed);
  CHECK_FALSE(summary.batch_id.has_value());
  CHECK(world.serials().empty());
  CHECK(world.store->imports().list_batches().empty());
  CHECK(import_audit(world).empty());

  // Its findings are those of the real import; its reject file is never written.
  world.file("bad.csv",
             "serial,model,customer,shipped\r\n"
             "2025-001,NOPE,C001,2025-03-01\r\n");
  options = world.options(ImportEntity::kUnits, {"bad.csv"});
  options.dry_run = true;
  options.on_error = OnError::kSkip;
  options.reject_file = world.dir.file("rejected.csv");
  const ImportSummary bad = world.run(options);
  CHECK(bad.rejected == 1);
  CHECK(bad.findings.at(0).field == "model");
  CHECK_FALSE(world.dir.exists("rejected.csv"));
  CHECK_FALSE(world.dir.exists("rejected.csv.tmp"));
  CHECK(world.serials().empty());
}

TEST_CASE("an import needs the role of the typed command that writes the entity") {
  ImportWorld world;
  world.rules.users = {{"zhang", {"clerk"}}, {"ma", {"technician"}}};
  world.file("units.csv", kTwoUnitsCsv);
  Context technician = world.context("ma");
  expect_error(ErrorCode::kRuleViolation, {"importing"},
               [&] { run_import(technician, world.options(ImportEntity::kUnits, {"units.csv"})); });
  CHECK(world.run(world.options(ImportEntity::kUnits, {"units.csv"})).new_rows == 2);
}

TEST_CASE("an import without files, or with a file that is not there, is refused whole") {
  ImportWorld world;
  expect_error(ErrorCode::kUsage, {"no file given"},
               [&] { world.run(world.options(ImportEntity::kUnits, {})); });
  expect_error(ErrorCode::kInvalidInput, {"missing.csv"},
               [&] { world.run(world.options(ImportEntity::kUnits, {"missing.csv"})); });
  CHECK(world.store->imports().list_batches().empty());
}

TEST_CASE("progress ends at the bytes of every file") {
  ImportWorld world;
  world.file("a.csv", kTwoUnitsCsv);
  const std::string more = "serial,model,customer,shipped\r\n2025-003,HYS5160,C001,2025-03-01\r\n";
  world.file("b.csv", more);
  ImportOptions options = world.options(ImportEntity::kUnits, {"a.csv", "b.csv"});
  std::uint64_t last_done = 0;
  std::uint64_t last_total = 0;
  options.progress = [&](std::uint64_t done, std::uint64_t total) {
    last_done = done;
    last_total = total;
  };
  const ImportSummary summary = world.run(options);
  CHECK(summary.new_rows == 3);
  const std::uint64_t bytes = std::string(kTwoUnitsCsv).size() + more.size();
  CHECK(last_total == bytes);
  CHECK(last_done == bytes);
}

TEST_CASE("customers and models import by their codes") {
  ImportWorld world;
  ImportSummary summary = world.import(ImportEntity::kCustomers, "customers.csv",
                                       "客户编号,客户名称,大客户\r\n"
                                       "C001,鞍山市环卫处,是\r\n"
                                       "C002,本溪市消防支队,否\r\n");
  CHECK(summary.new_rows == 1);
  CHECK(summary.updated == 1);  // C001 becomes a key customer
  CHECK(world.store->archive().find_customer("C001")->key);
  CHECK(world.store->archive().find_customer("C002")->name == "本溪市消防支队");

  summary = world.import(ImportEntity::kModels, "models.csv",
                         "code,name,category,warranty_months\r\n"
                         "HYS5250,消防车,fire,24\r\n");
  CHECK(summary.new_rows == 1);
  CHECK(world.store->archive().find_model("HYS5250")->warranty_months == 24);
}
