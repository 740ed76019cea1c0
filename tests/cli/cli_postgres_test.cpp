// PostgreSQL on the command line (issue 13) where no server is needed: the driver module is
// loaded only for a postgresql:// URL, says so when it is missing, and an unreachable server is
// exit 6 with libpq's reason and the password hidden.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>

#include "cli/cli_support.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;

TEST_CASE("a postgresql:// URL without the driver module is exit 2 naming where it was sought") {
  Cli cli;
  const RunResult r =
      cli.run({"--db", "postgresql://clerk:secret@/ledger?host=/nonexistent", "unit", "list"},
              {{"AFTERSALES_MODULE_DIR", cli.path("no-modules")}});
  INFO(describe(r));
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "aftersales: error: postgresql://clerk:***@/ledger"));
  CHECK(contains(r.err, "no PostgreSQL driver"));
  CHECK(contains(r.err, cli.path("no-modules") + "/aftersales-postgresql.so"));
  CHECK(contains(r.err, "hint: install the driver"));
  CHECK_FALSE(contains(r.err, "secret"));
}

TEST_CASE("a PostgreSQL server that cannot be reached is exit 6 with libpq's reason") {
  Cli cli;
  const RunResult r = cli.run(
      {"--db", "postgresql://clerk:secret@/ledger?host=/nonexistent-aftersales", "unit", "list"});
  INFO(describe(r));
  CHECK(r.exit_code == 6);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "opening postgresql://clerk:***@/ledger"));
  CHECK(contains(r.err, "/nonexistent-aftersales/.s.PGSQL.5432"));
  CHECK(contains(r.err, "PostgreSQL server is running and reachable"));
  CHECK_FALSE(contains(r.err, "secret"));
}

TEST_CASE("a SQLite ledger never loads the PostgreSQL driver module, and a URL refuses a bad one") {
  // A module directory holding a file that is no module: loading it fails.
  Cli cli;
  std::filesystem::create_directories(cli.path("modules"));
  cli.write_file("modules/aftersales-postgresql.so", "not a shared object");
  const std::map<std::string, std::string> env = {{"AFTERSALES_MODULE_DIR", cli.path("modules")}};
  // A SQLite file by name: on the PostgreSQL run of the suite the Cli's own ledger is a URL.
  RunResult r = cli.run({"--db", cli.path("ledger.db"), "init"}, env);
  INFO(describe(r));
  CHECK(r.exit_code == 0);

  r = cli.run({"--db", "postgresql:///ledger", "unit", "list"}, env);
  INFO(describe(r));
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "cannot load " + cli.path("modules") + "/aftersales-postgresql.so"));
}
