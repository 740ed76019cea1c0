// `aftersales search` and `ticket show --similar` (issue 16) through the built binary: blocks
// for people (highlighted on a terminal, plain in a pipe), rows for scripts, imported tickets
// searchable at once and gone after a revert, a ledger made before search indexed when opened,
// and every bad option refused with its exit code.
#include <doctest/doctest.h>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using namespace aftersales::testing;

namespace {

std::string open_ticket(const Cli& cli, const std::string& description, const std::string& at) {
  const RunResult r = cli.run({"ticket", "open", "--unit", "2025-001", "--category", "液压系统",
                               "--channel", "phone", "--desc", description, "--reported-at", at});
  REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
  return trimmed(r.out);
}

}  // namespace

TEST_CASE("search lists the matching records newest first, plain in a pipe") {
  Cli cli;
  cli.seed_archive();
  const std::string older = open_ticket(cli, "液压泵异响，油温高", "2026-10-01T09:00");
  const std::string newer = open_ticket(cli, "取力器异响", "2026-11-01T09:00");
  open_ticket(cli, "扫刷不转", "2026-11-02T09:00");

  const RunResult r = cli.run({"search", "异响"});
  REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
  CHECK(r.out.find(newer) < r.out.find(older));
  CHECK(contains(r.out, newer + "  2026-11-01  ticket · 液压系统"));
  CHECK(contains(r.out, "  description: 液压泵异响，油温高\n"));
  CHECK_FALSE(contains(r.out, "扫刷"));
  CHECK_FALSE(contains(r.out, "\x1b"));
  CHECK(contains(r.err, "2 records found"));

  // Nothing found is no error.
  const RunResult none = cli.run({"search", "断轴"});
  CHECK(none.exit_code == 0);
  CHECK(none.out.empty());
  CHECK(contains(none.err, "0 records found"));
}

TEST_CASE("search highlights the matches on a colour terminal") {
  Cli cli;
  cli.seed_archive();
  open_ticket(cli, "液压泵异响", "2026-10-01T09:00");
  const RunResult r = cli.run_on_terminal({"search", "异响"});
  REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
  CHECK(contains(r.out, "液压泵\x1b[1;31m异响\x1b[0m"));
  const RunResult plain = cli.run_on_terminal({"search", "异响"}, {{"NO_COLOR", "1"}});
  CHECK(contains(plain.out, "description: 液压泵异响"));
  CHECK_FALSE(contains(plain.out, "\x1b[1;31m"));
}

TEST_CASE("search --format json and csv give stable rows with the fix") {
  Cli cli;
  cli.seed_archive();
  const std::string number = open_ticket(cli, "左后桥断轴", "2026-10-01T09:00");
  REQUIRE(cli.run({"ticket", "resolve", number, "--advice", "更换半轴后试车"}).exit_code == 0);
  const RunResult json = cli.run({"search", "断轴", "--format", "json"});
  REQUIRE_MESSAGE(json.exit_code == 0, describe(json));
  CHECK(contains(json.out, "\"record\": \"" + number + "\""));
  CHECK(contains(json.out, "\"matched\": \"description\""));
  CHECK(contains(json.out, "\"fix\": \"更换半轴后试车\""));
  CHECK(contains(json.out, "\"unit\": \"2025-001\""));
  const RunResult csv = cli.run({"search", "半轴", "--format", "csv"});
  CHECK(contains(csv.out,
                 "kind,record,at,unit,model,customer,category,state,matched,text,fix,"
                 "fixed_at\r\n"));
  CHECK(contains(csv.out, "ticket," + number + ","));
  CHECK(contains(csv.out, ",advice,更换半轴后试车,更换半轴后试车,"));
}

TEST_CASE("search's filters and bad options") {
  Cli cli;
  cli.seed_archive();
  open_ticket(cli, "漏油", "2026-10-01T09:00");
  const std::string recent = open_ticket(cli, "漏油", "2026-11-10T09:00");

  RunResult r = cli.run({"search", "漏油", "--since", "2026-11-10", "--format", "tsv"});
  REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
  CHECK(count_of(r.out, "\nticket\t") == 1);
  CHECK(contains(r.out, recent));
  r = cli.run({"search", "漏油", "--model", "HYS5160", "--unit", "2025-001", "--customer", "C001",
               "--category", "液压系统", "--limit", "1", "--format", "tsv"});
  CHECK(count_of(r.out, "\nticket\t") == 1);

  r = cli.run({"search"});
  CHECK(r.exit_code == 2);
  r = cli.run({"search", "漏油", "--model", "NOPE"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "NOPE"));
  r = cli.run({"search", "漏油", "--unit", "X-1"});
  CHECK(r.exit_code == 3);
  r = cli.run({"search", "漏油", "--since", "2026-13-01"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "--since"));
  r = cli.run({"search", "漏油", "--limit", "0"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "--limit 0"));
  r = cli.run({"search", "，。"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "no word or character"));
  r = cli.run({"search", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "aftersales search 液压泵异响"));
}

TEST_CASE("imported tickets are searchable at once, and gone after the batch is reverted") {
  Cli cli;
  cli.seed_archive();
  cli.write_file("tickets.csv",
                 "number,unit,category,channel,description,reported_at\r\n"
                 "SR-2026-000041,2025-001,液压系统,phone,液压油管漏油,2026-03-05T09:30\r\n"
                 "SR-2026-000042,2025-001,发动机,phone,冒黑烟,2026-03-06T09:30\r\n");
  const RunResult imported = cli.run({"import", "tickets", "tickets.csv"});
  REQUIRE_MESSAGE(imported.exit_code == 0, describe(imported));
  RunResult r = cli.run({"search", "油管", "--format", "tsv"});
  CHECK(contains(r.out, "SR-2026-000041"));
  CHECK_FALSE(contains(r.out, "SR-2026-000042"));
  REQUIRE(cli.run({"import", "revert", batch_of(imported)}).exit_code == 0);
  r = cli.run({"search", "油管", "--format", "tsv"});
  CHECK(r.exit_code == 0);
  CHECK_FALSE(contains(r.out, "SR-2026-000041"));
}

TEST_CASE("a ledger whose search rows were never written gets them when it is opened") {
  Cli cli;
  cli.seed_archive();
  const std::string number = open_ticket(cli, "液压泵异响", "2026-10-01T09:00");
  // As a ledger migrated from before 019 is: no rows, not built.
  CHECK(cli.sql("DELETE FROM search_doc; UPDATE search_state SET built = 0").empty());
  CHECK(cli.sql("SELECT count(*) FROM search_doc") == "0\n");
  const RunResult r = cli.run({"search", "异响"});  // a reading command
  REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
  CHECK(contains(r.out, number));
  CHECK(cli.sql("SELECT built FROM search_state") == "1\n");
}

TEST_CASE("ticket show --similar lists the closest past repairs with their fix") {
  TicketDesk desk(kDeskStaff);
  const auto opened = [&](const std::string& description, const std::string& reported) {
    return trimmed(
        desk.ok("zhang", {"ticket", "open", "--unit", kDeskWarrantyUnit, "--category", "液压系统",
                          "--channel", "phone", "--desc", description, "--reported-at", reported})
            .out);
  };
  const auto repaired = [&](const std::string& description, const std::string& reported) {
    const std::string number = opened(description, reported);
    desk.ok("li", {"ticket", "assign", number, "--to", "ma"});
    desk.ok("ma", {"ticket", "analyse", number, "--text", "检查液压系统"});
    desk.ok("ma", {"ticket", "start", number});
    desk.ok("ma",
            {"ticket", "record", number, "--arrived", "2026-11-27T08:00", "--finished",
             "2026-11-27T09:00", "--work", "更换液压泵轴承", "--signed-by", "王明", "--sealed"});
    return number;
  };
  const std::string close = repaired("液压泵异响，油温高", "2026-10-01T09:00");
  const std::string far = repaired("扫刷电机不转", "2026-10-02T09:00");
  const std::string resolved = opened("液压泵异响", "2026-10-03T09:00");
  desk.ok("li", {"ticket", "resolve", resolved, "--advice", "加注液压油"});
  const std::string now = opened("液压泵有异响", "2026-11-20T09:00");

  RunResult r = desk.ok("zhang", {"ticket", "show", now, "--similar", "--format", "json"});
  CHECK(contains(r.out, "\"similar\": ["));
  CHECK(r.out.find("\"record\": \"" + close + "\"") < r.out.find("\"record\": \"" + far + "\""));
  CHECK(contains(r.out, "\"fix\": \"更换液压泵轴承\""));
  // A call settled on the phone has no work record: it is no past repair.
  CHECK_FALSE(contains(r.out, "\"record\": \"" + resolved + "\""));
  r = desk.ok("zhang", {"ticket", "show", now, "--similar", "--limit", "1", "--format", "json"});
  CHECK_FALSE(contains(r.out, "\"record\": \"" + far + "\""));
  r = desk.as("zhang", {"ticket", "show", now, "--limit", "3"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--similar"));
}

TEST_CASE("doctor finds search rows changed outside aftersales, and search --reindex mends them") {
  Cli cli;
  cli.seed_archive();
  const std::string edited = open_ticket(cli, "液压泵异响", "2026-10-01T09:00");
  const std::string dropped = open_ticket(cli, "油缸漏油", "2026-10-02T09:00");
  REQUIRE(cli.run({"doctor"}).exit_code == 0);

  // Someone with the file changes a description and deletes a search row.
  CHECK(cli.sql("UPDATE ticket SET description = '左后桥断轴' WHERE number = '" + edited + "'")
            .empty());
  CHECK(cli.sql("DELETE FROM search_doc WHERE record_id = (SELECT id FROM ticket WHERE number "
                "= '" +
                dropped + "')")
            .empty());
  RunResult r = cli.run({"doctor", "--format", "csv"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "search,ticket," + edited + ",\"its search row is stale"));
  CHECK(contains(r.out, "search,ticket," + dropped + ",\"its search row is missing"));
  CHECK(contains(r.out, "aftersales search --reindex"));
  CHECK(contains(cli.run({"search", "异响"}).out, edited));  // what the stale row says

  r = cli.run({"search", "--reindex"});
  REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
  CHECK(contains(r.err, "wrote the search rows of 2 records"));
  CHECK(cli.run({"doctor"}).exit_code == 0);
  CHECK(contains(cli.run({"search", "断轴"}).out, edited));
  CHECK(cli.run({"search", "异响"}).out.empty());
  CHECK(contains(cli.run({"search", "漏油"}).out, dropped));
  CHECK(contains(cli.run({"log", "--entity", "search"}).out, "reindex"));
  CHECK(cli.run({"search", "--reindex", "异响"}).exit_code == 2);
}

TEST_CASE("search --reindex is the admin's") {
  TicketDesk desk(kDeskStaff);
  const RunResult r = desk.as("zhang", {"search", "--reindex"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "admin"));
}
