// The approvals' port: approvals of any form and subject, filtered, with their signatures in
// step order.
#include <doctest/doctest.h>

#include "aftersales/core/error.h"
#include "aftersales/store/store.h"
#include "support/expect_error.h"
#include "support/test_store.h"

using namespace aftersales;
using testing::expect_error;

namespace {

Approval approval(const std::string& form, const std::string& kind, const std::string& id) {
  Approval a;
  a.form = form;
  a.subject = ApprovalSubject{kind, id};
  a.chain = {"service_manager", "deputy_gm"};
  a.requested_by = "zhang";
  a.requested_at = testing::test_now();
  a.summary = "warranty cost 1,250.00";
  return a;
}

Signature signature(int step, const std::string& role, const std::string& user) {
  Signature s;
  s.step = step;
  s.role = role;
  s.user = user;
  s.at = testing::test_now();
  return s;
}

}  // namespace

TEST_CASE("an approval is kept with its form, subject, chain and amount") {
  testing::TestWorld world;
  ApprovalStore& approvals = world.store->approvals();
  Approval budget = approval("budget", "ticket", "SR-2026-000001");
  budget.amount = Money{125000};
  approvals.insert(budget);
  CHECK(budget.id > 0);
  const std::optional<Approval> found = approvals.find(budget.id);
  REQUIRE(found.has_value());
  CHECK(found->form == "budget");
  CHECK(found->subject == ApprovalSubject{"ticket", "SR-2026-000001"});
  CHECK(found->chain == std::vector<std::string>{"service_manager", "deputy_gm"});
  CHECK(found->state == ApprovalState::kPending);
  CHECK(found->amount == Money{125000});
  CHECK(found->signatures.empty());
  CHECK_FALSE(approvals.find(budget.id + 1).has_value());

  Approval no_amount = approval("quality", "ticket", "SR-2026-000001");
  approvals.insert(no_amount);
  CHECK_FALSE(approvals.find(no_amount.id)->amount.has_value());
}

TEST_CASE("approvals are filtered by subject kind, subject id and state") {
  testing::TestWorld world;
  ApprovalStore& approvals = world.store->approvals();
  Approval a = approval("budget", "ticket", "SR-2026-000001");
  Approval b = approval("repair_notice", "ticket", "SR-2026-000001");
  Approval c = approval("budget", "ticket", "SR-2026-000002");
  Approval d = approval("issue", "part_issue", "SR-2026-000001");  // same id, another kind
  for (Approval* each : {&a, &b, &c, &d}) approvals.insert(*each);
  approvals.set_state(b.id, ApprovalState::kApproved);
  const auto ids = [&](const ApprovalFilter& filter) {
    std::vector<std::int64_t> all;
    for (const Approval& each : approvals.list(filter)) all.push_back(each.id);
    return all;
  };
  CHECK(ids({}) == std::vector<std::int64_t>{a.id, b.id, c.id, d.id});
  CHECK(ids(ApprovalFilter::of({"ticket", "SR-2026-000001"})) ==
        std::vector<std::int64_t>{a.id, b.id});
  ApprovalFilter pending = ApprovalFilter::of({"ticket", "SR-2026-000001"});
  pending.state = ApprovalState::kPending;
  CHECK(ids(pending) == std::vector<std::int64_t>{a.id});
  ApprovalFilter part_issues;
  part_issues.subject_kind = "part_issue";
  CHECK(ids(part_issues) == std::vector<std::int64_t>{d.id});
  ApprovalFilter approved;
  approved.state = ApprovalState::kApproved;
  CHECK(ids(approved) == std::vector<std::int64_t>{b.id});
  CHECK(ids(ApprovalFilter::of({"ticket", "SR-2026-000009"})).empty());
}

TEST_CASE("signatures come back in step order, a step signs once") {
  testing::TestWorld world;
  ApprovalStore& approvals = world.store->approvals();
  Approval a = approval("budget", "ticket", "SR-2026-000001");
  approvals.insert(a);
  approvals.insert_signature(a.id, signature(1, "deputy_gm", "wang"));
  approvals.insert_signature(a.id, signature(0, "service_manager", "li"));
  const Signature twice = signature(0, "service_manager", "xu");
  expect_error(ErrorCode::kConflict, {"signing an approval"},
               [&] { approvals.insert_signature(a.id, twice); });
  approvals.set_state(a.id, ApprovalState::kApproved);
  const Approval found = *approvals.find(a.id);
  CHECK(found.state == ApprovalState::kApproved);
  REQUIRE(found.signatures.size() == 2);
  CHECK(found.signatures[0].user == "li");
  CHECK(found.signatures[0].approved);
  CHECK(found.signatures[1].user == "wang");
  CHECK(found.signatures[1].at == testing::test_now());
}
