// The PostgreSQL driver (issue 13) through the engine port, on the server AFTERSALES_TEST_PG
// names (scripts/test-postgres makes a throwaway cluster and sets it). Each test works in a
// schema of its own, dropped at the end. Without AFTERSALES_TEST_PG the tests that need a server
// say they were skipped and pass.
#include <doctest/doctest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "aftersales/core/error.h"
#include "aftersales/store/store.h"
#include "store/engine/database.h"
#include "store/engine/migrations.h"
#include "store/engine/postgres_driver_loader.h"
#include "support/expect_error.h"

using namespace aftersales;
using namespace aftersales::store;
using aftersales::testing::expect_error;

namespace {

const std::string kSkipped =
    "skipped: no PostgreSQL server; set AFTERSALES_TEST_PG=postgresql:///DB?host=... "
    "(scripts/test-postgres makes a throwaway cluster and runs these tests on it)";

// A schema of its own on the test server, dropped with everything in it at the end; url()
// names it as the connection's search_path, so the driver sees an empty database.
class Scratch {
 public:
  Scratch() {
    const char* server = std::getenv("AFTERSALES_TEST_PG");
    if (server == nullptr || *server == '\0') return;
    server_ = server;
    static int counter = 0;
    schema_ = "t" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
  }
  ~Scratch() {
    if (!server_.empty()) admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  explicit operator bool() const { return !server_.empty(); }
  const std::string& schema() const { return schema_; }

  std::string url() const {
    const char joint = server_.find('?') == std::string::npos ? '?' : '&';
    return server_ + joint + "options=-csearch_path%3D" + schema_;
  }

  // Runs `sql` on a connection of its own, in the scratch schema; fails the test on an error.
  void admin(const std::string& sql) const {
    PGconn* conn = PQconnectdb(server_.c_str());
    REQUIRE_MESSAGE(PQstatus(conn) == CONNECTION_OK, PQerrorMessage(conn));
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    PQclear(PQexec(conn, ("SET search_path = " + schema_).c_str()));
    PGresult* result = PQexec(conn, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    CHECK_MESSAGE((status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK),
                  PQresultErrorMessage(result));
    PQclear(result);
    PQfinish(conn);
  }

  std::unique_ptr<Database> open(bool create = true, bool read_only = false) const {
    SqliteOptions options;
    options.create = create;
    auto db = load_postgres_database(url(), options);
    if (read_only) db->make_read_only();  // as the store does once open
    return db;
  }

 private:
  std::string server_;
  std::string schema_;
};

std::int64_t count_of(Database& db, const std::string& sql) {
  Query query = db.prepare(sql);
  REQUIRE(query->step());
  return query->int64(0);
}

void add_customer(Database& db, const std::string& code) {
  Query insert = db.cached("INSERT INTO customer (code, name) VALUES (?1, ?2)");
  insert->bind(1, code);
  insert->bind(2, "客户 " + code);
  insert->run();
}

}  // namespace

TEST_CASE("a server that cannot be reached is storage unavailable, with libpq's reason") {
  // No server needed: the socket directory does not exist.
  expect_error(ErrorCode::kStorageUnavailable,
               {"opening postgresql:///aftersales?host=/nonexistent-aftersales-socket",
                "/nonexistent-aftersales-socket", "PostgreSQL server is running and reachable"},
               [] {
                 load_postgres_database(
                     "postgresql:///aftersales?host=/nonexistent-aftersales-socket",
                     SqliteOptions{});
               });
}

TEST_CASE("a new PostgreSQL ledger gets every migration and the newest schema version") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  CHECK(db->schema_version() == latest_schema_version());
  CHECK(count_of(*db,
                 "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND "
                 "tablename IN ('customer', 'ticket', 'approval_signature', 'visit')") == 4);
  // Opened again, nothing is applied twice.
  auto again = scratch.open(false);
  CHECK(again->schema_version() == latest_schema_version());
}

TEST_CASE("an empty PostgreSQL database is a ledger only once init makes it one") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  expect_error(ErrorCode::kUsage, {"is an empty database", "aftersales init"},
               [&] { scratch.open(false); });
}

TEST_CASE("another program's PostgreSQL database is refused, untouched") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  scratch.admin("CREATE TABLE invoices (id integer)");
  expect_error(ErrorCode::kUsage, {"is not an aftersales ledger", "1 tables"},
               [&] { scratch.open(true); });
}

TEST_CASE("a ledger with a newer schema than this binary knows is left untouched") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  scratch.open();
  scratch.admin("UPDATE aftersales_schema SET version = 999");
  expect_error(ErrorCode::kUsage, {"schema version 999", "left untouched"},
               [&] { scratch.open(false); });
}

TEST_CASE("parameters bind by number, NULL when not bound, and read back as text and numbers") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  db->write([&] {
    Query insert = db->cached(
        "INSERT INTO model (code, name, category, warranty_months, warranty_km) VALUES (?1, ?2, "
        "?3, ?4, ?5)");
    insert->bind(1, "HYS5160");
    insert->bind(2, "洗扫车");
    insert->bind(3, "sanitation");
    insert->bind(4, std::int64_t{12});
    insert->run();  // ?5 never bound: NULL
  });
  CHECK(db->last_insert_id() > 0);
  Query query = db->prepare(
      "SELECT code, name, warranty_months, warranty_km, warranty_months * 3000000000, "
      "code = ?1 FROM model WHERE code = ?1");
  query->bind(1, "HYS5160");
  REQUIRE(query->step());
  CHECK(query->text(0) == "HYS5160");
  CHECK(query->text(1) == "洗扫车");
  CHECK(query->int64(2) == 12);
  CHECK(query->is_null(3));
  CHECK(query->int64(4) == 36000000000);  // 64 bits, as SQLite's INTEGER
  CHECK(query->int64(5) == 1);            // a comparison reads as SQLite's 1
  CHECK(query->text(5) == "1");
  CHECK_FALSE(query->step());
}

TEST_CASE("rows stream one at a time, and a query run between them does not lose any") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  db->write([&] {
    for (int i = 0; i < 500; ++i) add_customer(*db, "C" + std::to_string(1000 + i));
  });
  Query all = db->cached("SELECT code FROM customer ORDER BY code");
  int seen = 0;
  std::string last;
  while (all->step()) {
    const std::string code = all->text(0);
    CHECK(code > last);
    last = code;
    if (++seen == 10) {
      // A nested query: the outer one reads its rest into its buffer first.
      CHECK(count_of(*db, "SELECT count(*) FROM customer") == 500);
    }
  }
  CHECK(seen == 500);
  CHECK(last == "C1499");
}

TEST_CASE("a duplicate key, a missing reference and a broken CHECK are told apart") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  add_customer(*db, "C001");
  const auto failure_of = [&](const std::string& sql) {
    try {
      Query query = db->prepare(sql);
      query->run();
    } catch (const DbError& e) {
      return e.failure();
    }
    FAIL("expected a DbError");
    return DbFailure::kOther;
  };
  CHECK(failure_of("INSERT INTO customer (code, name) VALUES ('C001', 'again')") ==
        DbFailure::kUniqueViolation);
  CHECK(failure_of("INSERT INTO unit_note (unit_id, kind, text, at, actor) VALUES (42, "
                   "'status', 'x', 0, 'zhang')") == DbFailure::kReferenced);
  CHECK(failure_of("INSERT INTO customer (code, name, is_key) VALUES ('C002', 'x', 7)") ==
        DbFailure::kConstraint);
  CHECK(failure_of("INSERT INTO customer (code) VALUES ('C003')") == DbFailure::kConstraint);
  // Through write(), as the areas see it: the library's error codes.
  expect_error(ErrorCode::kConflict, {"writing to postgresql://", "C001"},
               [&] { db->write([&] { add_customer(*db, "C001"); }); });
  CHECK(count_of(*db, "SELECT count(*) FROM customer") == 1);
}

TEST_CASE("a key bound as text to an integer id is invalid input, not a lost server (B11)") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  try {
    Query query = db->prepare("SELECT batch_id FROM stock_move WHERE id = ?1");
    query->bind(1, std::string("abc"));
    query->step();
    FAIL("expected a DbError");
  } catch (const DbError& e) {
    CHECK(e.failure() == DbFailure::kConstraint);  // 22P02: exit 1, bad data
  }
}

TEST_CASE("rows sent through COPY arrive whole: escapes, NULL and chunk after chunk") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  db->exec("CREATE TEMP TABLE staged (n BIGINT, t TEXT)");
  const std::string tricky = "a\\b\tc\nd\re \\N";
  std::unique_ptr<BulkWriter> writer = db->bulk_writer("staged", {"n", "t"});
  writer->add(std::int64_t{-1});
  writer->add(tricky);
  writer->end_row();
  writer->add_null();
  writer->add_null();
  writer->end_row();
  // More than one chunk of about 1 MiB: the COPYs between chunks lose no row.
  const std::string long_text(500, 'x');
  for (std::int64_t i = 0; i < 5000; ++i) {
    writer->add(i);
    writer->add(long_text);
    writer->end_row();
    // Another statement between rows, as an import's lookups: the connection is free.
    if (i == 2500) CHECK(count_of(*db, "SELECT count(*) FROM customer") == 0);
  }
  writer->flush();
  CHECK(count_of(*db, "SELECT count(*) FROM staged") == 5002);
  CHECK(count_of(*db, "SELECT count(*) FROM staged WHERE n IS NULL AND t IS NULL") == 1);
  CHECK(count_of(*db, "SELECT sum(n) FROM staged WHERE n >= 0") == 4999 * 5000 / 2);
  Query query = db->prepare("SELECT t FROM staged WHERE n = -1");
  REQUIRE(query->step());
  CHECK(query->text(0) == tricky);
}

TEST_CASE("a row COPY cannot store fails at the flush, as the statement would") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  std::unique_ptr<BulkWriter> writer = db->bulk_writer("customer", {"code", "name"});
  writer->add("C001");
  writer->add_null();  // name is NOT NULL
  writer->end_row();
  try {
    writer->flush();
    FAIL("expected a DbError");
  } catch (const DbError& e) {
    CHECK(e.failure() == DbFailure::kConstraint);
  }
  // The connection is usable after the failed COPY.
  CHECK(count_of(*db, "SELECT count(*) FROM customer") == 0);
}

TEST_CASE("a write that throws is rolled back whole") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  CHECK_THROWS_AS(db->write([&] {
    add_customer(*db, "C001");
    db->write([&] { add_customer(*db, "C002"); });  // nested: joins the outer one
    throw Error(ErrorCode::kRuleViolation, "refused");
  }),
                  Error);
  CHECK(count_of(*db, "SELECT count(*) FROM customer") == 0);
}

TEST_CASE("a serialization failure is retried: the work runs again and commits once") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  auto other = scratch.open(false);
  db->exec("INSERT INTO ticket_sequence (year, last) VALUES (2026, 0)");
  int runs = 0;
  db->write([&] {
    ++runs;
    const std::int64_t last = count_of(*db, "SELECT last FROM ticket_sequence WHERE year = 2026");
    if (runs == 1) {
      // Another clerk takes a number after this transaction read the sequence.
      other->write(
          [&] { other->exec("UPDATE ticket_sequence SET last = last + 1 WHERE year = 2026"); });
    }
    Query update = db->cached("UPDATE ticket_sequence SET last = ?1 WHERE year = 2026");
    update->bind(1, last + 1);
    update->run();
  });
  CHECK(runs == 2);
  CHECK(count_of(*db, "SELECT last FROM ticket_sequence WHERE year = 2026") == 2);
}

TEST_CASE("a transaction that keeps failing to serialize gives up as storage unavailable") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  auto other = scratch.open(false);
  db->exec("INSERT INTO ticket_sequence (year, last) VALUES (2026, 0)");
  // No busy timeout to wait through: only the runs every write gets.
  db->set_busy_timeout(0);
  int runs = 0;
  expect_error(ErrorCode::kStorageUnavailable, {"busy"}, [&] {
    db->write([&] {
      ++runs;
      count_of(*db, "SELECT last FROM ticket_sequence WHERE year = 2026");
      other->exec("UPDATE ticket_sequence SET last = last + 1 WHERE year = 2026");
      db->exec("UPDATE ticket_sequence SET last = last + 1 WHERE year = 2026");
    });
  });
  CHECK(runs == 5);
}

TEST_CASE("a write that keeps failing to serialize runs again until the busy timeout passed") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  auto other = scratch.open(false);
  db->exec("INSERT INTO ticket_sequence (year, last) VALUES (2026, 0)");
  // A writer waits for the others as long as on SQLite (busy_timeout_ms), not five runs only:
  // eight desks at once met more than five failures in a row (cli_concurrency_test.cpp).
  db->set_busy_timeout(2000);
  int runs = 0;
  const auto started = std::chrono::steady_clock::now();
  expect_error(ErrorCode::kStorageUnavailable, {"busy"}, [&] {
    db->write([&] {
      ++runs;
      count_of(*db, "SELECT last FROM ticket_sequence WHERE year = 2026");
      other->exec("UPDATE ticket_sequence SET last = last + 1 WHERE year = 2026");
      db->exec("UPDATE ticket_sequence SET last = last + 1 WHERE year = 2026");
    });
  });
  const auto waited = std::chrono::steady_clock::now() - started;
  CHECK(runs > 5);
  // It stops when the next pause (at most 200 ms) would take it past the timeout.
  CHECK(waited >= std::chrono::milliseconds(1800));
}

TEST_CASE("a read-only connection refuses writes as storage unavailable") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  scratch.open();
  auto reader = scratch.open(false, true);
  CHECK(count_of(*reader, "SELECT count(*) FROM customer") == 0);
  expect_error(ErrorCode::kStorageUnavailable, {"cannot be written"},
               [&] { reader->write([&] { add_customer(*reader, "C001"); }); });
}

TEST_CASE("a load drops a table's secondary indexes and puts them back, keeping UNIQUE keys") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  const std::string indexes =
      "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = "
      "'unit'";
  // Foreign keys go too (PostgreSQL checks them by a trigger per row) and come back checked.
  const std::string keys =
      "SELECT count(*) FROM pg_constraint WHERE conrelid = CAST('unit' AS regclass) AND "
      "contype = 'f'";
  const std::int64_t before = count_of(*db, indexes);
  const std::int64_t keys_before = count_of(*db, keys);
  CHECK(keys_before > 0);
  db->write([&] {
    CHECK(db->drop_secondary_indexes("unit"));
    CHECK(count_of(*db, indexes) == 2);  // the primary key and serial's UNIQUE
    CHECK(count_of(*db, keys) == 0);
    db->restore_secondary_indexes();
  });
  CHECK(count_of(*db, indexes) == before);
  CHECK(count_of(*db, keys) == keys_before);
  // A row that breaks a key while it is away is refused when the key comes back.
  expect_error(ErrorCode::kInvalidInput, {"writing to postgresql://", "foreign key"}, [&] {
    db->write([&] {
      db->drop_secondary_indexes("unit");
      db->exec(
          "INSERT INTO unit (serial, model_id, customer_id, shipped_on) VALUES ('X', 4242, "
          "4242, '2026-01-01')");
      db->restore_secondary_indexes();
    });
  });
  CHECK(count_of(*db, keys) == keys_before);
}

TEST_CASE("backup on PostgreSQL is pg_dump's custom format of the ledger's schema") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  db->write([&] { add_customer(*db, "C001"); });
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("aftersales-pg-backup-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "ledger.dump").string();
  db->backup_to(file);
  std::ifstream in(file, std::ios::binary);
  char magic[5] = {};
  in.read(magic, 5);
  CHECK(std::string(magic, 5) == "PGDMP");  // pg_dump's custom format
  // pg_restore reads it back: the customer table's data is in it, and no temporary file is left.
  FILE* list = ::popen(("pg_restore --list '" + file + "'").c_str(), "r");
  REQUIRE(list != nullptr);
  std::string toc;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, list)) > 0;) toc.append(buffer, n);
  CHECK(::pclose(list) == 0);
  CHECK(toc.find("TABLE DATA " + scratch.schema() + " customer") != std::string::npos);
  CHECK(std::distance(std::filesystem::directory_iterator(dir),
                      std::filesystem::directory_iterator()) == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("the engine's check on PostgreSQL is amcheck's of every table and index") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  auto db = scratch.open();
  db->write([&] { add_customer(*db, "C001"); });
  // amcheck is one per database; in public, where this ledger's search_path does not look.
  scratch.admin("CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA public");
  const Database::IntegrityCheck check = db->check_integrity();
  CHECK(check.problems.empty());
  const std::int64_t tables =
      count_of(*db, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()");
  CHECK(check.method.rfind("amcheck of " + std::to_string(tables) + " tables and ", 0) == 0);
}

TEST_CASE("the acting login is session_user, and a login without CREATE may not migrate") {
  Scratch scratch;
  if (!scratch) {
    MESSAGE(kSkipped);
    return;
  }
  scratch.open();  // a ledger at the newest schema, made by the test's superuser
  scratch.admin(
      "DO $$ BEGIN CREATE ROLE aftersales_test_staff LOGIN; EXCEPTION WHEN duplicate_object "
      "THEN NULL; END $$; GRANT USAGE ON SCHEMA " +
      scratch.schema() + " TO aftersales_test_staff; GRANT SELECT ON ALL TABLES IN SCHEMA " +
      scratch.schema() + " TO aftersales_test_staff");
  const std::string staff = scratch.url() + "&user=aftersales_test_staff";
  SqliteOptions options;
  options.read_only = true;
  CHECK(load_postgres_database(staff, options)->server_login() == "aftersales_test_staff");
  // SET ROLE at connect (the owner's way to make tables its role's) does not change who acts.
  CHECK(load_postgres_database(scratch.url() + "%20-crole%3Daftersales_test_staff", options)
            ->server_login() != "aftersales_test_staff");

  // An older ledger: the staff's login is told who may bring it up to date.
  scratch.admin("UPDATE aftersales_schema SET version = version - 1");
  expect_error(ErrorCode::kUsage,
               {"this aftersales brings", "the login aftersales_test_staff may not create tables",
                "have the ledger's owner run `aftersales init` once"},
               [&] { load_postgres_database(staff, SqliteOptions{}); });
}
