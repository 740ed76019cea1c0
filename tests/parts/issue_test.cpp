// Warranty issues of parts (表11 with its 备件领料单), their gate passes (出门证) and shipping
// (DOMAIN.md Part): each rule on both sides of its boundary.
#include <doctest/doctest.h>

#include "aftersales/approvals/approvals.h"
#include "aftersales/core/error.h"
#include "aftersales/parts/gate_passes.h"
#include "aftersales/parts/issue_requests.h"
#include "aftersales/parts/parts.h"
#include "aftersales/parts/shipping.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::expect_error;
using testing::kInWarranty;
using testing::TicketWorld;

namespace {

// The ticket world with a warehouse keeper (kuang) and finance (qian), and two parts in stock.
struct IssueWorld : TicketWorld {
  IssueWorld() {
    rules.users["kuang"] = {"warehouse"};
    rules.users["qian"] = {"finance"};
    add_part_in_stock("HP-100", "300.00", 2);
    add_part_in_stock("S-1", "50.00", 10);
  }

  void add_part_in_stock(const std::string& number, const std::string& price, int qty) {
    Context keeper = context("kuang");
    PartFields fields;
    fields.name = "件 " + number;
    fields.price = price;
    add_part(keeper, number, fields);
    if (qty > 0) receive_part(keeper, number, std::to_string(qty), std::nullopt, "");
  }

  // A warranty ticket analysed as a quality defect.
  std::string quality_ticket() {
    const std::string number = open(kInWarranty);
    analyse(number, /*quality_defect=*/true);
    return number;
  }

  IssueRequest request(const std::string& ticket, std::vector<std::string> lines) {
    Context clerk = context("zhang");
    IssueRequestFields fields;
    fields.ticket = ticket;
    fields.lines = std::move(lines);
    return request_issue(clerk, fields);
  }

  // Signs every step of the pending approval of `form` on `subject` (a PI- or GP- number).
  void approve(const std::string& subject, const std::string& form) {
    const Approval approval = pending(subject, form);
    for (std::size_t step = 0; step < approval.chain.size(); ++step) {
      const Approval now = get_approval_now(approval.id);
      Context signer = context(signer_for(now, now.chain.at(step)));
      aftersales::approve(signer, approval.id, "同意");
    }
  }

  Approval get_approval_now(std::int64_t id) {
    Context ctx = context("zhang");
    return get_approval(ctx, id);
  }

  IssueRequest ship(const std::string& number, std::optional<std::string> freight = {}) {
    Context keeper = context("kuang");
    return ship_issue(keeper, number, freight);
  }

  IssueRequest get_issue(const std::string& number) {
    Context ctx = context("zhang");
    return get_issue_request(ctx, number);
  }

  std::int64_t on_hand(const std::string& part) {
    return store->parts().on_hand(store->parts().find(part)->id, "main");
  }
};

}  // namespace

TEST_CASE("a warranty issue needs a ticket whose fault is a quality problem") {
  IssueWorld world;
  const std::string plain = world.open_analysed(kInWarranty);
  expect_error(ErrorCode::kRuleViolation,
               {"warranty issue (表11)", "quality problem", plain.c_str(), "not analysed"},
               [&] { world.request(plain, {"HP-100:1"}); });

  const std::string claimed = world.quality_ticket();
  const IssueRequest request = world.request(claimed, {"HP-100:1", "S-1:2"});
  CHECK(request.number == "PI-2026-000001");
  CHECK(request.state == IssueState::kRequested);
  CHECK(request.value() == Money{40000});
  const Approval approval = world.pending(request.number, part_issue_form::kKey);
  CHECK(approval.chain == ApprovalChain{"sales_manager", "deputy_gm", "gm"});
  CHECK(approval.subject == issue_subject(request.number));
  CHECK(approval.amount == std::optional<Money>(Money{40000}));
}

TEST_CASE("a quality defect declined by the technical department gets no warranty issue") {
  IssueWorld world;
  const std::string ticket = world.quality_ticket();
  Context sun = world.context("sun");
  aftersales::reject(sun, world.pending(ticket, ticket_form::kQualityDefect).id, "操作不当");
  expect_error(ErrorCode::kRuleViolation, {"declined", "technical department"},
               [&] { world.request(ticket, {"HP-100:1"}); });
}

TEST_CASE("a confirmed quality defect gets a warranty issue") {
  IssueWorld world;
  const std::string ticket = world.quality_ticket();
  world.approve_all(ticket);
  CHECK(world.request(ticket, {"S-1:1"}).lines.size() == 1);
}

TEST_CASE("warranty cost 1000.00 needs no budget before a warranty issue") {
  IssueWorld world;
  const std::string ticket = world.quality_ticket();
  Context clerk = world.context("zhang");
  estimate_ticket(clerk, ticket, "1000.00", "0", "0");
  CHECK(world.request(ticket, {"S-1:1"}).state == IssueState::kRequested);
}

TEST_CASE("warranty cost 1000.01 waits for its budget approval (表5) before a warranty issue") {
  IssueWorld world;
  const std::string ticket = world.quality_ticket();
  Context clerk = world.context("zhang");
  estimate_ticket(clerk, ticket, "1000.01", "0", "0");
  expect_error(ErrorCode::kRuleViolation,
               {"1,000.01 is over 1,000.00", "budget approval (表5)",
                "sales_manager, deputy_gm, gm", "0 of 3 given"},
               [&] { world.request(ticket, {"S-1:1"}); });
  world.approve(ticket, ticket_form::kBudget);
  CHECK(world.request(ticket, {"S-1:1"}).state == IssueState::kRequested);
}

TEST_CASE("bad lines, unknown parts and roles without parts_request are refused") {
  IssueWorld world;
  const std::string ticket = world.quality_ticket();
  expect_error(ErrorCode::kInvalidInput, {"line", "HP-100"},
               [&] { world.request(ticket, {"HP-100"}); });
  expect_error(ErrorCode::kInvalidInput, {"line", "0"},
               [&] { world.request(ticket, {"HP-100:0"}); });
  expect_error(ErrorCode::kInvalidInput, {"line", "missing"}, [&] { world.request(ticket, {}); });
  expect_error(ErrorCode::kNotFound, {"NOPE"}, [&] { world.request(ticket, {"NOPE:1"}); });
  Context keeper = world.context("kuang");
  IssueRequestFields fields;
  fields.ticket = ticket;
  fields.lines = {"S-1:1"};
  expect_error(ErrorCode::kRuleViolation, {"clerk"}, [&] { request_issue(keeper, fields); });
  CHECK(world.store->shipments().list_issues(std::nullopt).empty());
}

TEST_CASE(
    "a gate pass up to and including 500.00 goes to the deputy GM, over it to GM and finance") {
  IssueWorld world;
  CHECK(gate_pass_chain(world.rules, Money{50000}) == ApprovalChain{"deputy_gm"});
  CHECK(gate_pass_chain(world.rules, Money{50001}) == ApprovalChain{"gm", "finance"});

  const std::string ticket = world.quality_ticket();
  world.add_part_in_stock("P-50001", "500.01", 1);
  const IssueRequest small = world.request(ticket, {"S-1:10"});  // 500.00
  const IssueRequest large = world.request(ticket, {"P-50001:1"});
  Context reader = world.context("zhang");
  CHECK_FALSE(find_gate_pass(reader, issue_shipment(small.number)).has_value());
  world.approve(small.number, part_issue_form::kKey);
  world.approve(large.number, part_issue_form::kKey);

  Context ctx = world.context("zhang");
  const GatePass small_pass = *find_gate_pass(ctx, issue_shipment(small.number));
  const GatePass large_pass = *find_gate_pass(ctx, issue_shipment(large.number));
  CHECK(small_pass.value == Money{50000});
  CHECK(small_pass.raised_by == "zhang");
  CHECK(world.pending(small_pass.number, gate_pass_form::kKey).chain == ApprovalChain{"deputy_gm"});
  CHECK(world.pending(large_pass.number, gate_pass_form::kKey).chain ==
        ApprovalChain{"gm", "finance"});
  CHECK(world.pending(large_pass.number, gate_pass_form::kKey).requested_by == "zhang");
  CHECK(list_gate_passes(ctx, /*pending=*/true).size() == 2);
  world.approve(large_pass.number, gate_pass_form::kKey);  // the GM signs though he approved 表11
  CHECK(gate_pass_approved(ctx, issue_shipment(large.number)));
  CHECK_FALSE(gate_pass_approved(ctx, issue_shipment(small.number)));
  CHECK(list_gate_passes(ctx, /*pending=*/true).size() == 1);
  expect_error(ErrorCode::kConflict, {"gate pass", small_pass.number.c_str()}, [&] {
    world.store->write(
        [&] { raise_gate_pass(ctx, issue_shipment(small.number), Money{1}, "zhang"); });
  });
}

TEST_CASE("nothing ships before its 表11 approval and its gate pass, and it ships once") {
  IssueWorld world;
  const std::string ticket = world.quality_ticket();
  const IssueRequest request = world.request(ticket, {"HP-100:1", "S-1:4"});
  expect_error(ErrorCode::kRuleViolation,
               {"cannot ship", "warranty issue approval (表11)", "0 of 3 given", "no gate pass"},
               [&] { world.ship(request.number); });
  world.approve(request.number, part_issue_form::kKey);
  Context ctx = world.context("zhang");
  const GatePass pass = *find_gate_pass(ctx, issue_shipment(request.number));
  CHECK(pass.value == Money{50000});
  expect_error(ErrorCode::kRuleViolation,
               {"gate pass (出门证)", pass.number.c_str(), "deputy_gm", "0 of 1 given"},
               [&] { world.ship(request.number); });
  CHECK(world.on_hand("HP-100") == 2);

  world.approve(pass.number, gate_pass_form::kKey);
  Context clerk = world.context("zhang");
  expect_error(ErrorCode::kRuleViolation, {"warehouse"},
               [&] { ship_issue(clerk, request.number, std::nullopt); });
  const IssueRequest shipped = world.ship(request.number, "120.00");
  CHECK(shipped.state == IssueState::kShipped);
  CHECK(shipped.freight == std::optional<Money>(Money{12000}));
  CHECK(world.on_hand("HP-100") == 1);
  CHECK(world.on_hand("S-1") == 6);
  StockFilter filter;
  filter.part = "S-1";
  const std::vector<StockMove> moves = world.store->parts().moves(filter, 1);
  CHECK(moves.at(0).kind == MoveKind::kShip);
  CHECK(moves.at(0).reference == "表11 " + request.number);

  expect_error(ErrorCode::kRuleViolation, {"shipped already", "kuang"},
               [&] { world.ship(request.number); });
  CHECK(world.on_hand("HP-100") == 1);

  const std::vector<CostLine> freight = ticket_freight(ctx, ticket);
  REQUIRE(freight.size() == 1);
  CHECK(freight[0].kind == CostKind::kTravel);
  CHECK(freight[0].coverage == Coverage::kWarranty);
  CHECK(freight[0].amount == Money{12000});
  CHECK(freight[0].description == "freight 运费 (表11 " + request.number + ")");
}

TEST_CASE("shipping more than on hand is refused and nothing moves, exactly on hand ships") {
  IssueWorld world;
  const std::string ticket = world.quality_ticket();
  const IssueRequest too_many = world.request(ticket, {"S-1:1", "HP-100:3"});
  const IssueRequest exactly = world.request(ticket, {"HP-100:2"});
  for (const IssueRequest* r : {&too_many, &exactly}) {
    world.approve(r->number, part_issue_form::kKey);
    Context ctx = world.context("zhang");
    world.approve(find_gate_pass(ctx, issue_shipment(r->number))->number, gate_pass_form::kKey);
  }
  expect_error(ErrorCode::kRuleViolation, {"HP-100", "main", "2 on hand, 3 asked"},
               [&] { world.ship(too_many.number); });
  CHECK(world.on_hand("S-1") == 10);
  CHECK(world.get_issue(too_many.number).state == IssueState::kApproved);
  world.ship(exactly.number);
  CHECK(world.on_hand("HP-100") == 0);
}

TEST_CASE("a rejected 表11 gets no gate pass and never ships") {
  IssueWorld world;
  const std::string ticket = world.quality_ticket();
  const IssueRequest request = world.request(ticket, {"S-1:1"});
  Context xu = world.context("xu");
  aftersales::reject(xu, world.pending(request.number, part_issue_form::kKey).id, "库存不足");
  Context ctx = world.context("zhang");
  CHECK(get_issue_request(ctx, request.number).state == IssueState::kRejected);
  CHECK_FALSE(find_gate_pass(ctx, issue_shipment(request.number)).has_value());
  expect_error(ErrorCode::kRuleViolation, {"rejected"}, [&] { world.ship(request.number); });
}
