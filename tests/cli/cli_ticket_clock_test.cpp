// The SLA clock on the command line (issue 9): pause and resume at a given time, and what
// `ticket list` and `ticket show` say before and after someone arrived.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;

namespace {

constexpr const char* kUnit = aftersales::testing::kDeskWarrantyUnit;

class Desk : public aftersales::testing::TicketDesk {
 public:
  Desk() : TicketDesk(aftersales::testing::kDeskStaff) {}

  // A ticket reported at `reported` (urgent: 8 h), assigned to ma, analysed and started.
  std::string started(const std::string& reported) const {
    const std::string number = open(kUnit, {"--reported-at", reported, "--priority", "urgent"});
    ok("li", {"ticket", "assign", number, "--to", "ma"});
    ok("ma", {"ticket", "analyse", number, "--text", "液压泵损坏"});
    ok("ma", {"ticket", "start", number});
    return number;
  }
};

}  // namespace

TEST_CASE("ticket pause and resume take --at, a time out of order exits 1 naming the field") {
  Desk desk;
  const std::string number = desk.started("2026-11-27T08:00");
  RunResult r = desk.as(
      "ma", {"ticket", "pause", number, "--reason", "等待配件", "--at", "2026-11-27T07:59"});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "field \"at\""));
  CHECK(contains(r.err, "before the call was reported"));
  r = desk.as("ma",
              {"ticket", "pause", number, "--reason", "等待配件", "--at", "2026-11-28T00:00"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "in the future"));

  r = desk.ok("ma",
              {"ticket", "pause", number, "--reason", "等待配件", "--at", "2026-11-27T09:00"});
  CHECK(r.out.empty());
  CHECK(contains(r.err, "paused"));
  r = desk.as("ma", {"ticket", "resume", number, "--at", "2026-11-27T08:59:59"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "field \"at\""));
  CHECK(contains(r.err, "before the pause began"));
  desk.ok("ma", {"ticket", "resume", number, "--at", "2026-11-27T12:00"});
  r = desk.as("ma", {"ticket", "pause", number, "--reason", "等客户", "--at", "2026-11-27T11:00"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "before the end of the previous pause"));

  const std::string json = desk.ok("zhang", {"ticket", "show", number, "--format", "json"}).out;
  CHECK(contains(json, "\"from\": \"2026-11-27T09:00:00+08:00\""));
  CHECK(contains(json, "\"to\": \"2026-11-27T12:00:00+08:00\""));
  // The pause's time is in the audit trail.
  const std::string log =
      desk.ok("zhang", {"log", "--entity", "ticket", "--id", number, "--format", "csv"}).out;
  CHECK(contains(log, "2026-11-27T09:00:00+08:00"));
  CHECK(contains(log, "2026-11-27T12:00:00+08:00"));
}

TEST_CASE("ticket list says on time only once someone arrived, before that, due or overdue") {
  Desk desk;
  // Urgent (8 h) from 08:00, paused 09:00-12:00: due 19:00 instead of 16:00.
  const std::string late = desk.started("2026-11-27T08:00");
  desk.ok("ma", {"ticket", "pause", late, "--reason", "等待配件", "--at", "2026-11-27T09:00"});
  desk.ok("ma", {"ticket", "resume", late, "--at", "2026-11-27T12:00"});
  const std::string on_time = desk.started("2026-11-27T08:00");
  desk.ok("ma", {"ticket", "pause", on_time, "--reason", "等待配件", "--at", "2026-11-27T09:00"});
  desk.ok("ma", {"ticket", "resume", on_time, "--at", "2026-11-27T12:00"});

  RunResult r = desk.ok("zhang", {"ticket", "list", "--format", "csv"}, "2026-11-27T18:00");
  CHECK(contains(r.out, "2026-11-27T19:00:00+08:00"));
  CHECK(contains(r.out, ",due 2026-11-27 19:00"));
  CHECK_FALSE(contains(r.out, "on time,"));
  CHECK_FALSE(contains(r.out, ",true,"));  // neither overdue nor on time yet
  r = desk.ok("zhang", {"ticket", "list", "--overdue", "--format", "csv"}, "2026-11-27T19:00");
  CHECK_FALSE(contains(r.out, "SR-"));
  r = desk.ok("zhang", {"ticket", "list", "--overdue", "--format", "csv"}, "2026-11-27T23:00");
  CHECK(contains(r.out, "overdue by 4h"));

  // Arrival exactly at the moved due time is on time, a second later is late.
  for (const auto& [number, arrived] : std::vector<std::pair<std::string, std::string>>{
           {on_time, "2026-11-27T19:00:00"}, {late, "2026-11-27T19:00:01"}}) {
    desk.ok("ma", {"ticket", "record", number, "--arrived", arrived, "--finished",
                   "2026-11-27T21:00", "--work", "更换液压泵", "--signed-by", "王明", "--sealed"});
  }
  const std::string shown = desk.ok("zhang", {"ticket", "show", on_time, "--format", "json"}).out;
  CHECK(contains(shown, "\"on_time\": true"));
  CHECK(contains(shown, "\"sla\": \"arrived on time\""));
  CHECK(contains(shown, "\"due_at\": \"2026-11-27T19:00:00+08:00\""));
  const std::string late_json = desk.ok("zhang", {"ticket", "show", late, "--format", "json"}).out;
  CHECK(contains(late_json, "\"on_time\": false"));
  CHECK(contains(late_json, "\"sla\": \"arrived late by 1s\""));
  r = desk.ok("zhang", {"ticket", "list", "--format", "csv"});
  CHECK(contains(r.out, ",arrived on time"));
  CHECK(contains(r.out, ",arrived late by 1s"));
}
