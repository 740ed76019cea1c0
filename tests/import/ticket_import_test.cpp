// Ticket import as a clerk gets it from the field (issue 9): rows without a number, reported
// times given as a date only, an import where every row is rejected, and odometer readings
// that never go backwards.
#include <doctest/doctest.h>

#include "aftersales/import/importer.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "support/import_world.h"
#include "support/ticket_world.h"
#include "support/xlsx_builder.h"

using namespace aftersales;
using testing::at;
using testing::ImportWorld;

namespace {

// An import world with units 2025-001 (shipped 2025-03-01) and 2025-002 in the store.
struct UnitsWorld : ImportWorld {
  UnitsWorld() { import(ImportEntity::kUnits, "units.csv", testing::kTwoUnitsCsv); }
};

std::vector<std::string> numbers(UnitsWorld& world) {
  std::vector<std::string> all;
  for (const Ticket& t : world.store->tickets().list({})) all.push_back(t.number);
  return all;
}

}  // namespace

TEST_CASE("rows without a number are numbered in file order from the year's sequence") {
  UnitsWorld world;
  Context ctx = world.context("zhang");
  TicketIntake typed;
  typed.unit = "2025-001";
  typed.category = "液压系统";
  typed.channel = "phone";
  typed.description = "typed first";
  typed.reported_at = "2026-05-01T08:00";
  CHECK(open_ticket(ctx, typed).number == "SR-2026-000001");

  const ImportSummary summary = world.import(ImportEntity::kTickets, "calls.csv",
                                             "unit,category,channel,description,reported_at\r\n"
                                             "2025-002,液压系统,phone,第一,2026-05-02T10:00\r\n"
                                             "2025-001,电气系统,phone,第二,2025-12-31T23:00\r\n"
                                             "2025-001,底盘,phone,第三,2026-05-03T10:00\r\n");
  INFO(summary.findings.size());
  CHECK(summary.new_rows == 3);
  CHECK(summary.rejected == 0);
  REQUIRE(summary.batch_id.has_value());
  CHECK(world.store->tickets().find("SR-2026-000002")->description == "第一");
  CHECK(world.store->tickets().find("SR-2025-000001")->description == "第二");
  CHECK(world.store->tickets().find("SR-2026-000003")->description == "第三");
  // Typed tickets continue after them.
  typed.description = "typed after";
  CHECK(open_ticket(ctx, typed).number == "SR-2026-000004");

  SUBCASE("the same file again matches the same calls: nothing new") {
    const ImportSummary again = world.import(ImportEntity::kTickets, "calls.csv",
                                             "unit,category,channel,description,reported_at\r\n"
                                             "2025-002,液压系统,phone,第一,2026-05-02T10:00\r\n"
                                             "2025-001,电气系统,phone,第二,2025-12-31T23:00\r\n"
                                             "2025-001,底盘,phone,第三,2026-05-03T10:00\r\n");
    CHECK(again.new_rows == 0);
    CHECK(again.unchanged == 3);
    CHECK(numbers(world).size() == 5);
  }
  SUBCASE("an import reverted takes its numbered tickets with it") {
    world.revert(*summary.batch_id);
    CHECK(numbers(world) == std::vector<std::string>{"SR-2026-000001", "SR-2026-000004"});
  }
}

TEST_CASE("a number column with empty cells numbers those rows past the file's own numbers") {
  UnitsWorld world;
  const ImportSummary summary =
      world.import(ImportEntity::kTickets, "calls.csv",
                   "number,unit,category,channel,description,reported_at\r\n"
                   "SR-2026-000001,2025-001,液压系统,phone,有号,2026-05-02T10:00\r\n"
                   ",2025-001,液压系统,phone,无号,2026-05-02T11:00\r\n");
  CHECK(summary.new_rows == 2);
  CHECK(world.store->tickets().find("SR-2026-000002")->description == "无号");
}

TEST_CASE("a date-only reported time is taken at [import] date_only_time, local") {
  UnitsWorld world;
  SUBCASE("the default, 09:00") {
    world.import(ImportEntity::kTickets, "calls.csv",
                 "unit,category,channel,description,reported_at\r\n"
                 "2025-001,液压系统,phone,斜线,2026/5/2\r\n"
                 "2025-001,液压系统,phone,横线,2026-05-03\r\n"
                 "2025-001,液压系统,phone,中文,2026年5月4日\r\n"
                 "2025-001,液压系统,phone,有时间,2026-05-05T14:30\r\n");
    const std::vector<Ticket> all = world.store->tickets().list({});
    REQUIRE(all.size() == 4);
    CHECK(all[0].reported_at == at("2026-05-02T09:00:00"));
    CHECK(all[1].reported_at == at("2026-05-03T09:00:00"));
    CHECK(all[2].reported_at == at("2026-05-04T09:00:00"));
    CHECK(all[3].reported_at == at("2026-05-05T14:30:00"));
    // The due time follows: normal priority, 24 h.
    CHECK(all[0].due_at == at("2026-05-03T09:00:00"));
  }
  SUBCASE("the rulebook's time") {
    world.rules.import.date_only_time = TimeOfDay{8 * 3600 + 30 * 60};
    world.import(ImportEntity::kTickets, "calls.csv",
                 "unit,category,channel,description,reported_at\r\n"
                 "2025-001,液压系统,phone,斜线,2026/5/2\r\n");
    CHECK(world.store->tickets().list({}).at(0).reported_at == at("2026-05-02T08:30:00"));
  }
  SUBCASE("today's date taken at a time still to come is refused as in the future") {
    // The clock is 2026-11-27T10:00; 09:00 has passed, 10:30 has not.
    world.rules.import.date_only_time = TimeOfDay{10 * 3600 + 30 * 60};
    const ImportSummary summary = world.import(ImportEntity::kTickets, "calls.csv",
                                               "unit,category,channel,description,reported_at\r\n"
                                               "2025-001,液压系统,phone,今天,2026-11-27\r\n");
    REQUIRE(summary.findings.size() == 1);
    CHECK(summary.findings[0].message.find("in the future") != std::string::npos);
  }
}

TEST_CASE("an .xlsx date cell in the reported column is date-only, a date and time is kept") {
  UnitsWorld world;
  testing::XlsxWorkbook book;
  book.shared_strings =
      testing::shared_strings_xml({"unit", "category", "channel", "description", "reported_at",
                                   "2025-001", "液压系统", "phone", "日期", "日期时间"});
  // 46144 is 2026-05-02; .75 is 18:00.
  book.sheets.push_back(
      {"Sheet1",
       "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
       "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
       "<c r=\"E1\" t=\"s\"><v>4</v></c></row>"
       "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>5</v></c><c r=\"B2\" t=\"s\"><v>6</v></c>"
       "<c r=\"C2\" t=\"s\"><v>7</v></c><c r=\"D2\" t=\"s\"><v>8</v></c>"
       "<c r=\"E2\"><v>46144</v></c></row>"
       "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>5</v></c><c r=\"B3\" t=\"s\"><v>6</v></c>"
       "<c r=\"C3\" t=\"s\"><v>7</v></c><c r=\"D3\" t=\"s\"><v>9</v></c>"
       "<c r=\"E3\"><v>46144.75</v></c></row>",
       std::nullopt});
  testing::write_xlsx(world.dir.file("calls.xlsx"), book);
  const ImportSummary summary = world.run(world.options(ImportEntity::kTickets, {"calls.xlsx"}));
  CHECK(summary.new_rows == 2);
  const std::vector<Ticket> all = world.store->tickets().list({});
  REQUIRE(all.size() == 2);
  CHECK(all[0].reported_at == at("2026-05-02T09:00:00"));
  CHECK(all[1].reported_at == at("2026-05-02T18:00:00"));
}

TEST_CASE("an import where every row is rejected records no batch, in either mode") {
  UnitsWorld world;
  const std::string bad =
      "unit,category,channel,description,reported_at\r\n"
      "NOPE,液压系统,phone,无此车,2026-05-02T10:00\r\n"
      "2025-001,不是类别,phone,坏类别,2026-05-02T10:00\r\n";
  SUBCASE("skip") {
    world.file("calls.csv", bad);
    ImportOptions options = world.options(ImportEntity::kTickets, {"calls.csv"});
    options.on_error = OnError::kSkip;
    const ImportSummary summary = world.run(options);
    CHECK(summary.rejected == 2);
    CHECK(summary.all_rejected);
    CHECK_FALSE(summary.committed);
    CHECK_FALSE(summary.batch_id.has_value());
  }
  SUBCASE("stop") {
    const ImportSummary summary = world.import(ImportEntity::kTickets, "calls.csv", bad);
    CHECK_FALSE(summary.committed);
    CHECK_FALSE(summary.batch_id.has_value());
  }
  CHECK(world.store->imports().list_batches().size() == 1);  // the units' batch only
  CHECK(world.store->tickets().list({}).empty());
  // One good row is enough for a batch.
  world.file("mixed.csv", bad + "2025-001,液压系统,phone,好,2026-05-02T10:00\r\n");
  ImportOptions options = world.options(ImportEntity::kTickets, {"mixed.csv"});
  options.on_error = OnError::kSkip;
  const ImportSummary mixed = world.run(options);
  CHECK(mixed.committed);
  CHECK_FALSE(mixed.all_rejected);
  CHECK(mixed.batch_id.has_value());
}

TEST_CASE("an imported ticket's km may not go back from an earlier reading, even in the file") {
  UnitsWorld world;
  world.file("calls.csv",
             "unit,category,channel,description,reported_at,km\r\n"
             "2025-001,液压系统,phone,早,2026-05-02T10:00,50000\r\n"
             "2025-001,液压系统,phone,晚而少,2026-05-03T10:00,49999\r\n"
             "2025-001,液压系统,phone,晚而等,2026-05-03T10:00,50000\r\n"
             "2025-001,液压系统,phone,更早而多,2026-05-01T10:00,50001\r\n");
  ImportOptions options = world.options(ImportEntity::kTickets, {"calls.csv"});
  options.on_error = OnError::kSkip;
  const ImportSummary summary = world.run(options);
  CHECK(summary.new_rows == 2);
  REQUIRE(summary.findings.size() == 2);
  CHECK(summary.findings[0].line == 3);
  CHECK(summary.findings[0].field == "km");
  CHECK(summary.findings[0].message.find("49999 km is below the reading of 50000 km taken at "
                                         "2026-05-02T10:00:00+08:00 (ticket SR-2026-000001)") !=
        std::string::npos);
  CHECK(summary.findings[1].line == 5);
  CHECK(summary.findings[1].message.find("50001 km is above the reading of 50000 km taken "
                                         "later") != std::string::npos);
}
