// Storage on the command line: init, backup, schema guard, a busy database.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>

#include "cli/cli_support.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;

TEST_CASE("init creates the database and running it again changes nothing") {
  Cli cli;
  RunResult r = cli.run({"init"});
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::exists(cli.db()));
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
  r = cli.run({"--db", cli.path("copy.db"), "unit", "show", "2025-001"});
  CHECK(r.exit_code == 0);
  r = cli.run({"backup", "copy.db"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "--force"));
  CHECK(cli.run({"backup", "copy.db", "--force"}).exit_code == 0);
}

TEST_CASE("a database from a newer aftersales is refused with exit 2") {
  Cli cli;
  cli.seed_archive();
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(cli.db().c_str(), &db) == SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  const RunResult r = cli.run({"unit", "list"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "newer"));
}

TEST_CASE("a clerk waits for another's change and exits 6 when the wait runs out") {
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
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"backup", cli.db(), "--force"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "the database itself"));
  CHECK(cli.run({"unit", "show", "2025-001"}).exit_code == 0);
}
