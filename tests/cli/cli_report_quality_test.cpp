// `aftersales report quality|visits|satisfaction` on the command line (表8, 表2/表10): exact CSV
// of a small ledger with English labels (report.language = "en"), the same bytes twice, the
// Chinese labels by default, and a bad month refused naming it.
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

constexpr const char* kEnglishDesk = R"([identity]
source = "declared"

[users]
zhang = ["clerk"]
li = ["service_manager"]
ma = ["technician"]
sun = ["tech_dept"]

[report]
language = "en"
)";

// October 2026 by hand (today 2026-11-27; [report] new_unit_months = 3, the default):
//   unit 2026-715 shipped 07-15 is new through 10-14 (warranty_end(07-15, 3));
//   A on 2026-715, 10-14, quality defect confirmed by sun        -> new unit, confirmed
//   B on 2026-715, 10-15 (exactly 3 months on), defect awaiting -> in service, awaiting
//   C on 2025-001, 10-06, no quality claim                      -> not a quality problem
//   2026-925 shipped 09-25 (visit due by 10-05), visited 10-05 with 5,4,3,5,5: on time
//   2026-926 shipped 09-26 (visit due by 10-06), visited 10-07 with 4,4,4,4,2: late
//   The other units' new-unit visits were due in 2025 and in June and July 2026.
class Desk : public TicketDesk {
 public:
  Desk() : TicketDesk(kEnglishDesk) {
    add_unit("2026-715", "2026-07-15");
    add_unit("2026-925", "2026-09-25");
    add_unit("2026-926", "2026-09-26");
    const std::string a = quality_defect(open("2026-715", {"--reported-at", "2026-10-14T10:00"}));
    ok("sun", {"approval", "approve", pending_approval(a)});
    quality_defect(open("2026-715", {"--reported-at", "2026-10-15T10:00"}));
    open("2025-001", {"--reported-at", "2026-10-06T10:00"});
    visit("2026-925", "2026-10-05T10:00", "5,4,3,5,5");
    visit("2026-926", "2026-10-07T10:00", "4,4,4,4,2");
  }

  void add_unit(const std::string& serial, const std::string& shipped) const {
    ok("zhang",
       {"unit", "add", serial, "--model", "HYS5160", "--customer", "C001", "--shipped", shipped});
  }

  std::string quality_defect(const std::string& number) const {
    ok("li", {"ticket", "assign", number, "--to", "ma"});
    ok("ma", {"ticket", "analyse", number, "--text", "液压泵壳体砂眼", "--quality-defect"});
    return number;
  }

  void visit(const std::string& unit, const std::string& at, const std::string& scores) const {
    ok("zhang",
       {"visit", "record", "--unit", unit, "--reason", "shipment", "--scores", scores, "--at", at});
  }
};

std::vector<std::string> csv(const char* verb) {
  return {"report", verb, "--month", "2026-10", "--format", "csv"};
}

}  // namespace

TEST_CASE("report quality prints 表8 of the month as exact CSV with English labels") {
  Desk desk;
  const RunResult r = desk.ok("zhang", csv("quality"));
  const std::string zero = ",0,0,0,\r\n";
  CHECK(r.out ==
        "month,section,item,label,problems,new_units,in_service,quantity\r\n"
        "2026-10,total,all,quality problems,2,1,1,\r\n"
        "2026-10,total,confirmed,of which confirmed,1,,,\r\n"
        "2026-10,total,awaiting,of which awaiting confirmation,1,,,\r\n"
        "2026-10,model,HYS5160,洗扫车,2,1,1,\r\n"
        "2026-10,category,底盘,fault category" +
            zero + "2026-10,category,发动机,fault category" + zero +
            "2026-10,category,液压系统,fault category,2,1,1,\r\n"
            "2026-10,category,电气系统,fault category" +
            zero + "2026-10,category,上装,fault category" + zero +
            "2026-10,category,水泵,fault category" + zero +
            "2026-10,category,消防炮,fault category" + zero +
            "2026-10,category,罐体,fault category" + zero + "2026-10,category,其他,fault category" +
            zero);
  CHECK(desk.ok("zhang", csv("quality")).out == r.out);
  // The human table's titles are English too and name the rulebook's months.
  const RunResult table = desk.ok("zhang", {"report", "quality", "--month", "2026-10"});
  CHECK(contains(table.out, "new units (first 3 months)"));
  CHECK(contains(table.out, "units in service"));
}

TEST_CASE("report visits prints due, done, on time and made as exact CSV") {
  Desk desk;
  const RunResult r = desk.ok("zhang", csv("visits"));
  // Due in October: 2026-925 (done on its last day) and 2026-926 (done the day after).
  CHECK(r.out ==
        "month,section,item,label,count,num,den,rate,target\r\n"
        "2026-10,due,due,visits due,2,,,,\r\n"
        "2026-10,due,done,done,2,2,2,100.00%,\r\n"
        "2026-10,due,on_time,done on time,1,1,2,50.00%,\r\n"
        "2026-10,due,late,done late,1,,,,\r\n"
        "2026-10,due,not_done,not done,0,,,,\r\n"
        "2026-10,made,visits,visits made,2,,,,\r\n"
        "2026-10,made,new_unit,new-unit visits,2,,,,\r\n"
        "2026-10,made,repair,after-sales visits,0,,,,\r\n"
        "2026-10,made,forms,forms filled in,2,,,,\r\n"
        "2026-10,kpi,warranty_visit_rate,visit rate in warranty,,2,2,100.00%,100.00%\r\n");
  CHECK(desk.ok("zhang", csv("visits")).out == r.out);
}

TEST_CASE("report satisfaction prints 表10's rates and counts as exact CSV") {
  Desk desk;
  const RunResult r = desk.ok("zhang", csv("satisfaction"));
  // Forms 5,4,3,5,5 and 4,4,4,4,2, satisfied at 4 or more: structure 2/2, appearance 2/2,
  // delivery 1/2, price 2/2, service 1/2; overall 8/10 = 80.00% against 98.00%. No survey.
  // 表10 分析: B on a unit in service, A on a new unit.
  const std::string no_rate = ",,0,0,,\r\n";
  CHECK(r.out ==
        "month,section,item,label,count,num,den,rate,target\r\n"
        "2026-10,visit,forms,visit forms filled in (表2),2,,,,\r\n"
        "2026-10,visit,structure,structure and performance,,2,2,100.00%,\r\n"
        "2026-10,visit,appearance,appearance quality,,2,2,100.00%,\r\n"
        "2026-10,visit,delivery,delivery date,,1,2,50.00%,\r\n"
        "2026-10,visit,price,price,,2,2,100.00%,\r\n"
        "2026-10,visit,service,after-sales service,,1,2,50.00%,\r\n"
        "2026-10,visit,overall,satisfaction rate,,8,10,80.00%,98.00%\r\n"
        "2026-10,survey,forms,survey forms filled in (表9),0,,,,\r\n"
        "2026-10,survey,structure,structure and performance" +
            no_rate + "2026-10,survey,appearance,appearance quality" + no_rate +
            "2026-10,survey,delivery,delivery date" + no_rate + "2026-10,survey,price,price" +
            no_rate + "2026-10,survey,service,after-sales service" + no_rate +
            "2026-10,survey,overall,satisfaction rate,,0,0,,98.00%\r\n"
            "2026-10,note,forms,forms filled in,2,,,,\r\n"
            "2026-10,note,repair_visits,after-sales visits,0,,,,\r\n"
            "2026-10,note,new_unit_visits,new-unit visits,2,,,,\r\n"
            "2026-10,analysis,repaired,problems of units in service,1,,,,\r\n"
            "2026-10,analysis,new_units,problems of new units,1,,,,\r\n"
            "2026-10,complaint,opened,complaints opened,0,,,,\r\n"
            "2026-10,complaint,closed,complaints closed,0,,,,\r\n"
            "2026-10,complaint,closed_on_time,closed by the deadline,0,0,0,,\r\n"
            "2026-10,complaint,overdue,overdue,0,,,,\r\n"
            "2026-10,complaint,suggestions,suggestions,0,,,,\r\n");
  CHECK(desk.ok("zhang", csv("satisfaction")).out == r.out);
  const RunResult json =
      desk.ok("zhang", {"report", "satisfaction", "--month", "2026-10", "--format", "json"});
  CHECK(contains(json.out, "\"rate\": \"80.00%\""));
  CHECK(contains(json.out, "\"rate_bp\": 8000"));
}

TEST_CASE("the new reports speak Chinese by default") {
  TicketDesk desk(aftersales::testing::kDeskLeaders);
  CHECK(
      contains(desk.ok("zhang", csv("quality")).out, "2026-10,total,all,产品质量问题,0,0,0,\r\n"));
  CHECK(contains(desk.ok("zhang", csv("visits")).out, "2026-10,due,due,应回访,0,,,,\r\n"));
  CHECK(contains(desk.ok("zhang", csv("satisfaction")).out,
                 "2026-10,visit,overall,服务满意率,,0,0,,98.00%\r\n"));
}

TEST_CASE("report quality, visits and satisfaction refuse a bad month with exit 1 naming it") {
  TicketDesk desk(aftersales::testing::kDeskLeaders);
  for (const char* verb : {"quality", "visits", "satisfaction"}) {
    for (const char* bad : {"2026-13", "2026/10"}) {
      const RunResult r = desk.as("zhang", {"report", verb, "--month", bad});
      INFO(describe(r));
      CHECK(r.exit_code == 1);
      CHECK(contains(r.err, bad));
      CHECK(r.out.empty());
    }
  }
}
