// `aftersales part sell|pay|promise|sales|sale|urgent|urgents` and `purchase list|show|receive`
// on the command line (DOMAIN.md Part): each boundary of a large order both sides with its exit
// code and message (19 vs 20 pieces, 10,000.00 vs 10,000.01, deposit 19.99% vs 20.00%), credit
// (赊销) only with the GM, urgent requests (表13) and the month-end data of the sales report.
#include <doctest/doctest.h>

#include <string>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::TicketDesk;
using aftersales::testing::trimmed;

namespace {

constexpr const char* kRules = R"([identity]
source = "declared"

[users]
zhang = ["clerk"]
li    = ["service_manager"]
ma    = ["technician"]
xu    = ["sales_manager"]
zhao  = ["gm"]
qian  = ["finance"]
kuang = ["warehouse"]
he    = ["purchasing"]
)";

// A desk with parts PUMP (500.00) and BIG (1,000.00) in the catalogue.
struct SalesDesk : TicketDesk {
  SalesDesk() : TicketDesk(kRules) {
    ok("kuang", {"part", "add", "PUMP", "--name", "液压泵", "--price", "500.00"});
    ok("kuang", {"part", "add", "BIG", "--name", "底盘总成", "--price", "1000.00"});
  }

  std::string sell(std::vector<std::string> extra) const {
    std::vector<std::string> args = {"part", "sell", "--customer", "C001"};
    args.insert(args.end(), extra.begin(), extra.end());
    return trimmed(ok("zhang", args).out);
  }
};

}  // namespace

TEST_CASE("part sell: a line of 19 pieces needs no contract, 20 are refused without one") {
  SalesDesk desk;
  RunResult r = desk.ok(
      "zhang", {"part", "sell", "--customer", "C001", "--line", "PUMP:19", "--freight", "100"});
  CHECK(r.out == "PS-2026-000001\n");
  CHECK(contains(r.err, "total 9,600.00"));
  r = desk.as("zhang", {"part", "sell", "--customer", "C001", "--line", "PUMP:20", "--pickup"});
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "line PUMP × 20 (20 pieces or more)"));
  CHECK(contains(r.err, "sales contract (购销合同)"));
  r = desk.ok("zhang", {"part", "sell", "--customer", "C001", "--line", "PUMP:20", "--pickup",
                        "--contract", "HT-2026-01"});
  CHECK(r.out == "PS-2026-000002\n");
  CHECK(contains(r.err, "deposit (定金) of at least 20%"));
}

TEST_CASE("part sell: a total of 10,000.00 needs no contract, 10,000.01 is refused without one") {
  SalesDesk desk;
  RunResult r =
      desk.ok("zhang", {"part", "sell", "--customer", "C001", "--line", "BIG:10", "--pickup"});
  CHECK(contains(r.err, "total 10,000.00"));
  r = desk.as("zhang",
              {"part", "sell", "--customer", "C001", "--line", "BIG:10", "--freight", "0.01"});
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "total 10,000.01 is over 10,000.00"));
  r = desk.as("zhang", {"part", "sell", "--customer", "C001", "--line", "BIG:1"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "--pickup"));
  r = desk.as("zhang", {"part", "sell", "--customer", "C404", "--line", "BIG:1", "--pickup"});
  CHECK(r.exit_code == 3);
  r = desk.as("kuang", {"part", "sell", "--customer", "C001", "--line", "BIG:1", "--pickup"});
  CHECK(r.exit_code == 4);
}

TEST_CASE("a large order: a 19.99% deposit is refused, 20.00% raises the plan, then delivery") {
  SalesDesk desk;
  const std::string sale = desk.sell({"--line", "PUMP:20", "--pickup", "--contract", "HT-2026-01"});
  RunResult r = desk.as("qian", {"part", "pay", sale, "--amount", "1999.00"});
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "deposit (定金) 1,999.00 is 19.99% of the total 10,000.00"));
  CHECK(contains(r.err, "at least 20% (2,000.00)"));
  r = desk.as("zhang", {"part", "pay", sale, "--amount", "2000.00"});
  CHECK(r.exit_code == 4);  // payments are finance's
  r = desk.ok("qian", {"part", "pay", sale, "--amount", "2,000.00"});
  CHECK(contains(r.err, "purchase plan PU-2026-000001 raised"));

  r = desk.ok("he", {"purchase", "list", "--open", "--format", "csv"});
  CHECK(contains(r.out, "PU-2026-000001," + sale + ",pending,PUMP × 20"));
  r = desk.as("he", {"purchase", "receive", "PU-2026-000001"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "waits for its approval"));
  const std::string plan_approval = desk.pending_approval("PU-2026-000001");
  REQUIRE_FALSE(plan_approval.empty());
  r = desk.ok("he", {"purchase", "show", "PU-2026-000001", "--format", "json"});
  CHECK(contains(r.out, "\"form\": \"采购计划\""));
  CHECK(contains(r.out, "\"role\": \"sales_manager\""));
  desk.ok("xu", {"approval", "approve", plan_approval});
  r = desk.as("kuang", {"purchase", "receive", "PU-2026-000001"});
  CHECK(r.exit_code == 4);  // purchasing receives
  r = desk.ok("he", {"purchase", "receive", "PU-2026-000001"});
  CHECK(contains(r.err, "received into main"));
  r = desk.ok("zhang", {"part", "stock", "--format", "csv"});
  CHECK(contains(r.out, "PUMP,液压泵,main,20,"));
  r = desk.ok("zhang", {"purchase", "show", "PU-2026-000001", "--format", "json"});
  CHECK(contains(r.out, "\"state\": \"received\""));

  r = desk.ok("zhang", {"part", "sale", sale, "--format", "json"});
  CHECK(contains(r.out, "\"ready_to_ship\": false"));
  CHECK(contains(r.out, "8,000.00 owed"));
  desk.ok("qian", {"part", "pay", sale, "--amount", "8000"});
  r = desk.ok("zhang", {"part", "sale", sale, "--format", "json"});
  CHECK(contains(r.out, "\"ready_to_ship\": true"));
  CHECK(contains(r.out, "\"stage\": \"ready\""));

  // Paid in full, it is ready to leave: its gate pass (出门证) of 10,000.00 is raised for the GM
  // and finance, and nothing ships before both signed.
  r = desk.ok("zhang", {"gatepass", "list", "--pending", "--format", "csv"});
  CHECK(contains(r.out, sale));
  r = desk.as("kuang", {"part", "ship", sale});
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "for 10,000.00 needs approval from gm, finance"));
  const std::string pass = desk.pending_approval("GP-2026-000001");  // its subject: the pass
  REQUIRE_FALSE(pass.empty());
  desk.ok("zhao", {"approval", "approve", pass});
  desk.ok("qian", {"approval", "approve", pass});
  r = desk.ok("kuang", {"part", "ship", sale});
  CHECK(contains(r.err, "sale " + sale + " shipped: 1 line(s)"));
  r = desk.ok("zhang", {"part", "stock", "--format", "csv"});
  CHECK(contains(r.out, "PUMP,液压泵,main,0,"));
  CHECK(desk.as("kuang", {"part", "ship", sale}).exit_code == 4);  // once
}

TEST_CASE("credit (赊销) without the GM is refused: only gm signs it, and the sale cannot leave") {
  SalesDesk desk;
  const std::string sale = desk.sell(
      {"--line", "PUMP:2", "--freight", "50", "--credit", "--guarantee", "销售员王五担保"});
  RunResult r = desk.ok("zhang", {"part", "sale", sale, "--format", "json"});
  CHECK(contains(r.out, "\"ready_to_ship\": false"));
  CHECK(contains(r.out, "the GM's credit approval (赊销)"));
  const std::string credit = desk.pending_approval(sale);
  REQUIRE_FALSE(credit.empty());
  r = desk.as("xu", {"approval", "approve", credit});
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "must be signed by gm"));
  r = desk.ok("zhang", {"part", "sales", "--arrears", "--format", "csv"});
  CHECK(!contains(r.out, sale));  // nothing left yet: no arrears

  desk.ok("zhao", {"approval", "approve", credit});
  r = desk.ok("zhang", {"part", "sale", sale, "--format", "json"});
  CHECK(contains(r.out, "\"ready_to_ship\": true"));
  desk.ok("qian", {"part", "pay", sale, "--amount", "50"});
  desk.ok("zhang", {"part", "promise", sale, "--date", "2026-12-20"});
  r = desk.ok("zhang", {"part", "sales", "--arrears", "--format", "csv"});
  CHECK(contains(r.out, sale + ",2026-11-27,C001,鞍山市环卫处,2,1050.00,50.00,1000.00,1000.00,"
                               "2026-12-20,ready,false,true"));
}

TEST_CASE("part sales --month: the report's data, on time to the 24th and late on the 25th") {
  SalesDesk desk;
  const std::string sale = desk.sell({"--line", "PUMP:2", "--freight", "50", "--credit"});
  desk.sell({"--line", "BIG:1", "--pickup"});
  desk.ok("zhao", {"approval", "approve", desk.pending_approval(sale)});
  desk.ok("qian", {"part", "pay", sale, "--amount", "300"});
  RunResult r =
      desk.ok("zhang", {"part", "sales", "--month", "2026-11", "--format", "json"}, "2026-12-24");
  CHECK(contains(r.out, "\"sales_amount\": \"2050.00\""));
  CHECK(contains(r.out, "\"quantity\": 3"));
  CHECK(contains(r.out, "\"arrears\": \"750.00\""));
  CHECK(contains(r.out, "\"debtors\": \"C001\""));
  CHECK(contains(r.out, "\"due_last_day\": \"2026-12-24\""));
  CHECK(contains(r.out, "\"late\": false"));
  r = desk.ok("zhang", {"part", "sales", "--month", "2026-11", "--format", "json"}, "2026-12-25");
  CHECK(contains(r.out, "\"late\": true"));
  r = desk.as("zhang", {"part", "sales", "--month", "11/2026"});
  CHECK(r.exit_code == 1);
}

// By hand: sale 1 is PUMP x2 at 500.00 + 50.00 freight = 1,050.00 on the GM's credit, 300.00
// paid, so 750.00 owed; sale 2 is BIG x1 = 1,000.00, neither shipped nor on credit, so no debt.
// The month sold 3 pieces for 2,050.00; the report is due by 2026-12-24.
TEST_CASE("report parts-sales and report arrears print the month's sales and debts as CSV") {
  SalesDesk desk;
  const std::string sale = desk.sell({"--line", "PUMP:2", "--freight", "50", "--credit"});
  const std::string other = desk.sell({"--line", "BIG:1", "--pickup"});
  desk.ok("zhao", {"approval", "approve", desk.pending_approval(sale)});
  desk.ok("qian", {"part", "pay", sale, "--amount", "300"});
  RunResult r = desk.ok("zhang", {"report", "parts-sales", "--month", "2026-11", "--format", "csv"},
                        "2026-12-24");
  CHECK(r.out ==
        "month,section,number,sold_on,customer,customer_name,quantity,amount,arrears,due_on,"
        "late\r\n"
        "2026-11,sale," +
            sale +
            ",2026-11-27,C001,鞍山市环卫处,2,1050.00,,,\r\n"
            "2026-11,sale," +
            other +
            ",2026-11-27,C001,鞍山市环卫处,1,1000.00,,,\r\n"
            "2026-11,total,,,,,3,2050.00,750.00,2026-12-24,false\r\n");
  r = desk.ok("zhang", {"report", "arrears", "--month", "2026-11", "--format", "csv"});
  CHECK(r.out ==
        "month,section,number,sold_on,customer,customer_name,amount,paid,arrears,promised_on\r\n"
        "2026-11,debt," +
            sale +
            ",2026-11-27,C001,鞍山市环卫处,1050.00,300.00,750.00,\r\n"
            "2026-11,total,,,,,1050.00,300.00,750.00,\r\n");
  // October had neither: the total rows alone.
  r = desk.ok("zhang", {"report", "arrears", "--month", "2026-10", "--format", "csv"});
  CHECK(contains(r.out, "\r\n2026-10,total,,,,,0.00,0.00,0.00,\r\n"));
  r = desk.as("zhang", {"report", "arrears", "--month", "2026-13"});
  CHECK(r.exit_code == 1);
}

TEST_CASE("part urgent: the leader approves, it becomes a plan, receiving it settles it") {
  SalesDesk desk;
  const std::string ticket = desk.open(aftersales::testing::kDeskWarrantyUnit);
  RunResult r = desk.as("kuang", {"part", "urgent", "--ticket", ticket, "--desc", "PUMP", "--qty",
                                  "1", "--reason", "停机待修"});
  CHECK(r.exit_code == 4);
  r = desk.ok("zhang", {"part", "urgent", "--ticket", ticket, "--desc", "PUMP", "--qty", "1",
                        "--reason", "停机待修"});
  CHECK(r.out == "UR-2026-000001\n");
  desk.ok("xu", {"approval", "approve", desk.pending_approval("UR-2026-000001")});
  r = desk.ok("zhang", {"part", "urgents", "--format", "csv"});
  CHECK(contains(r.out,
                 "UR-2026-000001," + ticket + ",PUMP,PUMP,1,停机待修,approved,PU-2026-000001"));
  r = desk.as("zhang", {"ticket", "pause", ticket});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--urgent UR-"));
  r = desk.ok("zhang", {"ticket", "pause", ticket, "--urgent", "UR-2026-000001"});
  r = desk.ok("zhang", {"ticket", "show", ticket});
  CHECK(contains(r.out, "waiting for urgent part request UR-2026-000001 (表13): PUMP × 1"));
  r = desk.ok("he", {"purchase", "receive", "PU-2026-000001"});
  CHECK(contains(r.err, "ticket " + ticket + " is paused waiting for it"));
  r = desk.ok("zhang", {"part", "urgents", "--format", "csv"});
  CHECK(contains(r.out, "UR-2026-000001," + ticket + ",PUMP,PUMP,1,停机待修,received,"));
  r = desk.ok("zhang", {"part", "urgents", "--open", "--format", "csv"});
  CHECK(!contains(r.out, "UR-2026-000001"));
  r = desk.as("zhang", {"part", "urgent", "--ticket", "SR-2026-999999", "--desc", "PUMP", "--qty",
                        "1", "--reason", "x"});
  CHECK(r.exit_code == 3);
}

TEST_CASE("the sales and purchase verbs each have an example") {
  SalesDesk desk;
  for (const char* verb : {"sell", "pay", "promise", "sales", "sale", "urgent", "urgents"}) {
    CAPTURE(verb);
    const RunResult r = desk.as("zhang", {"part", verb, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Example:"));
  }
  for (const char* verb : {"list", "show", "receive"}) {
    CAPTURE(verb);
    const RunResult r = desk.as("zhang", {"purchase", verb, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Example:"));
  }
}
