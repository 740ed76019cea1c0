// Storage on the command line: init, backup, schema guard, a busy database.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>

#include "cli/cli_support.h"
#include "support/test_engine.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::skipped_on_postgres;

namespace {

// SQLite's one-writer lock, held by another connection (BEGIN IMMEDIATE); PostgreSQL has no
// such lock: its writers run side by side and conflict by rows (issue 13's concurrency test).
constexpr const char* kWriteLock =
    "it holds SQLite's one-writer lock (BEGIN IMMEDIATE), which PostgreSQL does not have";
// `backup` on PostgreSQL runs pg_dump (issue 13, not built yet): it refuses today.
constexpr const char* kBackup = "a backup onto the SQLite file itself";

}  // namespace

TEST_CASE("init creates the database and running it again changes nothing") {
  Cli cli;
  RunResult r = cli.run({"init"});
  CHECK(r.exit_code == 0);
  if (!aftersales::testing::on_postgres()) CHECK(std::filesystem::exists(cli.db()));
  CHECK(cli.sql("SELECT count(*) FROM customer") == "0\n");
  r = cli.run({"init"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "schema version"));
}

TEST_CASE("backup writes a copy that opens, and refuses to overwrite without --force") {
  Cli cli;
  cli.seed_archive();
  RunResult r = cli.run({"backup", "copy.db"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  if (aftersales::testing::on_postgres()) {
    CHECK(cli.read_file("copy.db").rfind("PGDMP", 0) == 0);  // pg_dump's custom format
  } else {
    r = cli.run({"--db", cli.path("copy.db"), "unit", "show", "2025-001"});
    CHECK(r.exit_code == 0);
  }
  r = cli.run({"backup", "copy.db"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "--force"));
  CHECK(cli.run({"backup", "copy.db", "--force"}).exit_code == 0);
}

TEST_CASE("a database from a newer aftersales is refused with exit 2") {
  Cli cli;
  cli.seed_archive();
  // Where each engine keeps the schema version (docs/postgresql.md).
  REQUIRE(cli.sql(aftersales::testing::on_postgres() ? "UPDATE aftersales_schema SET version = 999"
                                                     : "PRAGMA user_version = 999") == "");
  const RunResult r = cli.run({"unit", "list"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "newer"));
}

TEST_CASE("a clerk waits for another's change and exits 6 when the wait runs out") {
  if (skipped_on_postgres(kWriteLock)) return;
  Cli cli;
  cli.seed_archive();
  cli.write_file("aftersales.toml", "[storage]\nbusy_timeout_ms = 300\n");
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(cli.db().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  RunResult r = cli.run({"customer", "add", "C002", "--name", "x"});
  CHECK(r.exit_code == 6);
  CHECK(contains(r.err, "busy"));
  // Readers are not blocked by a writer (WAL).
  CHECK(cli.run({"customer", "list"}).exit_code == 0);
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  r = cli.run({"customer", "add", "C002", "--name", "x"});
  CHECK(r.exit_code == 0);
}

TEST_CASE("regression: a backup onto the live database itself is refused") {
  if (skipped_on_postgres(kBackup)) return;
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"backup", cli.db(), "--force"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "the database itself"));
  CHECK(cli.run({"unit", "show", "2025-001"}).exit_code == 0);
}

TEST_CASE("every reading command runs while another clerk holds the write lock") {
  if (skipped_on_postgres(kWriteLock)) return;
  Cli cli;
  cli.seed_archive();
  const RunResult open = cli.run({"ticket", "open", "--unit", "2025-001", "--category", "液压系统",
                                  "--channel", "phone", "--desc", "液压泵异响"});
  INFO(describe(open));
  REQUIRE(open.exit_code == 0);
  const std::string number = open.out.substr(0, open.out.find('\n'));
  cli.write_file("aftersales.toml", "[storage]\nbusy_timeout_ms = 300\n");
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(cli.db().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  // They open the ledger read-only (PRAGMA query_only): none of them can wait for a writer.
  for (const std::vector<std::string>& command : std::vector<std::vector<std::string>>{
           {"customer", "list"},
           {"customer", "show", "C001"},
           {"model", "list"},
           {"unit", "list"},
           {"unit", "show", "2025-001"},
           {"ticket", "list"},
           {"ticket", "show", number},
           {"approval", "list"},
           {"import", "list"},
           {"log"},
           {"backup", "copy.db"},
           {"config", "show"},
       }) {
    const RunResult r = cli.run(command);
    INFO(command.front(), " ", command.size() > 1 ? command[1] : "", "\n", describe(r));
    CHECK(r.exit_code == 0);
  }
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

TEST_CASE("import check and --dry-run wait for the write lock: they import and roll back") {
  if (skipped_on_postgres(kWriteLock)) return;
  Cli cli;
  cli.seed_archive();
  cli.write_file("aftersales.toml", "[storage]\nbusy_timeout_ms = 300\n");
  cli.write_file("models.csv", "code,name,category,warranty_months\nHYS9,扫路车,sanitation,12\n");
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(cli.db().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  CHECK(cli.run({"import", "check", "models", "models.csv"}).exit_code == 6);
  CHECK(cli.run({"import", "models", "models.csv", "--dry-run"}).exit_code == 6);
  CHECK(cli.run({"model", "edit", "HYS5160", "--warranty-months", "24"}).exit_code == 6);
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  RunResult r = cli.run({"import", "check", "models", "models.csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  r = cli.run({"import", "models", "models.csv", "--dry-run"});
  CHECK(r.exit_code == 0);
  r = cli.run({"model", "edit", "HYS5160", "--warranty-months", "24"});
  CHECK(r.exit_code == 0);
  CHECK(
      contains(cli.run({"model", "list", "--format", "csv"}).out, "HYS5160,洗扫车,sanitation,24"));
}
