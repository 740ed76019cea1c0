// Listing sales, one sale whole, and the month-end data of the parts sales report
// (备件销售月报表: sales amount, arrears, debtors, quantities, promised repayment dates; due
// before the 25th).
#include <fmt/format.h>

#include <algorithm>

#include "aftersales/approvals/approvals.h"
#include "aftersales/core/error.h"
#include "aftersales/core/validation.h"
#include "aftersales/parts/sale_forms.h"
#include "aftersales/parts/sale_rules.h"
#include "aftersales/parts/sales.h"
#include "aftersales/store/store.h"
#include "parts/sale_readiness.h"

namespace aftersales {
namespace {

// The first day of a month written YYYY-MM; Error(kInvalidInput) otherwise.
Date read_month(const std::string& text) {
  const std::string month = trim(text);
  const std::optional<Date> first = parse_date(month + "-01");
  if (!first || month.size() != 7) {
    FieldReader reader;
    reader.add("month", text,
               fmt::format("cannot read \"{}\" as a month: write YYYY-MM, like "
                           "2026-11",
                           text));
    reader.throw_if_any("parts sales");
  }
  return *first;
}

Date last_day_of(Date first) {
  const int next_year = first.month() == 12 ? first.year() + 1 : first.year();
  const int next_month = first.month() == 12 ? 1 : first.month() + 1;
  return Date::from_ymd(next_year, next_month, 1).plus_days(-1);
}

SaleRow row_of(Context& ctx, PartSale sale) {
  SaleRow row;
  const std::vector<SaleGap> gaps = sale_gaps(ctx, sale);
  row.stage = gaps.empty() ? "ready" : gaps.front().stage;
  row.arrears = sale_arrears(ctx, sale);
  row.sale = std::move(sale);
  return row;
}

// Whether the GM's credit (赊销) on the sale was given by `until`.
bool credit_given_by(Context& ctx, const PartSale& sale, Timestamp until) {
  if (!sale.credit) return false;
  for (const Approval& approval : list_approvals(ctx, ApprovalQuery{false, false, sale.number})) {
    if (approval.form == sale_form::kCredit && approval.state == ApprovalState::kApproved &&
        !approval.signatures.empty() && approval.signatures.back().at <= until) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<SaleRow> list_sales(Context& ctx, const SaleQuery& query) {
  SaleFilter filter;
  if (query.month) {
    filter.from = read_month(*query.month);
    filter.to = last_day_of(*filter.from);
  }
  std::vector<SaleRow> rows;
  for (PartSale& sale : ctx.store.part_sales().list_sales(filter)) {
    SaleRow row = row_of(ctx, std::move(sale));
    if (query.arrears && row.arrears <= Money{0}) continue;
    rows.push_back(std::move(row));
  }
  return rows;
}

SaleView show_sale(Context& ctx, const std::string& number) {
  SaleView view;
  view.row = row_of(ctx, get_sale(ctx, number));
  const PartSale& sale = view.row.sale;
  view.payments = ctx.store.part_sales().payments(sale.id);
  view.promises = ctx.store.part_sales().promises(sale.id);
  view.approvals = list_approvals(ctx, ApprovalQuery{false, false, sale.number});
  view.plan = ctx.store.part_sales().plan_for(sale.number);
  if (view.plan) {
    for (Approval& approval : list_approvals(ctx, ApprovalQuery{false, false, view.plan->number})) {
      view.approvals.push_back(std::move(approval));
    }
  }
  view.missing = sale_ready_to_ship(ctx, sale);
  if (sale.shipped_at) view.missing.clear();
  return view;
}

PartsSalesMonth parts_sales_month(Context& ctx, const std::string& month) {
  PartsSalesMonth result;
  result.month = read_month(month);
  const Date last = last_day_of(result.month);
  const Timestamp month_end = end_of_day(last, ctx.rules.general.utc_offset);
  result.due_last_day = sales_report_last_day(result.month, ctx.rules);
  result.late = is_sales_report_late(result.month, ctx.today(), ctx.rules);

  SaleFilter until_end;
  until_end.to = last;
  for (const PartSale& sale : ctx.store.part_sales().list_sales(until_end)) {
    if (sale.sold_on >= result.month) {
      result.sales.push_back(MonthSale{sale.number, sale.sold_on, sale.customer, sale.customer_name,
                                       sale.quantity(), sale.total});
      result.sales_amount = result.sales_amount + sale.total;
      result.quantity += sale.quantity();
    }
    // A debt at the month's end: the goods left, or the GM gave credit, by then.
    const bool delivered = sale.shipped_at && *sale.shipped_at <= month_end;
    if (!delivered && !credit_given_by(ctx, sale, month_end)) continue;
    Money paid;
    for (const SalePayment& payment : ctx.store.part_sales().payments(sale.id)) {
      if (payment.paid_on <= last) paid = paid + payment.amount;
    }
    if (paid >= sale.total) continue;
    MonthDebt debt{sale.number, sale.sold_on, sale.customer,     sale.customer_name,
                   sale.total,  paid,         sale.total - paid, std::nullopt};
    for (const SalePromise& promise : ctx.store.part_sales().promises(sale.id)) {
      if (promise.recorded_at <= month_end) debt.promised_on = promise.promised_on;
    }
    result.arrears = result.arrears + debt.arrears;
    if (std::find(result.debtors.begin(), result.debtors.end(), sale.customer) ==
        result.debtors.end()) {
      result.debtors.push_back(sale.customer);
    }
    result.debts.push_back(std::move(debt));
  }
  return result;
}

}  // namespace aftersales
