// Intake on the command line (issue 9): odometer readings that never go backwards (ticket open,
// unit edit --km, ticket import), and ticket imports of rows without a number, of dates without
// a time, and where every row is rejected.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::trimmed;

namespace {

const std::string kConfig = std::string(aftersales::testing::kDeskStaff) + R"(
[import]
date_only_time = "08:30"
)";

constexpr const char* kUnit = aftersales::testing::kDeskWarrantyUnit;

class Desk : public aftersales::testing::TicketDesk {
 public:
  Desk() : TicketDesk(kConfig) {}
};

constexpr const char* kHeader = "unit,category,channel,description,reported_at,km\r\n";

}  // namespace

TEST_CASE("ticket open --km below an earlier ticket's reading exits 1 naming it, equal is fine") {
  Desk desk;
  const std::string first =
      desk.open(kUnit, {"--reported-at", "2026-11-20T10:00", "--km", "50000"});
  RunResult r = desk.as(
      "zhang", {"ticket", "open", "--unit", kUnit, "--category", "液压系统", "--channel", "phone",
                "--desc", "x", "--reported-at", "2026-11-21T10:00", "--km", "49999"});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "field \"km\""));
  CHECK(contains(r.err,
                 "49999 km is below the reading of 50000 km taken at "
                 "2026-11-20T10:00:00+08:00 (ticket " +
                     first + ")"));
  desk.open(kUnit, {"--reported-at", "2026-11-21T10:00", "--km", "50000"});
  // Before the earlier reading, above it: it would go backwards from this one.
  r = desk.as("zhang",
              {"ticket", "open", "--unit", kUnit, "--category", "液压系统", "--channel", "phone",
               "--desc", "x", "--reported-at", "2026-11-19T10:00", "--km", "50001"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "50001 km is above the reading of 50000 km taken later"));
}

TEST_CASE("unit edit --km below a ticket's reading exits 1 naming it, equal is fine") {
  Desk desk;
  const std::string ticket =
      desk.open(kUnit, {"--reported-at", "2026-11-26T10:00", "--km", "70000"});
  RunResult r = desk.as("zhang", {"unit", "edit", kUnit, "--km", "69999"});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "field \"km\""));
  CHECK(contains(r.err, "(ticket " + ticket + ")"));
  CHECK_FALSE(contains(desk.ok("zhang", {"unit", "show", kUnit, "--format", "json"}).out, "69999"));
  desk.ok("zhang", {"unit", "edit", kUnit, "--km", "70000"});
}

TEST_CASE("import tickets numbers rows without a number and times date-only reports") {
  Desk desk;
  desk.cli.write_file("calls.csv", std::string(kHeader) +
                                       "2026-101,液压系统,phone,第一,2026/11/2,\r\n"
                                       "2026-101,液压系统,phone,第二,2026-11-03 14:00,\r\n");
  RunResult r = desk.as("zhang", {"import", "tickets", "calls.csv"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  const std::string first =
      desk.ok("zhang", {"ticket", "show", "SR-2026-000001", "--format", "json"}).out;
  CHECK(contains(first, "\"description\": \"第一\""));
  CHECK(contains(first, "\"reported_at\": \"2026-11-02T08:30:00+08:00\""));  // the rulebook's
  const std::string second =
      desk.ok("zhang", {"ticket", "show", "SR-2026-000002", "--format", "json"}).out;
  CHECK(contains(second, "\"reported_at\": \"2026-11-03T14:00:00+08:00\""));
  CHECK(desk.open(kUnit) == "SR-2026-000003");
  // The same file again opens nothing twice.
  r = desk.as("zhang", {"import", "tickets", "calls.csv"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "0 new, 2 unchanged"));
}

TEST_CASE("import tickets with every row rejected records no batch: exit 1, or 5 with skip") {
  Desk desk;
  desk.cli.write_file("calls.csv", std::string(kHeader) +
                                       "NOPE,液压系统,phone,无此车,2026-05-02T10:00,\r\n"
                                       "2026-101,液压系统,phone,倒退,2026-05-02T10:00,-5\r\n");
  const std::string batches_before = desk.ok("zhang", {"import", "list", "--format", "csv"}).out;
  RunResult r = desk.as("zhang", {"import", "tickets", "calls.csv"});
  CHECK(r.exit_code == 1);
  r = desk.as("zhang", {"import", "tickets", "calls.csv", "--on-error", "skip", "--reject-file",
                        "rejected.csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 5);
  CHECK(r.out.empty());  // no batch number
  CHECK(contains(r.err, "every row was rejected"));
  CHECK(contains(r.err, "no batch recorded"));
  CHECK(contains(desk.cli.read_file("rejected.csv"), "无此车"));
  CHECK(desk.ok("zhang", {"import", "list", "--format", "csv"}).out == batches_before);
  CHECK(trimmed(desk.ok("zhang", {"ticket", "list", "--format", "csv"}).out).find('\n') ==
        std::string::npos);  // the header only
}

TEST_CASE("import tickets refuses a km going back from an earlier row of the same file") {
  Desk desk;
  desk.cli.write_file("calls.csv", std::string(kHeader) +
                                       "2026-101,液压系统,phone,早,2026-11-02T10:00,50000\r\n"
                                       "2026-101,液压系统,phone,晚,2026-11-03T10:00,49999\r\n");
  const RunResult r = desk.as("zhang", {"import", "tickets", "calls.csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "calls.csv:3:6: field \"km\""));
  CHECK(contains(r.err, "(ticket SR-2026-000001)"));
  CHECK(contains(r.err, "nothing was imported"));
}
