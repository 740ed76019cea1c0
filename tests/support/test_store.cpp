#include "support/test_store.h"

#include "aftersales/customers/customers.h"
#include "aftersales/models/models.h"
#include "support/test_engine.h"

namespace aftersales::testing {

Timestamp test_now() { return *parse_timestamp("2026-11-27T10:00:00+08:00", UtcOffset{480}); }

void insert_customer_and_model(Store& store) {
  Customer c;
  c.code = "C001";
  c.name = "鞍山市环卫处";
  store.archive().insert_customer(c);
  Model m;
  m.code = "HYS5160";
  m.name = "洗扫车";
  m.category = "sanitation";
  store.archive().insert_model(m);
}

TestDatabase::TestDatabase() {
  if (on_postgres()) postgres_ = std::make_unique<PgScratch>(PgScratch::Content::kMigrated);
}

std::unique_ptr<Store> TestDatabase::open() const {
  if (postgres_ != nullptr) return open_store(postgres_->url(), SqliteOptions{});
  return open_sqlite_store(":memory:", SqliteOptions{});
}

std::string TestDatabase::url() const { return postgres_ != nullptr ? postgres_->url() : ""; }

Context TestWorld::context(const std::string& user) {
  return Context{*store, rules, clock, Actor{user, user}};
}

void TestWorld::set_today(const std::string& date) {
  clock.set(*parse_timestamp(date + "T10:00:00", rules.general.utc_offset));
}

void TestWorld::add_basics() {
  Context ctx = context();
  CustomerFields customer;
  customer.name = "鞍山市环卫处";
  customer.contact = "王明";
  customer.phone = "0412-5551234";
  add_customer(ctx, "C001", customer);
  ModelFields model;
  model.name = "洗扫车";
  model.category = "sanitation";
  model.warranty_months = "12";
  model.warranty_km = "100000";
  add_model(ctx, "HYS5160", model);
}

}  // namespace aftersales::testing
