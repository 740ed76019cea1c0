// The ledger's rulebook on the command line: init adopts the first, config show|diff|apply, and
// config check of a file.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/cli_support.h"
#include "support/test_engine.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;

TEST_CASE("config show prints the seed's rules of a ledger made without a rules file") {
  Cli cli;
  REQUIRE(cli.run({"init"}).exit_code == 0);
  const RunResult r = cli.run({"config", "show", "--origin", "--format", "csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "approvals.budget_threshold,\"\"\"1000.00\"\"\",default"));
  CHECK(contains(r.err, "rulebook version 1 from built-in"));
}

TEST_CASE("init --config keeps the file in the ledger, config show names its line") {
  Cli cli;
  cli.write_file("rules.toml", "[approvals]\nbudget_threshold = \"2,000.00\"\n");
  RunResult r = cli.run({"--config", "rules.toml", "init"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "is its admin"));
  // The file can go: the ledger keeps its rulebook.
  cli.write_file("rules.toml", "[approvals]\nbudget_threshold = \"9,000.00\"\n");
  r = cli.run({"config", "show", "--origin", "--format", "tsv"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "approvals.budget_threshold\t\"2000.00\"\trules.toml:2:"));
}

TEST_CASE("a ledger made before it kept its rulebook asks for init, which adopts the file") {
  Cli cli;
  cli.seed_archive();
  // A ledger of the previous schema has no rulebook: remove it as such a ledger would lack it.
  REQUIRE(cli.sql("DELETE FROM rulebook").empty());
  RunResult r = cli.run({"unit", "list"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "keeps no rulebook yet"));
  CHECK(contains(r.err, "aftersales init --config FILE"));
  cli.write_file("old.toml", "[costs]\nlabour_rate = \"120.00\"\n");
  r = cli.run({"--config", "old.toml", "init"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  r = cli.run({"config", "show", "--format", "csv"});
  CHECK(contains(r.out, "costs.labour_rate,\"\"\"120.00\"\"\""));
  CHECK(cli.run({"unit", "list"}).exit_code == 0);
}

TEST_CASE("init --config on a ledger that has its rulebook is refused and changes nothing") {
  Cli cli;
  REQUIRE(cli.run({"init"}).exit_code == 0);
  cli.write_file("rules.toml", "[costs]\nlabour_rate = \"120.00\"\n");
  const RunResult r = cli.run({"--config", "rules.toml", "init"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "config apply"));
  CHECK(contains(cli.run({"config", "show", "--format", "csv"}).out, "\"\"\"100.00\"\"\""));
  // A ./aftersales.toml beside the ledger does not stop a plain init.
  cli.write_file("aftersales.toml", "[costs]\nlabour_rate = \"130.00\"\n");
  CHECK(cli.run({"init"}).exit_code == 0);
}

TEST_CASE("config diff shows what a file would change, apply stores it as the next version") {
  Cli cli;
  REQUIRE(cli.run({"init"}).exit_code == 0);
  cli.write_file("next.toml", "[costs]\nlabour_rate = \"120.00\"\n[users]\nzhang = [\"clerk\"]\n");
  RunResult r = cli.run({"config", "diff", "next.toml", "--format", "csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "costs.labour_rate,\"\"\"100.00\"\"\",\"\"\"120.00\"\"\""));
  CHECK(contains(r.out, "users.zhang,,"));
  r = cli.run({"config", "apply", "next.toml"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "rulebook version 2 from next.toml"));
  const RunResult log = cli.run({"log", "--entity", "rulebook", "--format", "csv"});
  CHECK(contains(log.out, "apply"));
  CHECK(contains(log.out, "labour_rate"));
  // The same file again changes nothing.
  r = cli.run({"config", "apply", "next.toml"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "changes nothing"));
}

TEST_CASE("only an admin applies a rulebook") {
  Cli cli;
  cli.write_file("rules.toml",
                 "[identity]\nsource = \"declared\"\n[users]\nzhang = [\"clerk\"]\n"
                 "zhao = [\"gm\"]\n");
  REQUIRE(cli.run({"--config", "rules.toml", "init"}).exit_code == 0);
  cli.write_file("mine.toml", "[users]\nzhang = [\"gm\", \"admin\"]\n");
  const std::string before = cli.sql("SELECT count(*) FROM rulebook");
  for (const char* user : {"zhang", "zhao"}) {
    const RunResult r = cli.run({"--as", user, "config", "apply", "mine.toml"});
    CHECK(r.exit_code == 4);
    CHECK(contains(r.err, "needs the role admin"));
  }
  CHECK(cli.sql("SELECT count(*) FROM rulebook") == before);
}

TEST_CASE("regression: a rules file passed to a command cannot forge the approvers") {
  // Issue 8, finding 1: with --config mine.toml (declared identity, invented users) one person
  // signed all three steps of 表5. The ledger's rulebook rules; --config is refused.
  Cli cli;
  cli.seed_archive();
  cli.write_file("mine.toml",
                 "[identity]\nsource = \"declared\"\n[users]\nevil = [\"sales_manager\"]\n"
                 "evil2 = [\"deputy_gm\"]\nevil3 = [\"gm\"]\n");
  const std::string before = cli.sql("SELECT count(*) FROM audit_log");
  RunResult r = cli.run({"--config", "mine.toml", "--as", "evil", "approval", "approve", "1"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--config mine.toml is not read here"));
  r = cli.run({"--as", "evil", "approval", "approve", "1"},
              {{"AFTERSALES_CONFIG", cli.path("mine.toml")}});
  CHECK(r.exit_code == 2);
  r = cli.run({"--as", "evil", "approval", "list"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "may not act as evil"));
  CHECK(cli.sql("SELECT count(*) FROM audit_log") == before);
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

TEST_CASE("init under a broken rules file refuses with exit 2 and makes no ledger") {
  Cli cli;
  cli.write_file("aftersales.toml", "[approvals\n");
  const RunResult r = cli.run({"init"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "aftersales.toml"));
  if (aftersales::testing::on_postgres()) {
    CHECK(cli.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "0\n");
  } else {
    CHECK_FALSE(std::filesystem::exists(cli.db()));
  }
}
