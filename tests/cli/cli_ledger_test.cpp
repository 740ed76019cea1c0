// The ledger knows itself (issue 8, finding 3): another program's SQLite file or an empty file
// is refused and left untouched; a damaged ledger takes no more writes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_support.h"
#include "support/test_engine.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::on_postgres;
using aftersales::testing::RunResult;
using aftersales::testing::skipped_on_postgres;

namespace {

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("regression: another program's SQLite file is refused by every command, untouched") {
  Cli cli;
  REQUIRE(cli.sql("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x')").empty());
  const std::string before = on_postgres() ? "" : bytes_of(cli.db());
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"ticket", "list"},
        {"unit", "add", "X1", "--model", "M", "--customer", "C", "--shipped", "2026-01-01"},
        {"init"}}) {
    const RunResult r = cli.run(args);
    INFO(describe(r));
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "not an aftersales ledger"));
  }
  if (!on_postgres()) CHECK(bytes_of(cli.db()) == before);
  CHECK(cli.sql(on_postgres() ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                              : "SELECT name FROM sqlite_master") == "songs\n");
  CHECK(cli.sql("SELECT title FROM songs") == "x\n");
}

TEST_CASE("regression: an empty file is refused as a ledger, except by init which makes one") {
  if (skipped_on_postgres(
          "an empty SQLite file (postgres_tests covers an empty PostgreSQL database)"))
    return;
  Cli cli;
  cli.write_file("test.db", "");
  RunResult r = cli.run({"ticket", "list"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "is empty"));
  CHECK(contains(r.err, "restore the last backup"));
  CHECK(std::filesystem::file_size(cli.db()) == 0);
  r = cli.run({"init"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(cli.run({"ticket", "list"}).exit_code == 0);
  // Marked as ours: "AfSv".
  CHECK(cli.sql("PRAGMA application_id") == std::to_string(0x41665376) + "\n");
}

TEST_CASE("regression: a ledger SQLite finds damaged takes no more writes (exit 6)") {
  if (skipped_on_postgres("SQLite file damage")) return;
  Cli cli;
  cli.seed_archive();
  for (int i = 0; i < 40; ++i) {
    REQUIRE(cli.run({"customer", "add", "D" + std::to_string(i), "--name", "客户"}).exit_code == 0);
  }
  // Everything into the main file, then garbage over the customer table's root page.
  cli.sql("PRAGMA wal_checkpoint(TRUNCATE)");
  const long page = std::stol(cli.sql("PRAGMA page_size"));
  const long root =
      std::stol(cli.sql("SELECT rootpage FROM sqlite_master WHERE name = 'customer'"));
  {
    std::fstream file(cli.db(), std::ios::in | std::ios::out | std::ios::binary);
    file.seekp((root - 1) * page + 8);
    const std::string garbage(static_cast<std::size_t>(page - 16), '\x5a');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  RunResult r = cli.run({"customer", "list"});
  INFO(describe(r));
  CHECK(r.exit_code == 6);
  CHECK(contains(r.err, "damaged"));
  CHECK(contains(r.err, "doctor"));
  // A write elsewhere in the file would go through; the mark stops it.
  r = cli.run({"unit", "note", "2025-001", "--kind", "status", "--text", "x"});
  CHECK(r.exit_code == 6);
  CHECK(contains(r.err, "found damaged"));
  CHECK(std::filesystem::exists(cli.db() + ".damaged"));
  r = cli.run({"doctor"});
  CHECK(r.exit_code == 1);
  CHECK(std::filesystem::exists(cli.db() + ".damaged"));
}

TEST_CASE("doctor lifts the stop on writes once it finds the ledger whole") {
  if (skipped_on_postgres(
          "the damage mark beside a SQLite file (none on PostgreSQL, docs/postgresql.md C10)"))
    return;
  Cli cli;
  cli.seed_archive();
  cli.write_file("test.db.damaged", "database disk image is malformed\n");
  RunResult r = cli.run({"customer", "add", "C500", "--name", "x"});
  CHECK(r.exit_code == 6);
  r = cli.run({"doctor"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(cli.db() + ".damaged"));
  CHECK(cli.run({"customer", "add", "C500", "--name", "x"}).exit_code == 0);
}
