// One file's rows: every problem is a finding named by file, line, column and field, where a
// clerk finds it in the file; blank rows are skipped, ragged rows never filled or cut.
#include <doctest/doctest.h>

#include "aftersales/import/importer.h"
#include "aftersales/store/store.h"
#include "support/import_world.h"
#include "support/xlsx_builder.h"

using namespace aftersales;
using testing::ImportWorld;

TEST_CASE("a bad cell is named by file, line, column and its column's header") {
  ImportWorld world;
  const ImportSummary summary = world.import(ImportEntity::kUnits, "units.csv",
                                             "serial,model,customer,shipped\r\n"
                                             "2025-001,HYS5160,C001,2025-03-01\r\n"
                                             "2025-002,HYS5160,C001,2023-13-01\r\n");
  REQUIRE(summary.findings.size() == 1);
  const ImportFinding& finding = summary.findings[0];
  const std::string path = world.dir.file("units.csv");
  CHECK(finding.file == path);
  CHECK(finding.line == 3);
  CHECK(finding.record == 3);
  CHECK(finding.column == 4);
  CHECK(finding.field == "shipped");
  CHECK(finding.to_string().rfind(path + ":3:4: field \"shipped\": cannot read \"2023-13-01\"",
                                  0) == 0);
}

TEST_CASE("a finding names the column as the file's header calls it") {
  ImportWorld world;
  const ImportSummary summary = world.import(ImportEntity::kUnits, "units.csv",
                                             "出厂编号,车型,客户编号,出厂日期\r\n"
                                             "2025-001,NOPE,C001,2025-03-01\r\n");
  REQUIRE(summary.findings.size() == 1);
  CHECK(summary.findings[0].column == 2);
  CHECK(summary.findings[0].field == "车型");
}

TEST_CASE("a field the file has no column for is named by the field, at column 0") {
  ImportWorld world;
  const ImportSummary summary = world.import(ImportEntity::kUnits, "units.csv",
                                             "serial,vin\r\n"
                                             "2025-009,LZZ9\r\n");
  REQUIRE(summary.findings.size() == 3);
  CHECK(summary.findings[0].column == 0);
  CHECK(summary.findings[0].field == "model");
  CHECK(summary.findings[0].to_string() ==
        world.dir.file("units.csv") +
            ":2:0: field \"model\": is missing; a new unit needs its model");
}

TEST_CASE("the record number is given where a quoted field spans lines") {
  ImportWorld world;
  const ImportSummary summary = world.import(ImportEntity::kUnits, "units.csv",
                                             "serial,model,customer,shipped,config\r\n"
                                             "2025-001,HYS5160,C001,2025-03-01,\"two\nlines\"\r\n"
                                             "2025-002,HYS5160,C001,2025-02-30,x\r\n");
  REQUIRE(summary.findings.size() == 1);
  CHECK(summary.findings[0].line == 4);
  CHECK(summary.findings[0].record == 3);
  CHECK(summary.findings[0].to_string().rfind(
            world.dir.file("units.csv") + ":4 (record 3):4: field \"shipped\"", 0) == 0);
}

TEST_CASE("a bad cell after a field spanning lines is named by the line it starts on") {
  ImportWorld world;
  const ImportSummary summary = world.import(ImportEntity::kUnits, "units.csv",
                                             "serial,model,customer,config,shipped\r\n"
                                             "2025-001,HYS5160,C001,\"two\nlines\",bad\r\n");
  REQUIRE(summary.findings.size() == 1);
  CHECK(summary.findings[0].line == 3);
  CHECK(summary.findings[0].record == 2);
  CHECK(summary.findings[0].column == 5);
}

TEST_CASE("a ragged row is a finding of the whole row, never filled or cut") {
  ImportWorld world;
  const ImportSummary summary = world.import(ImportEntity::kUnits, "units.csv",
                                             "serial,model,customer,shipped\r\n"
                                             "2025-001,HYS5160,C001\r\n"
                                             "2025-002,HYS5160,C001,2025-03-01,extra\r\n"
                                             "2025-003,HYS5160,C001,2025-03-01\r\n");
  CHECK(summary.rejected == 2);
  CHECK(summary.new_rows == 1);
  REQUIRE(summary.findings.size() == 2);
  CHECK(summary.findings[0].line == 2);
  CHECK(summary.findings[0].column == 0);
  CHECK(summary.findings[0].field.empty());
  CHECK(summary.findings[0].message.rfind("the row has 3 fields, the header has 4", 0) == 0);
  CHECK(summary.findings[1].message.rfind("the row has 5 fields, the header has 4", 0) == 0);
}

TEST_CASE("a stray quote is a finding at its column, named by its header") {
  ImportWorld world;
  const ImportSummary summary = world.import(ImportEntity::kUnits, "units.csv",
                                             "serial,model,customer,shipped\r\n"
                                             "2025-001,HYS\"5160,C001,2025-03-01\r\n");
  REQUIRE(summary.findings.size() == 1);
  CHECK(summary.findings[0].line == 2);
  CHECK(summary.findings[0].column == 2);
  CHECK(summary.findings[0].field == "model");
  CHECK(summary.findings[0].message.find("quote") != std::string::npos);
}

TEST_CASE("blank rows are skipped and not counted as records") {
  ImportWorld world;
  const ImportSummary summary = world.import(ImportEntity::kUnits, "units.csv",
                                             "serial,model,customer,shipped\r\n"
                                             " , ,,\r\n"
                                             "\r\n"
                                             "2025-001,HYS5160,C001,bad\r\n");
  CHECK(summary.files[0].records == 1);
  REQUIRE(summary.findings.size() == 1);
  CHECK(summary.findings[0].line == 4);
}

TEST_CASE("without a header a bad first row asks whether it is a header") {
  ImportWorld world;
  world.file("units.csv",
             "serial,model,customer,customer_name,shipped\r\n"
             "2025-001,HYS5160,C001,,bad\r\n");
  ImportOptions options = world.options(ImportEntity::kUnits, {"units.csv"});
  options.mapping_file = world.file("map.toml", "header = false\n");
  const ImportSummary summary = world.run(options);
  REQUIRE(summary.findings.size() >= 2);
  CHECK(summary.findings[0].line == 1);
  CHECK(summary.findings[0].message.find("(is this a header row? did you forget skip?)") !=
        std::string::npos);
  const ImportFinding& second = summary.findings.back();
  CHECK(second.line == 2);
  CHECK(second.field == "shipped");  // the field's name: there is no header
  CHECK(second.column == 5);
  CHECK(second.message.find("is this a header row") == std::string::npos);
}

TEST_CASE("a ticket's description is named by its column, though the intake calls it desc") {
  ImportWorld world;
  world.import(ImportEntity::kUnits, "units.csv", testing::kTwoUnitsCsv);
  const ImportSummary summary =
      world.import(ImportEntity::kTickets, "tickets.csv",
                   "number,unit,category,channel,故障描述,reported_at\r\n"
                   "SR-2026-000041,2025-001,液压系统,phone,,2026-03-05T09:30\r\n");
  REQUIRE(summary.findings.size() == 1);
  CHECK(summary.findings[0].column == 5);
  CHECK(summary.findings[0].field == "故障描述");
}

TEST_CASE("an xlsx row shorter than the header is read, and named by its Excel row") {
  ImportWorld world;
  // A worksheet row's fields end at its last value: no vin is no ragged row. Row 3 is empty
  // and left out; the bad date on row 4 is named by that row, as Excel shows it.
  testing::XlsxWorkbook book;
  book.shared_strings =
      testing::shared_strings_xml({"serial", "model", "customer", "shipped", "vin", "2025-001",
                                   "HYS5160", "C001", "bad", "2025-002"});
  book.sheets.push_back(
      {"Sheet1",
       "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
       "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
       "<c r=\"E1\" t=\"s\"><v>4</v></c></row>"
       "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>5</v></c><c r=\"B2\" t=\"s\"><v>6</v></c>"
       "<c r=\"C2\" t=\"s\"><v>7</v></c><c r=\"D2\"><v>45000</v></c></row>"
       "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>9</v></c><c r=\"B4\" t=\"s\"><v>6</v></c>"
       "<c r=\"C4\" t=\"s\"><v>7</v></c><c r=\"D4\" t=\"s\"><v>8</v></c></row>",
       std::nullopt});
  testing::write_xlsx(world.dir.file("units.xlsx"), book);
  ImportOptions options = world.options(ImportEntity::kUnits, {"units.xlsx"});
  options.on_error = OnError::kSkip;
  const ImportSummary summary = world.run(options);
  CHECK(summary.files.at(0).encoding == "xlsx");
  CHECK(summary.files.at(0).records == 2);
  CHECK(summary.new_rows == 1);
  CHECK(format_date(world.store->archive().find_unit("2025-001")->shipped_on) == "2023-03-15");
  REQUIRE(summary.findings.size() == 1);
  CHECK(summary.findings[0].line == 4);
  CHECK(summary.findings[0].column == 4);
  CHECK(summary.findings[0].field == "shipped");
}
