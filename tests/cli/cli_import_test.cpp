// `aftersales import` end to end: files in every encoding and kind, each mode, re-import,
// revert, and the error format FILE:LINE:COL: field "NAME": ...
#include <doctest/doctest.h>
#include <iconv.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "cli/cli_support.h"
#include "support/xlsx_builder.h"

using aftersales::testing::batch_of;
using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;

namespace {

std::string to_gb18030(const std::string& utf8) {
  iconv_t convert = iconv_open("GB18030", "UTF-8");
  std::string in = utf8;
  std::string out(in.size() * 2 + 16, '\0');
  char* in_at = in.data();
  char* out_at = out.data();
  std::size_t in_left = in.size();
  std::size_t out_left = out.size();
  iconv(convert, &in_at, &in_left, &out_at, &out_left);
  iconv_close(convert);
  out.resize(out.size() - out_left);
  return out;
}

// A database with customer C001 and model HYS5160.
void seed(const Cli& cli) {
  REQUIRE(cli.run({"init"}).exit_code == 0);
  REQUIRE(cli.run({"customer", "add", "C001", "--name", "鞍山市环卫处", "--contact", "王明",
                   "--phone", "0412-5551234"})
              .exit_code == 0);
  REQUIRE(cli.run({"model", "add", "HYS5160", "--name", "洗扫车", "--category", "sanitation",
                   "--warranty-months", "12"})
              .exit_code == 0);
}

const char* const kUnitsCsv =
    "serial,model,customer,shipped,vin,engine,config,terms\r\n"
    "2025-001,HYS5160,C001,2025-03-01,LZZ1,WP10-1,\"8吨洗扫, 东风底盘\",整车12个月\r\n"
    "2025-002,HYS5160,C001,2025/6/15,LZZ2,WP10-2,\"多行\n配置\",整车12个月\r\n";

// tests/import/data/units.xls: units 2025-101 (shipped 2025-03-01) and 2025-102 (2025-06-15).
std::string xls_fixture() {
  return std::string(AFTERSALES_SOURCE_DIR) + "/tests/import/data/units.xls";
}

// The bytes of an .xlsx holding the two units of kUnitsCsv's first columns
// (support/xlsx_builder.h two_units_workbook).
std::string two_units_xlsx() {
  using namespace aftersales::testing;
  return zip_bytes(xlsx_entries(two_units_workbook()));
}

std::string unit_count(const Cli& cli) {
  const RunResult r = cli.run({"unit", "list", "--format", "csv"});
  return std::to_string(std::count(r.out.begin(), r.out.end(), '\n') - 1);
}

}  // namespace

TEST_CASE("units import from UTF-8 CSV through the same rules as unit add") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv", kUnitsCsv);
  const RunResult r = cli.run({"import", "units", "units.csv"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "1\n");  // the batch number
  CHECK(contains(r.err, "2 new, 0 unchanged, 0 updated, 0 rejected"));
  CHECK(contains(r.err, "utf-8"));
  const RunResult show = cli.run({"unit", "show", "2025-002", "--format", "json"});
  CHECK(contains(show.out, "\"warranty_end\": \"2026-06-14\""));  // warranty computed
  CHECK(contains(show.out, "多行\\n配置"));
}

TEST_CASE("importing the same file twice changes nothing the second time") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv", kUnitsCsv);
  REQUIRE(cli.run({"import", "units", "units.csv"}).exit_code == 0);
  const RunResult again = cli.run({"import", "units", "units.csv"});
  CHECK(again.exit_code == 0);
  CHECK(contains(again.err, "0 new, 2 unchanged, 0 updated, 0 rejected"));
}

TEST_CASE("a changed row is updated and revert puts its values back") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv", kUnitsCsv);
  REQUIRE(cli.run({"import", "units", "units.csv"}).exit_code == 0);
  cli.write_file("changed.csv", "serial,vin\r\n2025-001,LZZ-NEW\r\n2025-003,LZZ3\r\n");
  // 2025-003 is new but has no model: all or nothing refuses the whole file.
  RunResult r = cli.run({"import", "units", "changed.csv"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "changed.csv:3:0: field \"model\": is missing"));
  cli.write_file("changed.csv", "serial,vin\r\n2025-001,LZZ-NEW\r\n");
  r = cli.run({"import", "units", "changed.csv"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "0 new, 0 unchanged, 1 updated"));
  const std::string changed = batch_of(r);
  CHECK(contains(cli.run({"unit", "show", "2025-001"}).out, "LZZ-NEW"));
  REQUIRE(cli.run({"import", "revert", changed}).exit_code == 0);
  const RunResult show = cli.run({"unit", "show", "2025-001"});
  CHECK(contains(show.out, "LZZ1"));
  CHECK(cli.run({"import", "revert", changed}).exit_code == 4);  // once only
  // Reverting the first batch removes the units it added.
  REQUIRE(cli.run({"import", "revert", "1"}).exit_code == 0);
  CHECK(unit_count(cli) == "0");
}

TEST_CASE("a bad cell is named by file, line, column and field, and nothing is written") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv",
                 "serial,model,customer,shipped\r\n"
                 "2025-001,HYS5160,C001,2025-03-01\r\n"
                 "2025-002,HYS5160,C001,2023-13-01\r\n"
                 "2025-003,NOPE,C001,2025-03-01\r\n");
  const RunResult r = cli.run({"import", "units", "units.csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "units.csv:3:4: field \"shipped\": cannot read \"2023-13-01\" as a date"));
  CHECK(contains(r.err, "units.csv:4:2: field \"model\""));
  CHECK(contains(r.err, "nothing was imported"));
  CHECK(r.out.empty());
  CHECK(unit_count(cli) == "0");
}

TEST_CASE("the record number is given where a quoted field spans lines") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv",
                 "serial,model,customer,shipped,config\r\n"
                 "2025-001,HYS5160,C001,2025-03-01,\"two\nlines\"\r\n"
                 "2025-002,HYS5160,C001,2025-02-30,x\r\n");
  const RunResult r = cli.run({"import", "units", "units.csv"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "units.csv:4 (record 3):4: field \"shipped\""));
}

TEST_CASE("ragged rows and stray quotes are errors, never filled or cut") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv",
                 "serial,model,customer,shipped\r\n"
                 "2025-001,HYS5160,C001\r\n"
                 "2025-002,HYS5160,C001,2025-03-01,extra\r\n"
                 "2025-0\"03,HYS5160,C001,2025-03-01\r\n");
  const RunResult r = cli.run({"import", "units", "units.csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "units.csv:2:0: the row has 3 fields, the header has 4"));
  CHECK(contains(r.err, "units.csv:3:0: the row has 5 fields"));
  CHECK(contains(r.err, "units.csv:4:"));
  CHECK(contains(r.err, "quote"));
}

TEST_CASE("skip mode keeps the good rows and writes the bad ones to the reject file") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv",
                 "serial,model,customer,shipped\r\n"
                 "2025-001,HYS5160,C001,2025-03-01\r\n"
                 "2025-002,HYS5160,C001,not a date\r\n");
  const RunResult r = cli.run(
      {"import", "units", "units.csv", "--on-error", "skip", "--reject-file", "rejected.csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 5);
  CHECK(contains(r.err, "1 new, 0 unchanged, 0 updated, 1 rejected"));
  CHECK(unit_count(cli) == "1");
  const std::string rejected = cli.read_file("rejected.csv");
  CHECK(rejected.rfind("\xEF\xBB\xBFserial,model,customer,shipped,_line,_field,_error\r\n", 0) ==
        0);
  CHECK(contains(rejected, "2025-002,HYS5160,C001,not a date,3,shipped,"));
}

TEST_CASE("dry run and import check validate everything and write nothing") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv", kUnitsCsv);
  RunResult r = cli.run({"import", "units", "units.csv", "--dry-run"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "checked, nothing written: 2 new"));
  r = cli.run({"import", "check", "units", "units.csv"});
  CHECK(r.exit_code == 0);
  CHECK(unit_count(cli) == "0");
  CHECK(cli.run({"import", "list", "--format", "csv"}).out ==
        "batch,at,entity,actor,new,unchanged,updated,rejected,mode,reverted_at,files\r\n");
}

TEST_CASE("a GB18030 file with the seed's Chinese headers is detected and read") {
  Cli cli;
  seed(cli);
  const std::string utf8 =
      "出厂编号,车型,客户编号,出厂日期,底盘号,发动机编号\r\n"
      "2025-001,HYS5160,C001,2025年3月1日,LZZ1,WP10-1\r\n";
  std::ofstream(cli.path("units-gbk.csv"), std::ios::binary) << to_gb18030(utf8);
  const RunResult r = cli.run({"import", "units", "units-gbk.csv"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "gb18030"));
  CHECK(contains(cli.run({"unit", "show", "2025-001"}).out, "2025-03-01"));
}

TEST_CASE("a UTF-8 BOM is never part of the first header") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv", std::string("\xEF\xBB\xBF") + kUnitsCsv);
  const RunResult r = cli.run({"import", "units", "units.csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "utf-8 (BOM)"));
}

TEST_CASE("--encoding overrides the detection") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv", kUnitsCsv);
  const RunResult r = cli.run({"import", "units", "units.csv", "--encoding", "gb18030"});
  // UTF-8 Chinese read as GB18030 is mojibake, not the agreed text: the rows still import
  // (codes are ASCII) but the summary names the forced encoding.
  CHECK(contains(r.err, "gb18030"));
}

TEST_CASE("an .xlsx sheet with dates stored as Excel serials imports") {
  using namespace aftersales::testing;
  Cli cli;
  seed(cli);
  XlsxWorkbook book;
  book.shared_strings = shared_strings_xml(
      {"出厂编号", "车型", "客户编号", "出厂日期", "2025-001", "HYS5160", "C001"});
  book.sheets.push_back(
      {"Sheet1",
       "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
       "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
       "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" t=\"s\"><v>5</v></c>"
       "<c r=\"C2\" t=\"s\"><v>6</v></c><c r=\"D2\"><v>45000</v></c></row>",
       std::nullopt});
  write_file(cli.path("units.xlsx"), zip_bytes(xlsx_entries(book)));
  const RunResult r = cli.run({"import", "units", "units.xlsx"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "xlsx"));
  CHECK(contains(cli.run({"unit", "show", "2025-001"}).out, "2023-03-15"));
}

TEST_CASE("a mapping file maps other headers, skips lines and checks the agreed header") {
  Cli cli;
  seed(cli);
  cli.write_file("station.csv",
                 "售后服务站 2025 年报\r\n"
                 "编号,型号,客户,日期\r\n"
                 "2025-001,HYS5160,C001,2025-03-01\r\n");
  cli.write_file("map.toml",
                 "skip = 1\n[columns]\nserial = \"编号\"\nmodel = \"型号\"\ncustomer = 3\n"
                 "shipped = \"日期\"\n");
  RunResult r = cli.run({"import", "units", "station.csv", "--mapping", "map.toml"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  cli.write_file("strict.toml", "skip = 1\nexpect_header = [\"出厂编号\", \"车型\"]\n");
  r = cli.run({"import", "units", "station.csv", "--mapping", "strict.toml"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "not the agreed one"));
  cli.write_file("typo.toml", "skipp = 1\n");
  r = cli.run({"import", "units", "station.csv", "--mapping", "typo.toml"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "typo.toml:1:"));
  CHECK(contains(r.err, "unknown key \"skipp\""));
}

TEST_CASE("a header without the key column hints at a forgotten skip") {
  Cli cli;
  seed(cli);
  cli.write_file("station.csv",
                 "售后服务站 2025 年报,,,\r\n"
                 "出厂编号,车型,客户编号,出厂日期\r\n"
                 "2025-001,HYS5160,C001,2025-03-01\r\n");
  const RunResult r = cli.run({"import", "units", "station.csv"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "did you forget skip"));
}

TEST_CASE("tickets import with their coverage decided by the same intake rule") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv", kUnitsCsv);
  REQUIRE(cli.run({"import", "units", "units.csv"}).exit_code == 0);
  cli.write_file("tickets.csv",
                 "number,unit,category,channel,description,reported_at,priority,km\r\n"
                 "SR-2026-000041,2025-001,液压系统,phone,\"液压泵异响, \"\"很急\"\"\","
                 "2026-03-05T09:30:00+08:00,urgent,\r\n"
                 "SR-2026-000042,2025-002,发动机,hotline,冒黑烟,2026-01-10T08:00,normal,12000\r\n");
  const RunResult r = cli.run({"import", "tickets", "tickets.csv"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(cli.run({"ticket", "show", "SR-2026-000041"}).out, "paid"));  // after 2026-02-28
  CHECK(
      contains(cli.run({"ticket", "show", "SR-2026-000042"}).out, "warranty"));  // until 2026-06-14
  // A typed ticket continues after the imported numbers.
  const RunResult typed = cli.run({"ticket", "open", "--unit", "2025-001", "--category", "其他",
                                   "--channel", "phone", "--desc", "x"});
  CHECK(typed.out == "SR-2026-000043\n");
}

TEST_CASE("regression: --max-errors limits what is shown, never what is imported") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv",
                 "serial,model,customer,shipped\r\n"
                 "2025-001,HYS5160,C001,bad\r\n"
                 "2025-002,HYS5160,C001,bad\r\n"
                 "2025-003,HYS5160,C001,2025-03-01\r\n");
  const RunResult r = cli.run({"import", "units", "units.csv", "--on-error", "skip",
                               "--reject-file", "rejected.csv", "--max-errors", "1"});
  INFO(describe(r));
  CHECK(r.exit_code == 5);
  CHECK(contains(r.err, "1 new, 0 unchanged, 0 updated, 2 rejected"));
  CHECK(cli.run({"import", "units", "units.csv", "--max-errors", "0"}).exit_code == 2);
}

TEST_CASE("regression: a key twice in one file is caught even when its first row is unchanged") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv", kUnitsCsv);
  REQUIRE(cli.run({"import", "units", "units.csv"}).exit_code == 0);
  cli.write_file("twice.csv", "serial,vin\r\n2025-001,LZZ1\r\n2025-001,OTHER\r\n");
  const RunResult r = cli.run({"import", "units", "twice.csv"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "appears more than once"));
}

TEST_CASE(
    "regression: an import does not rewrite a ticket in work, nor revert over a later batch") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv", kUnitsCsv);
  REQUIRE(cli.run({"import", "units", "units.csv"}).exit_code == 0);
  cli.write_file("tickets.csv",
                 "number,unit,category,channel,description,reported_at\r\n"
                 "SR-2026-000041,2025-002,液压系统,phone,x,2026-03-05T09:30\r\n");
  REQUIRE(cli.run({"import", "tickets", "tickets.csv"}).exit_code == 0);
  REQUIRE(cli.run({"ticket", "analyse", "SR-2026-000041", "--text", "y"}).exit_code == 0);
  cli.write_file("tickets.csv",
                 "number,unit,category,channel,description,reported_at\r\n"
                 "SR-2026-000041,2025-002,液压系统,phone,x,2026-07-05T09:30\r\n");
  RunResult r = cli.run({"import", "tickets", "tickets.csv"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "is analysed; an import changes only registered tickets"));
  // Batch 3 updates a unit of batch 1: batch 1 cannot be reverted before batch 3.
  cli.write_file("vin.csv", "serial,vin\r\n2025-001,LZZ-NEW\r\n");
  r = cli.run({"import", "units", "vin.csv"});
  REQUIRE(r.exit_code == 0);
  const std::string later = batch_of(r);
  r = cli.run({"import", "revert", "1"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "revert batch " + later + " first"));
}

TEST_CASE("regression: warranty lines on a ticket outside warranty need the GM") {
  Cli cli;
  seed(cli);
  REQUIRE(cli.run({"unit", "add", "2024-001", "--model", "HYS5160", "--customer", "C001",
                   "--shipped", "2024-01-10"})
              .exit_code == 0);
  const RunResult open = cli.run({"ticket", "open", "--unit", "2024-001", "--category", "其他",
                                  "--channel", "phone", "--desc", "x"});
  REQUIRE(open.exit_code == 0);
  const std::string number = open.out.substr(0, open.out.size() - 1);
  REQUIRE(cli.run({"ticket", "analyse", number, "--text", "y"}).exit_code == 0);
  REQUIRE(
      cli.run({"ticket", "quote", number, "--line", "work;更换油封;1;999.00;warranty"}).exit_code ==
      0);
  const RunResult start = cli.run({"ticket", "start", number});
  CHECK(start.exit_code == 4);
  CHECK(contains(start.err, "free repair"));
}

TEST_CASE("regression: reverting a ticket update restores the coverage frozen at intake") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv", kUnitsCsv);
  REQUIRE(cli.run({"import", "units", "units.csv"}).exit_code == 0);
  cli.write_file("tickets.csv",
                 "number,unit,category,channel,description,reported_at\r\n"
                 "SR-2026-000041,2025-001,液压系统,phone,x,2026-03-05T09:30\r\n");
  REQUIRE(cli.run({"import", "tickets", "tickets.csv"}).exit_code == 0);  // batch 2: paid
  REQUIRE(cli.run({"unit", "edit", "2025-001", "--warranty-end", "2027-12-31"}).exit_code == 0);
  cli.write_file("tickets.csv",
                 "number,unit,category,channel,description,reported_at\r\n"
                 "SR-2026-000041,2025-001,液压系统,phone,y,2026-03-05T09:30\r\n");
  REQUIRE(cli.run({"import", "tickets", "tickets.csv"}).exit_code == 0);  // batch 3: warranty
  CHECK(contains(cli.run({"ticket", "show", "SR-2026-000041", "--format", "json"}).out,
                 "\"coverage\": \"warranty\""));
  REQUIRE(cli.run({"import", "revert", "3"}).exit_code == 0);
  CHECK(contains(cli.run({"ticket", "show", "SR-2026-000041", "--format", "json"}).out,
                 "\"coverage\": \"paid\""));
}

// ---- issue 14: formats told by content, .xls, TSV, standard input -------------------------

TEST_CASE("an .xlsx workbook named .csv is read as the workbook it is") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv", two_units_xlsx());
  const RunResult r = cli.run({"import", "units", "units.csv"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "units.csv: 2 records, xlsx"));
  CHECK(contains(cli.run({"unit", "show", "2025-002"}).out, "2025-06-15"));
}

TEST_CASE("an Excel 97-2003 .xls workbook imports, its date cells as dates") {
  Cli cli;
  seed(cli);
  std::filesystem::copy_file(xls_fixture(), cli.path("units.xls"));
  const RunResult r = cli.run({"import", "units", "units.xls"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "units.xls: 2 records, xls"));
  CHECK(contains(r.err, "2 new, 0 unchanged, 0 updated, 0 rejected"));
  CHECK(contains(cli.run({"unit", "show", "2025-102"}).out, "2025-06-15"));
  // The batch records what the file was.
  CHECK(contains(cli.run({"import", "list", "--format", "csv"}).out, "\"\"format\"\":\"\"xls\"\""));
}

TEST_CASE("an .xls named .csv is still read as a workbook, not as GB18030 text") {
  Cli cli;
  seed(cli);
  std::filesystem::copy_file(xls_fixture(), cli.path("legacy.csv"));
  const RunResult r = cli.run({"import", "units", "legacy.csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK_FALSE(contains(r.err, "not GB18030 text"));
}

TEST_CASE("an .xls that cannot be read is refused naming the file, exit 1") {
  Cli cli;
  seed(cli);
  cli.write_file("broken.xls",
                 std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") + std::string(1000, 'x'));
  const RunResult r = cli.run({"import", "units", "broken.xls"});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "broken.xls is an Excel 97-2003 .xls workbook that cannot be read"));
  CHECK(contains(r.err, "save it as .xlsx"));
  CHECK(unit_count(cli) == "0");
}

TEST_CASE("TSV imports by its extension, by its first line, or by --delimiter tab") {
  Cli cli;
  seed(cli);
  const std::string tsv =
      "serial\tmodel\tcustomer\tshipped\tconfig\n"
      "2025-001\tHYS5160\tC001\t2025-03-01\t\"8吨\" 洗扫, 东风底盘\n";
  cli.write_file("units.tsv", tsv);
  RunResult r = cli.run({"import", "units", "units.tsv"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "units.tsv: 1 records, tsv, utf-8"));
  CHECK(contains(cli.run({"unit", "show", "2025-001", "--format", "json"}).out,
                 "\\\"8吨\\\" 洗扫, 东风底盘"));  // quotes are text in TSV
  cli.write_file("more.txt",
                 "serial\tmodel\tcustomer\tshipped\n2025-002\tHYS5160\tC001\t2025-06-15\n");
  r = cli.run({"import", "units", "more.txt"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "more.txt: 1 records, tsv"));
  cli.write_file("one.csv", "serial\n2025-003\tx\n");  // no tab in the first line: CSV
  r = cli.run({"import", "units", "one.csv", "--delimiter", "tab", "--dry-run"});
  CHECK(contains(r.err, "one.csv: 1 records, tsv"));
  r = cli.run({"import", "units", "units.tsv", "--delimiter", "semicolon"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--delimiter semicolon"));
}

// TSV has no quoting (IANA text/tab-separated-values): a line break in a cell is exported as a
// space, so only CSV carries 多行 text back unchanged; this ledger has none.
TEST_CASE("units exported as TSV import again unchanged") {
  Cli cli;
  seed(cli);
  cli.write_file("units.csv",
                 "serial,model,customer,shipped,config\n"
                 "2025-001,HYS5160,C001,2025-03-01,\"8吨洗扫, 东风底盘\"\n"
                 "2025-002,HYS5160,C001,2025-06-15,东风底盘\n");
  REQUIRE(cli.run({"import", "units", "units.csv"}).exit_code == 0);
  const RunResult exported = cli.run({"export", "units", "--format", "tsv", "-o", "units.tsv"});
  INFO(describe(exported));
  REQUIRE(exported.exit_code == 0);
  const RunResult again = cli.run({"import", "units", "units.tsv"});
  INFO(describe(again));
  CHECK(again.exit_code == 0);
  CHECK(contains(again.err, "units.tsv: 2 records, tsv"));
  CHECK(contains(again.err, "0 new, 2 unchanged, 0 updated, 0 rejected"));
}

TEST_CASE("- imports standard input, CSV or a workbook, with its digest recorded") {
  Cli cli;
  seed(cli);
  cli.write_file("piped.csv", kUnitsCsv);
  RunResult r = cli.run_from("piped.csv", {"import", "units", "-"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "<stdin>: 2 records, csv, utf-8"));
  // The digest is the bytes' whatever their source: the same file named gives the same one.
  const RunResult named = cli.run({"import", "units", "piped.csv", "--dry-run"});
  const auto digest_of = [](const std::string& err) {
    const auto at = err.find("sha256 ");
    return at == std::string::npos ? std::string() : err.substr(at + 7, 16);
  };
  CHECK_FALSE(digest_of(r.err).empty());
  CHECK(digest_of(r.err) == digest_of(named.err));
  CHECK(contains(cli.run({"import", "list", "--format", "csv"}).out, "<stdin>"));

  cli.write_file("piped.xlsx", two_units_xlsx());
  r = cli.run_from("piped.xlsx", {"import", "units", "-"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "<stdin>: 2 records, xlsx"));
  std::filesystem::copy_file(xls_fixture(), cli.path("piped.xls"));
  r = cli.run_from("piped.xls", {"import", "units", "-"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "<stdin>: 2 records, xls"));
  CHECK(contains(cli.run({"unit", "show", "2025-101"}).out, "2025-03-01"));
}

TEST_CASE("a bad row from standard input is named <stdin> with its line and column") {
  Cli cli;
  seed(cli);
  cli.write_file("bad.csv", "serial,model,customer,shipped\n2025-001,HYS5160,C001,2023-13-01\n");
  const RunResult r = cli.run_from("bad.csv", {"import", "units", "-"});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "<stdin>:2:4: field \"shipped\""));
}

TEST_CASE("standard input named twice is refused, exit 2") {
  Cli cli;
  seed(cli);
  cli.write_file("piped.csv", kUnitsCsv);
  const RunResult r = cli.run_from("piped.csv", {"import", "units", "-", "-"});
  INFO(describe(r));
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "standard input (-) is named more than once"));
  CHECK(unit_count(cli) == "0");
}
