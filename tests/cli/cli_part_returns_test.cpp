// Parts used on the work record (`ticket record --part`) and the returns of failed parts they
// owe (表12: `part returns|return|inspect|book`) on the command line, each rule at its boundary:
// 50.00 owes no return and 50.01 does; day 30 is on time and day 31 overdue; QC inspects only
// what came back and the warehouse books in only what QC inspected (exit 4 naming the rule).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::contains;
using aftersales::testing::count_of;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::trimmed;

namespace {

const std::string kConfig = std::string(aftersales::testing::kDeskStaff) + R"(kuang = ["warehouse"]
zhou = ["qc"]
)";

constexpr const char* kUnit = aftersales::testing::kDeskWarrantyUnit;

// The desk with a catalogue: HP-100 液压泵 480.00 major, SEAL-50 at 50.00, SEAL-51 at 50.01; and
// a warranty ticket estimated at 300.00 of parts, started by ma.
class Desk : public aftersales::testing::TicketDesk {
 public:
  Desk() : TicketDesk(kConfig) {
    ok("kuang", {"part", "add", "HP-100", "--name", "液压泵", "--price", "480.00", "--major"});
    ok("kuang", {"part", "add", "SEAL-50", "--name", "密封件", "--price", "50.00"});
    ok("kuang", {"part", "add", "SEAL-51", "--name", "密封件大", "--price", "50.01"});
    number = open(kUnit, {"--reported-at", "2026-11-27T08:00"});
    ok("li", {"ticket", "assign", number, "--to", "ma"});
    ok("ma", {"ticket", "analyse", number, "--text", "液压泵损坏"});
    ok("zhang",
       {"ticket", "estimate", number, "--parts", "300", "--labour-hours", "0", "--travel", "0"});
    ok("ma", {"ticket", "start", number});
  }

  RunResult record(const std::vector<std::string>& parts) const {
    std::vector<std::string> args = {
        "ticket",     "record",           number,   "--arrived",  "2026-11-27T09:00",
        "--finished", "2026-11-27T11:00", "--work", "更换液压泵", "--signed-by",
        "王明",       "--sealed"};
    for (const std::string& part : parts) {
      args.push_back("--part");
      args.push_back(part);
    }
    return as("ma", args);
  }

  std::string number;
};

}  // namespace

TEST_CASE(
    "ticket record --part makes the parts used the actual part lines and a major part an archive "
    "note") {
  Desk desk;
  RunResult r = desk.record({"HP-100:1", "SEAL-50:2"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  r = desk.ok("zhang", {"ticket", "show", desk.number, "--format", "json"});
  CHECK(contains(r.out, "HP-100"));
  CHECK(contains(r.out, "\"actual_warranty_total\": \"580.00\""));  // 480.00 + 2 x 50.00
  const std::string note = "更换 HP-100 液压泵 x1 (" + desk.number + ")";
  r = desk.ok("zhang", {"unit", "show", kUnit});
  CHECK(count_of(r.out, "part-replacement  " + note) == 1);  // the history; the log says it too
  // 480.00 is not over 1,000.00, but a major part makes the 7-day follow-up visit due.
  r = desk.ok("zhang", {"ticket", "show", desk.number, "--format", "json"});
  CHECK(contains(r.out, "2026-12-04"));

  // A correction with the same parts: version 2, still one note.
  r = desk.record({"HP-100:1", "SEAL-50:1"});
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "version 2"));
  r = desk.ok("zhang", {"unit", "show", kUnit});
  CHECK(count_of(r.out, "part-replacement  " + note) == 1);  // the history; the log says it too
}

TEST_CASE("ticket record --part refuses a malformed line (exit 1) and an unknown part (exit 3)") {
  Desk desk;
  RunResult r = desk.record({"HP-100:x"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "part"));
  r = desk.record({"HP-100"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "PARTNO:QTY"));
  r = desk.record({"NOPE-1:1"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "NOPE-1"));
  r = desk.ok("zhang", {"part", "returns", "--format", "csv"});
  CHECK(count_of(r.out, "\r\n") == 1);  // the header only: nothing was filed
}

TEST_CASE("a part over 50.00 owes a return, 50.00 does not, overdue on day 31, not day 30") {
  Desk desk;
  REQUIRE(desk.record({"SEAL-50:2", "SEAL-51:1"}).exit_code == 0);
  RunResult r = desk.ok("zhang", {"part", "returns", "--format", "csv"});
  CHECK(contains(r.out, "SEAL-51"));
  CHECK_FALSE(contains(r.out, "SEAL-50,"));
  CHECK(contains(r.out,
                 desk.number + "," + kUnit + ",SEAL-51,密封件大,1,50.01,2026-11-27,2026-12-27"));

  r = desk.ok("zhang", {"part", "returns", "--overdue", "--format", "csv"}, "2026-12-27");
  CHECK_FALSE(contains(r.out, "SEAL-51"));
  r = desk.ok("zhang", {"part", "returns", "--overdue", "--format", "csv"}, "2026-12-28");
  CHECK(contains(r.out, "SEAL-51"));
  CHECK(contains(r.out, ",2026-12-27,1,"));  // one day late

  // The month's report reads its last day: December's 31st is 4 days after 2026-12-27.
  r = desk.ok("zhang", {"report", "returns", "--month", "2026-12", "--format", "csv"});
  CHECK(r.out ==
        "month,section,ticket,serial,part,part_name,quantity,unit_price,value,owed_since,due_on,"
        "days_late\r\n2026-12,overdue," +
            desk.number + "," + kUnit +
            ",SEAL-51,密封件大,1,50.01,50.01,2026-11-27,2026-12-27,4\r\n"
            "2026-12,total,,,,,1,,50.01,,,\r\n");
}

TEST_CASE(
    "a return comes back, QC inspects it, the warehouse books it into defective, in that order") {
  Desk desk;
  REQUIRE(desk.record({"SEAL-51:2", "HP-100:1"}).exit_code == 0);
  const std::string today = "2026-12-05";
  // Line 1 is SEAL-51, line 2 HP-100.
  RunResult r = desk.as("zhou", {"part", "inspect", "1", "--result", "fail"}, today);
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "has not come back"));
  r = desk.as("kuang", {"part", "book", "1"}, today);
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "after QC inspected"));
  r = desk.as("zhou", {"part", "return", "1", "--received", "2026-12-01"}, today);
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "warehouse"));
  r = desk.as("kuang", {"part", "return", "1", "--received", "2026-12-06"}, today);
  CHECK(r.exit_code == 1);
  r = desk.as("kuang", {"part", "return", "9", "--received", "2026-12-01"}, today);
  CHECK(r.exit_code == 3);

  r = desk.ok("kuang", {"part", "return", "1", "--received", "2026-12-01"}, today);
  CHECK(trimmed(r.out) == "RT-2026-000001");
  r = desk.as("kuang", {"part", "return", "1", "--received", "2026-12-01"}, today);
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "came back already"));
  r = desk.as("kuang", {"part", "inspect", "RT-2026-000001", "--result", "fail"}, today);
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "qc"));
  r = desk.as("zhou", {"part", "inspect", "RT-2026-000001", "--result", "bad"}, today);
  CHECK(r.exit_code == 1);
  desk.ok("zhou", {"part", "inspect", "RT-2026-000001", "--result", "fail", "--note", "柱塞磨损"},
          today);
  r = desk.ok("kuang", {"part", "book", "RT-2026-000001"}, today);
  CHECK(contains(r.err, "booked into defective"));
  r = desk.as("kuang", {"part", "book", "1"}, today);
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "booked in already"));
  r = desk.ok("zhang", {"part", "stock", "--warehouse", "defective", "--format", "csv"}, today);
  CHECK(contains(r.out, "SEAL-51,密封件大,defective,2,\r\n"));

  // The HP-100 came back as a wrong part (配件出货正确率).
  r = desk.ok("kuang", {"part", "return", "2", "--received", "2026-12-02", "--wrong"}, today);
  CHECK(trimmed(r.out) == "RT-2026-000002");
  r = desk.ok("zhang", {"part", "returns", "--format", "csv"}, today);
  CHECK(contains(r.out, "RT-2026-000002,true,"));
  CHECK(contains(r.out, "RT-2026-000001,false,fail,柱塞磨损,true"));
  for (const char* verb : {"returns", "return", "inspect", "book"}) {
    CAPTURE(verb);
    r = desk.as("zhang", {"part", verb, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Example:"));
  }
}
