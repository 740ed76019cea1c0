// The rules of parts sales (sale_rules.h), each once.
#include "aftersales/parts/sale_rules.h"

namespace aftersales {

Money sale_total(const std::vector<SaleLine>& lines, Money freight) {
  Money total = freight;
  for (const SaleLine& line : lines) total = total + line.amount();
  return total;
}

bool is_large_line(std::int64_t quantity, const Rules& rules) {
  return quantity >= rules.parts.large_order_quantity;
}

bool is_large_value(Money total, const Rules& rules) {
  return total > rules.parts.large_order_value;
}

bool is_large_order(const std::vector<SaleLine>& lines, Money total, const Rules& rules) {
  for (const SaleLine& line : lines) {
    if (is_large_line(line.quantity, rules)) return true;
  }
  return is_large_value(total, rules);
}

Money minimum_deposit(Money total, const Rules& rules) {
  const std::int64_t scaled = total.fen * rules.parts.deposit_percent;
  return Money{(scaled + 99) / 100};
}

bool deposit_sufficient(Money paid, Money total, const Rules& rules) {
  return paid.fen * 100 >= total.fen * rules.parts.deposit_percent;
}

bool payment_allows_delivery(Money paid, Money total, bool credit_approved) {
  return paid >= total || credit_approved;
}

Date sales_report_last_day(Date month, const Rules& rules) {
  const int next_year = month.month() == 12 ? month.year() + 1 : month.year();
  const int next_month = month.month() == 12 ? 1 : month.month() + 1;
  return Date::from_ymd(next_year, next_month, rules.parts.sales_report_due_day).plus_days(-1);
}

bool is_sales_report_late(Date month, Date on, const Rules& rules) {
  return on > sales_report_last_day(month, rules);
}

}  // namespace aftersales
