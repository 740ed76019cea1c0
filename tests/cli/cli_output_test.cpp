// Output formats, -o FILE and --bom on the command line.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/cli_support.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;

TEST_CASE("global options may follow the command") {
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"unit", "list", "--format", "tsv"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("serial\tmodel\tcustomer", 0) == 0);
}

TEST_CASE("tables align Chinese text by display width") {
  Cli cli;
  cli.seed_archive();
  REQUIRE(cli.run({"customer", "add", "C2", "--name", "ab"}).exit_code == 0);
  const RunResult r = cli.run({"customer", "list"});
  REQUIRE(r.exit_code == 0);
  // 鞍山市环卫处 is 12 columns wide, "ab" 2: the next column starts at the same column.
  const auto first = r.out.find("鞍山市环卫处");
  const auto second = r.out.find("ab ");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  const auto line_start = [&](std::size_t at) { return r.out.rfind('\n', at) + 1; };
  const std::string row1 =
      r.out.substr(line_start(first), r.out.find('\n', first) - line_start(first));
  const std::string row2 =
      r.out.substr(line_start(second), r.out.find('\n', second) - line_start(second));
  // Byte offsets differ by the 6 CJK characters (3 bytes, 2 columns each): 6 bytes.
  CHECK(row1.find("王明") - row2.find("  ", row2.find("ab")) > 0);
  CHECK(row1.find("王明") == row1.find("鞍山市环卫处") + 18 + 2);
}

TEST_CASE("-o writes the file in the format of its extension, and --bom adds a BOM") {
  Cli cli;
  cli.seed_archive();
  RunResult r = cli.run({"unit", "list", "-o", "units.csv", "--bom"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  const std::string csv = cli.read_file("units.csv");
  CHECK(csv.rfind("\xEF\xBB\xBFserial,model,customer", 0) == 0);
  CHECK(contains(csv, "\r\n"));
  r = cli.run({"customer", "list", "-o", "customers.json"});
  REQUIRE(r.exit_code == 0);
  CHECK(cli.read_file("customers.json").rfind("[", 0) == 0);
}

TEST_CASE("-o to .xlsx writes a sheet and -o to .html a page of the table") {
  Cli cli;
  cli.seed_archive();
  RunResult r = cli.run({"unit", "list", "-o", "units.xlsx"});
  REQUIRE(r.exit_code == 0);
  CHECK(cli.read_file("units.xlsx").rfind("PK", 0) == 0);  // a zip archive
  r = cli.run({"unit", "list", "-o", "units.html"});
  REQUIRE(r.exit_code == 0);
  const std::string page = cli.read_file("units.html");
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(contains(page, "<td>2025-001</td>"));
  r = cli.run({"unit", "list", "--format", "xlsx"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
}

TEST_CASE("an unknown --format is a usage error") {
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"unit", "list", "--format", "yaml"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "yaml"));
}

TEST_CASE("a --today that is not a date or time is a usage error") {
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"unit", "list"}, {{"AFTERSALES_TODAY", "yesterday"}});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "AFTERSALES_TODAY"));
}

TEST_CASE("--today decides whether a unit is in warranty") {
  Cli cli;
  cli.seed_archive();  // 2025-001 shipped 2025-03-01, 12 months: until 2026-02-28
  RunResult r =
      cli.run({"--today", "2026-02-28", "unit", "list", "--in-warranty", "--format", "csv"});
  CHECK(contains(r.out, "2025-001"));
  r = cli.run({"--today", "2026-03-01", "unit", "list", "--in-warranty", "--format", "csv"});
  CHECK_FALSE(contains(r.out, "2025-001"));
}
