// Warranty issues (表11), gate passes (出门证) and shipping on the command line (DOMAIN.md Part):
// each refusal exits 4 naming its rule, on both sides of its boundary.
#include <doctest/doctest.h>

#include <string>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;

namespace {

constexpr const char* kRules = R"([identity]
source = "declared"

[users]
zhang = ["clerk"]
li = ["service_manager"]
xu = ["sales_manager"]
wang = ["deputy_gm"]
zhao = ["gm"]
qian = ["finance"]
sun = ["tech_dept"]
ma = ["technician"]
kuang = ["warehouse"]
)";

class Desk : public aftersales::testing::TicketDesk {
 public:
  Desk() : TicketDesk(kRules) {
    ok("kuang", {"part", "add", "HP-100", "--name", "液压泵", "--price", "300.00", "--major"});
    ok("kuang", {"part", "add", "S-1", "--name", "密封件", "--price", "50.00"});
    ok("kuang", {"part", "add", "P-501", "--name", "阀组", "--price", "500.01"});
    ok("kuang", {"part", "receive", "HP-100", "--qty", "2"});
    ok("kuang", {"part", "receive", "S-1", "--qty", "10"});
    ok("kuang", {"part", "receive", "P-501", "--qty", "1"});
  }

  // A warranty ticket analysed as a quality defect (the analysis's claim).
  std::string quality_ticket() const {
    const std::string number = open(aftersales::testing::kDeskWarrantyUnit);
    ok("zhang", {"ticket", "analyse", number, "--text", "液压泵壳体砂眼", "--quality-defect"});
    return number;
  }

  RunResult request(const std::string& ticket, const std::vector<std::string>& lines) const {
    std::vector<std::string> args = {"part", "request", "--ticket", ticket};
    for (const std::string& line : lines) {
      args.push_back("--line");
      args.push_back(line);
    }
    return as("zhang", args);
  }

  // Signs every step of the pending approval on `subject` with the users of kRules.
  void approve(const std::string& subject, const std::vector<std::string>& signers) const {
    const std::string id = pending_approval(subject);
    REQUIRE_FALSE(id.empty());
    for (const std::string& user : signers) ok(user, {"approval", "approve", id});
  }

  // The GP- number of the gate pass of request `pi`.
  std::string gate_pass_of(const std::string& pi) const {
    const RunResult r = ok("zhang", {"gatepass", "list", "--format", "csv"});
    const std::size_t at = r.out.find(pi);
    REQUIRE(at != std::string::npos);
    const std::size_t line = r.out.rfind('\n', at) + 1;
    return r.out.substr(line, r.out.find(',', line) - line);
  }
};

}  // namespace

TEST_CASE("part request refuses a ticket that is not a quality problem and files one that is") {
  Desk desk;
  const std::string plain = desk.open(aftersales::testing::kDeskWarrantyUnit);
  desk.ok("zhang", {"ticket", "analyse", plain, "--text", "操作不当"});
  RunResult r = desk.request(plain, {"HP-100:1"});
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err,
                 "refused: a warranty issue (表11) needs a ticket whose fault is a quality "
                 "problem (确属产品质量问题); " +
                     plain + " is not analysed as a quality defect"));

  const std::string ticket = desk.quality_ticket();
  r = desk.request(ticket, {"HP-100:1", "S-1:2"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "PI-2026-000001\n");
  CHECK(contains(r.err, "value 400.00, waiting for sales_manager → deputy_gm → gm"));
  r = desk.ok("zhang", {"approval", "list", "--pending", "--format", "csv"});
  CHECK(contains(r.out, ",表11,PI-2026-000001,1/3,sales_manager,zhang,pending,"));
  r = desk.ok("zhang", {"part", "requests", "--ticket", ticket, "--format", "csv"});
  CHECK(contains(r.out, "PI-2026-000001," + ticket +
                            ",requested,main,HP-100×1@300.00 S-1×2@50.00,400.00,,zhang,"));
  r = desk.as("kuang", {"part", "request", "--ticket", ticket, "--line", "S-1:1"});
  CHECK(r.exit_code == 4);
  r = desk.request(ticket, {"S-1:x"});
  CHECK(r.exit_code == 1);
  r = desk.request("SR-2026-999999", {"S-1:1"});
  CHECK(r.exit_code == 3);
}

TEST_CASE("part request waits for 表5 at a warranty cost of 1000.01, not at 1000.00") {
  Desk desk;
  const std::string at_limit = desk.quality_ticket();
  desk.ok("zhang", {"ticket", "estimate", at_limit, "--parts", "1000.00", "--labour-hours", "0",
                    "--travel", "0"});
  CHECK(desk.request(at_limit, {"S-1:1"}).exit_code == 0);

  const std::string over = desk.quality_ticket();
  desk.ok("zhang", {"ticket", "estimate", over, "--parts", "1000.01", "--labour-hours", "0",
                    "--travel", "0"});
  RunResult r = desk.request(over, {"S-1:1"});
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "refused: " + over +
                            "'s warranty cost 1,000.01 is over 1,000.00 and its budget approval "
                            "(表5) from sales_manager, deputy_gm, gm comes before a warranty issue "
                            "(表11); 0 of 3 given"));
  desk.approve(over, {"sun"});  // the quality defect confirmed; then the budget (表5)
  desk.approve(over, {"xu", "wang", "zhao"});
  CHECK(desk.request(over, {"S-1:1"}).exit_code == 0);
}

TEST_CASE("a gate pass of 500.00 goes to the deputy GM, of 500.01 to the GM then finance") {
  Desk desk;
  const std::string ticket = desk.quality_ticket();
  CHECK(desk.request(ticket, {"S-1:10"}).out == "PI-2026-000001\n");
  CHECK(desk.request(ticket, {"P-501:1"}).out == "PI-2026-000002\n");
  RunResult r = desk.ok("zhang", {"gatepass", "list"});
  CHECK(r.out.find("GP-") == std::string::npos);  // raised once the 表11 is approved
  desk.approve("PI-2026-000001", {"xu", "wang", "zhao"});
  desk.approve("PI-2026-000002", {"xu", "wang", "zhao"});

  r = desk.ok("zhang", {"gatepass", "list", "--pending", "--format", "csv"});
  INFO(describe(r));
  CHECK(contains(r.out,
                 "GP-2026-000001,part_issue,PI-2026-000001,500.00,deputy_gm,pending,"
                 "deputy_gm,"));
  CHECK(
      contains(r.out, "GP-2026-000002,part_issue,PI-2026-000002,500.01,gm → finance,pending,gm,"));
  r = desk.ok("zhang", {"approval", "list", "--pending", "--format", "csv"});
  CHECK(contains(r.out, ",出门证,GP-2026-000002,1/2,gm,zhang,pending,"));

  desk.approve("GP-2026-000002", {"zhao", "qian"});
  r = desk.ok("zhang", {"gatepass", "list", "--pending", "--format", "csv"});
  CHECK_FALSE(contains(r.out, "GP-2026-000002"));
  r = desk.ok("zhang", {"gatepass", "show", "GP-2026-000002", "--format", "json"});
  CHECK(contains(r.out, "\"state\": \"approved\""));
  CHECK(contains(r.out, "\"value\": \"500.01\""));
  r = desk.as("zhang", {"gatepass", "show", "GP-2026-000099"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "gate pass GP-2026-000099 does not exist"));
}

TEST_CASE("part ship waits for the 表11 approval and its gate pass, ships once, within stock") {
  Desk desk;
  const std::string ticket = desk.quality_ticket();
  desk.request(ticket, {"HP-100:1", "S-1:4"});  // 500.00
  desk.request(ticket, {"HP-100:2"});           // more than will be left
  RunResult r = desk.as("kuang", {"part", "ship", "PI-2026-000001"});
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err,
                 "warranty issue approval (表11) needs sales_manager, deputy_gm, gm; 0 of "
                 "3 given"));
  CHECK(contains(r.err, "has no gate pass (出门证) yet"));

  desk.approve("PI-2026-000001", {"xu", "wang", "zhao"});
  const std::string pass = desk.gate_pass_of("PI-2026-000001");
  r = desk.as("kuang", {"part", "ship", "PI-2026-000001"});
  CHECK(r.exit_code == 4);
  CHECK_FALSE(contains(r.err, "(表11) needs"));
  CHECK(contains(r.err, "gate pass (出门证) " + pass +
                            " for 500.00 needs approval from "
                            "deputy_gm; 0 of 1 given"));

  desk.approve(pass, {"wang"});
  r = desk.as("zhang", {"part", "ship", "PI-2026-000001"});
  CHECK(r.exit_code == 4);  // the warehouse ships
  r = desk.as("kuang", {"part", "ship", "PI-2026-000001", "--freight", "120"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "PI-2026-000001 (表11) shipped from main: 2 line(s), freight 120.00"));
  r = desk.as("kuang", {"part", "ship", "PI-2026-000001"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "PI-2026-000001 (表11) shipped already, by kuang"));
  r = desk.ok("zhang", {"part", "stock", "--format", "csv"});
  CHECK(contains(r.out, "HP-100,液压泵,main,1,"));
  CHECK(contains(r.out, "S-1,密封件,main,6,"));
  r = desk.ok("zhang", {"part", "show", "S-1", "--format", "json"});
  CHECK(contains(r.out, "\"reference\": \"表11 PI-2026-000001\""));
  r = desk.ok("zhang", {"part", "requests", "--format", "csv"});
  CHECK(contains(r.out, "PI-2026-000001," + ticket + ",shipped,main,"));
  CHECK(contains(r.out, ",500.00,120.00,zhang,"));
  r = desk.ok("zhang", {"ticket", "show", ticket, "--format", "json"});
  CHECK(contains(r.out, "\"part_requests\": ["));
  CHECK(contains(r.out, "\"number\": \"PI-2026-000001\""));
  CHECK(contains(r.out, "\"urgent_requests\": []"));

  desk.approve("PI-2026-000002", {"xu", "wang", "zhao"});
  desk.approve(desk.gate_pass_of("PI-2026-000002"), {"zhao", "qian"});
  r = desk.as("kuang", {"part", "ship", "PI-2026-000002"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "part HP-100 (液压泵) in warehouse main: 1 on hand, 2 asked"));
  desk.ok("kuang", {"part", "receive", "HP-100", "--qty", "1"});
  desk.ok("kuang", {"part", "ship", "PI-2026-000002"});
  r = desk.ok("zhang", {"part", "stock", "--format", "csv"});
  CHECK(contains(r.out, "HP-100,液压泵,main,0,"));
}

TEST_CASE(
    "the freight of a shipped 表11 request is an actual cost of its ticket (运费由我公司承担)") {
  Desk desk;
  const std::string ticket = desk.quality_ticket();
  desk.request(ticket, {"S-1:2"});
  desk.approve("PI-2026-000001", {"xu", "wang", "zhao"});
  desk.approve(desk.gate_pass_of("PI-2026-000001"), {"wang"});
  desk.ok("kuang", {"part", "ship", "PI-2026-000001", "--freight", "80"});
  desk.ok("ma", {"ticket", "start", ticket});
  desk.ok("ma",
          {"ticket", "record", ticket, "--arrived", "2026-11-28T09:00", "--finished",
           "2026-11-28T11:00", "--work", "更换密封件", "--signed-by", "王明", "--sealed",
           "--technician", "ma"},
          "2026-11-28");
  const RunResult r = desk.ok("zhang", {"ticket", "show", ticket, "--format", "json"});
  CHECK(contains(r.out, "\"description\": \"freight 运费 (表11 PI-2026-000001)\""));
  CHECK(contains(r.out, "\"actual_warranty_total\": \"80.00\""));
}

TEST_CASE("a rejected gate pass is asked again, by whoever may ask, and the part then ships") {
  Desk desk;
  const std::string ticket = desk.quality_ticket();
  desk.request(ticket, {"HP-100:1"});
  desk.approve("PI-2026-000001", {"xu", "wang", "zhao"});
  const std::string pass = desk.gate_pass_of("PI-2026-000001");
  RunResult r = desk.as("kuang", {"gatepass", "resubmit", pass});
  CHECK(r.exit_code == 4);  // pending: nothing to ask again
  CHECK(contains(r.err, "is not rejected"));

  desk.ok("wang", {"approval", "reject", desk.pending_approval(pass), "--reason", "数量不符"});
  r = desk.as("kuang", {"part", "ship", "PI-2026-000001"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "rejected"));
  r = desk.as("qian", {"gatepass", "resubmit", pass});
  CHECK(r.exit_code == 4);  // finance does not ask for shipments
  r = desk.ok("kuang", {"gatepass", "resubmit", pass});
  CHECK(contains(r.err, "gate pass " + pass + ": approval"));
  CHECK(contains(r.err, "asked of deputy_gm"));
  desk.approve(pass, {"wang"});
  desk.ok("kuang", {"part", "ship", "PI-2026-000001"});
}
