// Sales of parts outside warranty (三包期外备件销售, DOMAIN.md Part): selling, payments, promised
// repayment dates, what a sale still lacks before it may ship, and the month-end data of the
// parts sales report. Who acts: [permissions] parts_sales sells and takes promises, payments
// records payments. Every change is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/core/context.h"
#include "aftersales/parts/purchase.h"
#include "aftersales/parts/sale.h"

namespace aftersales {

// `part sell` as typed: lines "PARTNO:QTY"; freight in yuan or pickup (exactly one).
struct SaleOrder {
  std::string customer;
  std::vector<std::string> lines;
  std::optional<std::string> freight;
  bool pickup = false;
  std::optional<std::string> contract;
  bool credit = false;
  std::optional<std::string> guarantee;
};

// Records a sale at the catalogue prices; today is its date. Error(kInvalidInput) for a bad
// line, quantity or freight, neither or both of freight and pickup, the same part twice;
// Error(kNotFound) for an unknown customer or part; Error(kRuleViolation) without the
// parts_sales role, and for a large order (sale_rules.h) without a contract number (购销合同).
// With `credit`, raises the GM's credit approval (赊销, [approvals] credit).
PartSale sell_parts(Context& ctx, const SaleOrder& order);

// The sale with that number, with its lines, paid sum and promise; Error(kNotFound).
PartSale get_sale(Context& ctx, const std::string& number);

struct PaymentResult {
  PartSale sale;  // after the payment
  SalePayment payment;
  std::optional<PurchasePlan>
      plan_raised;  // the large order's purchase plan, once its deposit is in
};

// Records a payment of `amount` on `on` (default today; not in the future, not before the
// sale). Error(kInvalidInput) for a bad amount or date; Error(kRuleViolation) without the
// payments role, for more than is owed, and on a large order whose deposit is not in yet for
// a payment that leaves it under [parts] deposit_percent of the total (19.99% refused, 20.00%
// accepted). The payment that brings the deposit in raises the order's purchase plan, approved
// on [approvals] purchase_plan.
PaymentResult pay_sale(Context& ctx, const std::string& number, const std::string& amount,
                       const std::optional<std::string>& on);

// Records a promised repayment date (not before the sale). Error(kRuleViolation) without the
// parts_sales role or when nothing is owed.
PartSale promise_repayment(Context& ctx, const std::string& number, const std::string& date);

// What the sale still lacks before it may ship, one sentence each, in the order of the steps;
// empty when it may ship. A large order: contract, deposit, its purchase plan approved, then
// received. Then payment in full, or the GM's credit approval (赊销) given. A shipped sale says
// so. Call inside or outside a transaction.
std::vector<std::string> sale_ready_to_ship(Context& ctx, const PartSale& sale);

// What shipping a sale needs (`part ship SALE`): the sale, its lines and the value of its
// goods (the gate pass's price basis, without freight), and what is missing.
struct SaleShipment {
  PartSale sale;
  Money value;
  std::vector<std::string> missing;
};
SaleShipment sale_shipment(Context& ctx, const std::string& number);

// Marks the sale shipped now; call inside the shipping's Store::write(), after its stock moves
// (kind ship). Error(kRuleViolation) naming what is missing when it may not ship.
PartSale record_sale_shipped(Context& ctx, const std::string& number);

// Amounts owed on a sale that left or may leave (shipped, or ready: credit approved): total −
// paid; zero otherwise.
Money sale_arrears(Context& ctx, const PartSale& sale);

// One sale as `part sales` lists it.
struct SaleRow {
  PartSale sale;
  std::string stage;  // "shipped", "ready", or the first thing missing, in a few words
  Money arrears;
};

struct SaleQuery {
  std::optional<std::string> month;  // YYYY-MM of the sale date
  bool arrears = false;              // only sales with arrears
};
// Sales in number order. Error(kInvalidInput) for a bad month.
std::vector<SaleRow> list_sales(Context& ctx, const SaleQuery& query);

// A sale whole: payments, promises, its approvals and purchase plan, and what it lacks.
struct SaleView {
  SaleRow row;
  std::vector<SalePayment> payments;
  std::vector<SalePromise> promises;
  std::vector<Approval> approvals;
  std::optional<PurchasePlan> plan;
  std::vector<std::string> missing;
};
SaleView show_sale(Context& ctx, const std::string& number);

// The month-end data of the parts sales report (备件销售月报表), reproducible for any past
// month: the month's sales, and every sale with arrears at the month's end (shipped, or with
// the GM's credit, by then), from payments made by then.
struct MonthSale {
  std::string number;
  Date sold_on;
  std::string customer, customer_name;
  std::int64_t quantity = 0;
  Money amount;
};
struct MonthDebt {
  std::string number;
  Date sold_on;
  std::string customer, customer_name;  // the debtor (欠款单位)
  Money amount, paid, arrears;
  std::optional<Date> promised_on;  // promised repayment date, as promised by the month's end
};
struct PartsSalesMonth {
  Date month;  // its first day
  std::vector<MonthSale> sales;
  std::vector<MonthDebt> debts;
  Money sales_amount;  // of the month's sales
  std::int64_t quantity = 0;
  Money arrears;                     // every debt at the month's end
  std::vector<std::string> debtors;  // customer codes, each once
  Date due_last_day;                 // the last day the report is on time
  bool late = false;                 // today is after due_last_day
};
// Error(kInvalidInput) for a month not written YYYY-MM.
PartsSalesMonth parts_sales_month(Context& ctx, const std::string& month);

}  // namespace aftersales
