// Tickets imported set-based (issue 13): numbered rows that pass the checks in C++ are staged
// (COPY on PostgreSQL), checked across rows in SQL and inserted in one statement, or, into a
// ledger without tickets, sent straight into the ticket table; a row the stage holds back (a
// number repeated in the file or held by the ledger) is decided row by row and named by file,
// line, column and field as any other. Built into import_tests (SQLite) and into
// postgres_tests, where the same cases run on the server AFTERSALES_TEST_PG names, each in a
// schema of its own (without a server they say they were skipped).
#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "aftersales/import/importer.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "support/import_world.h"

#ifdef AFTERSALES_STAGE_TEST_ON_POSTGRES
#include <libpq-fe.h>
#include <unistd.h>
#endif

using namespace aftersales;

namespace {

#ifdef AFTERSALES_STAGE_TEST_ON_POSTGRES
// A schema of its own on the test server, dropped at the end (as postgres_database_test.cpp's
// Scratch); url() names it as the connection's search_path.
class Schema {
 public:
  explicit Schema(std::string server) : server_(std::move(server)) {
    static int counter = 0;
    name_ = "stage" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    admin("DROP SCHEMA IF EXISTS " + name_ + " CASCADE; CREATE SCHEMA " + name_);
  }
  ~Schema() { admin("DROP SCHEMA IF EXISTS " + name_ + " CASCADE"); }
  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;

  std::string url() const {
    const char joint = server_.find('?') == std::string::npos ? '?' : '&';
    return server_ + joint + "options=-csearch_path%3D" + name_;
  }

 private:
  void admin(const std::string& sql) const {
    PGconn* conn = PQconnectdb(server_.c_str());
    REQUIRE_MESSAGE(PQstatus(conn) == CONNECTION_OK, PQerrorMessage(conn));
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    PGresult* result = PQexec(conn, sql.c_str());
    CHECK_MESSAGE(PQresultStatus(result) == PGRES_COMMAND_OK, PQresultErrorMessage(result));
    PQclear(result);
    PQfinish(conn);
  }

  std::string server_;
  std::string name_;
};
#endif

// The import world on this build's engine, with units 2025-001 (shipped 2025-03-01) and
// 2025-002 in the ledger.
struct StageWorld : testing::TestWorld {
  testing::TempDir dir{"aftersales-stage"};
#ifdef AFTERSALES_STAGE_TEST_ON_POSTGRES
  std::unique_ptr<Schema> schema;
#endif

  // False when this engine has no server to run on (the case is skipped).
  bool ready() {
#ifdef AFTERSALES_STAGE_TEST_ON_POSTGRES
    const char* server = std::getenv("AFTERSALES_TEST_PG");
    if (server == nullptr || *server == '\0') {
      MESSAGE("skipped: no PostgreSQL server; set AFTERSALES_TEST_PG (scripts/test-postgres)");
      return false;
    }
    schema = std::make_unique<Schema>(server);
    SqliteOptions options;
    options.create = true;
    store = open_store(schema->url(), options);
#endif
    add_basics();
    import(ImportEntity::kUnits, "units.csv", testing::kTwoUnitsCsv, OnError::kStop);
    return true;
  }

  ~StageWorld() { store.reset(); }  // closed before its schema is dropped

  ImportSummary import(ImportEntity entity, const std::string& name, const std::string& content,
                       OnError on_error) {
    ImportOptions options;
    options.entity = entity;
    options.files.push_back(dir.write(name, content));
    options.on_error = on_error;
    Context ctx = context();
    return run_import(ctx, options);
  }

  std::vector<std::string> numbers() {
    std::vector<std::string> all;
    for (const Ticket& t : store->tickets().list({})) all.push_back(t.number);
    return all;
  }
};

constexpr const char* kHeader = "number,unit,category,channel,description,reported_at,km\r\n";

}  // namespace

TEST_CASE("a number twice in one file is named at the line of its second row") {
  StageWorld world;
  if (!world.ready()) return;
  // The second row's description spans two lines (the repeat starts on line 5, record 4) and
  // holds what COPY's text format escapes: a backslash, "\N" (its NULL), a tab.
  const std::string csv =
      std::string(kHeader) +
      "SR-2026-000001,2025-001,液压系统,phone,漏油,2026-05-02T10:00,\r\n"
      "SR-2026-000002,2025-002,底盘,phone,\"异响 \\N\t\n第二行\",2026-05-03T10:00,\r\n"
      "SR-2026-000001,2025-002,底盘,phone,重复,2026-05-04T10:00,\r\n";

  SUBCASE("all or nothing: the import writes nothing") {
    const ImportSummary summary =
        world.import(ImportEntity::kTickets, "calls.csv", csv, OnError::kStop);
    CHECK_FALSE(summary.committed);
    CHECK(summary.rejected == 1);
    REQUIRE(summary.findings.size() == 1);
    const ImportFinding& f = summary.findings[0];
    CHECK(f.file == world.dir.file("calls.csv"));
    CHECK(f.line == 5);
    CHECK(f.record == 4);
    CHECK(f.column == 1);
    CHECK(f.field == "number");
    CHECK(f.message.find("appears more than once in this import") != std::string::npos);
    CHECK(world.numbers().empty());
  }
  SUBCASE("skip: the first row is kept, the repeat rejected") {
    const ImportSummary summary =
        world.import(ImportEntity::kTickets, "calls.csv", csv, OnError::kSkip);
    CHECK(summary.committed);
    CHECK(summary.new_rows == 2);
    CHECK(summary.rejected == 1);
    CHECK(world.numbers() == std::vector<std::string>{"SR-2026-000001", "SR-2026-000002"});
    CHECK(world.store->tickets().find("SR-2026-000001")->description == "漏油");
    CHECK(world.store->tickets().find("SR-2026-000002")->description == "异响 \\N\t\n第二行");
  }
}

TEST_CASE("a number the ledger holds is decided row by row: unchanged, updated, or refused") {
  StageWorld world;
  if (!world.ready()) return;
  REQUIRE(world
              .import(ImportEntity::kTickets, "first.csv",
                      std::string(kHeader) +
                          "SR-2026-000001,2025-001,液压系统,phone,漏油,2026-05-02T10:00,\r\n"
                          "SR-2026-000002,2025-002,底盘,phone,异响,2026-05-03T10:00,\r\n"
                          "SR-2026-000003,2025-002,底盘,phone,刹车,2026-05-04T10:00,\r\n",
                      OnError::kStop)
              .committed);
  Ticket analysed = *world.store->tickets().find("SR-2026-000001");
  analysed.state = TicketState::kAnalysed;
  world.store->write([&] { world.store->tickets().update(analysed); });

  const ImportSummary summary =
      world.import(ImportEntity::kTickets, "again.csv",
                   std::string(kHeader) +
                       "SR-2026-000001,2025-001,液压系统,phone,漏油已修,2026-05-02T10:00,\r\n"
                       "SR-2026-000002,2025-002,底盘,phone,异响,2026-05-03T10:00,\r\n"
                       "SR-2026-000003,2025-002,底盘,phone,刹车失灵,2026-05-04T10:00,\r\n"
                       "SR-2026-000004,2025-001,电气系统,phone,新的,2026-05-05T10:00,\r\n",
                   OnError::kSkip);
  CHECK(summary.committed);
  CHECK(summary.new_rows == 1);
  CHECK(summary.unchanged == 1);
  CHECK(summary.updated == 1);
  CHECK(summary.rejected == 1);
  REQUIRE(summary.findings.size() == 1);
  CHECK(summary.findings[0].line == 2);
  CHECK(summary.findings[0].column == 1);
  CHECK(summary.findings[0].field == "number");
  CHECK(summary.findings[0].message.find("is analysed") != std::string::npos);
  CHECK(world.store->tickets().find("SR-2026-000001")->description == "漏油");
  CHECK(world.store->tickets().find("SR-2026-000003")->description == "刹车失灵");
  CHECK(world.numbers() == std::vector<std::string>{"SR-2026-000001", "SR-2026-000002",
                                                    "SR-2026-000003", "SR-2026-000004"});
}

TEST_CASE("a staged row's odometer reading counts for the rows after it in the same file") {
  StageWorld world;
  if (!world.ready()) return;
  const ImportSummary summary =
      world.import(ImportEntity::kTickets, "calls.csv",
                   std::string(kHeader) +
                       "SR-2026-000001,2025-001,液压系统,phone,一,2026-05-02T10:00,5000\r\n"
                       "SR-2026-000002,2025-001,底盘,phone,二,2026-06-02T10:00,4000\r\n"
                       "SR-2026-000003,2025-001,底盘,phone,三,2026-07-02T10:00,6000\r\n",
                   OnError::kSkip);
  CHECK(summary.new_rows == 2);
  CHECK(summary.rejected == 1);
  REQUIRE(summary.findings.size() == 1);
  CHECK(summary.findings[0].line == 3);
  CHECK(summary.findings[0].field == "km");
  CHECK(summary.findings[0].message.find("below the reading of 5000 km") != std::string::npos);
  CHECK(summary.findings[0].message.find("ticket SR-2026-000001") != std::string::npos);
  CHECK(world.numbers() == std::vector<std::string>{"SR-2026-000001", "SR-2026-000003"});
}

TEST_CASE("staged tickets belong to their batch and a revert removes them") {
  StageWorld world;
  if (!world.ready()) return;
  const ImportSummary summary =
      world.import(ImportEntity::kTickets, "calls.csv",
                   std::string(kHeader) +
                       "SR-2026-000002,2025-001,液压系统,phone,一,2026-05-02T10:00,\r\n"
                       "SR-2026-000001,2025-002,底盘,phone,二,2026-06-02T10:00,\r\n",
                   OnError::kStop);
  REQUIRE(summary.batch_id.has_value());
  // In file order, numbered past the file's numbers for typed tickets.
  CHECK(world.numbers() == std::vector<std::string>{"SR-2026-000002", "SR-2026-000001"});
  CHECK(world.store->imports().keys_in_batch(ImportEntity::kTickets, *summary.batch_id) ==
        std::vector<std::string>{"SR-2026-000002", "SR-2026-000001"});
  std::int64_t next = 0;
  world.store->write([&] { next = world.store->tickets().next_number_in_year(2026); });
  CHECK(next == 3);
  Context ctx = world.context();
  revert_import(ctx, *summary.batch_id);
  CHECK(world.numbers().empty());
}

TEST_CASE("a first load goes straight in until a row is written on its own, then is staged") {
  StageWorld world;
  if (!world.ready()) return;
  // Line 2 goes straight into the empty ledger; line 3 has no number: the rows before it are
  // written, it takes the year's next number; lines 4 and 5 are staged, and line 5 repeats
  // line 2's number, which the ledger now holds.
  const ImportSummary summary =
      world.import(ImportEntity::kTickets, "calls.csv",
                   std::string(kHeader) +
                       "SR-2026-000010,2025-001,液压系统,phone,一,2026-05-02T10:00,\r\n"
                       ",2025-002,底盘,phone,二,2026-05-03T10:00,\r\n"
                       "SR-2026-000011,2025-002,底盘,phone,三,2026-05-04T10:00,\r\n"
                       "SR-2026-000010,2025-002,底盘,phone,四,2026-05-05T10:00,\r\n",
                   OnError::kSkip);
  CHECK(summary.committed);
  CHECK(summary.new_rows == 3);
  CHECK(summary.rejected == 1);
  REQUIRE(summary.findings.size() == 1);
  CHECK(summary.findings[0].line == 5);
  CHECK(summary.findings[0].field == "number");
  CHECK(summary.findings[0].message.find("appears more than once in this import") !=
        std::string::npos);
  CHECK(world.numbers() ==
        std::vector<std::string>{"SR-2026-000010", "SR-2026-000001", "SR-2026-000011"});
  // The rows sent straight in carry what a row written on its own carries.
  const Ticket direct = *world.store->tickets().find("SR-2026-000010");
  const Ticket own = *world.store->tickets().find("SR-2026-000001");
  CHECK(direct.serial == "2025-001");
  CHECK(direct.customer_code == "C001");
  CHECK(direct.customer_code == own.customer_code);
  CHECK(direct.state == TicketState::kRegistered);
  CHECK(direct.resume_state == own.resume_state);
  CHECK(direct.opened_by == own.opened_by);
  CHECK_FALSE(direct.coverage_reason.empty());
  CHECK(direct.due_at.seconds > direct.reported_at.seconds);
  CHECK(world.store->imports().keys_in_batch(ImportEntity::kTickets, *summary.batch_id) ==
        std::vector<std::string>{"SR-2026-000010", "SR-2026-000001", "SR-2026-000011"});
}
