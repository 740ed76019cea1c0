// The columns of an imported file: the mapping file (renamed columns, skip, positions,
// expect_header), the built-in header names, and cells read as the core reads them.
#include <doctest/doctest.h>

#include "aftersales/core/error.h"
#include "aftersales/import/importer.h"
#include "aftersales/store/store.h"
#include "support/expect_error.h"
#include "support/import_world.h"

using namespace aftersales;
using testing::expect_error;
using testing::ImportWorld;

namespace {

// The mapping file `toml` written as map.toml, and the options importing `name` with it.
ImportOptions mapped(ImportWorld& world, const std::string& name, const std::string& toml) {
  ImportOptions options = world.options(ImportEntity::kUnits, {name});
  options.mapping_file = world.file("map.toml", toml);
  return options;
}

}  // namespace

TEST_CASE("a mapping renames columns, numbers one and skips the lines above the header") {
  ImportWorld world;
  world.file("station.csv",
             "售后服务站 2025 年报\r\n"
             "编号,型号,客户,日期\r\n"
             "2025-001,HYS5160,C001,2025-03-01\r\n");
  const ImportSummary summary = world.run(mapped(world, "station.csv",
                                                 "skip = 1\n[columns]\nserial = \"编号\"\nmodel = "
                                                 "\"型号\"\ncustomer = 3\nshipped = \"日期\"\n"));
  CHECK(summary.committed);
  CHECK(summary.new_rows == 1);
  CHECK(summary.findings.empty());
  CHECK(summary.files.at(0).records == 1);  // the skipped line and the header are no records
  const std::optional<Unit> unit = world.store->archive().find_unit("2025-001");
  REQUIRE(unit.has_value());
  CHECK(unit->customer_code == "C001");
  CHECK(format_date(unit->shipped_on) == "2025-03-01");
}

TEST_CASE("skip counts lines: a header on the line after the skipped ones is read") {
  ImportWorld world;
  world.file("units.csv", std::string("title\r\nsubtitle\r\n") + testing::kTwoUnitsCsv);
  CHECK(world.run(mapped(world, "units.csv", "skip = 2\n")).new_rows == 2);
  // One line too few leaves the subtitle as the header: it has no key column.
  expect_error(ErrorCode::kInvalidInput, {"no column for the key field \"serial\"", "skip"},
               [&] { world.run(mapped(world, "units.csv", "skip = 1\n")); });
}

TEST_CASE("without a header the mapping's column numbers place the fields") {
  ImportWorld world;
  world.file("units.csv", "LZZ9,2025-001,C001,HYS5160,2025-03-01\r\n");
  const ImportSummary summary =
      world.run(mapped(world, "units.csv",
                       "header = false\n[columns]\nvin = 1\nserial = 2\ncustomer = 3\nmodel = 4\n"
                       "shipped = 5\n"));
  CHECK(summary.new_rows == 1);
  REQUIRE(world.store->archive().find_unit("2025-001").has_value());
  CHECK(world.store->archive().find_unit("2025-001")->vin == "LZZ9");
}

TEST_CASE("without a header or [columns] the columns are the fields in their order") {
  ImportWorld world;
  // serial, model, customer, customer_name, shipped, vin
  world.file("units.csv", "2025-001,HYS5160,C001,,2025-03-01,LZZ1\r\n");
  const ImportSummary summary = world.run(mapped(world, "units.csv", "header = false\n"));
  CHECK(summary.new_rows == 1);
  CHECK(world.store->archive().find_unit("2025-001")->vin == "LZZ1");
}

TEST_CASE("a header that is not the agreed one refuses the whole import") {
  ImportWorld world;
  world.file("units.csv", testing::kTwoUnitsCsv);
  expect_error(
      ErrorCode::kInvalidInput,
      {"units.csv:1: the header is not the agreed one", "expected 出厂编号,车型", "expect_header"},
      [&] { world.run(mapped(world, "units.csv", "expect_header = [\"出厂编号\", \"车型\"]\n")); });
  CHECK(world.serials().empty());
  CHECK(world.store->imports().list_batches().empty());
  // The agreed header, exactly, is accepted.
  CHECK(world
            .run(mapped(world, "units.csv",
                        "expect_header = [\"serial\", \"model\", \"customer\", \"shipped\", "
                        "\"vin\"]\n"))
            .new_rows == 2);
}

TEST_CASE("a column the mapping names that the header lacks is refused") {
  ImportWorld world;
  world.file("units.csv", testing::kTwoUnitsCsv);
  expect_error(ErrorCode::kInvalidInput,
               {"the mapping's column \"底盘号\" for field \"vin\" is not in the header"},
               [&] { world.run(mapped(world, "units.csv", "[columns]\nvin = \"底盘号\"\n")); });
}

TEST_CASE("a mapping file with an unknown key or field is a usage error naming where") {
  ImportWorld world;
  world.file("units.csv", testing::kTwoUnitsCsv);
  expect_error(ErrorCode::kUsage, {"map.toml:1:", "unknown key \"skipp\""},
               [&] { world.run(mapped(world, "units.csv", "skipp = 1\n")); });
  expect_error(ErrorCode::kUsage, {"map.toml:2:", "\"colour\" is not a field"},
               [&] { world.run(mapped(world, "units.csv", "[columns]\ncolour = 3\n")); });
  expect_error(ErrorCode::kUsage, {"columns.vin is a header name (text) or a column number"},
               [&] { world.run(mapped(world, "units.csv", "[columns]\nvin = 0\n")); });
}

TEST_CASE("built-in header names match in any case and in the seed's Chinese") {
  ImportWorld world;
  const ImportSummary summary = world.import(ImportEntity::kUnits, "units.csv",
                                             "SERIAL,车型,客户编号, 出厂日期 ,底盘号\r\n"
                                             "2025-001,HYS5160,C001,2025-03-01,LZZ1\r\n");
  CHECK(summary.new_rows == 1);
  CHECK(summary.warnings.empty());
  CHECK(world.store->archive().find_unit("2025-001")->vin == "LZZ1");
}

TEST_CASE("a column that is no field is ignored with a warning naming it") {
  ImportWorld world;
  const ImportSummary summary = world.import(ImportEntity::kUnits, "units.csv",
                                             "serial,model,customer,shipped,remark\r\n"
                                             "2025-001,HYS5160,C001,2025-03-01,call first\r\n");
  CHECK(summary.new_rows == 1);
  REQUIRE(summary.warnings.size() == 1);
  CHECK(summary.warnings[0] ==
        world.dir.file("units.csv") + ":1:5: column \"remark\" is not a field of units; ignored");
}

TEST_CASE("a number's thousands separator is the mark that is not the decimal mark") {
  ImportWorld world;
  world.file("units.csv",
             "serial,model,customer,shipped,km\r\n"
             "2025-001,HYS5160,C001,2025-03-01,\"12,345\"\r\n");
  CHECK(world.run(world.options(ImportEntity::kUnits, {"units.csv"})).new_rows == 1);
  CHECK(world.store->archive().find_unit("2025-001")->odometer_km == 12345);

  world.file("comma.csv",
             "serial,model,customer,shipped,km\r\n"
             "2025-002,HYS5160,C001,2025-03-01,12.346\r\n");
  CHECK(world.run(mapped(world, "comma.csv", "decimal_mark = \",\"\n")).new_rows == 1);
  CHECK(world.store->archive().find_unit("2025-002")->odometer_km == 12346);
}

TEST_CASE("excel_dates reads a plain number in a CSV date column as an Excel serial") {
  ImportWorld world;
  const std::string csv =
      "serial,model,customer,shipped\r\n"
      "2025-001,HYS5160,C001,45000\r\n";
  world.file("units.csv", csv);
  // A CSV's numbers are not dates unless the mapping says so.
  const ImportSummary plain = world.run(world.options(ImportEntity::kUnits, {"units.csv"}));
  CHECK(plain.rejected == 1);
  CHECK_FALSE(plain.committed);
  const ImportSummary serial = world.run(mapped(world, "units.csv", "excel_dates = true\n"));
  CHECK(serial.new_rows == 1);
  CHECK(format_date(world.store->archive().find_unit("2025-001")->shipped_on) == "2023-03-15");
}
