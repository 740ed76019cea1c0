// A core context on a private in-memory database with a fixed clock, for core tests.
#pragma once

#include <memory>
#include <string>

#include "aftersales/core/context.h"
#include "aftersales/rules/rules.h"
#include "aftersales/store/store.h"

namespace aftersales::testing {

// The fixed "now" of core tests: 2026-11-27T10:00:00+08:00.
Timestamp test_now();

// Inserts customer C001 and model HYS5160 straight through the archive port (no rules, no
// audit), for the store's own tests.
void insert_customer_and_model(Store& store);

struct TestWorld {
  Rules rules;
  FixedClock clock{test_now()};
  std::unique_ptr<Store> store = open_sqlite_store(":memory:", SqliteOptions{});

  // A context acting as `user` (login the same). With rules.users empty everyone is a clerk.
  Context context(const std::string& user = "zhang");

  // Moves the clock to 10:00 local on `date` (YYYY-MM-DD).
  void set_today(const std::string& date);

  // Adds customer C001 (with contact and phone) and model HYS5160 (sanitation, 12 months,
  // 100,000 km) for unit tests.
  void add_basics();
};

}  // namespace aftersales::testing
