// `aftersales part` on the command line: the catalogue and stock per warehouse (DOMAIN.md
// Part). Stock never goes negative (exit 4 naming part, warehouse, on hand and asked); the
// verbs later work builds say so (exit 2).
#include <doctest/doctest.h>

#include <string>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::TicketDesk;

namespace {

constexpr const char* kRules = R"([identity]
source = "declared"

[users]
zhang = ["clerk"]
kuang = ["warehouse"]
)";

}  // namespace

TEST_CASE("the warehouse adds a part, receives it and counts it, a clerk may not") {
  TicketDesk desk(kRules);
  RunResult r = desk.as("zhang", {"part", "add", "HP-100", "--name", "液压泵", "--price", "4800"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "warehouse"));
  r = desk.ok("kuang", {"part", "add", "HP-100", "--name", "液压泵", "--price", "4800.00", "--spec",
                        "CBN-E316", "--unit", "件", "--major"});
  CHECK(r.out == "HP-100\n");
  r = desk.as("kuang", {"part", "add", "HP-100", "--name", "again", "--price", "1"});
  CHECK(r.exit_code == 1);
  r = desk.ok("kuang", {"part", "receive", "HP-100", "--qty", "3", "--ref", "送货单-1"});
  CHECK(contains(r.err, "receive +3 in main"));
  desk.ok("kuang", {"part", "receive", "HP-100", "--qty", "1", "--warehouse", "west"});

  r = desk.as("kuang", {"part", "adjust", "HP-100", "--qty", "-4", "--reason", "盘亏"});
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "part HP-100 (液压泵) in warehouse main: 3 on hand, 4 asked"));
  desk.ok("kuang", {"part", "adjust", "HP-100", "--qty", "-3", "--reason", "盘亏"});

  r = desk.ok("zhang", {"part", "stock", "--format", "csv"});
  CHECK(r.out ==
        "part,name,warehouse,on_hand,unit\r\nHP-100,液压泵,main,0,件\r\n"
        "HP-100,液压泵,west,1,件\r\n");
  r = desk.ok("zhang", {"part", "list", "--format", "csv"});
  CHECK(contains(r.out, "HP-100,液压泵,CBN-E316,件,4800.00,true,,1\r\n"));
  r = desk.ok("zhang", {"part", "show", "HP-100", "--format", "json"});
  CHECK(contains(r.out, "\"reason\": \"盘亏\""));
  CHECK(contains(r.out, "\"reference\": \"送货单-1\""));
  r = desk.ok("zhang", {"log", "--entity", "stock_move"});
  CHECK(contains(r.out, "送货单-1"));
}

TEST_CASE("bad quantities and unknown parts are named, and nothing moves") {
  TicketDesk desk(kRules);
  desk.ok("kuang", {"part", "add", "S-1", "--name", "密封件", "--price", "48"});
  RunResult r = desk.as("kuang", {"part", "receive", "S-1", "--qty", "0"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "qty"));
  r = desk.as("kuang", {"part", "adjust", "S-1", "--qty", "0", "--reason", "x"});
  CHECK(r.exit_code == 1);
  r = desk.as("kuang", {"part", "receive", "NOPE", "--qty", "1"});
  CHECK(r.exit_code == 3);
  r = desk.ok("zhang", {"part", "stock", "--format", "csv"});
  CHECK(r.out == "part,name,warehouse,on_hand,unit\r\n");
}

TEST_CASE("every part and purchase verb has --help with an example") {
  TicketDesk desk(kRules);
  for (const char* verb :
       {"add",     "edit",     "list", "show",    "stock",   "receive", "adjust",
        "request", "requests", "ship", "returns", "return",  "inspect", "book",
        "urgent",  "urgents",  "sell", "pay",     "promise", "sales",   "sale"}) {
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
