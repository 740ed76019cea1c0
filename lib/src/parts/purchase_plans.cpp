// Purchase plans (采购计划): raised by a large order's deposit or an approved urgent request
// (表13), approved, and received into stock by purchasing, which settles what raised them.
#include "aftersales/parts/purchase_plans.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "aftersales/approvals/approvals.h"
#include "aftersales/core/error.h"
#include "aftersales/identity/identity.h"
#include "aftersales/parts/parts.h"
#include "aftersales/parts/sale_forms.h"
#include "aftersales/parts/shipping.h"
#include "aftersales/store/store.h"
#include "approvals/approval_requests.h"
#include "audit/audit_json.h"
#include "parts/purchase_records.h"
#include "parts/stock_moves.h"

namespace aftersales {
namespace {

AuditJson plan_json(const PurchasePlan& plan, const Rules& rules) {
  AuditJson json{{"origin", plan.origin}, {"state", procurement_state_name(plan.state)}};
  if (plan.received_at) {
    json["received_at"] = format_timestamp(*plan.received_at, rules.general.utc_offset);
    json["received_by"] = plan.received_by;
    json["warehouse"] = plan.warehouse;
  }
  return json;
}

// Why a plan cannot be received, or "" when it can.
std::string why_not_receivable(Context& ctx, const PurchasePlan& plan) {
  switch (plan.state) {
    case ProcurementState::kApproved:
      return {};
    case ProcurementState::kReceived:
      return fmt::format("purchase plan {} was received already", plan.number);
    case ProcurementState::kRejected:
      return fmt::format("purchase plan {} was rejected; nothing is bought", plan.number);
    case ProcurementState::kPending:
      break;
  }
  const std::optional<Approval> approval =
      current_approval(ctx, plan_subject(plan.number), sale_form::kPurchasePlan);
  if (!approval) return fmt::format("purchase plan {} is not approved", plan.number);
  return fmt::format(
      "purchase plan {} waits for its approval (采购计划, approval {}) by {}: {} of {} given; "
      "purchasing receives only an approved plan",
      plan.number, approval->id, fmt::join(approval->chain, ", "), approval->signatures.size(),
      approval->chain.size());
}

}  // namespace

const char* procurement_state_name(ProcurementState state) {
  switch (state) {
    case ProcurementState::kPending:
      return "pending";
    case ProcurementState::kApproved:
      return "approved";
    case ProcurementState::kRejected:
      return "rejected";
    case ProcurementState::kReceived:
      return "received";
  }
  return "pending";
}

std::optional<ProcurementState> parse_procurement_state(const std::string& name) {
  for (ProcurementState state : {ProcurementState::kPending, ProcurementState::kApproved,
                                 ProcurementState::kRejected, ProcurementState::kReceived}) {
    if (name == procurement_state_name(state)) return state;
  }
  return std::nullopt;
}

std::string next_parts_number(Context& ctx, const std::string& prefix) {
  const int year = ctx.today().year();
  return fmt::format("{}-{:04}-{:06}", prefix, year,
                     ctx.store.part_sales().next_number_in_year(prefix, year));
}

PurchasePlan raise_purchase_plan(Context& ctx, const std::string& origin,
                                 std::vector<PlanLine> lines, ProcurementState state) {
  PurchasePlan plan;
  plan.number = next_parts_number(ctx, "PU");
  plan.origin = origin;
  plan.state = state;
  plan.raised_at = ctx.now();
  plan.raised_by = ctx.actor.user;
  plan.lines = std::move(lines);
  ctx.store.part_sales().insert_plan(plan);
  AuditJson after = plan_json(plan, ctx.rules);
  AuditJson lines_json = AuditJson::array();
  for (const PlanLine& line : plan.lines) {
    lines_json.push_back(AuditJson{{"part", line.part ? AuditJson(*line.part) : AuditJson()},
                                   {"description", line.description},
                                   {"quantity", line.quantity}});
  }
  after["lines"] = lines_json;
  record_addition(ctx, "purchase_plan", plan.number, after);
  if (state == ProcurementState::kPending) {
    std::int64_t pieces = 0;
    for (const PlanLine& line : plan.lines) pieces += line.quantity;
    raise_approval(ctx, sale_form::kPurchasePlan, plan_subject(plan.number),
                   ctx.rules.approvals.purchase_plan,
                   fmt::format("purchase plan for {}: {} line{}, {} pieces", origin,
                               plan.lines.size(), plan.lines.size() == 1 ? "" : "s", pieces));
  }
  return plan;
}

void save_plan(Context& ctx, const PurchasePlan& before, const PurchasePlan& after,
               const std::string& action) {
  if (record_difference(ctx, "purchase_plan", after.number, action, plan_json(before, ctx.rules),
                        plan_json(after, ctx.rules))) {
    ctx.store.part_sales().update_plan(after);
  }
}

void save_urgent(Context& ctx, const UrgentRequest& before, const UrgentRequest& after,
                 const std::string& action) {
  const AuditJson was{{"state", procurement_state_name(before.state)}, {"plan", before.plan}};
  const AuditJson now{{"state", procurement_state_name(after.state)}, {"plan", after.plan}};
  if (record_difference(ctx, "urgent_request", after.number, action, was, now)) {
    ctx.store.part_sales().update_urgent(after);
  }
}

PurchasePlan get_purchase_plan(Context& ctx, const std::string& number) {
  if (std::optional<PurchasePlan> found = ctx.store.part_sales().find_plan(trim(number))) {
    return *found;
  }
  throw Error(ErrorCode::kNotFound, fmt::format("purchase plan {} does not exist", number),
              "`aftersales purchase list` shows the purchase plans");
}

PurchasePlanView show_purchase_plan(Context& ctx, const std::string& number) {
  PurchasePlanView view;
  view.plan = get_purchase_plan(ctx, number);
  for (const std::string& subject : {view.plan.number, view.plan.origin}) {
    for (Approval& approval : list_approvals(ctx, ApprovalQuery{false, false, subject})) {
      if (approval.form == sale_form::kPurchasePlan || approval.form == sale_form::kUrgentPart) {
        view.approvals.push_back(std::move(approval));
      }
    }
  }
  return view;
}

std::vector<PurchasePlan> list_purchase_plans(Context& ctx, bool open) {
  std::vector<PurchasePlan> all = ctx.store.part_sales().list_plans();
  if (open) {
    all.erase(std::remove_if(all.begin(), all.end(),
                             [](const PurchasePlan& p) {
                               return p.state == ProcurementState::kReceived ||
                                      p.state == ProcurementState::kRejected;
                             }),
              all.end());
  }
  return all;
}

PurchasePlan receive_purchase_plan(Context& ctx, const std::string& number,
                                   const std::optional<std::string>& warehouse) {
  require_role(ctx, ctx.rules.permissions.purchase, "receiving a purchase plan");
  FieldReader reader;
  const std::string where =
      warehouse ? reader.text("warehouse", *warehouse, true) : ctx.rules.parts.default_warehouse;
  reader.throw_if_any(fmt::format("purchase plan {}", number));
  PurchasePlan after;
  ctx.store.write([&] {
    const PurchasePlan before = get_purchase_plan(ctx, number);
    if (std::string why = why_not_receivable(ctx, before); !why.empty()) {
      throw Error(ErrorCode::kRuleViolation, "refused: " + why,
                  fmt::format("`aftersales purchase show {}` shows where it stands", number));
    }
    const std::string reference = "purchase " + before.number;
    for (const PlanLine& line : before.lines) {
      if (!line.part) continue;  // not in the catalogue: bought for the ticket, not stocked
      move_stock(ctx, get_part(ctx, *line.part), where, MoveKind::kReceive, line.quantity,
                 reference, "");
    }
    after = before;
    after.state = ProcurementState::kReceived;
    after.received_at = ctx.now();
    after.received_by = ctx.actor.user;
    after.warehouse = where;
    save_plan(ctx, before, after, "receive");
    // Receiving it settles the urgent request (表13) that raised it; a sale reads it.
    if (std::optional<UrgentRequest> request = ctx.store.part_sales().find_urgent(before.origin)) {
      UrgentRequest settled = *request;
      settled.state = ProcurementState::kReceived;
      save_urgent(ctx, *request, settled, "settle");
    }
    // A large order's parts are in: the sale may be ready to leave (出门证).
    if (ctx.store.part_sales().find_sale(before.origin)) {
      raise_sale_gate_pass_when_ready(ctx, before.origin);
    }
  });
  return after;
}

}  // namespace aftersales
