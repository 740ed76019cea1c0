#include <doctest/doctest.h>

#include "aftersales/customers/customers.h"
#include "aftersales/store/store.h"
#include "support/expect_error.h"
#include "support/test_store.h"

using namespace aftersales;
using testing::expect_error;

TEST_CASE("a customer is added with its fields and the change is audited") {
  testing::TestWorld world;
  Context ctx = world.context("zhang");
  CustomerFields fields;
  fields.name = "  鞍山市环卫处 ";
  fields.phone = "0412-5551234";
  fields.key = true;
  const Customer added = add_customer(ctx, "C001", fields);
  CHECK(added.name == "鞍山市环卫处");
  const Customer read = get_customer(ctx, "C001");
  CHECK(read.key);
  CHECK(read.phone == "0412-5551234");
  const auto log = world.store->audit().query(AuditQuery{});
  REQUIRE(log.size() == 1);
  CHECK(log[0].entity == "customer");
  CHECK(log[0].entity_id == "C001");
  CHECK(log[0].action == "add");
  CHECK(log[0].actor == "zhang");
  CHECK(log[0].after.find("鞍山市环卫处") != std::string::npos);
}

TEST_CASE("a customer code that exists already is refused and nothing is written") {
  testing::TestWorld world;
  Context ctx = world.context();
  CustomerFields fields;
  fields.name = "A";
  add_customer(ctx, "C001", fields);
  fields.name = "B";
  expect_error(ErrorCode::kConflict, {"C001", "exists already"},
               [&] { add_customer(ctx, "C001", fields); });
  CHECK(get_customer(ctx, "C001").name == "A");
  CHECK(world.store->audit().query(AuditQuery{}).size() == 1);
}

TEST_CASE("an empty name, a bad phone and a bad e-mail are all named at once") {
  testing::TestWorld world;
  Context ctx = world.context();
  CustomerFields fields;
  fields.name = "  ";
  fields.phone = "call me";
  fields.email = "nobody";
  expect_error(ErrorCode::kInvalidInput,
               {"field \"name\"", "field \"phone\"", "\"call me\"", "field \"email\"", "nobody"},
               [&] { add_customer(ctx, "C001", fields); });
  CHECK(list_customers(ctx).empty());
}

TEST_CASE("a code with a space is refused") {
  testing::TestWorld world;
  Context ctx = world.context();
  CustomerFields fields;
  fields.name = "A";
  expect_error(ErrorCode::kInvalidInput, {"field \"code\"", "space"},
               [&] { add_customer(ctx, "C 1", fields); });
}

TEST_CASE("editing a customer records only the changed fields before and after") {
  testing::TestWorld world;
  Context ctx = world.context();
  CustomerFields fields;
  fields.name = "A";
  fields.phone = "0412-1";
  add_customer(ctx, "C001", fields);
  CustomerFields change;
  change.phone = "0412-2";
  edit_customer(ctx, "C001", change);
  const auto log = world.store->audit().query(AuditQuery{});
  REQUIRE(log.size() == 2);
  CHECK(log[1].action == "edit");
  CHECK(log[1].before == R"({"phone":"0412-1"})");
  CHECK(log[1].after == R"({"phone":"0412-2"})");
}

TEST_CASE("an edit that changes nothing writes no audit line") {
  testing::TestWorld world;
  Context ctx = world.context();
  CustomerFields fields;
  fields.name = "A";
  add_customer(ctx, "C001", fields);
  edit_customer(ctx, "C001", fields);
  CHECK(world.store->audit().query(AuditQuery{}).size() == 1);
}

TEST_CASE("an unknown customer is not found") {
  testing::TestWorld world;
  Context ctx = world.context();
  expect_error(ErrorCode::kNotFound, {"customer C404 does not exist"},
               [&] { get_customer(ctx, "C404"); });
  expect_error(ErrorCode::kNotFound, {"C404"}, [&] { edit_customer(ctx, "C404", {}); });
}
