// The import's inputs told by their content (issue 14): a workbook under any name, Excel
// 97-2003 .xls through libfreexl with its cells as the .xlsx reader gives them, and TSV, named
// .tsv or sniffed from its first line.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "aftersales/core/error.h"
#include "aftersales/import/importer.h"
#include "aftersales/io/sheets/excel_date.h"
#include "aftersales/io/sheets/record_source.h"
#include "aftersales/io/sheets/sheet_format.h"
#include "aftersales/store/store.h"
#include "support/import_world.h"
#include "support/xlsx_builder.h"

using namespace aftersales;
using testing::ImportWorld;

namespace {

// tests/import/data/units.xls (its README says what it holds).
std::string xls_fixture() {
  return (std::filesystem::path(__FILE__).parent_path() / "data" / "units.xls").string();
}

// The records of `source`, each as its fields.
std::vector<std::vector<std::string>> records_of(RecordSource& source) {
  std::vector<std::vector<std::string>> all;
  SourceRecord record;
  while (source.next(record)) all.push_back(record.fields);
  return all;
}

// An .xlsx of the header and two units of kTwoUnitsCsv.
void write_two_units_xlsx(const std::string& path) {
  testing::write_xlsx(path, testing::two_units_workbook());
}

const char* const kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

}  // namespace

TEST_CASE("a sheet's format is told by its first bytes, not its name") {
  ImportWorld world;
  write_two_units_xlsx(world.dir.file("really-xlsx.csv"));
  CHECK(sniff_sheet_format(world.dir.file("really-xlsx.csv"), "x") == SheetFormat::kXlsx);
  CHECK(sniff_sheet_format(xls_fixture(), "x") == SheetFormat::kXls);
  CHECK(sniff_sheet_format(world.file("units.xlsx", "serial,model\r\n"), "x") ==
        SheetFormat::kText);
  CHECK(sniff_sheet_format(world.file("short.csv", "PK"), "x") == SheetFormat::kText);
  CHECK(sniff_sheet_format(world.file("empty.csv", ""), "x") == SheetFormat::kText);
  CHECK_THROWS_AS(sniff_sheet_format(world.dir.file("missing.csv"), "x"), Error);
}

TEST_CASE("an Excel serial is found for a date as the xlsx reader would read it") {
  for (const char* date : {"1900-01-01", "1900-02-28", "1900-03-01", "1970-01-01", "2023-03-15",
                           "2025-03-01", "9999-12-31"}) {
    INFO(date);
    const std::optional<std::int64_t> serial = excel_serial_of(*parse_date(date));
    REQUIRE(serial.has_value());
    CHECK(format_date(*excel_serial_date(std::to_string(*serial))) == date);
  }
  CHECK(excel_serial_of(*parse_date("2023-03-15")) == 45000);
  CHECK(excel_serial_of(*parse_date("1900-03-01")) == 61);
  CHECK_FALSE(excel_serial_of(*parse_date("1899-12-31")).has_value());
}

TEST_CASE("TSV splits at tabs and quotes nothing, as --format tsv writes it") {
  ImportWorld world;
  const std::string path = world.file("notes.tsv",
                                      "serial\tconfig\tterms\r\n"
                                      "2025-001\t\"8吨\" 洗扫, 东风\t整车12个月\n"
                                      "2025-002\t\t\n");
  const auto source = open_csv(path, TextEncoding::kAuto, Delimiter::kTab);
  const auto records = records_of(*source);
  CHECK(source->format() == "tsv");
  REQUIRE(records.size() == 3);
  CHECK(records[1] == std::vector<std::string>{"2025-001", "\"8吨\" 洗扫, 东风", "整车12个月"});
  CHECK(records[2] == std::vector<std::string>{"2025-002", "", ""});
}

TEST_CASE("the delimiter is sniffed from the first line that holds a tab or a comma") {
  ImportWorld world;
  SUBCASE("tabs and no comma: TSV") {
    const auto source = open_csv(world.file("a.csv", "serial\tmodel\n1\t2,3\n"),
                                 TextEncoding::kAuto, Delimiter::kAuto);
    CHECK(records_of(*source).back() == std::vector<std::string>{"1", "2,3"});
    CHECK(source->format() == "tsv");
  }
  SUBCASE("a title line above the header says nothing") {
    const auto source = open_csv(world.file("a.txt", "单位档案\nserial\tmodel\n1\t2\n"),
                                 TextEncoding::kAuto, Delimiter::kAuto);
    CHECK(records_of(*source).size() == 3);
    CHECK(source->format() == "tsv");
  }
  SUBCASE("a comma outside quotes: CSV, whatever tabs there are") {
    const auto source = open_csv(world.file("a.txt", "serial,\"a\tb\"\n1,2\n"), TextEncoding::kAuto,
                                 Delimiter::kAuto);
    CHECK(records_of(*source).front() == std::vector<std::string>{"serial", "a\tb"});
    CHECK(source->format() == "csv");
  }
  SUBCASE("commas only inside quotes, and tabs: TSV") {
    const auto source = open_csv(world.file("a.txt", "\"serial, no.\"\tmodel\n1\t2\n"),
                                 TextEncoding::kAuto, Delimiter::kAuto);
    CHECK(records_of(*source).back() == std::vector<std::string>{"1", "2"});
    CHECK(source->format() == "tsv");
  }
  SUBCASE("UTF-16 text is sniffed once decoded") {
    const std::string utf16 = std::string("\xFF\xFE", 2) + std::string("a\0\t\0b\0\n\0", 8) +
                              std::string("1\0\t\0\x32\0\n\0", 8);
    const auto source =
        open_csv(world.file("u16.txt", utf16), TextEncoding::kAuto, Delimiter::kAuto);
    CHECK(records_of(*source).back() == std::vector<std::string>{"1", "2"});
    CHECK(source->format() == "tsv");
  }
}

TEST_CASE("an .xls worksheet's cells come as the xlsx reader gives them") {
  const auto source = open_xls(xls_fixture(), "units.xls");
  CHECK(source->format() == "xls");
  std::vector<std::int64_t> lines;
  std::vector<std::vector<std::string>> records;
  SourceRecord record;
  while (source->next(record)) {
    CHECK(record.problem == "");
    lines.push_back(record.line);
    records.push_back(record.fields);
  }
  CHECK(lines == std::vector<std::int64_t>{1, 2, 4});  // the empty row 3 is left out
  REQUIRE(records.size() == 3);
  CHECK(records[0].front() == "serial");
  // A date cell is its Excel serial (2025-03-01), a whole number its digits.
  CHECK(records[1] == std::vector<std::string>{"2025-101", "HYS5160", "C001", "45717", "LZZ101",
                                               "WP10-101", "8吨洗扫", "整车12个月"});
  CHECK(records[2][3] == "45823");
  CHECK(records[2][5] == "6102");
  CHECK(source->bytes_read() == source->total_bytes());
}

TEST_CASE("an .xls that cannot be read is refused naming the file") {
  ImportWorld world;
  const std::string path =
      world.file("broken.xls", std::string(kOle2Magic) + std::string(600, '\x01'));
  try {
    open_xls(path, "broken.xls");
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::kInvalidInput);
    CHECK(std::string(error.what()).rfind("broken.xls is an Excel 97-2003 .xls workbook", 0) == 0);
  }
  CHECK_THROWS_AS(open_xls(xls_fixture(), "units.xls", "Nope"), Error);
  XlsxLimits small;
  small.max_part_bytes = 1024;
  CHECK_THROWS_WITH_AS(open_xls(xls_fixture(), "units.xls", {}, small),
                       doctest::Contains("import.xlsx_max_part_mb"), Error);
}

TEST_CASE("an .xlsx named .csv is imported as the workbook it is") {
  ImportWorld world;
  write_two_units_xlsx(world.dir.file("units.csv"));
  const ImportSummary summary = world.run(world.options(ImportEntity::kUnits, {"units.csv"}));
  INFO((summary.findings.empty() ? "" : summary.findings[0].to_string()));
  CHECK(summary.committed);
  CHECK(summary.new_rows == 2);
  CHECK(summary.files.at(0).format == "xlsx");
  CHECK(format_date(world.store->archive().find_unit("2025-001")->shipped_on) == "2025-03-01");
}

TEST_CASE("units import from an .xls workbook, its date cells as dates") {
  ImportWorld world;
  ImportOptions options;
  options.entity = ImportEntity::kUnits;
  options.files = {xls_fixture()};
  const ImportSummary summary = world.run(options);
  INFO((summary.findings.empty() ? "" : summary.findings[0].to_string()));
  CHECK(summary.committed);
  CHECK(summary.new_rows == 2);
  CHECK(summary.files.at(0).format == "xls");
  CHECK(summary.files.at(0).records == 2);
  CHECK(format_date(world.store->archive().find_unit("2025-101")->shipped_on) == "2025-03-01");
  CHECK(format_date(world.store->archive().find_unit("2025-102")->shipped_on) == "2025-06-15");
  CHECK(world.store->archive().find_unit("2025-102")->engine_no == "6102");
}

TEST_CASE("TSV imports, by its extension or by its header") {
  ImportWorld world;
  const std::string tsv =
      "serial\tmodel\tcustomer\tshipped\tvin\n"
      "2025-001\tHYS5160\tC001\t2025-03-01\tLZZ1\n"
      "2025-002\tHYS5160\tC001\t2025-06-15\tLZZ2\n";
  SUBCASE("named .tsv") {
    const ImportSummary summary = world.import(ImportEntity::kUnits, "units.tsv", tsv);
    CHECK(summary.new_rows == 2);
    CHECK(summary.files.at(0).format == "tsv");
  }
  SUBCASE("named .txt, sniffed") {
    const ImportSummary summary = world.import(ImportEntity::kUnits, "units.txt", tsv);
    CHECK(summary.new_rows == 2);
    CHECK(summary.files.at(0).format == "tsv");
  }
  SUBCASE("a ragged TSV row names the tab") {
    const ImportSummary summary =
        world.import(ImportEntity::kUnits, "units.tsv", tsv + "2025-003\tHYS5160\n");
    REQUIRE(summary.findings.size() == 1);
    CHECK(summary.findings[0].message.find("missing or extra tab") != std::string::npos);
  }
  SUBCASE("--delimiter comma reads the same file as one column") {
    ImportOptions options = world.options(ImportEntity::kUnits, {"units.tsv"});
    world.file("units.tsv", tsv);
    options.delimiter = Delimiter::kComma;
    CHECK_THROWS_AS(world.run(options), Error);  // no column is a known field
  }
}

TEST_CASE("standard input named twice is a usage error") {
  ImportWorld world;
  ImportOptions options;
  options.entity = ImportEntity::kUnits;
  options.files = {"-", "-"};
  try {
    world.run(options);
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::kUsage);
    CHECK(std::string(error.what()).find("more than once") != std::string::npos);
  }
}
