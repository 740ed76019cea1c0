// The rules of parts sales outside warranty (DOMAIN.md Part, 三包期外备件销售), each written
// once and pure: the numbers come from [parts] of the rulebook.
#pragma once

#include <cstdint>
#include <vector>

#include "aftersales/core/money.h"
#include "aftersales/core/time.h"
#include "aftersales/parts/sale.h"
#include "aftersales/rules/rules.h"

namespace aftersales {

// Price = unit price × quantity of each line + freight (none for self-pickup, 自提).
Money sale_total(const std::vector<SaleLine>& lines, Money freight);

// 数量较大: a line of [parts] large_order_quantity pieces or more (19 no, 20 yes).
bool is_large_line(std::int64_t quantity, const Rules& rules);
// 金额较大: a total strictly over [parts] large_order_value (10,000.00 no, 10,000.01 yes).
bool is_large_value(Money total, const Rules& rules);
// A large order: either of the two. It needs a sales contract (购销合同), a deposit, a purchase
// plan approved and received before delivery.
bool is_large_order(const std::vector<SaleLine>& lines, Money total, const Rules& rules);

// The least deposit (定金) of a large order: [parts] deposit_percent of the total, rounded up to
// the fen (20% of 10,000.01 is 2,000.01: 2,000.00 would be 19.99...%).
Money minimum_deposit(Money total, const Rules& rules);
// Whether `paid` is at least [parts] deposit_percent of `total` (1,999.00 of 10,000.00 is
// 19.99%: no; 2,000.00: yes).
bool deposit_sufficient(Money paid, Money total, const Rules& rules);

// Whether a sale may leave before full payment: only with the GM's credit approval (赊销,
// [approvals] credit) given, whatever guarantee (担保) is named.
bool payment_allows_delivery(Money paid, Money total, bool credit_approved);

// The monthly parts sales report (备件销售月报表) of `month` (any day of it) is due before the
// [parts] sales_report_due_day of the month after: the last day on time is the 24th, the 25th
// itself is late (每月25日前).
Date sales_report_last_day(Date month, const Rules& rules);
bool is_sales_report_late(Date month, Date on, const Rules& rules);

}  // namespace aftersales
