// The archive (表1) as a clerk reads it: the service records filed into it as they happen (表3,
// 表6), its change log as `field: before → after`, and R21's filing window (2日内制成电子存档):
// `unit list --late` and the filing line of `unit show`.
#include <doctest/doctest.h>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"
#include "support/test_engine.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::TicketDesk;

namespace {

// Runs a command on business day `today` and requires it to succeed.
RunResult ok_on(const Cli& cli, const std::string& today, const std::vector<std::string>& args) {
  const RunResult r = cli.run(args, {{"AFTERSALES_TODAY", today}});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  return r;
}

// Adds a unit shipped 2026-11-01 on business day `today`; complete unless `complete` is false
// (then it lacks its service terms).
void add_shipped_nov_1(const Cli& cli, const std::string& serial, const std::string& today,
                       bool complete = true) {
  std::vector<std::string> args = {"unit",         "add",        serial,          "--model",
                                   "HYS5160",      "--customer", "C001",          "--shipped",
                                   "2026-11-01",   "--vin",      "LZZ-" + serial, "--engine",
                                   "WP-" + serial, "--config",   "8吨洗扫"};
  if (complete) {
    args.push_back("--terms");
    args.push_back("整车12个月");
  }
  ok_on(cli, today, args);
}

}  // namespace

TEST_CASE("unit show files the unit's tickets with their charge and signed work records") {
  TicketDesk desk(aftersales::testing::kDeskStaff);
  const std::string unit = aftersales::testing::kDeskWarrantyUnit;
  const std::string done = desk.open(unit, {"--reported-at", "2026-11-26T08:00"});
  desk.ok("li", {"ticket", "assign", done, "--to", "ma"});
  desk.ok("ma", {"ticket", "analyse", done, "--text", "液压泵损坏"});
  desk.ok("ma", {"ticket", "start", done});
  desk.ok("ma", {"ticket", "record", done, "--arrived", "2026-11-26T10:00", "--finished",
                 "2026-11-26T12:30", "--work", "更换液压泵", "--signed-by", "王明", "--sealed"});
  const std::string open = desk.open(unit);
  desk.open("2025-001");  // another unit's ticket is not filed here

  const RunResult r = desk.ok("zhang", {"unit", "show", unit});
  for (const std::string& fragment :
       {done, open, std::string("signed_off"), std::string("registered"), std::string("更换液压泵"),
        std::string("2026-11-26T10:00:00+08:00"), std::string("2026-11-26T12:30:00+08:00"),
        std::string("王明")}) {
    INFO(fragment);
    CHECK(contains(r.out, fragment));
  }
  CHECK(contains(r.out, "售后服务申请单 (表3)"));
  CHECK(contains(r.out, "现场工作记录 (表6)"));

  const RunResult json = desk.ok("zhang", {"unit", "show", unit, "--format", "json"});
  CHECK(contains(json.out, "\"number\": \"" + done + "\""));
  CHECK(contains(json.out, "\"charge\": \"warranty\""));
  CHECK(contains(json.out, "\"coverage\": \"warranty\""));
  CHECK(contains(json.out, "\"ticket\": \"" + done + "\""));
  CHECK(contains(json.out, "\"sealed\": true"));
  CHECK(contains(json.out, "\"work_done\": \"更换液压泵\""));
  CHECK_FALSE(contains(json.out, "SR-2026-000003"));  // 2025-001's
}

TEST_CASE("unit show's change log reads field: before → after, JSON keeps the fields apart") {
  Cli cli;
  cli.seed_archive();
  REQUIRE(cli.run({"unit", "edit", "2025-001", "--vin", "LZZ999", "--plate", "辽C1"}).exit_code ==
          0);
  const RunResult r = cli.run({"unit", "show", "2025-001"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "vin: LZZ123 → LZZ999"));
  CHECK(contains(r.out, "plate: — → 辽C1"));
  CHECK(contains(r.out, "added"));
  CHECK_FALSE(contains(r.out, "{\""));  // no raw JSON

  const RunResult json = cli.run({"unit", "show", "2025-001", "--format", "json"});
  CHECK(contains(json.out, "\"field\": \"vin\""));
  CHECK(contains(json.out, "\"before\": \"LZZ123\""));
  CHECK(contains(json.out, "\"after\": \"LZZ999\""));
  CHECK(contains(json.out, "\"business_at\": \"2026-11-27T23:59:59+08:00\""));
  CHECK_FALSE(contains(json.out, "{\\\""));  // no JSON inside strings
}

TEST_CASE("unit list --late lists archives completed after 2 days, with the days late") {
  Cli cli;
  cli.seed_archive();
  add_shipped_nov_1(cli, "ON-TIME", "2026-11-03");  // day 2: on time
  add_shipped_nov_1(cli, "LATE-1", "2026-11-04");   // day 3: late by 1
  add_shipped_nov_1(cli, "LATE-7", "2026-11-10");   // day 9: late by 7
  add_shipped_nov_1(cli, "EDITED", "2026-11-01", false);
  ok_on(cli, "2026-11-06", {"unit", "edit", "EDITED", "--terms", "整车12个月"});  // day 5
  add_shipped_nov_1(cli, "STILL-OPEN", "2026-11-01", false);

  const RunResult r = cli.run({"unit", "list", "--late", "--format", "csv"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "completed_on,days_late\r\n"));
  CHECK(contains(r.out,
                 "EDITED,HYS5160,C001,鞍山市环卫处,2026-11-01,2027-10-31,true,,2026-11-06,3\r\n"));
  CHECK(contains(r.out, ",2026-11-04,1\r\n"));
  CHECK(contains(r.out, ",2026-11-10,7\r\n"));
  CHECK_FALSE(contains(r.out, "ON-TIME"));
  CHECK_FALSE(contains(r.out, "STILL-OPEN"));  // incomplete: `unit list --incomplete`'s
  // The seed registers 2025-001 (shipped 2025-03-01) on 2026-11-27: 636 days after shipping.
  CHECK(contains(
      r.out, "2025-001,HYS5160,C001,鞍山市环卫处,2025-03-01,2026-02-28,false,,2026-11-27,634\r\n"));

  const RunResult show = cli.run({"unit", "show", "LATE-7"});
  CHECK(contains(show.out, "complete since 2026-11-10, 7 days late (within 2 days of shipping)"));
  const RunResult on_time = cli.run({"unit", "show", "ON-TIME", "--format", "json"});
  CHECK(contains(on_time.out, "\"completed_on\": \"2026-11-03\""));
  CHECK(contains(on_time.out, "\"days_late\": 0"));
  const RunResult open = cli.run({"unit", "show", "STILL-OPEN", "--format", "json"});
  CHECK(contains(open.out, "\"completed_on\": null"));
}

TEST_CASE("an import that completes an archive dates it, revert puts the archive back") {
  Cli cli;
  cli.seed_archive();
  add_shipped_nov_1(cli, "IMPORTED", "2026-11-01", false);
  cli.write_file("terms.csv", "serial,terms\r\nIMPORTED,整车12个月\r\n");
  ok_on(cli, "2026-11-05", {"import", "units", "terms.csv"});
  RunResult r = cli.run({"unit", "list", "--late", "--format", "csv"});
  CHECK(contains(
      r.out,
      "\r\nIMPORTED,HYS5160,C001,鞍山市环卫处,2026-11-01,2027-10-31,true,,2026-11-05,2\r\n"));
  ok_on(cli, "2026-11-06", {"import", "revert", "1"});
  r = cli.run({"unit", "show", "IMPORTED", "--format", "json"});
  CHECK(contains(r.out, "\"completed_on\": null"));
  CHECK(contains(r.out, "\"missing\": \"terms\""));
}

TEST_CASE("the filing window is the rulebook's complete_within_days") {
  Cli cli;
  cli.seed_archive();
  add_shipped_nov_1(cli, "LATE-7", "2026-11-10");
  cli.write_file("aftersales.toml", "[archive]\ncomplete_within_days = 9\n");
  const RunResult apply = cli.run({"config", "apply", "aftersales.toml"});
  INFO(describe(apply));
  REQUIRE(apply.exit_code == 0);
  CHECK_FALSE(contains(cli.run({"unit", "list", "--late"}).out, "LATE-7"));
  CHECK(contains(cli.run({"unit", "show", "LATE-7"}).out, "on time (within 9 days of shipping)"));
}

TEST_CASE("a ledger from before 007 dates its complete archives from the audit trail") {
  if (aftersales::testing::skipped_on_postgres(
          "migrating a SQLite ledger from before 007; a PostgreSQL ledger starts at the newest "
          "schema (docs/postgresql.md A3)")) {
    return;
  }
  Cli cli;
  cli.seed_archive();  // 2025-001, added complete on 2026-11-27
  add_shipped_nov_1(cli, "EDITED", "2026-11-01", false);
  ok_on(cli, "2026-11-06", {"unit", "edit", "EDITED", "--plate", "辽C1"});  // fills nothing
  ok_on(cli, "2026-11-06", {"unit", "edit", "EDITED", "--terms", "整车12个月"});
  ok_on(cli, "2026-11-20", {"unit", "edit", "EDITED", "--config", "10吨洗扫"});  // complete already
  ok_on(cli, "2026-11-01", {"customer", "add", "C002", "--name", "大连市政"});
  ok_on(cli, "2026-11-01",
        {"unit", "add", "BY-PHONE", "--model", "HYS5160", "--customer", "C002", "--shipped",
         "2026-11-01", "--vin", "LZZ-P", "--engine", "WP-P", "--config", "8吨洗扫", "--terms",
         "整车12个月", "--contact", "李雷"});
  ok_on(cli, "2026-11-08", {"customer", "edit", "C002", "--phone", "0411-5550000"});
  add_shipped_nov_1(cli, "OPEN", "2026-11-01", false);
  // Back to schema 006, as a ledger of the last release: no completed_at, none of 007's indexes
  // and none of the later tables.
  REQUIRE(
      cli.sql(
          "ALTER TABLE unit DROP COLUMN completed_at; DROP INDEX unit_vin; "
          "DROP INDEX unit_plate; DROP INDEX unit_engine; DROP INDEX ticket_customer; "
          "DROP INDEX ticket_visit_due; DROP INDEX unit_shipped_on; DROP INDEX "
          "work_record_arrived; DROP INDEX work_record_finished; DROP INDEX "
          "ticket_reported_counts; DROP INDEX ticket_quality; DROP INDEX ticket_actual_cost; "
          "CREATE INDEX ticket_reported ON ticket (reported_at); "
          "DROP TABLE search_index; DROP TABLE search_doc; DROP TABLE search_state; "
          "DROP TABLE visit; DROP TABLE attachment; "
          "DROP TABLE training_record; DROP TABLE complaint; DROP TABLE survey; "
          "DROP TABLE urgent_request; DROP TABLE purchase_plan_line; "
          "DROP TABLE purchase_plan; DROP TABLE part_sale_promise; "
          "DROP TABLE part_sale_payment; DROP TABLE part_sale_line; DROP TABLE part_sale; "
          "DROP TABLE part_sales_sequence; "
          "DROP TABLE gate_pass; DROP TABLE part_issue_line; DROP TABLE part_issue; "
          "DROP TABLE record_sequence; DROP TABLE part_return; DROP TABLE part_return_sequence; "
          "DROP TABLE work_record_part; DROP TABLE stock_move; DROP TABLE part; "
          "PRAGMA user_version = 6;") == "");

  const RunResult r = cli.run({"unit", "list", "--format", "csv"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "\r\n2025-001,"));
  CHECK(contains(r.out, ",2026-11-27,634\r\n"));
  CHECK(contains(
      r.out, "\r\nEDITED,HYS5160,C001,鞍山市环卫处,2026-11-01,2027-10-31,true,,2026-11-06,3\r\n"));
  CHECK(contains(
      r.out, "\r\nBY-PHONE,HYS5160,C002,大连市政,2026-11-01,2027-10-31,true,,2026-11-08,5\r\n"));
  CHECK(
      contains(r.out, "\r\nOPEN,HYS5160,C001,鞍山市环卫处,2026-11-01,2027-10-31,true,terms,,\r\n"));
  CHECK(cli.sql("PRAGMA user_version") == "19\n");  // 007 and every later migration
}
