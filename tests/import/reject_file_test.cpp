// The reject file of skip mode: the bad rows as they were, with where and why, in UTF-8 with a
// BOM; it appears only when the import is committed with rejected rows.
#include <doctest/doctest.h>

#include "aftersales/import/importer.h"
#include "aftersales/store/store.h"
#include "support/expect_error.h"
#include "support/import_world.h"

using namespace aftersales;
using testing::expect_error;
using testing::ImportWorld;

namespace {

// Options importing `names` in skip mode with the reject file rejected.csv.
ImportOptions skipping(ImportWorld& world, const std::vector<std::string>& names) {
  ImportOptions options = world.options(ImportEntity::kUnits, names);
  options.on_error = OnError::kSkip;
  options.reject_file = world.dir.file("rejected.csv");
  return options;
}

}  // namespace

TEST_CASE("skip mode keeps the good rows and writes the bad ones to the reject file") {
  ImportWorld world;
  world.file("units.csv",
             "serial,model,customer,shipped\r\n"
             "2025-001,HYS5160,C001,2025-03-01\r\n"
             "2025-002,NOPE,C001,2025-03-01\r\n"
             "2025-003,HYS5160,C001,2025-03-01\r\n");
  const ImportSummary summary = world.run(skipping(world, {"units.csv"}));
  CHECK(summary.committed);
  CHECK(summary.new_rows == 2);
  CHECK(summary.rejected == 1);
  CHECK(world.serials() == std::vector<std::string>{"2025-001", "2025-003"});
  CHECK(world.store->imports().find_batch(*summary.batch_id)->mode == "skip");
  CHECK(world.dir.read("rejected.csv") ==
        "\xEF\xBB\xBF"
        "serial,model,customer,shipped,_line,_field,_error\r\n"
        "2025-002,NOPE,C001,2025-03-01,3,model,"
        "\"model \"\"NOPE\"\" does not exist; import or add the model first\"\r\n");
  CHECK_FALSE(world.dir.exists("rejected.csv.tmp"));
}

TEST_CASE("a rejected row's fields are quoted where they hold commas, quotes or line breaks") {
  ImportWorld world;
  world.file("units.csv",
             "serial,model,customer,shipped,config\r\n"
             "2025-001,HYS5160,C001,2025-13-01,\"8吨, \"\"洗扫\"\"\nline two\"\r\n");
  world.run(skipping(world, {"units.csv"}));
  const std::string rejected = world.dir.read("rejected.csv");
  CHECK(rejected.find("2025-001,HYS5160,C001,2025-13-01,\"8吨, \"\"洗扫\"\"\nline two\",2,"
                      "shipped,") != std::string::npos);
}

TEST_CASE("a row with several problems is one reject row naming its first field") {
  ImportWorld world;
  world.file("units.csv",
             "serial,model,customer,shipped\r\n"
             "2025-001,,,\r\n");
  const ImportSummary summary = world.run(skipping(world, {"units.csv"}));
  CHECK(summary.rejected == 1);
  CHECK(summary.findings.size() == 3);
  // Every problem's message, joined, in one quoted field (they hold quotes).
  CHECK(world.dir.read("rejected.csv") ==
        "\xEF\xBB\xBF"
        "serial,model,customer,shipped,_line,_field,_error\r\n"
        "2025-001,,,,2,model,\"is empty; it is required; is empty; it is required; cannot read "
        "\"\"\"\" as a date: the date is empty; write YYYY-MM-DD, like 2023-03-05\"\r\n");
}

TEST_CASE("each file's rejected rows come under that file's header") {
  ImportWorld world;
  world.file("a.csv",
             "serial,model,customer,shipped\r\n"
             "2025-001,NOPE,C001,2025-03-01\r\n");
  world.file("b.csv",
             "shipped,serial,model,customer\r\n"
             "bad,2025-002,HYS5160,C001\r\n");
  world.file("c.csv",
             "serial,model,customer,shipped\r\n"
             "2025-003,HYS5160,C001,2025-03-01\r\n");
  const ImportSummary summary = world.run(skipping(world, {"a.csv", "c.csv", "b.csv"}));
  CHECK(summary.rejected == 2);
  const std::string rejected = world.dir.read("rejected.csv");
  CHECK(rejected.find("\xEF\xBB\xBFserial,model,customer,shipped,_line,_field,_error\r\n"
                      "2025-001,NOPE,") == 0);
  // c.csv rejected nothing: no header of its own.
  CHECK(rejected.find("\r\nshipped,serial,model,customer,_line,_field,_error\r\n"
                      "bad,2025-002,HYS5160,C001,2,shipped,") != std::string::npos);
  CHECK(rejected.find("serial,model,customer,shipped,_line", 10) == std::string::npos);
}

TEST_CASE("no reject file is left when nothing was rejected") {
  ImportWorld world;
  world.file("units.csv", testing::kTwoUnitsCsv);
  const ImportSummary summary = world.run(skipping(world, {"units.csv"}));
  CHECK(summary.committed);
  CHECK(summary.rejected == 0);
  CHECK_FALSE(world.dir.exists("rejected.csv"));
  CHECK_FALSE(world.dir.exists("rejected.csv.tmp"));
}

TEST_CASE("no reject file is left when the import fails whole") {
  ImportWorld world;
  world.file("units.csv",
             "serial,model,customer,shipped\r\n"
             "2025-001,NOPE,C001,2025-03-01\r\n");
  CHECK_THROWS_AS(world.run(skipping(world, {"units.csv", "missing.csv"})), Error);
  world.file("bad-header.csv", "title\r\n");
  CHECK_THROWS_AS(world.run(skipping(world, {"units.csv", "bad-header.csv"})), Error);
  CHECK_FALSE(world.dir.exists("rejected.csv"));
  CHECK_FALSE(world.dir.exists("rejected.csv.tmp"));
  CHECK(world.store->imports().list_batches().empty());
}

TEST_CASE("a reject file that cannot be written refuses the import before it starts") {
  ImportWorld world;
  world.file("units.csv", testing::kTwoUnitsCsv);
  ImportOptions options = skipping(world, {"units.csv"});
  options.reject_file = world.dir.file("no/such/dir/rejected.csv");
  expect_error(ErrorCode::kUsage, {"rejected.csv: cannot be written"}, [&] { world.run(options); });
  CHECK(world.serials().empty());
}
