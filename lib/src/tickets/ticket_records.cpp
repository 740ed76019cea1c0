#include "tickets/ticket_records.h"

#include <fmt/format.h>
#include <cstdint>

#include "aftersales/core/error.h"
#include "aftersales/core/translate.h"
#include "aftersales/store/store.h"

namespace aftersales {

AuditJson ticket_json(const Ticket& t) {
  return AuditJson{
      {"state", state_name(t.state)},
      {"coverage", coverage_name(t.coverage)},
      {"priority", t.priority},
      {"assignee", t.assignee},
      {"analysis", t.analysis},
      {"needs_factory", t.needs_factory},
      {"quality_claim", t.quality_claim},
      {"quality_confirmed", t.quality_confirmed ? AuditJson(*t.quality_confirmed) : AuditJson()},
      {"waiver_requested", t.waiver_requested},
      {"waiver_reason", t.waiver_reason},
      {"free_repair", t.free_repair},
      {"itemised", t.itemised},
      {"contract_no", t.contract_no},
      {"returned_reason", t.returned_reason},
      {"cancel_reason", t.cancel_reason},
      {"visit_due_on", t.visit_due_on ? AuditJson(format_date(*t.visit_due_on)) : AuditJson()}};
}

AuditJson lines_json(const std::vector<CostLine>& lines) {
  AuditJson all = AuditJson::array();
  for (const CostLine& line : lines) {
    all.push_back(AuditJson{{"kind", cost_kind_name(line.kind)},
                            {"description", line.description},
                            {"quantity_milli", line.quantity_milli},
                            {"unit_price_fen", line.unit_price.fen},
                            {"amount_fen", line.amount.fen},
                            {"coverage", coverage_name(line.coverage)}});
  }
  return all;
}

Ticket load_ticket(Context& ctx, const std::string& number) {
  if (std::optional<Ticket> found = ctx.store.tickets().find(trim(number))) return *found;
  throw Error(ErrorCode::kNotFound,
              fmt::format(fmt::runtime(tr("ticket {} does not exist")), number),
              tr("`aftersales ticket list` shows the tickets"));
}

void save_ticket(Context& ctx, const Ticket& before, const Ticket& after, const std::string& action,
                 const AuditJson& extra_before, const AuditJson& extra_after) {
  ctx.store.tickets().update(after);
  AuditJson old_values = ticket_json(before);
  AuditJson new_values = ticket_json(after);
  old_values.update(extra_before);
  new_values.update(extra_after);
  if (!record_difference(ctx, "ticket", after.number, action, old_values, new_values)) {
    record_change(ctx, "ticket", after.number, action, "", "");
  }
}

Money line_amount(std::int64_t quantity_milli, Money unit_price) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(quantity_milli, unit_price.fen, &product) ||
      product > INT64_MAX - 500) {
    throw Error(ErrorCode::kInvalidInput, "a cost line's amount is too large",
                "check the quantity and the unit price");
  }
  return Money{(product + 500) / 1000};  // half up; both factors are non-negative
}

}  // namespace aftersales
