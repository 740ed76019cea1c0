// Sales of parts outside warranty (DOMAIN.md Part): the large order's boundaries (19 vs 20
// pieces, 10,000.00 vs 10,000.01), its deposit (19.99% vs 20.00%), contract → deposit →
// purchase plan → approval → purchase → delivery, and no delivery before full payment without
// the GM's credit (赊销), whatever guarantee is named.
#include <doctest/doctest.h>

#include "aftersales/approvals/approvals.h"
#include "aftersales/parts/parts.h"
#include "aftersales/parts/purchase_plans.h"
#include "aftersales/parts/sale_forms.h"
#include "aftersales/parts/sale_rules.h"
#include "aftersales/parts/sales.h"
#include "aftersales/store/store.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::day;
using testing::expect_error;

namespace {

struct SalesWorld : testing::TicketWorld {
  SalesWorld() {
    rules.users["kuang"] = {"warehouse"};
    rules.users["qian"] = {"finance"};
    rules.users["he"] = {"purchasing"};
    add("PUMP", "500.00");  // 20 of them: 10,000.00
    add("BIG", "1000.00");  // 10 of them: 10,000.00
  }

  void add(const std::string& number, const std::string& price) {
    Context keeper = context("kuang");
    PartFields fields;
    fields.name = "备件 " + number;
    fields.price = price;
    add_part(keeper, number, fields);
  }

  PartSale sell(const std::vector<std::string>& lines, std::optional<std::string> freight,
                std::optional<std::string> contract = std::nullopt, bool credit = false,
                std::optional<std::string> guarantee = std::nullopt) {
    Context clerk = context("zhang");
    SaleOrder order;
    order.customer = "C001";
    order.lines = lines;
    order.freight = freight;
    order.pickup = !freight;
    order.contract = contract;
    order.credit = credit;
    order.guarantee = guarantee;
    return sell_parts(clerk, order);
  }

  PaymentResult pay(const std::string& sale, const std::string& amount) {
    Context finance = context("qian");
    return pay_sale(finance, sale, amount, std::nullopt);
  }

  std::vector<std::string> missing(const std::string& sale) {
    Context ctx = context("zhang");
    return sale_ready_to_ship(ctx, get_sale(ctx, sale));
  }

  Approval pending_on(const std::string& subject) {
    Context ctx = context("zhang");
    std::vector<Approval> all = list_approvals(ctx, ApprovalQuery{true, false, subject});
    REQUIRE(all.size() == 1);
    return all.front();
  }
};

std::string joined(const std::vector<std::string>& texts) {
  std::string all;
  for (const std::string& t : texts) all += t + "\n";
  return all;
}

}  // namespace

TEST_CASE("a line of 19 pieces is not a large order, a line of 20 is") {
  Rules rules;
  CHECK_FALSE(is_large_line(19, rules));
  CHECK(is_large_line(20, rules));
  SalesWorld world;
  const PartSale small = world.sell({"PUMP:19"}, "100");
  CHECK_FALSE(small.large);
  CHECK(small.total == Money{950000 + 10000});
  CHECK(small.number == "PS-2026-000001");
  expect_error(ErrorCode::kRuleViolation,
               {"large order", "line PUMP × 20 (20 pieces or more)", "购销合同", "--contract"},
               [&] { world.sell({"PUMP:20"}, std::nullopt); });
  CHECK(world.sell({"PUMP:20"}, std::nullopt, "HT-2026-01").large);
}

TEST_CASE("a total of 10,000.00 is not a large order, 10,000.01 is, freight included") {
  Rules rules;
  CHECK_FALSE(is_large_value(Money{1000000}, rules));
  CHECK(is_large_value(Money{1000001}, rules));
  SalesWorld world;
  const PartSale exact = world.sell({"BIG:10"}, std::nullopt);
  CHECK(exact.total == Money{1000000});
  CHECK_FALSE(exact.large);
  expect_error(ErrorCode::kRuleViolation, {"total 10,000.01 is over 10,000.00", "购销合同"},
               [&] { world.sell({"BIG:10"}, "0.01"); });
}

TEST_CASE("a sale needs freight or self-pickup, one of the two, known parts and a customer") {
  SalesWorld world;
  Context clerk = world.context("zhang");
  SaleOrder order;
  order.customer = "C001";
  order.lines = {"PUMP:1"};
  expect_error(ErrorCode::kInvalidInput, {"--freight MONEY or --pickup"},
               [&] { sell_parts(clerk, order); });
  order.freight = "10";
  order.pickup = true;
  expect_error(ErrorCode::kInvalidInput, {"自提"}, [&] { sell_parts(clerk, order); });
  order.pickup = false;
  order.lines = {"PUMP:1", "PUMP:2"};
  expect_error(ErrorCode::kInvalidInput, {"names part PUMP again"},
               [&] { sell_parts(clerk, order); });
  order.lines = {"NOPE:1"};
  expect_error(ErrorCode::kNotFound, {"part NOPE"}, [&] { sell_parts(clerk, order); });
  Context keeper = world.context("kuang");
  order.lines = {"PUMP:1"};
  expect_error(ErrorCode::kRuleViolation, {"selling parts"}, [&] { sell_parts(keeper, order); });
}

TEST_CASE("a deposit of 19.99% is refused, 20.00% is taken and raises the purchase plan") {
  Rules rules;
  CHECK_FALSE(deposit_sufficient(Money{199900}, Money{1000000}, rules));
  CHECK(deposit_sufficient(Money{200000}, Money{1000000}, rules));
  CHECK(minimum_deposit(Money{1000001}, rules) == Money{200001});
  SalesWorld world;
  const PartSale sale = world.sell({"PUMP:20"}, std::nullopt, "HT-2026-01");
  CHECK(joined(world.missing(sale.number)).find("deposit (定金) of at least 20%") !=
        std::string::npos);
  expect_error(
      ErrorCode::kRuleViolation,
      {"deposit (定金) 1,999.00 is 19.99% of the total 10,000.00", "at least 20% (2,000.00)"},
      [&] { world.pay(sale.number, "1999.00"); });
  const PaymentResult paid = world.pay(sale.number, "2000.00");
  REQUIRE(paid.plan_raised.has_value());
  CHECK(paid.plan_raised->number == "PU-2026-000001");
  CHECK(paid.plan_raised->origin == sale.number);
  CHECK(paid.plan_raised->state == ProcurementState::kPending);
  CHECK(paid.sale.paid == Money{200000});
  // Later payments are no deposit: any amount, never a second plan.
  CHECK_FALSE(world.pay(sale.number, "1.00").plan_raised.has_value());
}

TEST_CASE("a large order ships after its plan is approved and received and it is paid") {
  SalesWorld world;
  const PartSale sale = world.sell({"PUMP:20"}, std::nullopt, "HT-2026-01");
  const std::string plan = world.pay(sale.number, "2000").plan_raised->number;
  CHECK(joined(world.missing(sale.number)).find("approved by the leader") != std::string::npos);

  Context buyer = world.context("he");
  expect_error(ErrorCode::kRuleViolation, {"waits for its approval", "sales_manager: 0 of 1"},
               [&] { receive_purchase_plan(buyer, plan, std::nullopt); });
  Context leader = world.context("xu");
  approve(leader, world.pending_on(plan).id, "");
  CHECK(joined(world.missing(sale.number)).find("received by purchasing") != std::string::npos);
  Context clerk = world.context("zhang");
  expect_error(ErrorCode::kRuleViolation, {"receiving a purchase plan"},
               [&] { receive_purchase_plan(clerk, plan, std::nullopt); });
  const PurchasePlan received = receive_purchase_plan(buyer, plan, std::nullopt);
  CHECK(received.state == ProcurementState::kReceived);
  CHECK(world.store->parts().on_hand(get_part(clerk, "PUMP").id, "main") == 20);
  CHECK(show_part(clerk, "PUMP").moves.front().reference == "purchase " + plan);
  expect_error(ErrorCode::kRuleViolation, {"received already"},
               [&] { receive_purchase_plan(buyer, plan, std::nullopt); });

  const std::vector<std::string> unpaid = world.missing(sale.number);
  REQUIRE(unpaid.size() == 1);
  CHECK(unpaid.front().find("8,000.00 owed") != std::string::npos);
  expect_error(ErrorCode::kRuleViolation, {"may not ship yet", "8,000.00 owed"},
               [&] { world.store->write([&] { record_sale_shipped(clerk, sale.number); }); });
  world.pay(sale.number, "8000");
  CHECK(world.missing(sale.number).empty());
  const SaleShipment shipment = sale_shipment(clerk, sale.number);
  CHECK(shipment.value == Money{1000000});
  CHECK(shipment.sale.lines.size() == 1);
  world.store->write([&] { record_sale_shipped(clerk, sale.number); });
  CHECK(world.missing(sale.number).front().find("shipped on 2026-11-27") != std::string::npos);
  expect_error(ErrorCode::kRuleViolation, {"was shipped already, on 2026-11-27"},
               [&] { world.store->write([&] { record_sale_shipped(clerk, sale.number); }); });
}

TEST_CASE("a rejected purchase plan stops the large order") {
  SalesWorld world;
  const PartSale sale = world.sell({"PUMP:20"}, std::nullopt, "HT-2026-01");
  const std::string plan = world.pay(sale.number, "2000").plan_raised->number;
  Context leader = world.context("xu");
  reject(leader, world.pending_on(plan).id, "库存够用");
  Context ctx = world.context("zhang");
  CHECK(get_purchase_plan(ctx, plan).state == ProcurementState::kRejected);
  CHECK(list_purchase_plans(ctx, true).empty());
  CHECK(joined(world.missing(sale.number)).find("rejected") != std::string::npos);
}

TEST_CASE("credit without the GM is refused, whatever guarantee is named") {
  SalesWorld world;
  const PartSale plain = world.sell({"PUMP:2"}, "50");
  CHECK(joined(world.missing(plain.number)).find("赊销") != std::string::npos);

  const PartSale sale = world.sell({"PUMP:2"}, "50", std::nullopt, true, "销售员 王五 担保");
  CHECK(sale.guarantee == "销售员 王五 担保");
  const std::string missing = joined(world.missing(sale.number));
  CHECK(missing.find("the GM's credit approval (赊销)") != std::string::npos);
  CHECK(missing.find("gm: 0 of 1 given") != std::string::npos);
  const Approval credit = world.pending_on(sale.number);
  CHECK(credit.form == sale_form::kCredit);
  Context leader = world.context("xu");
  expect_error(ErrorCode::kRuleViolation, {"must be signed by gm"},
               [&] { approve(leader, credit.id, ""); });
  Context clerk = world.context("zhang");
  expect_error(ErrorCode::kRuleViolation, {"may not ship yet", "赊销"},
               [&] { world.store->write([&] { record_sale_shipped(clerk, sale.number); }); });
  CHECK(sale_arrears(clerk, get_sale(clerk, sale.number)) == Money{0});

  Context gm = world.context("zhao");
  approve(gm, credit.id, "老客户");
  CHECK(world.missing(sale.number).empty());
  CHECK(sale_arrears(clerk, get_sale(clerk, sale.number)) == Money{105000});
  world.store->write([&] { record_sale_shipped(clerk, sale.number); });
}

TEST_CASE("payments over what is owed, in the future, before the sale or by others are refused") {
  SalesWorld world;
  const PartSale sale = world.sell({"PUMP:1"}, "0");
  Context finance = world.context("qian");
  expect_error(ErrorCode::kRuleViolation, {"more than the 500.00 owed"},
               [&] { pay_sale(finance, sale.number, "500.01", std::nullopt); });
  expect_error(ErrorCode::kInvalidInput, {"after today"},
               [&] { pay_sale(finance, sale.number, "1", std::string("2026-11-28")); });
  expect_error(ErrorCode::kInvalidInput, {"before the sale"},
               [&] { pay_sale(finance, sale.number, "1", std::string("2026-11-26")); });
  expect_error(ErrorCode::kInvalidInput, {"not over 0"},
               [&] { pay_sale(finance, sale.number, "0", std::nullopt); });
  Context clerk = world.context("zhang");
  expect_error(ErrorCode::kRuleViolation, {"recording a payment"},
               [&] { pay_sale(clerk, sale.number, "1", std::nullopt); });
  expect_error(ErrorCode::kNotFound, {"sale PS-2026-000099"},
               [&] { pay_sale(finance, "PS-2026-000099", "1", std::nullopt); });
  CHECK(pay_sale(finance, sale.number, "500.00", std::nullopt).sale.owed() == Money{0});
  expect_error(ErrorCode::kRuleViolation, {"nothing is owed"},
               [&] { promise_repayment(clerk, sale.number, "2026-12-31"); });
}

TEST_CASE(
    "the month-end data: sales, quantities, arrears, debtors and promises, late from the 25th") {
  Rules rules;
  CHECK(sales_report_last_day(day("2026-11-01"), rules) == day("2026-12-24"));
  CHECK_FALSE(is_sales_report_late(day("2026-11-01"), day("2026-12-24"), rules));
  CHECK(is_sales_report_late(day("2026-11-01"), day("2026-12-25"), rules));
  CHECK(sales_report_last_day(day("2026-12-01"), rules) == day("2027-01-24"));

  SalesWorld world;
  const PartSale credit = world.sell({"PUMP:2"}, "50", std::nullopt, true);
  world.sell({"BIG:1"}, std::nullopt);
  Context gm = world.context("zhao");
  approve(gm, world.pending_on(credit.number).id, "");
  world.pay(credit.number, "300");
  Context clerk = world.context("zhang");
  promise_repayment(clerk, credit.number, "2026-12-20");

  PartsSalesMonth month = parts_sales_month(clerk, "2026-11");
  CHECK(month.sales.size() == 2);
  CHECK(month.sales_amount == Money{105000 + 100000});
  CHECK(month.quantity == 3);
  REQUIRE(month.debts.size() == 1);
  CHECK(month.debts[0].arrears == Money{75000});
  CHECK(month.debts[0].promised_on == day("2026-12-20"));
  CHECK(month.arrears == Money{75000});
  CHECK(month.debtors == std::vector<std::string>{"C001"});
  CHECK(month.due_last_day == day("2026-12-24"));
  CHECK_FALSE(month.late);

  world.set_today("2026-12-25");
  month = parts_sales_month(clerk, "2026-11");
  CHECK(month.late);
  CHECK(parts_sales_month(clerk, "2026-10").sales.empty());
  expect_error(ErrorCode::kInvalidInput, {"YYYY-MM"}, [&] { parts_sales_month(clerk, "2026-1"); });

  SaleQuery arrears;
  arrears.arrears = true;
  const std::vector<SaleRow> rows = list_sales(clerk, arrears);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].sale.number == credit.number);
}

TEST_CASE("the large order's limits, the deposit and the credit chain are the rulebook's") {
  SalesWorld world;
  world.rules.parts.large_order_quantity = 5;
  world.rules.parts.large_order_value = Money{100000};
  world.rules.parts.deposit_percent = 50;
  world.rules.approvals.credit = {"deputy_gm", "gm"};
  CHECK_FALSE(world.sell({"PUMP:1"}, "0").large);  // 500.00, 1 piece
  expect_error(ErrorCode::kRuleViolation, {"line PUMP × 5 (5 pieces or more)"},
               [&] { world.sell({"PUMP:5"}, std::nullopt); });
  expect_error(ErrorCode::kRuleViolation, {"total 1,000.01 is over 1,000.00"},
               [&] { world.sell({"BIG:1"}, "0.01"); });
  const PartSale sale = world.sell({"PUMP:5"}, std::nullopt, "HT-9");
  expect_error(ErrorCode::kRuleViolation, {"at least 50% (1,250.00)"},
               [&] { world.pay(sale.number, "1249.99"); });
  CHECK(world.pay(sale.number, "1250").plan_raised.has_value());
  const PartSale credit = world.sell({"PUMP:1"}, "0", std::nullopt, true);
  CHECK(world.pending_on(credit.number).chain == std::vector<std::string>{"deputy_gm", "gm"});
}
