// `aftersales doctor` on the command line: a ledger written through aftersales is sound (exit
// 0); each invariant broken with SQL on the file, as another program or an attacker with the
// file would, is listed naming the record (exit 1); a file damaged on disk is an integrity
// finding (exit 1) while SQLite can still read its first pages.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"
#include "support/test_engine.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::TicketDesk;
using aftersales::testing::trimmed;

namespace {

// The seed's archive and one ticket on its unit 2025-001 (out of warranty: a paid repair).
std::string ledger_with_ticket(const Cli& cli) {
  cli.seed_archive();
  const RunResult open = cli.run({"ticket", "open", "--unit", "2025-001", "--category", "液压系统",
                                  "--channel", "phone", "--desc", "液压泵异响"});
  INFO(describe(open));
  REQUIRE(open.exit_code == 0);
  return trimmed(open.out);
}

RunResult doctor(const Cli& cli, const std::string& format = "csv") {
  return cli.run({"--format", format, "doctor"});
}

}  // namespace

TEST_CASE("doctor on a ledger written through aftersales exits 0 and says so on stderr") {
  Cli cli;
  ledger_with_ticket(cli);
  RunResult r = doctor(cli);
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(trimmed(r.out) == "check,entity,key,problem");
  CHECK(contains(r.err, "ledger ok: 9 checks (integrity: "));
  r = doctor(cli, "json");
  CHECK(r.exit_code == 0);
  CHECK(trimmed(r.out) == "[]");
}

TEST_CASE("doctor --help shows an example") {
  Cli cli;
  const RunResult r = cli.run({"doctor", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Example:"));
}

TEST_CASE("doctor lists a ticket closed without a signed work record and exits 1") {
  Cli cli;
  const std::string number = ledger_with_ticket(cli);
  REQUIRE(cli.sql("UPDATE ticket SET state = 'closed' WHERE number = '" + number + "'").empty());
  const RunResult r = doctor(cli);
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "signed-record,ticket," + number + ","));
  CHECK(contains(r.out, "closed but has no work record (表6)"));
  CHECK(contains(r.err, "ledger has"));
}

TEST_CASE("doctor lists a ticket put in service without what its rules require") {
  Cli cli;
  const std::string number = ledger_with_ticket(cli);
  REQUIRE(
      cli.sql("UPDATE ticket SET state = 'in_service' WHERE number = '" + number + "'").empty());
  const RunResult r = doctor(cli);
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "start-approvals,ticket," + number + ","));
  CHECK(contains(r.out, "in_service but its paid repair costing (保外) is missing"));
}

TEST_CASE("doctor lists rows and approvals written without an audit entry") {
  Cli cli;
  ledger_with_ticket(cli);
  REQUIRE(cli.sql("INSERT INTO customer (code, name) VALUES ('C666', 'forged')").empty());
  REQUIRE(cli.sql("DELETE FROM audit_log WHERE entity = 'unit'").empty());
  REQUIRE(cli.sql("INSERT INTO approval (form, subject_id, chain, state, requested_by, "
                  "requested_at, summary) VALUES ('budget', 'SR-2026-000001', '[\"gm\"]', "
                  "'approved', 'evil', 0, 'forged')")
              .empty());
  const RunResult r = doctor(cli);
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "audit,customer,C666,"));
  CHECK(contains(r.out, "audit,unit,2025-001,"));
  CHECK(contains(r.out, "audit,approval,1,"));
}

TEST_CASE("doctor lists an import batch whose counts do not match its rows") {
  Cli cli;
  cli.seed_archive();
  cli.write_file("units.csv",
                 "serial,model,customer,shipped\r\n"
                 "2025-101,HYS5160,C001,2025-05-01\r\n"
                 "2025-102,HYS5160,C001,2025-05-02\r\n");
  RunResult r = cli.run({"import", "units", "units.csv"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  r = doctor(cli);
  REQUIRE(r.exit_code == 0);

  REQUIRE(cli.sql("UPDATE import_batch SET new_rows = 1 WHERE id = 1").empty());
  r = doctor(cli);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "batch-counts,import,1,"));
  CHECK(contains(r.out, "owns 2 rows of unit but added 1 and updated 0"));
}

TEST_CASE("doctor lists a stock move that takes a part's stock below zero and exits 1") {
  TicketDesk desk(
      "[identity]\nsource = \"declared\"\n\n[users]\nzhang = [\"clerk\"]\n"
      "kuang = [\"warehouse\"]\n");
  desk.ok("kuang", {"part", "add", "HP-100", "--name", "液压泵", "--price", "4800"});
  desk.ok("kuang", {"part", "receive", "HP-100", "--qty", "3"});                      // move 1
  desk.ok("kuang", {"part", "adjust", "HP-100", "--qty", "-2", "--reason", "盘亏"});  // move 2
  RunResult r = doctor(desk.cli);
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  // Written outside aftersales: the receipt said 1, so the loss of 2 took the stock to -1.
  REQUIRE(desk.cli.sql("UPDATE stock_move SET quantity = 1 WHERE id = 1").empty());
  r = doctor(desk.cli);
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "stock,stock_move,2,\"takes part HP-100 in warehouse main to -1: "));
  CHECK(contains(r.err, "ledger has 1 problem (9 checks run; integrity: "));
}

// Decision: a file SQLite can open but whose pages are damaged is a finding of the integrity
// check (exit 1, with what SQLite says); the checks that trip over the damage say they could
// not finish. A file SQLite cannot open at all is refused before doctor runs (exit 2 "not an
// aftersales database", or 6 when it cannot be read).
TEST_CASE("doctor finds a database file damaged on disk") {
  if (aftersales::testing::skipped_on_postgres("SQLite file damage")) return;
  Cli cli;
  ledger_with_ticket(cli);
  const std::string page =
      trimmed(cli.sql("SELECT rootpage FROM sqlite_master WHERE name = 'unit'"));
  const std::string size = trimmed(cli.sql("PRAGMA page_size"));
  REQUIRE(!page.empty());
  REQUIRE(contains(cli.sql("PRAGMA wal_checkpoint(TRUNCATE)"), "0|"));
  {
    std::fstream file(cli.db(), std::ios::in | std::ios::out | std::ios::binary);
    REQUIRE(file.good());
    file.seekp(static_cast<std::streamoff>((std::stoll(page) - 1) * std::stoll(size)));
    const std::string garbage(static_cast<std::size_t>(std::stoll(size)), '\xA5');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  const RunResult r = doctor(cli);
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "integrity,database,,"));
  CHECK(contains(r.out, "restore the last backup"));
  // The audit check reads the unit table: it says it could not finish; the others still ran.
  CHECK(contains(r.out, "audit,database,,could not finish on the damaged file"));
  CHECK(contains(r.err, "(9 checks run; integrity: "));
}

TEST_CASE("regression: doctor holds records to the ledger's seal rule, and lifts a damage mark") {
  // Review: doctor demanded the seal even under [tickets] seal_required = false, and kept a
  // ledger locked after a damage mark whenever any other finding was listed.
  Cli cli;
  cli.write_file("aftersales.toml", "[tickets]\nseal_required = false\n");
  cli.seed_archive();
  const RunResult open =
      cli.run({"ticket", "open", "--unit", "2025-001", "--category", "液压系统", "--channel",
               "phone", "--desc", "x", "--reported-at", "2026-11-27T08:00"});
  REQUIRE(open.exit_code == 0);
  const std::string number = trimmed(open.out);
  for (const std::vector<std::string>& step :
       {std::vector<std::string>{"ticket", "analyse", number, "--text", "y"},
        {"ticket", "estimate", number, "--parts", "0", "--labour-hours", "1", "--travel", "0"}}) {
    const RunResult r = cli.run(step);
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
  }
  // A paid repair: its costing approval, then the record without a seal, as the ledger allows.
  cli.sql("UPDATE ticket SET state = 'signed_off'");
  cli.sql(
      "INSERT INTO work_record (ticket_id, technicians, arrived_at, finished_at, work_done, "
      "signed_by, signed_at, sealed) SELECT id, '[]', 0, 0, 'w', '王明', 0, 0 FROM ticket");
  RunResult r = doctor(cli);
  CHECK_FALSE(contains(r.out, "seal"));
  // Another finding does not keep a whole ledger locked (a SQLite file's damage mark: there is
  // none on PostgreSQL, docs/postgresql.md C10).
  if (aftersales::testing::on_postgres()) return;
  cli.write_file("test.db.damaged", "malformed\n");
  r = doctor(cli);
  CHECK(r.exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(cli.db() + ".damaged"));
}
