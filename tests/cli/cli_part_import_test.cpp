// `aftersales import parts`: the catalogue from a spreadsheet through the same field readers as
// `part add` (read_part_fields), by the warehouse; all or nothing, --dry-run, skip with a
// reject file, re-import unchanged, revert (refused while stock moves refer to a part).
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

constexpr const char* kPartsCsv =
    "备件号,名称,规格,单位,单价,重要部件,最低库存\r\n"
    "HP-100,液压泵,CBN-E316,件,\"4,800.00\",是,2\r\n"
    "SEAL-1,密封件,,套,50.01,否,\r\n";

std::string catalogue(const TicketDesk& desk) {
  return desk.ok("zhang", {"part", "list", "--format", "csv"}).out;
}

}  // namespace

TEST_CASE("parts import through the same rules as part add, by the warehouse only") {
  TicketDesk desk(kRules);
  desk.cli.write_file("parts.csv", kPartsCsv);
  const std::string file = desk.cli.path("parts.csv");
  RunResult r = desk.as("zhang", {"import", "parts", file});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "warehouse"));

  r = desk.ok("kuang", {"import", "parts", file, "--dry-run"});
  CHECK(catalogue(desk) == "number,name,spec,unit,unit_price,major,reorder_level,on_hand\r\n");

  r = desk.ok("kuang", {"import", "parts", file});
  INFO(describe(r));
  CHECK(contains(r.err, "2 new"));
  CHECK(contains(catalogue(desk), "HP-100,液压泵,CBN-E316,件,4800.00,true,2,0\r\n"));
  CHECK(contains(catalogue(desk), "SEAL-1,密封件,,套,50.01,false,,0\r\n"));

  r = desk.ok("kuang", {"import", "parts", file});
  CHECK(contains(r.err, "0 new, 2 unchanged, 0 updated"));
}

TEST_CASE("a bad parts row is named and nothing is written, or skipped into the reject file") {
  TicketDesk desk(kRules);
  desk.cli.write_file("parts.csv",
                      "number,name,price,major\r\nP-1,滤芯,12.50,no\r\nP-2,滤芯,-1,no\r\n"
                      "P-3,,5,no\r\nP-4,阀,5,maybe\r\n");
  const std::string file = desk.cli.path("parts.csv");
  RunResult r = desk.as("kuang", {"import", "parts", file});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "parts.csv:3:3: field \"price\""));
  CHECK(contains(r.err, "field \"name\""));
  CHECK(contains(r.err, "parts.csv:5:4: field \"major\""));
  CHECK_FALSE(contains(catalogue(desk), "P-1"));

  r = desk.as("kuang", {"import", "parts", file, "--on-error", "skip", "--reject-file",
                        desk.cli.path("rejected.csv")});
  CHECK(r.exit_code == 5);
  CHECK(contains(catalogue(desk), "P-1,滤芯"));
  CHECK(contains(desk.cli.read_file("rejected.csv"), "P-2"));
}

TEST_CASE("a parts batch reverts, unless stock moved for one of its parts") {
  TicketDesk desk(kRules);
  desk.cli.write_file("parts.csv", kPartsCsv);
  desk.ok("kuang", {"import", "parts", desk.cli.path("parts.csv")});
  desk.cli.write_file("changed.csv", "number,price\r\nHP-100,4950\r\n");
  RunResult r = desk.ok("kuang", {"import", "parts", desk.cli.path("changed.csv")});
  CHECK(contains(r.err, "0 new, 0 unchanged, 1 updated"));
  CHECK(contains(catalogue(desk), "HP-100,液压泵,CBN-E316,件,4950.00,true,2,0"));
  desk.ok("kuang", {"import", "revert", "2"});
  CHECK(contains(catalogue(desk), "HP-100,液压泵,CBN-E316,件,4800.00,true,2,0"));

  desk.ok("kuang", {"part", "receive", "SEAL-1", "--qty", "1"});
  r = desk.as("kuang", {"import", "revert", "1"});
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "SEAL-1"));
  desk.ok("kuang", {"part", "adjust", "SEAL-1", "--qty", "-1", "--reason", "退回"});
  r = desk.as("kuang", {"import", "revert", "1"});
  CHECK(r.exit_code == 4);  // the moves stay: stock is the sum of audited moves
}
