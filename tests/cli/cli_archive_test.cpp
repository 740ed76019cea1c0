// The factory archive on the command line: customer, model, unit, log; every bad-input case
// exits with its code, names field and value, and writes nothing.
#include <doctest/doctest.h>

#include "cli/cli_support.h"
#include "support/test_engine.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;

namespace {

// The audit trail as CSV, to prove that nothing was written.
std::string audit_csv(const Cli& cli) { return cli.run({"log", "--format", "csv"}).out; }

}  // namespace

TEST_CASE("help lists every command family of the contract") {
  Cli cli;
  const RunResult r = cli.run({"--help"});
  CHECK(r.exit_code == 0);
  for (const char* family : {"init", "config", "customer", "model", "unit", "ticket", "approval",
                             "part", "gatepass", "visit", "survey", "complaint", "training",
                             "report", "export", "import", "log", "doctor", "backup"}) {
    INFO(family);
    CHECK(contains(r.out, family));
  }
  CHECK(contains(r.out, "Example:"));
}

TEST_CASE("every command's help shows an example") {
  Cli cli;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"unit", "add", "--help"}, {"customer", "list", "--help"}, {"log", "--help"}}) {
    const RunResult r = cli.run(args);
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Example:"));
  }
}

TEST_CASE("an unknown flag is a usage error with exit 2") {
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"unit", "list", "--colour"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--colour"));
}

TEST_CASE("a missing database is a usage error that points to init") {
  Cli cli;
  const RunResult r = cli.run({"unit", "list"});
  CHECK(r.exit_code == 2);
  // A PostgreSQL ledger is a database the administrator made: it exists, empty.
  CHECK(contains(r.err,
                 aftersales::testing::on_postgres() ? "is an empty database" : "does not exist"));
  CHECK(contains(r.err, "aftersales init"));
}

TEST_CASE("created records print their number alone on stdout") {
  Cli cli;
  cli.seed_archive();
  RunResult r = cli.run({"customer", "add", "C002", "--name", "沈阳市消防救援支队"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "C002\n");
  r = cli.run({"--format", "json", "customer", "add", "C003", "--name", "大连市政"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "\"number\": \"C003\""));
}

TEST_CASE("unit show prints the whole archive with warranty and history") {
  Cli cli;
  cli.seed_archive();
  REQUIRE(cli.run({"unit", "accept", "2025-001", "--date", "2025-03-10", "--signer", "王明"})
              .exit_code == 0);
  REQUIRE(cli.run({"unit", "note", "2025-001", "--kind", "quality", "--text", "液压泵异响"})
              .exit_code == 0);
  const RunResult r = cli.run({"unit", "show", "2025-001"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  for (const char* fragment : {"产品出厂档案", "2025-001", "鞍山市环卫处", "2025-03-10",
                               "2026-03-09", "液压泵异响", "accept", "王明"}) {
    INFO(fragment);
    CHECK(contains(r.out, fragment));
  }
  const RunResult json = cli.run({"unit", "show", "2025-001", "--format", "json"});
  CHECK(json.exit_code == 0);
  CHECK(contains(json.out, "\"warranty_end\": \"2026-03-09\""));
  CHECK(contains(json.out, "\"in_warranty\": false"));
}

TEST_CASE("unit list filters units incomplete past the 2-day window") {
  Cli cli;
  cli.seed_archive();
  REQUIRE(cli.run({"unit", "add", "2026-009", "--model", "HYS5160", "--customer", "C001",
                   "--shipped", "2026-11-24"})
              .exit_code == 0);
  REQUIRE(cli.run({"unit", "add", "2026-010", "--model", "HYS5160", "--customer", "C001",
                   "--shipped", "2026-11-25"})
              .exit_code == 0);
  const RunResult r = cli.run({"unit", "list", "--incomplete", "--format", "csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "2026-009"));
  CHECK_FALSE(contains(r.out, "2026-010"));  // shipped 2 days ago: still within the window
  CHECK_FALSE(contains(r.out, "2025-001"));  // complete
  CHECK(contains(r.out, "\"vin, engine, config, terms\""));
}

TEST_CASE("a date that does not exist is refused with field and value, nothing written") {
  Cli cli;
  cli.seed_archive();
  const std::string before = audit_csv(cli);
  const RunResult r = cli.run({"unit", "add", "2026-777", "--model", "HYS5160", "--customer",
                               "C001", "--shipped", "2026-02-30"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "field \"shipped\""));
  CHECK(contains(r.err, "2026-02-30"));
  CHECK(r.out.empty());
  CHECK(audit_csv(cli) == before);
  CHECK(cli.run({"unit", "show", "2026-777"}).exit_code == 3);
}

TEST_CASE("a serial number that exists already is refused with exit 1") {
  Cli cli;
  cli.seed_archive();
  const std::string before = audit_csv(cli);
  const RunResult r = cli.run({"unit", "add", "2025-001", "--model", "HYS5160", "--customer",
                               "C001", "--shipped", "2025-05-01"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "2025-001 exists already"));
  CHECK(contains(r.err, "unit edit"));
  CHECK(audit_csv(cli) == before);
}

TEST_CASE("an empty required field is refused with exit 1") {
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"customer", "add", "C009", "--name", ""});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "field \"name\""));
  CHECK(contains(r.err, "required"));
  CHECK(cli.run({"customer", "show", "C009"}).exit_code == 3);
}

TEST_CASE("an unknown model or customer exits 3 and writes nothing") {
  Cli cli;
  cli.seed_archive();
  const std::string before = audit_csv(cli);
  RunResult r = cli.run({"unit", "add", "2026-100", "--model", "NOPE", "--customer", "C001",
                         "--shipped", "2026-01-01"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "model NOPE does not exist"));
  r = cli.run({"unit", "add", "2026-100", "--model", "HYS5160", "--customer", "C404", "--shipped",
               "2026-01-01"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "customer C404 does not exist"));
  CHECK(audit_csv(cli) == before);
}

TEST_CASE("a serial not in the archive is not found, with the hint to register it") {
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"unit", "show", "9999"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "aftersales unit add 9999"));
}

TEST_CASE("a bad number of warranty months is refused naming the field") {
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run(
      {"model", "add", "M2", "--name", "x", "--category", "fire", "--warranty-months", "12个月"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "field \"warranty_months\""));
  CHECK(contains(r.err, "12个月"));
}

TEST_CASE("the log shows who changed what, filtered by entity and id") {
  Cli cli;
  cli.seed_archive();
  REQUIRE(cli.run({"customer", "edit", "C001", "--phone", "0412-5559999"}).exit_code == 0);
  const RunResult r = cli.run({"log", "--entity", "customer", "--id", "C001", "--format", "jsonl"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "\"action\":\"add\""));
  CHECK(contains(r.out, "\"action\":\"edit\""));
  CHECK(contains(r.out, "0412-5559999"));
  CHECK_FALSE(contains(r.out, "\"entity\":\"unit\""));
  CHECK(cli.run({"log", "--since", "2026-13-01"}).exit_code == 1);
}

TEST_CASE("acting as someone else is refused unless identity is declared") {
  Cli cli;
  cli.seed_archive();
  RunResult r = cli.run({"--as", "someone-else", "customer", "add", "C010", "--name", "x"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "may not act as someone-else"));
  cli.write_file("declared.toml",
                 "[identity]\nsource = \"declared\"\n[users]\nzhang = [\"clerk\"]\n"
                 "zhou = [\"qc\"]\n");
  REQUIRE(cli.run({"config", "apply", "declared.toml"}).exit_code == 0);
  r = cli.run({"--as", "zhou", "customer", "add", "C010", "--name", "x"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "needs the role"));
  r = cli.run({"customer", "add", "C010", "--name", "x"}, {{"AFTERSALES_USER", "zhang"}});
  CHECK(r.exit_code == 0);
  const RunResult log = cli.run({"log", "--id", "C010", "--format", "csv"});
  CHECK(contains(log.out, ",zhang,"));
}

TEST_CASE("regression: a bad -o or --format on a change refuses before anything is written") {
  Cli cli;
  cli.seed_archive();
  const std::string before = audit_csv(cli);
  RunResult r = cli.run({"customer", "add", "C020", "--name", "x", "-o", "out.dat"});
  CHECK(r.exit_code == 2);
  r = cli.run({"customer", "add", "C020", "--name", "x", "--format", "xml"});
  CHECK(r.exit_code == 2);
  CHECK(audit_csv(cli) == before);
  r = cli.run({"customer", "add", "C020", "--name", "x", "-o", "number.txt"});
  CHECK(r.exit_code == 0);
  CHECK(cli.read_file("number.txt") == "C020\n");
}

TEST_CASE("regression: text that is not UTF-8 is refused with exit 1, not an internal error") {
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"customer", "add", "C021", "--name", "\xd6\xd0\xb9\xfa"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "not UTF-8"));
}

TEST_CASE("regression: --db naming a file that is not a database is a usage error") {
  Cli cli;
  cli.write_file("notes.txt", "this is not a database, just some notes that are long enough\n");
  const RunResult r = cli.run({"--db", cli.path("notes.txt"), "unit", "list"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "not an aftersales database"));
}

TEST_CASE("regression: --today sets business time only, the audit trail keeps the real clock") {
  // Issue 8, finding 2: `--today 2025-06-01 ticket open` recorded the audit time as of 2025.
  Cli cli;
  cli.seed_archive();
  RunResult r = cli.run({"--today", "2025-06-01", "unit", "note", "2025-001", "--kind", "status",
                         "--text", "运行正常"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  r = cli.run({"log", "--entity", "unit", "--id", "2025-001", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  // The note itself is a business fact of 2025-06-01; the audit line is now, with both times.
  CHECK(contains(r.out, "\"business_at\": \"2025-06-01T23:59:59+08:00\""));
  CHECK(contains(r.out, "\"at\": \""));
  CHECK_FALSE(contains(r.out, "\"at\": \"2025-06-01"));
  const RunResult show = cli.run({"unit", "show", "2025-001"});
  CHECK(contains(show.out, "2025-06-01"));
}
