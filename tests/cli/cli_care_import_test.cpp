// `aftersales import visits|surveys|training`: the field's spreadsheets of follow-up visits
// (表2), annual surveys (表9) and handover training typed through the commands' own calls: every
// bad cell named by file, line, column and field; the due visit settled; a revert removes them.
#include <doctest/doctest.h>

#include <string>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::TicketDesk;

namespace {

// The desk (today 2026-11-27) with a unit shipped on 2026-11-20: its new-unit visit is due.
class Desk : public TicketDesk {
 public:
  Desk() : TicketDesk(aftersales::testing::kDeskLeaders) {
    ok("zhang", {"unit", "add", "NEW-1", "--model", "HYS5160", "--customer", "C001", "--shipped",
                 "2026-11-20"});
  }
};

constexpr const char* kVisitHeader =
    "出厂编号,回访原因,回访日期,结构性能,外观质量,交货日期,产品价格,售后服务,改进建议和要求\r\n";

}  // namespace

TEST_CASE("visits import through visit record, settle the due visit, and revert") {
  Desk desk;
  desk.cli.write_file("visits.csv", std::string(kVisitHeader) +
                                        "NEW-1,shipment,2026-11-25,5,5,4,4,5,希望增加夜间服务\r\n");
  const std::string file = desk.cli.path("visits.csv");
  RunResult r = desk.as("ma", {"import", "visits", file});
  CHECK(r.exit_code == 4);  // [permissions] visits, as `visit record`

  r = desk.ok("zhang", {"import", "visits", file});
  INFO(describe(r));
  CHECK(contains(r.err, "1 new"));
  r = desk.ok("zhang", {"visit", "list", "--format", "csv"});
  CHECK(contains(r.out,
                 "VS-2026-000001,2026-11-25,shipment,NEW-1,C001,,5,5,4,4,5,希望增加夜间服务,"
                 "NEW-1,2026-11-30,0,true,"));
  r = desk.ok("zhang", {"visit", "due", "--kind", "shipment", "--format", "csv"});
  CHECK_FALSE(contains(r.out, "NEW-1"));

  desk.ok("zhang", {"import", "revert", "1"});
  r = desk.ok("zhang", {"visit", "list", "--format", "csv"});
  CHECK_FALSE(contains(r.out, "VS-"));
  r = desk.ok("zhang", {"visit", "due", "--kind", "shipment", "--format", "csv"});
  CHECK(contains(r.out, "NEW-1"));
  CHECK(desk.as("zhang", {"doctor"}).exit_code == 0);
}

TEST_CASE("a bad visits row names each bad cell and nothing is written") {
  Desk desk;
  desk.cli.write_file("visits.csv", std::string(kVisitHeader) +
                                        "NEW-1,shipment,2026-11-25,5,5,4,4,5,\r\n"
                                        "NOPE-9,shipment,2026-11-25,5,5,4,4,5,\r\n"
                                        "NEW-1,shipment,2026-11-25,5,7,4,,5,\r\n"
                                        "NEW-1,lunch,2030-03-10,5,5,4,4,5,\r\n"
                                        "NEW-1,shipment,,,,,,,\r\n");
  const RunResult r = desk.as("zhang", {"import", "visits", desk.cli.path("visits.csv")});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "visits.csv:3:1: field \"出厂编号\": unit NOPE-9"));
  CHECK(contains(r.err, "visits.csv:4:5: field \"外观质量\": 7 is out of range"));
  CHECK(contains(r.err, "visits.csv:4:7: field \"产品价格\": is missing"));
  CHECK(contains(r.err, "visits.csv:5:2: field \"回访原因\""));
  CHECK(contains(r.err, "visits.csv:5:3: field \"回访日期\": a visit is recorded once made"));
  CHECK(contains(r.err, "visits.csv:6:3: field \"回访日期\": is missing"));
  CHECK_FALSE(contains(desk.ok("zhang", {"visit", "list", "--format", "csv"}).out, "VS-"));
}

TEST_CASE("training records import as training record does, passes and failures in Chinese") {
  Desk desk;
  desk.cli.write_file(
      "training.csv",
      "出厂编号,培训日期,培训人,培训结果,备注\r\nNEW-1,2026-11-21,ma,不合格,操作不熟练\r\n"
      "NEW-1,2026-11-22,ma,合格,\r\n");
  RunResult r = desk.as("zhang", {"import", "training", desk.cli.path("training.csv")});
  CHECK(r.exit_code == 4);  // [permissions] training: technicians and service managers
  r = desk.ok("ma", {"import", "training", desk.cli.path("training.csv")});
  CHECK(contains(r.err, "2 new"));
  r = desk.ok("ma", {"training", "list", "--format", "csv"});
  CHECK(contains(r.out, "NEW-1,C001,2026-11-21,ma,failed,操作不熟练"));
  CHECK(contains(r.out, "NEW-1,C001,2026-11-22,ma,passed"));

  desk.cli.write_file("bad.csv",
                      "出厂编号,培训日期,培训人,培训结果\r\nNEW-1,2026-11-23,ma,maybe\r\n"
                      "2026-101,2026-05-30,ma,是\r\nNEW-1,2026-11-23,ma,\r\n");
  r = desk.as("ma", {"import", "training", desk.cli.path("bad.csv")});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "bad.csv:2:4: field \"培训结果\": cannot read \"maybe\""));
  CHECK(contains(r.err, "bad.csv:3:2: field \"培训日期\""));
  CHECK(contains(r.err, "bad.csv:4:4: field \"培训结果\": is missing"));

  desk.ok("ma", {"import", "revert", "1"});
  r = desk.ok("ma", {"training", "list", "--format", "csv"});
  CHECK_FALSE(contains(r.out, "NEW-1"));
}

TEST_CASE("surveys import once a customer and year, from the fourth quarter") {
  Desk desk;
  desk.cli.write_file("surveys.csv",
                      "客户编号,年度,调查日期,评分,改进建议和要求\r\n"
                      "C001,2026,2026-11-20,\"5,5,4,4,5\",好\r\n");
  RunResult r = desk.ok("zhang", {"import", "surveys", desk.cli.path("surveys.csv")});
  CHECK(contains(r.err, "1 new"));
  r = desk.ok("zhang", {"survey", "list", "--format", "csv"});
  CHECK(contains(r.out, "2026,C001,"));
  CHECK(contains(r.out, ",2026-11-20,false,5,5,4,4,5,好,zhang"));

  desk.cli.write_file("again.csv",
                      "客户编号,年度,调查日期,评分\r\nC001,2026,2026-11-21,\"5,5,5,5,5\"\r\n"
                      "C001,2027,2026-09-30,\"5,5,5,5,5\"\r\n");
  r = desk.as("zhang", {"import", "surveys", desk.cli.path("again.csv")});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err,
                 "again.csv:2:1: field \"客户编号\": customer C001 was surveyed for 2026 "
                 "already"));
  CHECK(contains(r.err, "again.csv:3:3: field \"调查日期\""));

  desk.ok("zhang", {"import", "revert", "1"});
  r = desk.ok("zhang", {"survey", "list", "--format", "csv"});
  CHECK_FALSE(contains(r.out, "C001"));
}
