// Payments on a sale and promised repayment dates (还款日期). A large order's first payments are
// its deposit (定金): at least [parts] deposit_percent of the total, which raises its purchase
// plan (采购计划).
#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/core/validation.h"
#include "aftersales/identity/identity.h"
#include "aftersales/parts/sale_rules.h"
#include "aftersales/parts/sales.h"
#include "aftersales/parts/shipping.h"
#include "aftersales/store/store.h"
#include "audit/audit_json.h"
#include "parts/purchase_records.h"

namespace aftersales {
namespace {

// `paid` as a percentage of `total`, to the hundredth, rounded down: 19.99%.
std::string percent_of(Money paid, Money total) {
  if (total.fen <= 0) return "100%";
  const std::int64_t basis_points = paid.fen * 10000 / total.fen;
  return fmt::format("{}.{:02}%", basis_points / 100, basis_points % 100);
}

std::optional<Date> read_day(FieldReader& reader, const std::string& field,
                             const std::optional<std::string>& text, Date today) {
  if (!text) return today;
  const std::optional<Date> day = reader.date(field, *text);
  if (day && *day > today) {
    reader.add(field, *text, fmt::format("is after today ({})", format_date(today)));
  }
  return day;
}

}  // namespace

PaymentResult pay_sale(Context& ctx, const std::string& number, const std::string& amount,
                       const std::optional<std::string>& on) {
  require_role(ctx, ctx.rules.permissions.payments, "recording a payment");
  FieldReader reader;
  const std::optional<Money> money = reader.money("amount", amount);
  if (money && *money <= Money{0}) reader.add("amount", amount, "is not over 0");
  const std::optional<Date> paid_on = read_day(reader, "on", on, ctx.today());
  reader.throw_if_any(fmt::format("payment on {}", number));

  PaymentResult result;
  ctx.store.write([&] {
    result = PaymentResult{};  // a retried write runs again: no plan of the failed run is shown
    const PartSale before = get_sale(ctx, number);
    if (*paid_on < before.sold_on) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("payment on {}: field \"on\": {} is before the sale ({})",
                              before.number, format_date(*paid_on), format_date(before.sold_on)));
    }
    if (*money > before.owed()) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: payment {} is more than the {} owed on {} (total {}, {} "
                              "paid)",
                              format_money(*money), format_money(before.owed()), before.number,
                              format_money(before.total), format_money(before.paid)));
    }
    const Money paid = before.paid + *money;
    const bool deposit_due =
        before.large && !deposit_sufficient(before.paid, before.total, ctx.rules);
    if (deposit_due && !deposit_sufficient(paid, before.total, ctx.rules)) {
      throw Error(
          ErrorCode::kRuleViolation,
          fmt::format("refused: deposit (定金) {} is {} of the total {} of large order {}; "
                      "a large order needs a deposit of at least {}% ({}) before its "
                      "purchase plan",
                      format_money(paid), percent_of(paid, before.total),
                      format_money(before.total), before.number, ctx.rules.parts.deposit_percent,
                      format_money(minimum_deposit(before.total, ctx.rules))),
          "record the deposit as one payment of at least that amount");
    }
    result.payment.amount = *money;
    result.payment.paid_on = *paid_on;
    result.payment.recorded_at = ctx.now();
    result.payment.recorded_by = ctx.actor.user;
    ctx.store.part_sales().insert_payment(before.id, result.payment);
    record_change(
        ctx, "part_sale", before.number, "pay", AuditJson{{"paid_fen", before.paid.fen}}.dump(),
        AuditJson{
            {"paid_fen", paid.fen}, {"amount_fen", money->fen}, {"paid_on", format_date(*paid_on)}}
            .dump());
    result.sale = get_sale(ctx, number);
    raise_sale_gate_pass_when_ready(ctx, before.number);  // paid: ready to leave (出门证)
    if (deposit_due && !ctx.store.part_sales().plan_for(before.number)) {
      std::vector<PlanLine> lines;
      for (const SaleLine& line : before.lines) {
        lines.push_back(PlanLine{line.part, line.name, line.quantity});
      }
      result.plan_raised =
          raise_purchase_plan(ctx, before.number, std::move(lines), ProcurementState::kPending);
    }
  });
  return result;
}

PartSale promise_repayment(Context& ctx, const std::string& number, const std::string& date) {
  require_role(ctx, ctx.rules.permissions.parts_sales, "recording a promised repayment date");
  FieldReader reader;
  const std::optional<Date> day = reader.date("date", date);
  reader.throw_if_any(fmt::format("promise on {}", number));
  PartSale sale;
  ctx.store.write([&] {
    const PartSale before = get_sale(ctx, number);
    if (before.owed() <= Money{0}) {
      throw Error(
          ErrorCode::kRuleViolation,
          fmt::format("refused: nothing is owed on {} (paid {} of {}); a promised "
                      "repayment date is for a debt",
                      before.number, format_money(before.paid), format_money(before.total)));
    }
    if (*day < before.sold_on) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("promise on {}: field \"date\": {} is before the sale ({})",
                              before.number, format_date(*day), format_date(before.sold_on)));
    }
    ctx.store.part_sales().insert_promise(before.id, SalePromise{*day, ctx.now(), ctx.actor.user});
    record_change(
        ctx, "part_sale", before.number, "promise",
        AuditJson{{"promised_on",
                   before.promised_on ? AuditJson(format_date(*before.promised_on)) : AuditJson()}}
            .dump(),
        AuditJson{{"promised_on", format_date(*day)}}.dump());
    sale = get_sale(ctx, number);
  });
  return sale;
}

}  // namespace aftersales
