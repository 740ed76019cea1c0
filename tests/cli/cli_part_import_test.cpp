// `aftersales import parts`: the catalogue from a spreadsheet through the same field readers as
// `part add` (read_part_fields), by the warehouse; all or nothing, --dry-run, skip with a
// reject file, re-import unchanged, revert (refused while stock moves refer to a part).
#include <doctest/doctest.h>

#include <string>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::batch_of;
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

namespace {

std::string stock(const TicketDesk& desk) {
  return desk.ok("kuang", {"part", "stock", "--format", "csv"}).out;
}

}  // namespace

TEST_CASE("opening stock imports as counts per part and warehouse, and reverts") {
  TicketDesk desk(kRules);
  desk.cli.write_file("parts.csv", kPartsCsv);
  desk.ok("kuang", {"import", "parts", desk.cli.path("parts.csv")});
  desk.cli.write_file("stock.csv",
                      "备件号,仓库,期初库存\r\nHP-100,main,3\r\nSEAL-1,,40\r\nSEAL-1,east,5\r\n");
  const std::string file = desk.cli.path("stock.csv");
  RunResult r = desk.as("zhang", {"import", "stock", file});
  CHECK(r.exit_code == 4);  // the warehouse's, as `part count`

  desk.ok("kuang", {"import", "stock", file, "--dry-run"});
  CHECK(stock(desk) == "part,name,warehouse,on_hand,unit\r\n");

  r = desk.ok("kuang", {"import", "stock", file});
  INFO(describe(r));
  CHECK(contains(r.err, "3 new"));
  const std::string opening = batch_of(r);
  CHECK(stock(desk) ==
        "part,name,warehouse,on_hand,unit\r\nHP-100,液压泵,main,3,件\r\n"
        "SEAL-1,密封件,east,5,套\r\nSEAL-1,密封件,main,40,套\r\n");

  // A second count: what differs moves by the difference, the rest is unchanged.
  desk.cli.write_file("count.csv",
                      "part,warehouse,quantity,note\r\nHP-100,main,2,年终盘点\r\n"
                      "SEAL-1,main,40,\r\n");
  r = desk.ok("kuang", {"import", "stock", desk.cli.path("count.csv")});
  const std::string count = batch_of(r);
  CHECK(desk.as("kuang", {"doctor"}).exit_code == 0);       // the batches own the moves they added
  CHECK(contains(r.err, "1 new, 1 unchanged, 0 updated"));  // new: the moves it adds
  CHECK(contains(stock(desk), "HP-100,液压泵,main,2,件\r\n"));

  desk.ok("kuang", {"import", "revert", count});
  CHECK(contains(stock(desk), "HP-100,液压泵,main,3,件\r\n"));
  desk.ok("kuang", {"import", "revert", opening});
  CHECK(stock(desk) == "part,name,warehouse,on_hand,unit\r\n");
  CHECK(contains(desk.ok("kuang", {"log", "--entity", "stock_move"}).out, "revert"));
  CHECK(desk.as("kuang", {"doctor"}).exit_code == 0);
}

TEST_CASE("opening stock names each bad cell, and a revert after a later move is refused") {
  TicketDesk desk(kRules);
  desk.cli.write_file("parts.csv", kPartsCsv);
  desk.ok("kuang", {"import", "parts", desk.cli.path("parts.csv")});
  desk.cli.write_file("bad.csv",
                      "part,warehouse,quantity\r\nHP-100,main,-1\r\nNOPE,main,1\r\n"
                      "SEAL-1,main,\r\nSEAL-1,main,2\r\nSEAL-1,main,3\r\n");
  RunResult r = desk.as("kuang", {"import", "stock", desk.cli.path("bad.csv")});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "bad.csv:2:3: field \"quantity\""));
  CHECK(contains(r.err, "bad.csv:3:1: field \"part\": part NOPE is not in the catalogue"));
  CHECK(contains(r.err, "bad.csv:4:3: field \"quantity\""));
  CHECK(contains(r.err,
                 "bad.csv:6:1: field \"part\": part SEAL-1 in warehouse main appears "
                 "more than once"));
  CHECK(stock(desk) == "part,name,warehouse,on_hand,unit\r\n");

  desk.cli.write_file("stock.csv", "part,quantity\r\nHP-100,3\r\n");
  const std::string opening =
      batch_of(desk.ok("kuang", {"import", "stock", desk.cli.path("stock.csv")}));
  desk.ok("kuang", {"part", "adjust", "HP-100", "--qty", "-1", "--reason", "损坏"});
  r = desk.as("kuang", {"import", "revert", opening});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "part HP-100 in warehouse main moved since the import"));
  CHECK(contains(r.err, "part count HP-100"));
  CHECK(contains(stock(desk), "HP-100,液压泵,main,2,件\r\n"));
}
