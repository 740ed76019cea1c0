// `aftersales report monthly|kpi` on the command line: exact CSV of a small ledger, the same
// bytes twice, and a bad month refused naming it.
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

constexpr const char* kUnit = aftersales::testing::kDeskWarrantyUnit;  // in warranty

// October 2026 by hand: a warranty ticket (10-05), a paid one on 2025-001 (10-06), a warranty
// ticket cancelled (10-07), and one reported 2026-11-01 00:10 local (November's).
class Desk : public TicketDesk {
 public:
  Desk() : TicketDesk(aftersales::testing::kDeskLeaders) {
    open(kUnit, {"--reported-at", "2026-10-05T09:00:00+08:00"});
    open("2025-001", {"--reported-at", "2026-10-06T09:00:00+08:00"});
    const std::string cancelled = open(kUnit, {"--reported-at", "2026-10-07T09:00:00+08:00"});
    open(kUnit, {"--reported-at", "2026-11-01T00:10:00+08:00"});
    ok("li", {"ticket", "cancel", cancelled, "--reason", "客户自行修复"});
  }
};

}  // namespace

TEST_CASE("report monthly prints 表7 of the month as exact CSV, the same bytes twice") {
  Desk desk;
  const std::vector<std::string> args = {"report",  "monthly",  "--month",
                                         "2026-10", "--format", "csv"};
  const RunResult r = desk.ok("zhang", args);
  const std::string none = ",,,,\r\n";
  const std::string zero = ",0.00,0.00,0.00,0.00\r\n";
  CHECK(r.out ==
        "month,section,item,label,count,parts,labour,travel,cost\r\n"
        "2026-10,services,all,共处理售后服务业务,2" +
            zero + "2026-10,coverage,warranty,保修期内设备维修,1" + zero +
            "2026-10,coverage,paid,保修期外设备维修,1" + zero +
            "2026-10,coverage,free,其中免费维修,0" + zero +
            "2026-10,apart,resolved,电话指导解决,0" + none + "2026-10,apart,cancelled,已取消,1" +
            none + "2026-10,category,底盘,故障分类,0" + none +
            "2026-10,category,发动机,故障分类,0" + none + "2026-10,category,液压系统,故障分类,2" +
            none + "2026-10,category,电气系统,故障分类,0" + none +
            "2026-10,category,上装,故障分类,0" + none + "2026-10,category,水泵,故障分类,0" + none +
            "2026-10,category,消防炮,故障分类,0" + none + "2026-10,category,罐体,故障分类,0" +
            none + "2026-10,category,其他,故障分类,0" + none);
  const RunResult again = desk.ok("zhang", args);
  CHECK(again.out == r.out);
  // -o writes the same bytes to a file, its format from the extension.
  const RunResult file =
      desk.ok("zhang", {"report", "monthly", "--month", "2026-10", "-o", "monthly.csv"});
  CHECK(file.out.empty());
  CHECK(desk.cli.read_file("monthly.csv") == r.out);

  // The default month is the last full one before today (2026-11-27): October.
  const RunResult plain = desk.ok("zhang", {"report", "monthly", "--format", "csv"});
  CHECK(plain.out == r.out);
  const RunResult november =
      desk.ok("zhang", {"report", "monthly", "--month", "2026-11", "--format", "json"});
  CHECK(contains(november.out, "\"month\": \"2026-11\""));
}

TEST_CASE("report kpi prints the five KPIs with their targets, no data on an empty month") {
  Desk desk;
  const RunResult r = desk.ok("zhang", {"report", "kpi", "--month", "2026-10", "--format", "csv"});
  CHECK(contains(r.out, "month,kpi,label,num,den,rate,target,verdict\r\n"));
  CHECK(contains(r.out, "2026-10,satisfaction_rate,服务满意率,0,0,,98.00%,no data\r\n"));
  CHECK(contains(r.out, "2026-10,visit_rate,保修期内客户回访率,"));
  CHECK(contains(r.out, "2026-10,part_accuracy_rate,配件出货正确率,0,0,,98.00%,no data\r\n"));
  const RunResult again =
      desk.ok("zhang", {"report", "kpi", "--month", "2026-10", "--format", "csv"});
  CHECK(again.out == r.out);
}

TEST_CASE("a bad month is refused with exit 1 naming it") {
  Desk desk;
  for (const char* verb : {"monthly", "kpi"}) {
    const RunResult r = desk.as("zhang", {"report", verb, "--month", "2026-13"});
    INFO(describe(r));
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "2026-13"));
    CHECK(r.out.empty());
  }
}
