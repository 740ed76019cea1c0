// Costs and the approvals they carry, on the command line (issue 9, holes 4, 6 and 7): an
// unchanged estimate voids nothing and a changed one names what it voided; a free repair
// outside warranty is of a costed amount and shows as free; tickets go only to service roles.
#include <doctest/doctest.h>

#include <sstream>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::trimmed;

namespace {

constexpr const char* kConfig = aftersales::testing::kDeskLeaders;

// In warranty on 2026-11-27 (shipped 2026-06-01); cli_support's 2025-001 is out of warranty.
constexpr const char* kWarrantyUnit = aftersales::testing::kDeskWarrantyUnit;
constexpr const char* kPaidUnit = "2025-001";

// The desk of ticket_desk.h with the users of kConfig.
class Desk : public aftersales::testing::TicketDesk {
 public:
  Desk() : TicketDesk(kConfig) {}

  // Opens and analyses a ticket as the clerk; returns its number.
  std::string analysed(const std::string& unit) const {
    const std::string number = open(unit);
    ok("zhang", {"ticket", "analyse", number, "--text", "密封件老化"});
    return number;
  }

  RunResult estimate(const std::string& user, const std::string& number, const std::string& parts,
                     const std::string& hours = "0", const std::string& travel = "0") const {
    return as(user, {"ticket", "estimate", number, "--parts", parts, "--labour-hours", hours,
                     "--travel", travel});
  }
};

}  // namespace

// ---- Hole 6: only a change of the costs voids, and the command says what ----------------

TEST_CASE("an identical estimate keeps the 表5 signatures, a fen more voids them, named") {
  Desk desk;
  const std::string number = desk.analysed(kWarrantyUnit);
  desk.ok("zhang", {"ticket", "estimate", number, "--parts", "1200", "--labour-hours", "0",
                    "--travel", "0"});
  const std::string budget = desk.pending_approval(number);
  REQUIRE_FALSE(budget.empty());
  desk.ok("xu", {"approval", "approve", budget});

  const RunResult same = desk.estimate("zhang", number, "1200");
  INFO(describe(same));
  CHECK(same.exit_code == 0);
  CHECK_FALSE(contains(same.err, "voided"));
  CHECK(desk.pending_approval(number) == budget);

  const RunResult changed = desk.estimate("zhang", number, "1200.01");
  INFO(describe(changed));
  CHECK(changed.exit_code == 0);
  CHECK(contains(changed.err,
                 number + ": voided 表5 approval " + budget + " (pending, 1 of 3 signatures)"));
  const std::string again = desk.pending_approval(number);
  CHECK_FALSE(again.empty());
  CHECK(again != budget);
}

TEST_CASE("a contract number added to unchanged quote lines voids nothing") {
  Desk desk;
  const std::string number = desk.analysed(kPaidUnit);
  const std::vector<std::string> quote = {
      "ticket", "quote", number, "--line", "part;液压泵;1;800", "--line", "work;更换;2;100"};
  desk.ok("zhang", quote);
  const std::string paid = desk.pending_approval(number);
  REQUIRE_FALSE(paid.empty());

  std::vector<std::string> with_contract = quote;
  with_contract.insert(with_contract.end(), {"--contract", "HT-2026-018"});
  const RunResult r = desk.as("zhang", with_contract);
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK_FALSE(contains(r.err, "voided"));
  CHECK(desk.pending_approval(number) == paid);
  CHECK(contains(desk.ok("zhang", {"ticket", "show", number, "--format", "json"}).out,
                 "\"contract\": \"HT-2026-018\""));
}

// ---- Hole 4: a free repair outside warranty is of a costed amount, and shows as free -----

TEST_CASE("a waiver without cost lines exits 4 naming ticket estimate, costed, the GM signs it") {
  Desk desk;
  const std::string number = desk.analysed(kPaidUnit);
  const RunResult blind = desk.as("zhang", {"ticket", "waive", number, "--reason", "大客户"});
  INFO(describe(blind));
  CHECK(blind.exit_code == 4);
  CHECK(contains(blind.err, "no cost lines"));
  CHECK(contains(blind.err, "ticket estimate"));

  desk.ok("zhang", {"ticket", "estimate", number, "--parts", "1000", "--labour-hours", "2",
                    "--travel", "200"});
  desk.ok("zhang", {"ticket", "waive", number, "--reason", "大客户"});
  const RunResult gm_inbox =
      desk.ok("zhao", {"approval", "list", "--pending", "--mine", "--format", "csv"});
  CHECK(contains(gm_inbox.out, "free repair of 1,400.00 outside warranty: 大客户"));
  std::istringstream rows(gm_inbox.out);
  std::string header, row;
  std::getline(rows, header);
  REQUIRE(std::getline(rows, row));
  desk.ok("zhao", {"approval", "approve", row.substr(0, row.find(','))});

  // Free: the paid-repair approval is no longer asked, and show and list say so.
  CHECK(desk.pending_approval(number).empty());
  const std::string json = desk.ok("zhang", {"ticket", "show", number, "--format", "json"}).out;
  CHECK(contains(json, "\"coverage\": \"paid\""));
  CHECK(contains(json, "\"charge\": \"free\""));
  const RunResult list = desk.ok("zhang", {"ticket", "list", "--format", "csv"});
  CHECK(contains(list.out, ",charge"));
  CHECK(contains(list.out, ",free"));
  desk.ok("ma", {"ticket", "start", number});
}

TEST_CASE("changing the lines of a free repair voids the GM's approval, named") {
  Desk desk;
  const std::string number = desk.analysed(kPaidUnit);
  desk.ok("zhang", {"ticket", "estimate", number, "--parts", "1400", "--labour-hours", "0",
                    "--travel", "0"});
  desk.ok("zhang", {"ticket", "waive", number, "--reason", "大客户"});
  const std::string paid = desk.pending_approval(number);  // the paid repair, raised first
  const RunResult gm_inbox =
      desk.ok("zhao", {"approval", "list", "--pending", "--mine", "--format", "csv"});
  std::istringstream rows(gm_inbox.out);
  std::string header, row;
  std::getline(rows, header);
  REQUIRE(std::getline(rows, row));
  const std::string waiver = row.substr(0, row.find(','));
  desk.ok("zhao", {"approval", "approve", waiver});

  const RunResult changed = desk.estimate("zhang", number, "1500");
  INFO(describe(changed));
  CHECK(changed.exit_code == 0);
  CHECK(contains(changed.err, "voided free repair approval " + waiver + " (approved, 1 of 1"));
  const std::string json = desk.ok("zhang", {"ticket", "show", number, "--format", "json"}).out;
  CHECK(contains(json, "\"charge\": \"paid\""));
  CHECK(desk.as("ma", {"ticket", "start", number}).exit_code == 4);
  CHECK_FALSE(paid.empty());
}

// ---- Hole 7: tickets go to service roles; a costing nobody could approve is refused ------

TEST_CASE("ticket assign takes technicians and service managers, a clerk exits 4") {
  Desk desk;
  const std::string number = desk.analysed(kWarrantyUnit);
  const RunResult clerk = desk.as("li", {"ticket", "assign", number, "--to", "zhang"});
  INFO(describe(clerk));
  CHECK(clerk.exit_code == 4);
  CHECK(contains(clerk.err, "zhang (clerk)"));
  CHECK(contains(clerk.err, "technician or service_manager"));
  CHECK(contains(clerk.err, "ticket_assignable"));
  desk.ok("li", {"ticket", "assign", number, "--to", "ma"});
  desk.ok("li", {"ticket", "assign", number, "--to", "li"});
}

TEST_CASE("the only sales manager pricing a paid repair exits 4 naming the conflict") {
  Desk desk;
  const std::string number = desk.analysed(kPaidUnit);
  const RunResult r = desk.estimate("xu", number, "800");
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "conflict"));
  CHECK(contains(r.err, "xu is the only sales_manager"));
  CHECK(desk.estimate("zhang", number, "800").exit_code == 0);
}
