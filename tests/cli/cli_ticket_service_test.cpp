// The service rules of issue 9 on the command line, each at its boundary: service after
// approval (审批后, 再为用户提供售后服务), the customer's seal (签字盖章), odometer readings that
// never go backwards, and archives completed late (R21).
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::doctor_found_sound;
using aftersales::testing::RunResult;
using aftersales::testing::trimmed;

namespace {

constexpr const char* kConfig = aftersales::testing::kDeskLeaders;

// In warranty on 2026-11-27 (shipped 2026-06-01, 12 months).
constexpr const char* kUnit = aftersales::testing::kDeskWarrantyUnit;

// The desk of ticket_desk.h with the users of kConfig.
class Desk : public aftersales::testing::TicketDesk {
 public:
  Desk() : TicketDesk(kConfig) {}

  // Opens a ticket reported at `reported`, assigns it to ma and analyses it.
  std::string analysed(const std::string& reported, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"--reported-at", reported};
    args.insert(args.end(), extra.begin(), extra.end());
    const std::string number = open(kUnit, args);
    ok("li", {"ticket", "assign", number, "--to", "ma"});
    ok("ma", {"ticket", "analyse", number, "--text", "液压泵损坏"});
    return number;
  }

  // The id of the ticket's first approval (pending or not).
  std::string approval_of(const std::string& number) const {
    const RunResult r = ok("zhang", {"approval", "list", "--subject", number, "--format", "csv"});
    const std::string row = r.out.substr(r.out.find('\n') + 1);
    return row.substr(0, row.find(','));
  }

  // A work record of ma's, signed by 王明, with `extra` (e.g. --sealed).
  RunResult record(const std::string& number, const std::string& arrived,
                   const std::string& finished, const std::vector<std::string>& extra) const {
    std::vector<std::string> args = {"ticket",     "record",      number,   "--arrived",
                                     arrived,      "--finished",  finished, "--work",
                                     "更换液压泵", "--signed-by", "王明"};
    args.insert(args.end(), extra.begin(), extra.end());
    return as("ma", args);
  }
};

}  // namespace

TEST_CASE(
    "ticket record arriving before the 表5 budget was approved exits 4, arriving then is fine") {
  Desk desk;
  const std::string number = desk.analysed("2026-11-20T09:00");
  desk.ok(
      "zhang",
      {"ticket", "estimate", number, "--parts", "1200.00", "--labour-hours", "0", "--travel", "0"},
      "2026-11-24T09:00:00+08:00");
  const std::string id = desk.approval_of(number);
  for (const char* user : {"xu", "wang", "zhao"}) {
    desk.ok(user, {"approval", "approve", id}, "2026-11-25T10:00:00+08:00");
  }
  desk.ok("ma", {"ticket", "start", number});

  RunResult r = desk.record(number, "2026-11-25T09:59:59", "2026-11-25T12:00", {"--sealed"});
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "表5"));
  CHECK(contains(r.err, "approval " + id));
  CHECK(contains(r.err, "2026-11-25T10:00"));

  r = desk.record(number, "2026-11-25T10:00", "2026-11-25T12:00", {"--sealed"});
  CHECK(r.exit_code == 0);
}

TEST_CASE(
    "ticket record without --sealed exits 4 naming 签字盖章 and the fix, with it, signed off") {
  Desk desk;
  const std::string number = desk.analysed("2026-11-27T08:00");
  desk.ok("ma", {"ticket", "start", number});
  RunResult r = desk.record(number, "2026-11-27T09:00", "2026-11-27T11:00", {});
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "签字盖章"));
  CHECK(contains(r.err, "--sealed"));
  CHECK(contains(r.err, "seal_required"));
  r = desk.record(number, "2026-11-27T09:00", "2026-11-27T11:00", {"--sealed"});
  CHECK(r.exit_code == 0);
}

// Hole 1: the work record's costs are the ticket's actual lines; over the approved ones, a
// supplementary approval on the same chain before the ticket closes.
TEST_CASE(
    "actual 1,000.00 after an estimate of 1,000.00 closes, 1,000.01 waits for a 表5 "
    "supplement") {
  for (const auto& [travel, needs_supplement] :
       std::vector<std::pair<std::string, bool>>{{"0", false}, {"0.01", true}}) {
    CAPTURE(travel);
    Desk desk;
    const std::string number = desk.analysed("2026-11-27T08:00");
    desk.ok("zhang", {"ticket", "estimate", number, "--parts", "1000.00", "--labour-hours", "0",
                      "--travel", "0"});
    CHECK(desk.pending_approval(number).empty());  // 1,000.00 needs no 表5
    desk.ok("ma", {"ticket", "start", number});
    RunResult r = desk.record(number, "2026-11-27T09:00", "2026-11-27T11:00",
                              {"--sealed", "--travel", travel});
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
    r = desk.as("zhang", {"ticket", "close", number});
    INFO(describe(r));
    if (!needs_supplement) {
      CHECK(r.exit_code == 0);
      continue;
    }
    CHECK(r.exit_code == 4);
    CHECK(contains(r.err, "actual cost 1,000.01 is over the 0.00 approved (表5)"));
    const std::string id = desk.pending_approval(number);
    REQUIRE_FALSE(id.empty());
    const RunResult approval = desk.ok("zhang", {"approval", "list", "--subject", number});
    CHECK(contains(approval.out, "表5 supplement"));
    for (const char* user : {"xu", "wang", "zhao"}) desk.ok(user, {"approval", "approve", id});
    CHECK(desk.as("zhang", {"ticket", "close", number}).exit_code == 0);
  }
}

TEST_CASE("ticket show sets the work record's actual lines beside the estimate") {
  Desk desk;
  const std::string number = desk.analysed("2026-11-27T08:00");
  desk.ok("zhang", {"ticket", "estimate", number, "--parts", "600.00", "--labour-hours", "2",
                    "--travel", "100"});
  desk.ok("ma", {"ticket", "start", number});
  desk.ok("ma", {"ticket", "record", number, "--arrived", "2026-11-27T09:00", "--finished",
                 "2026-11-27T17:00", "--work", "更换液压泵", "--signed-by", "王明", "--sealed",
                 "--labour-hours", "8", "--travel", "900"});
  const RunResult r = desk.ok("zhang", {"ticket", "show", number, "--format", "json"});
  // parts 600 as estimated, labour 8 x 100.00, travel 900: 2,300.00 actual of 900.00 estimated.
  CHECK(contains(r.out, "\"warranty_total\": \"900.00\""));
  CHECK(contains(r.out, "\"actual_warranty_total\": \"2300.00\""));
  CHECK(contains(r.out, "\"stage\": \"actual\""));
  CHECK(contains(r.out, "\"amount\": \"800.00\""));
  CHECK(contains(r.out, "\"supplements\": ["));
  CHECK(contains(r.out, "\"form\": \"表5 supplement\""));
}

TEST_CASE("a work record is corrected as a new version until the ticket closes") {
  Desk desk;
  const std::string number = desk.analysed("2026-11-27T08:00");
  desk.ok("ma", {"ticket", "start", number});
  desk.ok("ma", {"ticket", "record", number, "--arrived", "2026-11-27T09:00", "--finished",
                 "2026-11-27T11:00", "--work", "更换液压泵", "--signed-by", "王明", "--sealed",
                 "--travel", "1500"});
  const std::string supplement = desk.pending_approval(number);
  REQUIRE_FALSE(supplement.empty());  // travel 1,500.00 alone is over 1,000.00

  // The travel was 150.00: the correction is version 2 and voids the supplement it no longer
  // needs.
  RunResult r = desk.as("ma", {"ticket", "record", number, "--arrived", "2026-11-27T09:00",
                               "--finished", "2026-11-27T11:00", "--work", "更换液压泵密封件",
                               "--signed-by", "王明", "--sealed", "--travel", "150"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "version 2"));
  CHECK(contains(r.err, "voided 表5 supplement approval " + supplement));
  CHECK(desk.pending_approval(number).empty());

  const RunResult show = desk.ok("zhang", {"ticket", "show", number, "--format", "json"});
  CHECK(contains(show.out, "\"work_done\": \"更换液压泵\""));        // version 1, kept
  CHECK(contains(show.out, "\"work_done\": \"更换液压泵密封件\""));  // version 2, current
  CHECK(contains(show.out, " by ma\""));  // replaced at the real time, by ma
  const RunResult log = desk.ok("zhang", {"log", "--entity", "ticket", "--id", number});
  CHECK(contains(log.out, "work-record-corrected"));

  desk.ok("zhang", {"ticket", "close", number});
  r = desk.as("ma", {"ticket", "record", number, "--arrived", "2026-11-27T09:00", "--finished",
                     "2026-11-27T11:00", "--work", "again", "--signed-by", "王明", "--sealed"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "closed"));
}

TEST_CASE("a call settled on the phone is resolved with the advice, without a site visit") {
  Desk desk;
  const std::string number = desk.open(kUnit, {"--reported-at", "2026-11-27T08:00"});
  RunResult r = desk.as("zhang", {"ticket", "resolve", number, "--advice", "  "});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "advice"));
  r = desk.as("ma", {"ticket", "resolve", number, "--advice", "复位液压阀"});
  CHECK(r.exit_code == 4);  // a technician does not close calls
  r = desk.ok("zhang", {"ticket", "resolve", number, "--advice", "指导客户复位液压阀, 已恢复正常"});
  CHECK(contains(r.err, "resolved"));
  const RunResult show = desk.ok("zhang", {"ticket", "show", number, "--format", "json"});
  CHECK(contains(show.out, "\"state\": \"resolved\""));
  CHECK(contains(show.out, "\"advice\": \"指导客户复位液压阀, 已恢复正常\""));
  CHECK(contains(show.out, "\"overdue\": false"));
  const RunResult list =
      desk.ok("zhang", {"ticket", "list", "--state", "resolved", "--format", "csv"});
  CHECK(contains(list.out, number));
  // Nothing more happens to it, and the ledger's check needs no 表6 for it.
  CHECK(desk.as("zhang", {"ticket", "close", number}).exit_code == 4);
  CHECK(doctor_found_sound(desk.as("zhang", {"doctor"})));

  // Once the service started, a site visit is under way: no resolving on the phone.
  const std::string started = desk.analysed("2026-11-27T08:00");
  desk.ok("ma", {"ticket", "start", started});
  r = desk.as("zhang", {"ticket", "resolve", started, "--advice", "x"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "on the phone before the service starts"));
}

TEST_CASE("next steps offer a free repair only where the coverage allows one") {
  Desk desk;
  const std::string warranty = desk.analysed("2026-11-27T08:00");
  RunResult r = desk.ok("zhang", {"ticket", "show", warranty, "--format", "json"});
  const std::string steps = r.out.substr(r.out.find("\"next_steps\""));
  CHECK(contains(steps, "\"estimate\""));
  CHECK_FALSE(contains(steps.substr(0, steps.find(']')), "\"waive\""));
}

TEST_CASE("a technician recording their own unassigned job need not name themselves") {
  Desk desk;
  const std::string number = desk.open(kUnit, {"--reported-at", "2026-11-27T08:00"});
  desk.ok("ma", {"ticket", "analyse", number, "--text", "液压泵损坏"});
  desk.ok("ma", {"ticket", "start", number});
  // The clerk is no technician: somebody must be named.
  RunResult r =
      desk.as("zhang", {"ticket", "record", number, "--arrived", "2026-11-27T09:00", "--finished",
                        "2026-11-27T11:00", "--work", "w", "--signed-by", "王明", "--sealed"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "--technician"));
  desk.ok("ma", {"ticket", "record", number, "--arrived", "2026-11-27T09:00", "--finished",
                 "2026-11-27T11:00", "--work", "w", "--signed-by", "王明", "--sealed"});
  const RunResult show = desk.ok("zhang", {"ticket", "show", number, "--format", "json"});
  CHECK(contains(show.out, "\"technicians\": \"ma\""));
}

TEST_CASE("the odometer on site is never below an earlier reading, and later ones not below it") {
  Desk desk;
  const std::string number = desk.analysed("2026-11-27T08:00", {"--km", "50000"});
  desk.ok("ma", {"ticket", "start", number});
  RunResult r =
      desk.record(number, "2026-11-27T09:00", "2026-11-27T11:00", {"--sealed", "--km", "49999"});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "49999 km is below the reading of 50000 km"));
  CHECK(contains(r.err, "ticket " + number));
  r = desk.record(number, "2026-11-27T09:00", "2026-11-27T11:00", {"--sealed", "--km", "50120"});
  REQUIRE(r.exit_code == 0);
  // A correction may change the reading on site: its own earlier version does not count.
  r = desk.record(number, "2026-11-27T09:00", "2026-11-27T11:00", {"--sealed", "--km", "50100"});
  CHECK(r.exit_code == 0);
  // A call reported after the visit cannot read less than was read on site.
  r = desk.as("zhang",
              {"ticket", "open", "--unit", kUnit, "--category", "液压系统", "--channel", "phone",
               "--desc", "异响", "--reported-at", "2026-11-27T12:00", "--km", "50099"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "work record of ticket " + number));
  const RunResult show = desk.ok("zhang", {"ticket", "show", number, "--format", "json"});
  CHECK(contains(show.out, "\"km\": 50100"));  // version 2
  CHECK(contains(show.out, "\"km\": 50120"));  // version 1, kept
}
