// Issue 8's findings on the command line, each reproduced as the attack or fault it was and
// shown refused: exit code, message, and nothing written. Finding 1 (forged approvers) is in
// cli_config_test.cpp, 2 (backdating) in cli_archive_test.cpp, 3 (foreign, empty and damaged
// files) in cli_ledger_test.cpp.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/cli_support.h"
#include "support/test_engine.h"
#include "support/xlsx_builder.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;

namespace {

// What the ledger holds, to compare before and after a refused command.
std::string dump(const Cli& cli) {
  return cli.sql(
      "SELECT 'audit', count(*) FROM audit_log UNION ALL SELECT 'batches', count(*) FROM "
      "import_batch UNION ALL SELECT 'customers', count(*) FROM customer");
}

constexpr const char* kCustomers = "code,name\r\nC100,甲公司\r\nC101,\r\n";

}  // namespace

TEST_CASE("finding 4: a reject file that is an input file is refused before any work") {
  Cli cli;
  cli.seed_archive();
  cli.write_file("in.csv", kCustomers);
  const std::string before = dump(cli);
  RunResult r =
      cli.run({"import", "customers", "in.csv", "--on-error", "skip", "--reject-file", "in.csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "a file this import reads"));
  CHECK(cli.read_file("in.csv") == kCustomers);
  CHECK(dump(cli) == before);
  // The same file by another name.
  r = cli.run(
      {"import", "customers", "in.csv", "--on-error", "skip", "--reject-file", cli.path("in.csv")});
  CHECK(r.exit_code == 2);
  CHECK(cli.read_file("in.csv") == kCustomers);
}

TEST_CASE("finding 4: a reject file that is a directory is refused, and no sibling is written") {
  Cli cli;
  cli.seed_archive();
  cli.write_file("in.csv", kCustomers);
  std::filesystem::create_directory(cli.path("rejects"));
  const std::string before = dump(cli);
  const RunResult r =
      cli.run({"import", "customers", "in.csv", "--on-error", "skip", "--reject-file", "rejects"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "is a directory"));
  CHECK_FALSE(std::filesystem::exists(cli.path("rejects.tmp")));
  CHECK(dump(cli) == before);
}

TEST_CASE("finding 5: an .xlsx that inflates far beyond its size is refused, nothing imported") {
  Cli cli;
  cli.seed_archive();
  // A header, then one cell of 3 MiB of the same letter: deflate packs it about 1000 to 1.
  const std::string rows =
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row><row r="2">)"
      R"(<c r="A2" t="inlineStr"><is><t>)" +
      std::string(3u * 1024 * 1024, 'A') + "</t></is></c></row>";
  aftersales::testing::XlsxWorkbook book;
  book.sheets.push_back({"Sheet1", rows, std::nullopt});
  aftersales::testing::write_xlsx(cli.path("bomb.xlsx"), book);
  const std::string before = dump(cli);
  const RunResult r = cli.run({"import", "customers", "bomb.xlsx"});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "xlsx_max_compression_ratio"));
  CHECK(dump(cli) == before);
}

TEST_CASE("finding 6: escape sequences in input are echoed escaped, C1 and bidi refused") {
  Cli cli;
  cli.seed_archive();
  RunResult r = cli.run({"ticket", "open", "--unit", "\x1b[31mX\x1b]0;owned\x07", "--category",
                         "底盘", "--channel", "phone", "--desc", "x"});
  CHECK(r.exit_code == 3);
  CHECK_FALSE(contains(r.err, "\x1b"));
  CHECK_FALSE(contains(r.err, "\x07"));
  CHECK(contains(r.err, "\\x1b[31mX"));
  r = cli.run({"--as", "\x1b[2J", "unit", "list"});
  CHECK_FALSE(contains(r.err, "\x1b"));
  // A cell of a spreadsheet, quoted in a finding.
  cli.write_file("units.csv",
                 "serial,model,customer,shipped\r\nU9,HYS5160,C001,\x1b[31m2026-01-01\r\n");
  r = cli.run({"import", "units", "units.csv"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "units.csv:2:"));
  CHECK_FALSE(contains(r.err, "\x1b"));
  const std::string before = dump(cli);
  for (const char* name : {"甲\xc2\x9b公司",
                           "\xe2\x80\xae"
                           "moc.evil"}) {  // U+009B, U+202E
    r = cli.run({"customer", "add", "C200", "--name", name});
    INFO(describe(r));
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "U+"));
    CHECK_FALSE(contains(r.err, name));
  }
  CHECK(dump(cli) == before);
}

TEST_CASE("finding 7: formulas in CSV written for Excel (--bom) are prefixed, data exact without") {
  Cli cli;
  cli.seed_archive();
  REQUIRE(
      cli.run({"customer", "add", "C300", "--name", "=HYPERLINK(\"http://x\",\"y\")"}).exit_code ==
      0);
  REQUIRE(cli.run({"customer", "add", "C301", "--name", "@SUM(A1)"}).exit_code == 0);
  RunResult r = cli.run({"customer", "list", "--format", "csv", "--bom"});
  CHECK(contains(r.out, "'=HYPERLINK"));
  CHECK(contains(r.out, "'@SUM(A1)"));
  r = cli.run({"customer", "list", "--format", "csv"});
  CHECK(contains(r.out, "\"=HYPERLINK("));
  CHECK_FALSE(contains(r.out, "'="));
}

TEST_CASE("finding 8: output that cannot be written exits 6, -o into no directory exits 2") {
  Cli cli;
  cli.seed_archive();
  RunResult r = cli.run_to("/dev/full", {"unit", "list"});
  INFO(describe(r));
  CHECK(r.exit_code == 6);
  CHECK(contains(r.err, "writing the output failed"));
  const std::string before = dump(cli);
  r = cli.run({"customer", "add", "C400", "--name", "x", "-o", "no/such/dir/out.csv"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "does not exist"));
  CHECK(dump(cli) == before);
}

TEST_CASE("finding 8: backup refuses the ledger's own -wal, -shm and -journal files") {
  if (aftersales::testing::skipped_on_postgres("a SQLite file's companions")) return;
  Cli cli;
  cli.seed_archive();
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    const RunResult r = cli.run({"backup", cli.db() + suffix, "--force"});
    INFO(describe(r));
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "the ledger's own"));
  }
  CHECK(cli.run({"unit", "show", "2025-001"}).exit_code == 0);
}
