// config show and config check on the command line.
#include <doctest/doctest.h>

#include "cli/cli_support.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;

TEST_CASE("config show prints the seed's rules by default") {
  Cli cli;
  const RunResult r = cli.run({"config", "show", "--origin", "--format", "csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "approvals.budget_threshold,\"\"\"1000.00\"\"\",default"));
}

TEST_CASE("config show names the file and line a value came from") {
  Cli cli;
  cli.write_file("rules.toml", "[approvals]\nbudget_threshold = \"2,000.00\"\n");
  const RunResult r =
      cli.run({"--config", "rules.toml", "config", "show", "--origin", "--format", "tsv"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "approvals.budget_threshold\t\"2000.00\"\trules.toml:2:"));
}

TEST_CASE("config check lists every problem with line and column and exits 2") {
  Cli cli;
  cli.write_file("bad.toml",
                 "[approvals]\nbudget_treshold = \"1000\"\ngate_pass_limit = \"5.0.0\"\n"
                 "[visits]\nnew_unit_days = -1\n");
  const RunResult r = cli.run({"config", "check", "bad.toml"});
  INFO(describe(r));
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "bad.toml:2:"));
  CHECK(contains(r.err, "budget_treshold"));
  CHECK(contains(r.err, "bad.toml:3:"));
  CHECK(contains(r.err, "bad.toml:5:"));
}

TEST_CASE("config check of a good file says ok") {
  Cli cli;
  cli.write_file("good.toml", "[costs]\nlabour_rate = \"120.00\"\n");
  const RunResult r = cli.run({"config", "check", "good.toml"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "ok"));
}

TEST_CASE("the shipped example config passes the check") {
  Cli cli;
  const RunResult r = cli.run(
      {"config", "check", std::string(AFTERSALES_SOURCE_DIR) + "/examples/aftersales.toml"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
}

TEST_CASE("a command under a broken config refuses to run with exit 2") {
  Cli cli;
  cli.seed_archive();
  cli.write_file("aftersales.toml", "[approvals\n");
  const RunResult r = cli.run({"unit", "list"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "aftersales.toml"));
}
