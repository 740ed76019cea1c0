// The audit trail's port: append-only, read oldest first, filtered by entity, key and time.
#include <doctest/doctest.h>

#include "aftersales/store/store.h"
#include "support/test_store.h"

using namespace aftersales;

namespace {

AuditEntry entry(const std::string& entity, const std::string& id, std::int64_t seconds_after) {
  AuditEntry e;
  e.at = Timestamp{testing::test_now().seconds + seconds_after};
  e.actor = "zhang";
  e.login = "zhang";
  e.entity = entity;
  e.entity_id = id;
  e.action = "edit";
  e.before = R"({"phone":""})";
  e.after = R"({"phone":"0412-5551234"})";
  return e;
}

std::vector<std::int64_t> ids(AuditStore& audit, const AuditQuery& query) {
  std::vector<std::int64_t> all;
  for (const AuditEntry& e : audit.query(query)) all.push_back(e.id);
  return all;
}

}  // namespace

TEST_CASE("an audit entry is appended with an id and read back whole") {
  testing::TestWorld world;
  AuditStore& audit = world.store->audit();
  AuditEntry e = entry("customer", "C001", 0);
  audit.append(e);
  CHECK(e.id > 0);
  const std::vector<AuditEntry> all = audit.query(AuditQuery{});
  REQUIRE(all.size() == 1);
  CHECK(all[0].id == e.id);
  CHECK(all[0].at == e.at);
  CHECK(all[0].entity_id == "C001");
  CHECK(all[0].before == e.before);
  CHECK(all[0].after == e.after);
}

TEST_CASE("the audit trail is read oldest first and filtered by entity, key and since") {
  testing::TestWorld world;
  AuditStore& audit = world.store->audit();
  AuditEntry a = entry("customer", "C001", 0);
  AuditEntry b = entry("unit", "2025-001", 60);
  AuditEntry c = entry("customer", "C002", 120);
  AuditEntry d = entry("customer", "C001", 180);
  for (AuditEntry* each : {&a, &b, &c, &d}) audit.append(*each);
  CHECK(ids(audit, {}) == std::vector<std::int64_t>{a.id, b.id, c.id, d.id});
  AuditQuery customers;
  customers.entity = "customer";
  CHECK(ids(audit, customers) == std::vector<std::int64_t>{a.id, c.id, d.id});
  customers.entity_id = "C001";
  CHECK(ids(audit, customers) == std::vector<std::int64_t>{a.id, d.id});
  // since is inclusive: an entry at that very second is in.
  AuditQuery since;
  since.since = c.at;
  CHECK(ids(audit, since) == std::vector<std::int64_t>{c.id, d.id});
  since.since = Timestamp{d.at.seconds + 1};
  CHECK(ids(audit, since).empty());
}
