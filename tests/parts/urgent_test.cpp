// Urgent part requests (急需备件申请表, 表13, DOMAIN.md Part): for a ticket, a part the company
// does not stock; the leader approves, it becomes a purchase plan, receiving it settles it.
#include <doctest/doctest.h>

#include "aftersales/approvals/approvals.h"
#include "aftersales/parts/parts.h"
#include "aftersales/parts/purchase_plans.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::expect_error;

namespace {

struct UrgentWorld : testing::TicketWorld {
  UrgentWorld() {
    rules.users["kuang"] = {"warehouse"};
    rules.users["he"] = {"purchasing"};
    Context keeper = context("kuang");
    PartFields fields;
    fields.name = "液压泵";
    fields.price = "4800";
    add_part(keeper, "HP-100", fields);
    ticket = open_analysed(testing::kInWarranty);
  }

  UrgentRequest request(const std::string& desc, const std::string& qty = "1",
                        const std::string& user = "zhang") {
    Context ctx = context(user);
    return request_urgent_part(ctx, UrgentOrder{ticket, desc, qty, "停机待修"});
  }

  Approval pending_on(const std::string& subject) {
    Context ctx = context("zhang");
    std::vector<Approval> all = list_approvals(ctx, ApprovalQuery{true, false, subject});
    REQUIRE(all.size() == 1);
    return all.front();
  }

  std::string ticket;
};

}  // namespace

TEST_CASE("an approved urgent request becomes a purchase plan and receiving it settles it") {
  UrgentWorld world;
  const UrgentRequest request = world.request("HP-100", "2");
  CHECK(request.number == "UR-2026-000001");
  CHECK(request.part == std::optional<std::string>("HP-100"));
  CHECK(request.state == ProcurementState::kPending);
  const Approval approval = world.pending_on(request.number);
  CHECK(approval.chain == std::vector<std::string>{"sales_manager"});

  Context leader = world.context("xu");
  approve(leader, approval.id, "");
  Context ctx = world.context("zhang");
  const UrgentRequest approved = get_urgent_request(ctx, request.number);
  CHECK(approved.state == ProcurementState::kApproved);
  REQUIRE_FALSE(approved.plan.empty());
  const PurchasePlan plan = get_purchase_plan(ctx, approved.plan);
  CHECK(plan.state == ProcurementState::kApproved);  // the 表13 approval approves it
  CHECK(plan.origin == request.number);
  CHECK(list_urgent_requests(ctx, true).size() == 1);

  Context buyer = world.context("he");
  receive_purchase_plan(buyer, plan.number, std::nullopt);
  CHECK(get_urgent_request(ctx, request.number).state == ProcurementState::kReceived);
  CHECK(list_urgent_requests(ctx, true).empty());
  CHECK(world.store->parts().on_hand(get_part(ctx, "HP-100").id, "main") == 2);
}

TEST_CASE("an urgent request for a part not in the catalogue is bought, not stocked") {
  UrgentWorld world;
  const UrgentRequest request = world.request("进口液压阀 REXROTH 4WE6");
  CHECK_FALSE(request.part.has_value());
  Context leader = world.context("xu");
  approve(leader, world.pending_on(request.number).id, "");
  Context ctx = world.context("zhang");
  const std::string plan = get_urgent_request(ctx, request.number).plan;
  Context buyer = world.context("he");
  CHECK(receive_purchase_plan(buyer, plan, std::nullopt).state == ProcurementState::kReceived);
  CHECK(get_urgent_request(ctx, request.number).state == ProcurementState::kReceived);
}

TEST_CASE("a rejected urgent request raises no plan") {
  UrgentWorld world;
  const UrgentRequest request = world.request("HP-100");
  Context leader = world.context("xu");
  reject(leader, world.pending_on(request.number).id, "用库存替代");
  Context ctx = world.context("zhang");
  CHECK(get_urgent_request(ctx, request.number).state == ProcurementState::kRejected);
  CHECK(list_purchase_plans(ctx, false).empty());
}

TEST_CASE("an urgent request needs a known open ticket, a quantity, a reason and the role") {
  UrgentWorld world;
  Context clerk = world.context("zhang");
  expect_error(ErrorCode::kNotFound, {"SR-2026-999999"}, [&] {
    request_urgent_part(clerk, UrgentOrder{"SR-2026-999999", "HP-100", "1", "急"});
  });
  expect_error(ErrorCode::kInvalidInput, {"qty", "reason"}, [&] {
    request_urgent_part(clerk, UrgentOrder{world.ticket, "HP-100", "0", ""});
  });
  expect_error(ErrorCode::kRuleViolation, {"urgent part request (表13)"},
               [&] { world.request("HP-100", "1", "kuang"); });
  Context keeper = world.context("kuang");
  receive_part(keeper, "HP-100", "3", std::nullopt, "");
  expect_error(ErrorCode::kRuleViolation, {"is stocked: 3 on hand, 3 asked"},
               [&] { world.request("HP-100", "3"); });
  CHECK(world.request("HP-100", "4").part.has_value());
}

TEST_CASE("a ticket pauses for its urgent request, and receiving it names the ticket waiting") {
  UrgentWorld world;
  const UrgentRequest request = world.request("HP-100");
  Context clerk = world.context("zhang");
  const Ticket paused = pause_for_urgent_part(clerk, world.ticket, request.number);
  CHECK(paused.state == TicketState::kPaused);
  const std::vector<Pause> pauses = world.store->tickets().pauses(paused.id);
  REQUIRE(pauses.size() == 1);
  CHECK(pauses.front().reason ==
        "waiting for urgent part request UR-2026-000001 (表13): HP-100 × 1");
  CHECK(ticket_waiting_for(clerk, request) == std::optional<std::string>(world.ticket));

  Context leader = world.context("xu");
  approve(leader, world.pending_on(request.number).id, "");
  Context buyer = world.context("he");
  receive_purchase_plan(buyer, get_urgent_request(clerk, request.number).plan, std::nullopt);
  // Settled: still named while the ticket waits; nothing more to wait for.
  CHECK(ticket_waiting_for(clerk, request) == std::optional<std::string>(world.ticket));
  resume_ticket(clerk, world.ticket);
  CHECK_FALSE(ticket_waiting_for(clerk, request).has_value());
  expect_error(ErrorCode::kRuleViolation, {"is received; there is nothing to wait for"},
               [&] { pause_for_urgent_part(clerk, world.ticket, request.number); });
}

TEST_CASE("a ticket cannot pause for another ticket's urgent request") {
  UrgentWorld world;
  const UrgentRequest request = world.request("HP-100");
  const std::string other = world.open_analysed(testing::kInWarranty);
  Context clerk = world.context("zhang");
  const std::string whose = "is for ticket " + world.ticket;
  expect_error(ErrorCode::kRuleViolation, {whose.c_str()},
               [&] { pause_for_urgent_part(clerk, other, request.number); });
  expect_error(ErrorCode::kNotFound, {"UR-2026-000009 does not exist"},
               [&] { pause_for_urgent_part(clerk, other, "UR-2026-000009"); });
}
