// Sales of parts outside warranty (三包期外备件销售): selling at the catalogue price plus
// freight, and what a sale lacks before it may ship (a large order's contract, deposit and
// purchase plan; payment in full or the GM's credit, 赊销).
#include "aftersales/parts/sales.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <set>

#include "aftersales/approvals/approvals.h"
#include "aftersales/core/error.h"
#include "aftersales/customers/customers.h"
#include "aftersales/identity/identity.h"
#include "aftersales/parts/parts.h"
#include "aftersales/parts/sale_forms.h"
#include "aftersales/parts/sale_rules.h"
#include "aftersales/store/store.h"
#include "approvals/approval_requests.h"
#include "audit/audit_json.h"
#include "parts/purchase_records.h"
#include "parts/sale_readiness.h"

namespace aftersales {
namespace {

constexpr std::int64_t kMaxQuantity = 1'000'000;

struct TypedLine {
  std::string part;
  std::int64_t quantity = 0;
};

// "PARTNO:QTY" lines; each part once.
std::vector<TypedLine> read_lines(FieldReader& reader, const std::vector<std::string>& texts) {
  std::vector<TypedLine> lines;
  std::set<std::string> seen;
  if (texts.empty()) reader.add("line", "", "is missing; give --line PARTNO:QTY at least once");
  for (const std::string& text : texts) {
    const std::string line = trim(text);
    const std::size_t colon = line.rfind(':');
    if (colon == std::string::npos || colon == 0) {
      reader.add("line", text, "cannot be read; write PARTNO:QTY, like HP-100:2");
      continue;
    }
    const std::string part = reader.text("line", line.substr(0, colon), true);
    const std::optional<std::int64_t> qty =
        reader.integer("line", line.substr(colon + 1), 1, kMaxQuantity);
    if (!qty) continue;
    if (!seen.insert(part).second) {
      reader.add("line", text, fmt::format("names part {} again; give each part once", part));
      continue;
    }
    lines.push_back(TypedLine{part, *qty});
  }
  return lines;
}

AuditJson sale_json(const PartSale& s) {
  AuditJson lines = AuditJson::array();
  for (const SaleLine& l : s.lines) {
    lines.push_back(AuditJson{
        {"part", l.part}, {"quantity", l.quantity}, {"unit_price_fen", l.unit_price.fen}});
  }
  return AuditJson{{"customer", s.customer}, {"sold_on", format_date(s.sold_on)},
                   {"lines", lines},         {"freight_fen", s.freight.fen},
                   {"pickup", s.pickup},     {"contract", s.contract},
                   {"credit", s.credit},     {"guarantee", s.guarantee},
                   {"large", s.large},       {"total_fen", s.total.fen}};
}

// Why the order is large, for the refusal: "line HP-100 × 20 (20 or more)".
std::string why_large(const std::vector<SaleLine>& lines, Money total, const Rules& rules) {
  std::vector<std::string> reasons;
  for (const SaleLine& line : lines) {
    if (is_large_line(line.quantity, rules)) {
      reasons.push_back(fmt::format("line {} × {} ({} pieces or more)", line.part, line.quantity,
                                    rules.parts.large_order_quantity));
    }
  }
  if (is_large_value(total, rules)) {
    reasons.push_back(fmt::format("total {} is over {}", format_money(total),
                                  format_money(rules.parts.large_order_value)));
  }
  return fmt::format("{}", fmt::join(reasons, "; "));
}

}  // namespace

PartSale sell_parts(Context& ctx, const SaleOrder& order) {
  require_role(ctx, ctx.rules.permissions.parts_sales, "selling parts");
  FieldReader reader;
  const std::string customer = reader.text("customer", order.customer, true);
  const std::vector<TypedLine> typed = read_lines(reader, order.lines);
  Money freight;
  if (order.freight && order.pickup) {
    reader.add("freight", *order.freight,
               "is given with --pickup; self-pickup (自提) has no freight: give one of the two");
  } else if (!order.freight && !order.pickup) {
    reader.add("freight", "", "is missing; give --freight MONEY or --pickup (自提, no freight)");
  } else if (order.freight) {
    if (std::optional<Money> amount = reader.money("freight", *order.freight)) {
      if (*amount < Money{0}) {
        reader.add("freight", *order.freight, "is negative; give 0 or more");
      } else {
        freight = *amount;
      }
    }
  }
  const std::string contract = order.contract ? reader.text("contract", *order.contract) : "";
  const std::string guarantee = order.guarantee ? reader.text("guarantee", *order.guarantee) : "";
  reader.throw_if_any("sale");

  PartSale sale;
  ctx.store.write([&] {
    sale = PartSale{};  // a retried write runs again: the failed run's lines are not kept
    const Customer buyer = get_customer(ctx, customer);
    for (const TypedLine& line : typed) {
      const Part part = get_part(ctx, line.part);
      sale.lines.push_back(SaleLine{part.number, part.name, line.quantity, part.unit_price});
    }
    sale.customer = buyer.code;
    sale.customer_name = buyer.name;
    sale.freight = freight;
    sale.pickup = order.pickup;
    sale.contract = contract;
    sale.credit = order.credit;
    sale.guarantee = guarantee;
    sale.total = sale_total(sale.lines, freight);
    sale.large = is_large_order(sale.lines, sale.total, ctx.rules);
    if (sale.large && sale.contract.empty()) {
      throw Error(
          ErrorCode::kRuleViolation,
          fmt::format("refused: a large order ({}) needs a sales contract (购销合同) "
                      "number first; then a deposit (定金) of at least {}% ({}), a "
                      "purchase plan approved, the purchase, delivery",
                      why_large(sale.lines, sale.total, ctx.rules), ctx.rules.parts.deposit_percent,
                      format_money(minimum_deposit(sale.total, ctx.rules))),
          "give --contract NO");
    }
    sale.number = next_parts_number(ctx, "PS");
    sale.sold_on = ctx.today();
    sale.sold_at = ctx.now();
    sale.sold_by = ctx.actor.user;
    ctx.store.part_sales().insert_sale(sale);
    record_addition(ctx, "part_sale", sale.number, sale_json(sale));
    if (sale.credit) {
      raise_approval(
          ctx, sale_form::kCredit, sale_subject(sale.number), ctx.rules.approvals.credit,
          fmt::format("赊销: {} delivered before full payment of {}{}", sale.number,
                      format_money(sale.total),
                      sale.guarantee.empty() ? "" : "; guarantee (担保): " + sale.guarantee),
          sale.total);
    }
  });
  return sale;
}

PartSale get_sale(Context& ctx, const std::string& number) {
  if (std::optional<PartSale> found = ctx.store.part_sales().find_sale(trim(number))) {
    return *found;
  }
  throw Error(ErrorCode::kNotFound, fmt::format("sale {} does not exist", number),
              "`aftersales part sales` lists the sales");
}

std::vector<std::string> sale_ready_to_ship(Context& ctx, const PartSale& sale) {
  std::vector<std::string> missing;
  for (const SaleGap& gap : sale_gaps(ctx, sale)) missing.push_back(gap.text);
  return missing;
}

SaleShipment sale_shipment(Context& ctx, const std::string& number) {
  SaleShipment shipment;
  shipment.sale = get_sale(ctx, number);
  shipment.value = shipment.sale.goods_value();
  shipment.missing = sale_ready_to_ship(ctx, shipment.sale);
  return shipment;
}

PartSale record_sale_shipped(Context& ctx, const std::string& number) {
  PartSale sale;
  ctx.store.write([&] {
    sale = get_sale(ctx, number);
    if (sale.shipped_at) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: sale {} was shipped already, on {}", sale.number,
                              format_timestamp(*sale.shipped_at, ctx.rules.general.utc_offset)));
    }
    const std::vector<std::string> missing = sale_ready_to_ship(ctx, sale);
    if (!missing.empty()) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: sale {} may not ship yet: it needs {}", sale.number,
                              fmt::join(missing, "; ")),
                  fmt::format("`aftersales part sale {}` shows where it stands", sale.number));
    }
    sale.shipped_at = ctx.now();
    ctx.store.part_sales().set_sale_shipped(sale.id, *sale.shipped_at);
    record_change(
        ctx, "part_sale", sale.number, "ship", "",
        AuditJson{{"shipped_at", format_timestamp(*sale.shipped_at, ctx.rules.general.utc_offset)}}
            .dump());
  });
  return sale;
}

Money sale_arrears(Context& ctx, const PartSale& sale) {
  if (sale.owed() <= Money{0}) return Money{0};
  if (sale.shipped_at || sale_gaps(ctx, sale).empty()) return sale.owed();
  return Money{0};
}

}  // namespace aftersales
