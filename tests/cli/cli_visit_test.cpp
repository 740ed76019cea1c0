// `aftersales visit due|record|list|show` (回访, 表2) on the command line: the number alone on
// stdout, the due visit it settles and how late on stderr, bad input refused with its exit code
// and nothing written, the unit's archive and the ticket listing the visits.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::TicketDesk;

namespace {

constexpr const char* kUnit = aftersales::testing::kDeskWarrantyUnit;  // shipped 2026-06-01

// The desk (today 2026-11-27) with a unit shipped on 2026-11-20: its new-unit visit is open and
// on time until 2026-11-30.
class Desk : public TicketDesk {
 public:
  Desk() : TicketDesk(aftersales::testing::kDeskLeaders) {
    ok("zhang", {"unit", "add", "NEW-1", "--model", "HYS5160", "--customer", "C001", "--shipped",
                 "2026-11-20"});
  }

  RunResult record(const std::string& user, const std::vector<std::string>& extra) const {
    std::vector<std::string> args = {"visit", "record"};
    args.insert(args.end(), extra.begin(), extra.end());
    return as(user, args);
  }
};

}  // namespace

TEST_CASE("visit due lists the new units' visits with their window and days late") {
  Desk desk;
  const RunResult r = desk.ok("zhang", {"visit", "due", "--kind", "shipment", "--format", "csv"});
  CHECK(contains(r.out, "kind,key,unit,customer,ticket,why,opens_on,due_on,days_late\r\n"));
  // 2025-001 shipped 2025-03-01: its visit was due 2025-03-11, 626 days ago.
  CHECK(contains(r.out, "shipment,2025-001,2025-001,C001,,"));
  CHECK(contains(r.out, ",2025-03-01,2025-03-11,626\r\n"));
  CHECK(contains(r.out, ",2026-06-01,2026-06-11,169\r\n"));
  CHECK(contains(r.out, ",2026-11-20,2026-11-30,0\r\n"));
  // Ordered by the last day.
  CHECK(r.out.find("2025-001") < r.out.find(kUnit));
  CHECK(r.out.find(kUnit) < r.out.find("NEW-1"));

  const RunResult overdue = desk.ok("zhang", {"visit", "due", "--overdue", "--format", "csv"});
  CHECK(contains(overdue.out, kUnit));
  CHECK_FALSE(contains(overdue.out, "NEW-1"));
  const RunResult until = desk.ok("zhang", {"visit", "due", "--until", "2026-06-30"});
  CHECK(contains(until.out, kUnit));
  CHECK_FALSE(contains(until.out, "NEW-1"));
  const RunResult bad = desk.as("zhang", {"visit", "due", "--kind", "lunch"});
  CHECK(bad.exit_code == 1);
  CHECK(contains(bad.err, "kind"));
}

TEST_CASE("visit record prints its number alone and settles the due visit, late or on time") {
  Desk desk;
  RunResult r = desk.record("zhang", {"--unit", kUnit, "--reason", "shipment", "--scores",
                                      "5,4,5,4,5", "--suggestion", "希望增加夜间服务"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "VS-2026-000001\n");
  CHECK(contains(r.err, "settles 2026-101, 169 days late (last day 2026-06-11)"));

  r = desk.record("zhang", {"--unit", "NEW-1", "--reason", "shipment", "--scores", "5,5,5,5,5",
                            "--at", "2026-11-25T10:00", "--by", "小李"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "VS-2026-000002\n");
  CHECK(contains(r.err, "settles NEW-1, on time"));

  r = desk.ok("zhang", {"visit", "due", "--kind", "shipment", "--format", "csv"});
  CHECK_FALSE(contains(r.out, "NEW-1"));
  CHECK_FALSE(contains(r.out, kUnit));

  r = desk.record("zhang", {"--customer", "C001", "--reason", "other", "--scores", "3,3,3,3,3"});
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "settles no due visit"));

  r = desk.ok("zhang", {"visit", "list", "--format", "csv"});
  CHECK(contains(r.out,
                 "number,visited_on,reason,unit,customer,ticket,structure,appearance,"
                 "delivery,price,service,suggestion,settles,due_on,days_late,on_time,"
                 "visited_by\r\n"));
  CHECK(contains(r.out,
                 "VS-2026-000001,2026-11-27,shipment,2026-101,C001,,5,4,5,4,5,"
                 "希望增加夜间服务,2026-101,2026-06-11,169,false,zhang\r\n"));
  CHECK(contains(r.out,
                 "VS-2026-000002,2026-11-25,shipment,NEW-1,C001,,5,5,5,5,5,,NEW-1,"
                 "2026-11-30,0,true,小李\r\n"));
  r = desk.ok("zhang", {"visit", "list", "--unit", "NEW-1", "--format", "tsv"});
  CHECK(contains(r.out, "VS-2026-000002"));
  CHECK_FALSE(contains(r.out, "VS-2026-000001"));

  r = desk.ok("zhang", {"visit", "show", "VS-2026-000001"});
  CHECK(contains(r.out, "结构性能"));
  CHECK(contains(r.out, "希望增加夜间服务"));
  r = desk.ok("zhang", {"visit", "show", "VS-2026-000001", "--format", "json"});
  CHECK(contains(r.out, "\"structure\""));
  r = desk.ok("zhang", {"unit", "show", kUnit, "--format", "json"});
  CHECK(contains(r.out, "\"visits\""));
  CHECK(contains(r.out, "VS-2026-000001"));
  r = desk.ok("zhang", {"unit", "show", kUnit});
  CHECK(contains(r.out, "回访"));
  CHECK(contains(r.out, "VS-2026-000001"));
  CHECK(contains(r.err + r.out, "5,4,5,4,5"));
}

TEST_CASE("bad visits are refused with their exit code and nothing is written") {
  Desk desk;
  struct Case {
    std::vector<std::string> args;
    int exit_code;
    const char* says;
  };
  const std::vector<Case> cases = {
      {{"--unit", kUnit, "--reason", "shipment", "--scores", "0,5,5,5,5"}, 1, "1 to 5"},
      {{"--unit", kUnit, "--reason", "shipment", "--scores", "5,5,5,5,6"}, 1, "1 to 5"},
      {{"--unit", kUnit, "--reason", "shipment", "--scores", "5,5,5"}, 1, "five scores"},
      {{"--unit", kUnit, "--reason", "shipment", "--scores", "5,5,5,5,5", "--at",
        "2026-11-28T09:00"},
       1,
       "after now"},
      {{"--unit", "NOPE", "--reason", "shipment", "--scores", "5,5,5,5,5"}, 3, "NOPE"},
      {{"--customer", "C404", "--reason", "other", "--scores", "5,5,5,5,5"}, 3, "C404"},
      {{"--unit", kUnit, "--reason", "repair", "--scores", "5,5,5,5,5", "--ticket",
        "SR-2026-000999"},
       3,
       "SR-2026-000999"},
      {{"--unit", kUnit, "--customer", "C001", "--reason", "other", "--scores", "5,5,5,5,5"},
       2,
       "excludes"},
      {{"--reason", "other", "--scores", "5,5,5,5,5"}, 2, "--unit SERIAL or --customer C"},
      {{"--unit", kUnit, "--reason", "other"}, 2, "--scores"},
  };
  for (const Case& c : cases) {
    const RunResult r = desk.record("zhang", c.args);
    INFO(describe(r));
    CHECK(r.exit_code == c.exit_code);
    CHECK(contains(r.err, c.says));
    CHECK(r.out.empty());
  }
  const std::string ticket = desk.open(kUnit);
  RunResult r = desk.record("zhang", {"--unit", "NEW-1", "--reason", "repair", "--scores",
                                      "5,5,5,5,5", "--ticket", ticket});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "not of NEW-1"));
  r = desk.record("ma", {"--unit", kUnit, "--reason", "other", "--scores", "5,5,5,5,5"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "follow-up visit"));

  CHECK(desk.cli.sql("SELECT count(*) FROM visit") == "0\n");
  r = desk.as("zhang", {"visit", "show", "VS-2026-000001"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "VS-2026-000001"));
}

TEST_CASE("every visit verb has --help with an example") {
  Desk desk;
  for (const char* verb : {"due", "record", "list", "show"}) {
    CAPTURE(verb);
    const RunResult r = desk.as("zhang", {"visit", verb, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Example:"));
  }
}

TEST_CASE("a major repair's visit is due, recorded with its ticket and shown on the ticket") {
  TicketDesk desk(std::string(aftersales::testing::kDeskLeaders) + "kuang = [\"warehouse\"]\n");
  desk.ok("kuang", {"part", "add", "HP-100", "--name", "液压泵", "--price", "480.00", "--major"});
  const std::string number = desk.open(kUnit, {"--reported-at", "2026-11-27T08:00"});
  desk.ok("li", {"ticket", "assign", number, "--to", "ma"});
  desk.ok("ma", {"ticket", "analyse", number, "--text", "液压泵损坏"});
  desk.ok("zhang",
          {"ticket", "estimate", number, "--parts", "300", "--labour-hours", "0", "--travel", "0"});
  desk.ok("ma", {"ticket", "start", number});
  // A major part replaced makes the 7-day follow-up visit due (表2: 维修后一周内).
  desk.ok("ma", {"ticket", "record", number, "--arrived", "2026-11-27T09:00", "--finished",
                 "2026-11-27T11:00", "--work", "更换液压泵", "--signed-by", "王明", "--sealed",
                 "--part", "HP-100:1"});
  RunResult r = desk.ok("zhang", {"visit", "due", "--kind", "repair", "--format", "csv"});
  CHECK(contains(r.out, "repair," + number + "," + kUnit + ",C001," + number + ","));
  CHECK(contains(r.out, ",2026-11-27,2026-12-04,0\r\n"));
  r = desk.ok("zhang", {"visit", "due", "--kind", "repair", "--overdue"}, "2026-12-04");
  CHECK_FALSE(contains(r.out, number));
  r = desk.ok("zhang", {"visit", "due", "--kind", "repair", "--overdue"}, "2026-12-05");
  CHECK(contains(r.out, number));

  r = desk.ok("zhang", {"visit", "record", "--unit", kUnit, "--reason", "repair", "--ticket",
                        number, "--scores", "4,4,5,5,5"});
  CHECK(r.out == "VS-2026-000001\n");
  CHECK(contains(r.err, "settles " + number + ", on time"));
  r = desk.ok("zhang", {"ticket", "show", number});
  CHECK(contains(r.out, "follow-up visit due (表2)"));
  CHECK(contains(r.out, "VS-2026-000001 on 2026-11-27, on time"));
  r = desk.ok("zhang", {"ticket", "show", number, "--format", "json"});
  CHECK(contains(r.out, "\"visited\": \"VS-2026-000001 on 2026-11-27, on time\""));
}
