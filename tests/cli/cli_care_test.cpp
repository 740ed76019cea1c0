// Customer care on the command line (issue 11): the annual survey (表9), complaints and
// suggestions (客户投诉) and handover training (新车交接培训), by running the binary: what each
// prints on stdout, its message on stderr and its exit code, on both sides of each boundary.
#include <doctest/doctest.h>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using namespace aftersales::testing;

namespace {

// The desk with a second customer C002 owning unit 2026-1110, shipped 2026-11-10.
struct CareDesk : TicketDesk {
  CareDesk() : TicketDesk(kDeskLeaders) {
    ok("zhang", {"customer", "add", "C002", "--name", "大连市政"});
    ok("zhang", {"unit", "add", "2026-1110", "--model", "HYS5160", "--customer", "C002",
                 "--shipped", "2026-11-10"});
  }
};

}  // namespace

TEST_CASE("survey due lists customers with units from 1 October and not on 30 September") {
  CareDesk desk;
  RunResult r = desk.ok("zhang", {"survey", "due", "--format", "csv"}, "2026-09-30");
  CHECK(r.out ==
        "year,customer,customer_name,contact,phone,key,due_from,due_by,overdue,"
        "days_late\r\n");
  r = desk.ok("zhang", {"survey", "due", "--format", "csv"}, "2026-10-01");
  CHECK(contains(r.out,
                 "\r\n2026,C001,鞍山市环卫处,王明,0412-5551234,false,2026-10-01,"
                 "2026-12-31,false,0\r\n"));
  CHECK(contains(r.out, "\r\n2026,C002,大连市政,"));
  r = desk.ok("zhang", {"survey", "due", "--year", "2026", "--format", "csv"}, "2027-01-01");
  CHECK(contains(r.out, ",2026-10-01,2026-12-31,true,1\r\n"));
  r = desk.as("zhang", {"survey", "due", "--year", "26x"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "year"));
}

TEST_CASE("survey record prints the customer and year and a second one is refused with exit 1") {
  CareDesk desk;
  RunResult r = desk.ok("zhang", {"survey", "record", "--customer", "C001", "--year", "2026",
                                  "--scores", "5,4,4,3,5", "--suggestion", "希望增加保养培训"});
  CHECK(r.out == "C001/2026\n");
  CHECK(contains(r.err, "survey (表9) of C001 for 2026 recorded: 5,4,4,3,5"));
  r = desk.as("zhang", {"survey", "record", "--customer", "C001", "--year", "2026", "--scores",
                        "5,5,5,5,5"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "surveyed for 2026 already"));
  r = desk.ok("zhang", {"survey", "list", "--format", "json"});
  CHECK(contains(r.out, "\"structure\": 5"));
  CHECK(contains(r.out, "\"suggestion\": \"希望增加保养培训\""));
  r = desk.ok("zhang", {"survey", "due", "--format", "csv"});
  CHECK_FALSE(contains(r.out, "C001"));
  CHECK(contains(r.out, "C002"));
}

TEST_CASE("survey scores 0 and 6 are refused with exit 1 and nothing is written") {
  CareDesk desk;
  for (const char* scores : {"0,4,4,4,4", "4,4,4,4,6", "4,4,4"}) {
    INFO(scores);
    const RunResult r = desk.as(
        "zhang", {"survey", "record", "--customer", "C001", "--year", "2026", "--scores", scores});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "scores"));
    CHECK(contains(r.err, "1-5"));
  }
  CHECK(desk.ok("zhang", {"survey", "list", "--format", "csv"}).out.find("\r\n2026") ==
        std::string::npos);
  const RunResult role = desk.as(
      "ma", {"survey", "record", "--customer", "C001", "--year", "2026", "--scores", "5,5,5,5,5"});
  CHECK(role.exit_code == 4);
  CHECK(contains(role.err, "satisfaction survey (表9) needs the role clerk or sales_manager"));
  const RunResult unknown = desk.as("zhang", {"survey", "record", "--customer", "C999", "--year",
                                              "2026", "--scores", "5,5,5,5,5"});
  CHECK(unknown.exit_code == 3);
}

TEST_CASE("complaint open prints its number and it is overdue on day 8 and not on day 7") {
  CareDesk desk;
  RunResult r =
      desk.ok("zhang", {"complaint", "open", "--customer", "C001", "--category", "服务态度",
                        "--text", "维修人员迟到", "--at", "2026-11-20T09:00:00"});
  CHECK(r.out == "CP-2026-000001\n");
  CHECK(contains(r.err, "due by 2026-11-27"));
  r = desk.ok("zhang", {"complaint", "list", "--overdue", "--format", "csv"}, "2026-11-27");
  CHECK_FALSE(contains(r.out, "CP-2026-000001"));
  r = desk.ok("zhang", {"complaint", "list", "--overdue", "--format", "csv"}, "2026-11-28");
  CHECK(
      contains(r.out, "CP-2026-000001,complaint,C001,,,服务态度,2026-11-20,2026-11-27,overdue,1,"));
  r = desk.ok("zhang", {"complaint", "open", "--customer", "C002", "--category", "其他", "--text",
                        "希望提供操作视频", "--kind", "suggestion"});
  CHECK(r.out == "CP-2026-000002\n");
}

TEST_CASE("complaint close needs the customer's confirmation and a second close exits 4") {
  CareDesk desk;
  desk.ok("zhang", {"complaint", "open", "--customer", "C001", "--category", "配件", "--text",
                    "配件到货慢", "--unit", kDeskWarrantyUnit});
  RunResult r =
      desk.as("zhang", {"complaint", "close", "CP-2026-000001", "--resolution", "已补发"});
  CHECK(r.exit_code == 2);  // --confirmed-by is required
  r = desk.as("zhang", {"complaint", "close", "CP-2026-000001", "--resolution", " ",
                        "--confirmed-by", "王明"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "resolution"));
  r = desk.ok("li", {"complaint", "close", "CP-2026-000001", "--resolution", "已补发配件",
                     "--confirmed-by", "王明"});
  CHECK(r.out.empty());
  CHECK(contains(r.err, "closed, confirmed by 王明"));
  r = desk.as("zhang", {"complaint", "close", "CP-2026-000001", "--resolution", "再次",
                        "--confirmed-by", "王明"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "closed already"));
  r = desk.ok("zhang", {"complaint", "show", "CP-2026-000001", "--format", "json"});
  CHECK(contains(r.out, "\"confirmed_by\": \"王明\""));
  CHECK(contains(r.out, "\"state\": \"closed\""));
  r = desk.ok("zhang", {"complaint", "list", "--open", "--format", "csv"});
  CHECK_FALSE(contains(r.out, "CP-2026-000001"));
  r = desk.ok("zhang", {"unit", "show", kDeskWarrantyUnit, "--format", "json"});
  CHECK(contains(r.out, "\"complaints\": ["));
  CHECK(contains(r.out, "CP-2026-000001"));
  CHECK(desk.as("zhang", {"complaint", "show", "CP-2026-000009"}).exit_code == 3);
}

TEST_CASE("complaint open refuses a category not in the rulebook and another customer's unit") {
  CareDesk desk;
  RunResult r = desk.as(
      "zhang", {"complaint", "open", "--customer", "C001", "--category", "天气", "--text", "x"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "产品质量"));
  r = desk.as("zhang", {"complaint", "open", "--customer", "C001", "--category", "配件", "--text",
                        "x", "--unit", "2026-1110"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "belongs to customer C002"));
  r = desk.as("ma",
              {"complaint", "open", "--customer", "C001", "--category", "配件", "--text", "x"});
  CHECK(r.exit_code == 4);
  CHECK(desk.ok("zhang", {"complaint", "list", "--format", "csv"}).out.find("CP-") ==
        std::string::npos);
}

TEST_CASE("training record takes exactly one of passed and failed") {
  CareDesk desk;
  RunResult r =
      desk.as("ma", {"training", "record", "2026-1110", "--date", "2026-11-12", "--trainer", "ma"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--passed or --failed"));
  r = desk.as("ma", {"training", "record", "2026-1110", "--date", "2026-11-12", "--trainer", "ma",
                     "--passed", "--failed"});
  CHECK(r.exit_code == 2);
  r = desk.as("ma", {"training", "record", "2026-1110", "--date", "2026-11-09", "--trainer", "ma",
                     "--passed"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "its ship date"));
  r = desk.as("zhang", {"training", "record", "2026-1110", "--date", "2026-11-12", "--trainer",
                        "ma", "--passed"});
  CHECK(r.exit_code == 4);
  CHECK(desk.ok("ma", {"training", "list", "--format", "csv"}).out.find("2026-1110") ==
        std::string::npos);
}

TEST_CASE("a unit without a passed training is missing on day 11 and not on day 10") {
  CareDesk desk;
  RunResult r = desk.ok("ma", {"training", "list", "--missing", "--format", "csv"}, "2026-11-20");
  CHECK_FALSE(contains(r.out, "2026-1110"));
  r = desk.ok("ma", {"training", "list", "--missing", "--format", "csv"}, "2026-11-21");
  CHECK(contains(r.out, "\r\n2026-1110,C002,2026-11-10,2026-11-20,1,\r\n"));

  r = desk.ok("ma", {"training", "record", "2026-1110", "--date", "2026-11-12", "--trainer", "ma",
                     "--failed", "--note", "操作不熟练"});
  CHECK(trimmed(r.out) == "1");
  r = desk.ok("li", {"training", "record", "2026-1110", "--date", "2026-11-14", "--trainer", "ma",
                     "--passed"});
  CHECK(trimmed(r.out) == "2");
  CHECK(contains(r.err, "passed"));
  r = desk.ok("ma", {"training", "list", "--missing", "--format", "csv"});
  CHECK_FALSE(contains(r.out, "2026-1110"));
  r = desk.ok("ma", {"training", "list", "--month", "2026-11", "--format", "csv"});
  CHECK(contains(r.out, "\r\n1,2026-1110,C002,2026-11-12,ma,failed,操作不熟练,ma\r\n"));
  CHECK(contains(r.out, "\r\n2,2026-1110,C002,2026-11-14,ma,passed,,li\r\n"));
  r = desk.as("ma", {"training", "record", "2026-1110", "--date", "2026-11-15", "--trainer", "ma",
                     "--failed"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "passed its handover training already"));
  r = desk.ok("zhang", {"unit", "show", "2026-1110", "--format", "json"});
  CHECK(contains(r.out, "\"training\": ["));
  CHECK(contains(r.out, "操作不熟练"));
}

TEST_CASE("the care verbs show an example in their help and their keys in the rulebook") {
  CareDesk desk;
  for (const auto& args : std::vector<std::vector<std::string>>{{"survey", "record", "--help"},
                                                                {"survey", "due", "--help"},
                                                                {"complaint", "open", "--help"},
                                                                {"complaint", "close", "--help"},
                                                                {"training", "record", "--help"},
                                                                {"training", "list", "--help"}}) {
    const RunResult r = desk.cli.run(args);
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Example:"));
  }
  const RunResult r = desk.ok("zhang", {"config", "show"});
  CHECK(contains(r.out, "lists.complaint_categories"));
  CHECK(contains(r.out, "training.within_days"));
  CHECK(contains(r.out, "permissions.surveys"));
  CHECK(contains(r.out, "permissions.complaints"));
  CHECK(contains(r.out, "permissions.training"));
}
