// A core context on a private ledger with a fixed clock, for core tests: an in-memory SQLite
// database, or, when the suites run on PostgreSQL (support/test_engine.h), a database of its
// own on the test server.
#pragma once

#include <memory>
#include <string>

#include "aftersales/core/context.h"
#include "aftersales/rules/rules.h"
#include "aftersales/store/store.h"
#include "support/pg_scratch.h"

namespace aftersales::testing {

// The fixed "now" of core tests: 2026-11-27T10:00:00+08:00.
Timestamp test_now();

// Inserts customer C001 and model HYS5160 straight through the archive port (no rules, no
// audit), for the store's own tests.
void insert_customer_and_model(Store& store);

// Where a world's ledger lives, with every migration applied: a private in-memory SQLite
// database, or on PostgreSQL a copy of the migrated template (PgScratch), dropped at the end.
class TestDatabase {
 public:
  TestDatabase();
  // Opens a store on it. On SQLite every call gives a new empty in-memory database: a world
  // calls it once.
  std::unique_ptr<Store> open() const;
  // The PostgreSQL database's URL, for raw_sql() beside the store; empty on SQLite.
  std::string url() const;

 private:
  std::unique_ptr<PgScratch> postgres_;
};

struct TestWorld {
  Rules rules;
  FixedClock clock{test_now()};
  TestDatabase database;  // before the store: it outlives the store's connection
  std::unique_ptr<Store> store = database.open();

  // A context acting as `user` (login the same). With rules.users empty everyone is a clerk.
  Context context(const std::string& user = "zhang");

  // Moves the clock to 10:00 local on `date` (YYYY-MM-DD).
  void set_today(const std::string& date);

  // Adds customer C001 (with contact and phone) and model HYS5160 (sanitation, 12 months,
  // 100,000 km) for unit tests.
  void add_basics();
};

}  // namespace aftersales::testing
