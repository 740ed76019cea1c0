// The SQLite store: migrations, schema guard, transactions, busy timeout, backup.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "aftersales/core/error.h"
#include "aftersales/customers/customers.h"
#include "aftersales/store/backup.h"
#include "aftersales/store/store.h"
#include "support/test_engine.h"
#include "support/test_store.h"

using namespace aftersales;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the system's temporary directory, removed at the end.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("aftersales-store-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string file(const std::string& name) const { return (path / name).string(); }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

int raw_user_version(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &statement, nullptr);
  sqlite3_step(statement);
  const int version = sqlite3_column_int(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return version;
}

void raw_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

// These tests open SQLite files of their own; the PostgreSQL driver's counterparts are
// tests/store/postgres_database_test.cpp's.
constexpr const char* kSqliteFiles = "about SQLite files (postgres_tests covers the driver)";

ErrorCode code_of(const std::function<void()>& work) {
  try {
    work();
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("expected an aftersales::Error");
  return ErrorCode::kUsage;
}

}  // namespace

TEST_CASE("a new database gets every migration and the latest schema version") {
  if (testing::skipped_on_postgres(kSqliteFiles)) return;
  TempDir dir;
  SqliteOptions options;
  options.create = true;
  auto store = open_sqlite_store(dir.file("a.db"), options);
  CHECK(store->schema_version() == latest_schema_version());
  CHECK(latest_schema_version() >= 1);
}

TEST_CASE("a missing database file is not created without init") {
  if (testing::skipped_on_postgres(kSqliteFiles)) return;
  TempDir dir;
  const std::string path = dir.file("missing.db");
  CHECK(code_of([&] { open_sqlite_store(path, SqliteOptions{}); }) == ErrorCode::kUsage);
  CHECK_FALSE(fs::exists(path));
}

TEST_CASE("a database with a newer schema is refused and left untouched") {
  if (testing::skipped_on_postgres(kSqliteFiles)) return;
  TempDir dir;
  const std::string path = dir.file("newer.db");
  SqliteOptions options;
  options.create = true;
  open_sqlite_store(path, options).reset();
  raw_exec(path, "PRAGMA user_version = 999");
  const auto size_before = fs::file_size(path);
  try {
    open_sqlite_store(path, SqliteOptions{});
    FAIL("expected a refusal");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kUsage);
    CHECK(std::string(e.what()).find("newer") != std::string::npos);
  }
  CHECK(raw_user_version(path) == 999);
  CHECK(fs::file_size(path) == size_before);
}

TEST_CASE("a failed change rolls back everything it wrote") {
  testing::TestWorld world;
  Context ctx = world.context();
  CHECK_THROWS(world.store->write([&] {
    Customer c;
    c.code = "C9";
    c.name = "x";
    world.store->archive().insert_customer(c);
    throw Error(ErrorCode::kRuleViolation, "stop");
  }));
  CHECK_FALSE(world.store->archive().find_customer("C9").has_value());
  CHECK(world.store->audit().query(AuditQuery{}).empty());
}

TEST_CASE("a writer waits for another writer and gives up with storage unavailable") {
  if (testing::skipped_on_postgres(kSqliteFiles)) return;
  TempDir dir;
  const std::string path = dir.file("busy.db");
  SqliteOptions options;
  options.create = true;
  options.busy_timeout_ms = 200;
  auto first = open_sqlite_store(path, options);
  auto second = open_sqlite_store(path, options);
  first->write(
      [&] { CHECK(code_of([&] { second->write([] {}); }) == ErrorCode::kStorageUnavailable); });
  // Once the first writer is done, the second gets through.
  CHECK_NOTHROW(second->write([] {}));
}

TEST_CASE("backup makes a consistent copy and never overwrites without being asked") {
  if (testing::skipped_on_postgres(kSqliteFiles)) return;
  TempDir dir;
  SqliteOptions options;
  options.create = true;
  auto store = open_sqlite_store(dir.file("live.db"), options);
  Customer c;
  c.code = "C1";
  c.name = "鞍山市环卫处";
  store->write([&] { store->archive().insert_customer(c); });

  const std::string copy = dir.file("copy.db");
  backup_database(*store, copy, false);
  auto restored = open_sqlite_store(copy, SqliteOptions{});
  REQUIRE(restored->archive().find_customer("C1").has_value());
  CHECK(restored->archive().find_customer("C1")->name == "鞍山市环卫处");
  CHECK(code_of([&] { backup_database(*store, copy, false); }) == ErrorCode::kInvalidInput);
  CHECK_NOTHROW(backup_database(*store, copy, true));
  CHECK(code_of([&] { backup_database(*store, dir.file("no/such/dir.db"), false); }) ==
        ErrorCode::kStorageUnavailable);
}
