// The service rules of issue 9 on the command line, each at its boundary: service after
// approval (审批后, 再为用户提供售后服务), the customer's seal (签字盖章), odometer readings that
// never go backwards, and archives completed late (R21).
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::trimmed;

namespace {

constexpr const char* kConfig = R"([identity]
source = "declared"

[users]
zhang = ["clerk"]
li = ["service_manager"]
xu = ["sales_manager"]
wang = ["deputy_gm"]
zhao = ["gm"]
ma = ["technician"]
)";

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
    "ticket record arriving before the 表5 budget was approved exits 4; arriving then is fine") {
  Desk desk;
  const std::string number = desk.analysed("2026-11-20T09:00");
  desk.ok("zhang", {"ticket", "estimate", number, "--parts", "1200.00", "--labour-hours", "0",
                    "--travel", "0"});
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
    "ticket record without --sealed exits 4 naming 签字盖章 and the fix; with it, signed off") {
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
