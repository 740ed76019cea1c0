#include <doctest/doctest.h>

#include "aftersales/audit/audit.h"
#include "aftersales/customers/customers.h"
#include "aftersales/identity/identity.h"
#include "support/expect_error.h"
#include "support/test_store.h"

using namespace aftersales;
using testing::expect_error;

TEST_CASE("by default the acting user is the login and --as may only name yourself") {
  Rules rules;
  CHECK(resolve_actor(rules, "zhang", std::nullopt).user == "zhang");
  CHECK(resolve_actor(rules, "zhang", std::string("zhang")).user == "zhang");
  expect_error(ErrorCode::kRuleViolation, {"zhang", "may not act as zhao", "declared"},
               [&] { resolve_actor(rules, "zhang", std::string("zhao")); });
}

TEST_CASE("under declared identity --as names the acting user and the login is kept") {
  Rules rules;
  rules.identity.source = IdentitySource::kDeclared;
  const Actor actor = resolve_actor(rules, "root", std::string("zhao"));
  CHECK(actor.user == "zhao");
  CHECK(actor.login == "root");
}

TEST_CASE("with a users table a user without the role may read but not change") {
  testing::TestWorld world;
  world.rules.users = {{"zhang", {"clerk"}}, {"zhou", {"qc"}}};
  Context clerk = world.context("zhang");
  Context qc = world.context("zhou");
  Context stranger = world.context("nobody");
  CustomerFields fields;
  fields.name = "A";
  expect_error(ErrorCode::kRuleViolation, {"adding a customer", "clerk", "zhou has qc"},
               [&] { add_customer(qc, "C001", fields); });
  expect_error(ErrorCode::kRuleViolation, {"nobody has no role"},
               [&] { add_customer(stranger, "C001", fields); });
  add_customer(clerk, "C001", fields);
  CHECK(list_customers(stranger).size() == 1);
}

TEST_CASE("every change records acting user, login, time, entity and values") {
  testing::TestWorld world;
  Context ctx = world.context("zhang");
  ctx.actor.login = "root";
  CustomerFields fields;
  fields.name = "A";
  add_customer(ctx, "C001", fields);
  const auto log = audit_log(ctx, AuditQuery{});
  REQUIRE(log.size() == 1);
  CHECK(log[0].actor == "zhang");
  CHECK(log[0].login == "root");
  CHECK(log[0].at == testing::test_now());
  CHECK(log[0].before.empty());
}

TEST_CASE("the audit log filters by entity, id and start time") {
  testing::TestWorld world;
  world.add_basics();  // customer C001, model HYS5160 at test_now()
  Context ctx = world.context();
  world.set_today("2026-12-01");
  CustomerFields change;
  change.region = "辽宁";
  edit_customer(ctx, "C001", change);

  AuditQuery by_entity;
  by_entity.entity = "customer";
  CHECK(audit_log(ctx, by_entity).size() == 2);
  by_entity.entity_id = "C002";
  CHECK(audit_log(ctx, by_entity).empty());
  AuditQuery since;
  since.since = start_of_day(*parse_date("2026-12-01"), ctx.rules.general.utc_offset);
  const auto recent = audit_log(ctx, since);
  REQUIRE(recent.size() == 1);
  CHECK(recent[0].action == "edit");
}
