// `aftersales export ENTITY` (issue 12, item 4) on the command line: the entities listed when
// none or an unknown one is named (exit 2), stable headers, --month and --since by the record's
// business date, every format, --bom, and .xlsx refused until it is built.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "aftersales/io/sheets/record_source.h"
#include "cli/cli_support.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::trimmed;

namespace {

// The seeded archive (customer C001, model HYS5160, unit 2025-001 shipped 2025-03-01) with two
// tickets, reported on 2026-10-31 and 2026-11-02 (local time).
struct ExportLedger {
  Cli cli;
  std::string october, november;

  ExportLedger() {
    cli.seed_archive();
    october = open("2026-10-31T23:30:00+08:00");
    november = open("2026-11-02T08:00:00+08:00");
  }

  std::string open(const std::string& at) const {
    const RunResult r =
        cli.run({"ticket", "open", "--unit", "2025-001", "--category", "液压系统", "--channel",
                 "phone", "--desc", "液压泵异响", "--reported-at", at});
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
    return trimmed(r.out);
  }

  RunResult ok(const std::vector<std::string>& args) const {
    const RunResult r = cli.run(args);
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
    return r;
  }
};

// The lines of a CSV output without the header.
int data_lines(const std::string& csv) {
  int lines = 0;
  for (const char ch : csv) lines += ch == '\n' ? 1 : 0;
  return lines - 1;
}

}  // namespace

TEST_CASE("export without an entity lists every entity and exits 2") {
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"export"});
  INFO(describe(r));
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  for (const char* entity :
       {"tickets",        "units",         "customers", "models",     "cost-lines",
        "work-records",   "pauses",        "approvals", "parts",      "stock-moves",
        "issue-requests", "gate-passes",   "sales",     "returns",    "urgent-requests",
        "purchase-plans", "visits",        "surveys",   "complaints", "training",
        "audit-log",      "import-batches"}) {
    CHECK(contains(r.err, entity));
  }
}

TEST_CASE("export of an unknown entity names it, lists the entities and exits 2") {
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"export", "tikets"});
  INFO(describe(r));
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "\"tikets\""));
  CHECK(contains(r.err, "stock-moves"));
}

TEST_CASE("export customers writes the exact CSV of a small ledger") {
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"export", "customers", "--format", "csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "code,name,contact,phone,email,address,region,key\r\n"
        "C001,鞍山市环卫处,王明,0412-5551234,,,,false\r\n");
}

TEST_CASE("export tickets has a stable header even when nothing matches") {
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"export", "tickets", "--format", "csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "number,unit,customer,channel,category,description,reported_at,km,coverage,"
        "coverage_reason,priority,due_at,state,assignee,analysis,needs_factory,quality_claim,"
        "quality_confirmed,waiver_requested,waiver_reason,free_repair,contract_no,"
        "cancel_reason,advice,visit_due_on,opened_by\r\n");
}

TEST_CASE("export --month keeps the records whose business date is in that local month") {
  ExportLedger ledger;
  const RunResult october =
      ledger.ok({"export", "tickets", "--month", "2026-10", "--format", "csv"});
  CHECK(data_lines(october.out) == 1);
  CHECK(contains(october.out, ledger.october + ",2025-001,C001,phone,液压系统"));
  CHECK(contains(october.out, "2026-10-31T23:30:00+08:00"));
  const RunResult november =
      ledger.ok({"export", "tickets", "--month", "2026-11", "--format", "csv"});
  CHECK(data_lines(november.out) == 1);
  CHECK(contains(november.out, ledger.november));
  // A unit is dated by its ship date (a local date).
  CHECK(data_lines(ledger.ok({"export", "units", "--month", "2025-03"}).out) >= 1);
  CHECK(data_lines(ledger.ok({"export", "units", "--month", "2025-04", "--format", "csv"}).out) ==
        0);
}

TEST_CASE("export --since includes the day itself") {
  ExportLedger ledger;
  CHECK(data_lines(
            ledger.ok({"export", "tickets", "--since", "2026-10-31", "--format", "csv"}).out) == 2);
  CHECK(data_lines(
            ledger.ok({"export", "tickets", "--since", "2026-11-01", "--format", "csv"}).out) == 1);
  CHECK(data_lines(
            ledger.ok({"export", "units", "--since", "2025-03-01", "--format", "csv"}).out) == 1);
  CHECK(data_lines(
            ledger.ok({"export", "units", "--since", "2025-03-02", "--format", "csv"}).out) == 0);
  // Both: the later start, within the month.
  CHECK(data_lines(ledger
                       .ok({"export", "tickets", "--month", "2026-11", "--since", "2026-11-03",
                            "--format", "csv"})
                       .out) == 0);
}

TEST_CASE("export refuses a date filter on an undated entity and a bad month") {
  ExportLedger ledger;
  const RunResult undated = ledger.cli.run({"export", "customers", "--month", "2026-11"});
  CHECK(undated.exit_code == 2);
  CHECK(contains(undated.err, "no business date"));
  const RunResult bad = ledger.cli.run({"export", "tickets", "--month", "2026-13"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.empty());
}

TEST_CASE("export writes JSON Lines with money as text and fen") {
  ExportLedger ledger;
  const RunResult customers = ledger.ok({"export", "customers", "--format", "jsonl"});
  CHECK(customers.out ==
        "{\"code\":\"C001\",\"name\":\"鞍山市环卫处\",\"contact\":\"王明\",\"phone\":\"0412-"
        "5551234\","
        "\"email\":\"\",\"address\":\"\",\"region\":\"\",\"key\":false}\n");
  // A part written as the catalogue import would (only the warehouse adds parts).
  REQUIRE(ledger.cli.sql("INSERT INTO part (number, name, unit_price_fen) "
                         "VALUES ('P-1', '滤清器', 1250)") == "");
  const RunResult parts = ledger.ok({"export", "parts", "--format", "jsonl"});
  CHECK(parts.out ==
        "{\"number\":\"P-1\",\"name\":\"滤清器\",\"spec\":\"\",\"unit\":\"\",\"price\":\"12.50\","
        "\"price_fen\":1250,\"major\":false,\"reorder_level\":null}\n");
  CHECK(ledger.ok({"export", "gate-passes", "--format", "json"}).out == "[]\n");
}

TEST_CASE("export --bom starts the CSV with a BOM, and -o FILE takes the format of its extension") {
  ExportLedger ledger;
  const RunResult r = ledger.ok({"export", "customers", "--format", "csv", "--bom"});
  CHECK(r.out.rfind("\xEF\xBB\xBF"
                    "code,name,",
                    0) == 0);
  const RunResult file = ledger.ok({"export", "tickets", "-o", "tickets.tsv"});
  CHECK(ledger.cli.read_file("tickets.tsv").rfind("number\tunit\t", 0) == 0);
}

TEST_CASE("export to .xlsx streams one sheet, and --format xlsx needs -o") {
  ExportLedger ledger;
  const RunResult csv = ledger.cli.run({"export", "tickets", "--format", "csv"});
  REQUIRE(csv.exit_code == 0);
  const RunResult file = ledger.cli.run({"export", "tickets", "-o", "tickets.xlsx"});
  INFO(describe(file));
  REQUIRE(file.exit_code == 0);
  // The workbook holds the CSV's rows: the header titles, then one row per ticket.
  auto sheet = aftersales::open_xlsx(ledger.cli.path("tickets.xlsx"));
  aftersales::SourceRecord record;
  std::size_t rows = 0;
  while (sheet->next(record)) ++rows;
  const std::size_t csv_rows =
      static_cast<std::size_t>(std::count(csv.out.begin(), csv.out.end(), '\n'));
  CHECK(rows == csv_rows);
  const RunResult format = ledger.cli.run({"export", "tickets", "--format", "xlsx"});
  CHECK(format.exit_code == 2);
  CHECK(contains(format.err, "writes a file"));
  CHECK(format.out.empty());
}
