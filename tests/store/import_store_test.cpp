// The imports' port: batch records, and the import session stamping the rows it writes with its
// batch, keeping the values before, noting keys and loading empty tables in bulk.
#include <doctest/doctest.h>

#include <sstream>

#include "aftersales/core/error.h"
#include "aftersales/store/store.h"
#include "support/expect_error.h"
#include "support/raw_sql.h"
#include "support/temp_dir.h"
#include "support/test_engine.h"
#include "support/test_store.h"

using namespace aftersales;
using testing::expect_error;

namespace {

// The secondary indexes of the unit table of the ledger `db` (--db's form), by name, read
// through a connection of its own: the constraints' indexes (key, UNIQUE) are not secondary.
std::vector<std::string> unit_indexes(const std::string& db) {
  const char* sql =
      testing::is_postgres_url(db)
          ? "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename "
            "= 'unit' AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY 1"
          : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'unit' AND sql "
            "IS NOT NULL ORDER BY name";
  const testing::RawSqlResult result = testing::raw_sql(db, sql);
  REQUIRE(result.error.empty());
  std::vector<std::string> names;
  std::istringstream lines(result.rows);
  for (std::string name; std::getline(lines, name);) names.push_back(name);
  return names;
}

// Customer C001 and model HYS5160 typed by hand (no batch).
struct ImportStoreWorld : testing::TestWorld {
  ArchiveStore& archive = store->archive();
  ImportStore& imports = store->imports();
  ImportStoreWorld() { testing::insert_customer_and_model(*store); }

  // Records a batch of units; returns its id.
  std::int64_t batch() {
    ImportBatch b;
    b.entity = "unit";
    b.files = "[]";
    b.mapping = "built-in";
    b.mode = "stop";
    b.actor = "zhang";
    b.login = "zhang";
    b.at = testing::test_now();
    imports.insert_batch(b);
    return b.id;
  }

  Unit insert_unit(const std::string& serial) {
    Unit u;
    u.serial = serial;
    u.model_code = "HYS5160";
    u.customer_code = "C001";
    u.shipped_on = *parse_date("2025-03-01");
    archive.insert_unit(u);
    return u;
  }
};

}  // namespace

TEST_CASE("a batch is recorded, updated and listed by id") {
  ImportStoreWorld world;
  const std::int64_t first = world.batch();
  const std::int64_t second = world.batch();
  CHECK(second > first);
  ImportBatch b = *world.imports.find_batch(first);
  CHECK(b.entity == "unit");
  CHECK(b.at == testing::test_now());
  CHECK_FALSE(b.reverted_at.has_value());
  CHECK(b.reverted_by.empty());
  b.files = R"([{"path":"units.csv"}])";
  b.new_rows = 2;
  b.rejected = 1;
  b.reverted_at = testing::test_now();
  b.reverted_by = "li";
  world.imports.update_batch(b);
  const ImportBatch updated = *world.imports.find_batch(first);
  CHECK(updated.files == b.files);
  CHECK(updated.new_rows == 2);
  CHECK(updated.rejected == 1);
  CHECK(updated.reverted_at == testing::test_now());
  CHECK(updated.reverted_by == "li");
  CHECK_FALSE(world.imports.find_batch(second + 1).has_value());
  const std::vector<ImportBatch> all = world.imports.list_batches();
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == first);
  CHECK(all[1].id == second);
}

TEST_CASE("an open session stamps the rows written with its batch, closed, it stops") {
  ImportStoreWorld world;
  const std::int64_t batch = world.batch();
  {
    std::unique_ptr<ImportSession> session =
        world.imports.open_session(ImportEntity::kUnits, batch);
    CHECK(session->batch() == batch);
    world.insert_unit("2025-001");
    world.insert_unit("2025-002");
    CHECK(session->batch_of("2025-001") == batch);
    CHECK_FALSE(session->batch_of("2025-999").has_value());
  }
  world.insert_unit("2025-003");  // typed after the session closed
  CHECK(world.imports.keys_in_batch(ImportEntity::kUnits, batch) ==
        std::vector<std::string>{"2025-001", "2025-002"});
  // A change typed by hand clears the stamp: the row is no longer the batch's.
  world.archive.update_unit(*world.archive.find_unit("2025-002"));
  CHECK(world.imports.keys_in_batch(ImportEntity::kUnits, batch) ==
        std::vector<std::string>{"2025-001"});
  // Customers were typed by hand.
  CHECK(world.imports.keys_in_batch(ImportEntity::kCustomers, batch).empty());
}

TEST_CASE("a session stamps the tickets it writes too") {
  ImportStoreWorld world;
  world.insert_unit("2025-001");
  const std::int64_t batch = world.batch();
  auto session = world.imports.open_session(ImportEntity::kTickets, batch);
  Ticket t;
  t.number = "SR-2026-000041";
  t.serial = "2025-001";
  t.customer_code = "C001";
  t.channel = "phone";
  t.category = "液压系统";
  t.description = "x";
  t.reported_at = testing::test_now();
  t.coverage_reason = "in warranty";
  t.priority = "normal";
  t.due_at = testing::test_now();
  t.opened_by = "zhang";
  world.store->tickets().insert(t);
  CHECK(session->batch_of("SR-2026-000041") == batch);
  CHECK(world.imports.keys_in_batch(ImportEntity::kTickets, batch) ==
        std::vector<std::string>{"SR-2026-000041"});
}

TEST_CASE("a second session while one is open is refused") {
  ImportStoreWorld world;
  const std::int64_t first = world.batch();
  const std::int64_t second = world.batch();
  {
    auto session = world.imports.open_session(ImportEntity::kUnits, first);
    expect_error(ErrorCode::kUsage, {"is open already"},
                 [&] { world.imports.open_session(ImportEntity::kCustomers, second); });
    // The refused one did not close the first.
    world.insert_unit("2025-001");
    CHECK(session->batch_of("2025-001") == first);
  }
  CHECK_NOTHROW(world.imports.open_session(ImportEntity::kUnits, second));
}

TEST_CASE("save_before keeps the first values before of a key in the batch") {
  ImportStoreWorld world;
  const std::int64_t earlier = world.batch();
  const std::int64_t batch = world.batch();
  {
    auto session = world.imports.open_session(ImportEntity::kUnits, batch);
    session->save_before("2025-001", ImportBefore{R"({"vin":"LZZ1"})", earlier});
    session->save_before("2025-001", ImportBefore{R"({"vin":"LZZ-SECOND"})", batch});
    session->save_before("2025-002", ImportBefore{R"({"vin":"LZZ2"})", std::nullopt});
  }
  const std::optional<ImportBefore> before = world.imports.before(batch, "2025-001");
  REQUIRE(before.has_value());
  CHECK(before->values == R"({"vin":"LZZ1"})");
  CHECK(before->batch == earlier);
  CHECK_FALSE(world.imports.before(batch, "2025-002")->batch.has_value());
  CHECK_FALSE(world.imports.before(batch, "2025-003").has_value());
  CHECK_FALSE(world.imports.before(earlier, "2025-001").has_value());
}

TEST_CASE("note_key is true the first time only, and has_key sees the batch's own keys") {
  ImportStoreWorld world;
  const std::int64_t first = world.batch();
  const std::int64_t second = world.batch();
  {
    auto session = world.imports.open_session(ImportEntity::kUnits, first);
    CHECK_FALSE(session->has_key("2025-001"));
    CHECK(session->note_key("2025-001"));
    CHECK_FALSE(session->note_key("2025-001"));
    CHECK(session->has_key("2025-001"));
    CHECK_FALSE(session->has_key("2025-002"));
  }
  auto session = world.imports.open_session(ImportEntity::kUnits, second);
  CHECK_FALSE(session->has_key("2025-001"));
  CHECK(session->note_key("2025-001"));
}

TEST_CASE("later_batch_over names the newest batch not reverted that updated the batch's rows") {
  ImportStoreWorld world;
  const std::int64_t first = world.batch();
  const std::int64_t second = world.batch();
  const std::int64_t third = world.batch();
  CHECK_FALSE(world.imports.later_batch_over(first).has_value());
  for (std::int64_t later : {second, third}) {
    auto session = world.imports.open_session(ImportEntity::kUnits, later);
    session->save_before("2025-001", ImportBefore{"{}", first});
  }
  CHECK(world.imports.later_batch_over(first) == third);
  ImportBatch reverted = *world.imports.find_batch(third);
  reverted.reverted_at = testing::test_now();
  reverted.reverted_by = "zhang";
  world.imports.update_batch(reverted);
  CHECK(world.imports.later_batch_over(first) == second);
  CHECK_FALSE(world.imports.later_batch_over(second).has_value());
}

TEST_CASE("a bulk load only into an empty table, whose indexes are back after the write") {
  // A ledger another connection can see: a file, or the world's PostgreSQL database.
  testing::TempDir dir("aftersales-store");
  const testing::TestDatabase database;
  const std::string path = testing::on_postgres() ? database.url() : dir.file("bulk.db");
  SqliteOptions options;
  options.create = true;
  std::unique_ptr<Store> store = open_store(path, options);
  const std::vector<std::string> indexes = {"unit_customer", "unit_engine",     "unit_model",
                                            "unit_plate",    "unit_shipped_on", "unit_vin"};
  REQUIRE(unit_indexes(path) == indexes);
  ImportBatch batch;
  batch.at = testing::test_now();
  store->imports().insert_batch(batch);
  store->write([&] { testing::insert_customer_and_model(*store); });
  const auto unit = [](const std::string& serial) {
    Unit u;
    u.serial = serial;
    u.model_code = "HYS5160";
    u.customer_code = "C001";
    u.shipped_on = *parse_date("2025-03-01");
    return u;
  };

  // A load that fails puts the indexes back with the rollback.
  CHECK_THROWS(store->write([&] {
    auto session = store->imports().open_session(ImportEntity::kUnits, batch.id);
    CHECK(session->begin_bulk_load());
    throw Error(ErrorCode::kInvalidInput, "stop");
  }));
  CHECK(unit_indexes(path) == indexes);

  store->write([&] {
    auto session = store->imports().open_session(ImportEntity::kUnits, batch.id);
    CHECK(session->begin_bulk_load());
    Unit u = unit("2025-001");
    store->archive().insert_unit(u);
    session->end_bulk_load();
  });
  CHECK(unit_indexes(path) == indexes);
  CHECK(store->archive().list_units(UnitFilter{}).size() == 1);

  store->write([&] {
    auto session = store->imports().open_session(ImportEntity::kUnits, batch.id);
    CHECK_FALSE(session->begin_bulk_load());  // not empty any more
    session->end_bulk_load();                 // nothing to build
  });
  CHECK(unit_indexes(path) == indexes);
}
