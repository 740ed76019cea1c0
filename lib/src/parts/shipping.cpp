// The warehouse ships an approved warranty issue (表11) behind its approved gate pass (出门证).
#include "aftersales/parts/shipping.h"

#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/identity/identity.h"
#include "aftersales/parts/gate_passes.h"
#include "aftersales/parts/parts.h"
#include "aftersales/parts/sales.h"
#include "aftersales/store/store.h"
#include "approvals/approval_requests.h"
#include "audit/audit_json.h"
#include "parts/stock_moves.h"

namespace aftersales {
namespace {

// What the 表11 approval still lacks, or "" once approved.
std::string issue_approval_missing(Context& ctx, const IssueRequest& request) {
  const std::optional<Approval> approval =
      current_approval(ctx, issue_subject(request.number), part_issue_form::kKey);
  if (approval && approval->state == ApprovalState::kApproved) return {};
  const ApprovalChain& chain = approval ? approval->chain : ctx.rules.approvals.part_issue;
  return fmt::format(
      "its warranty issue approval (表11) needs {}; {} of {} given{}", fmt::join(chain, ", "),
      approval && approval->state == ApprovalState::kPending ? approval->signatures.size() : 0,
      chain.size(),
      approval
          ? fmt::format(" (approval {}, {})", approval->id, approval_state_name(approval->state))
          : std::string());
}

}  // namespace

IssueRequest ship_issue(Context& ctx, const std::string& number,
                        const std::optional<std::string>& freight) {
  require_role(ctx, ctx.rules.permissions.parts_stock, "shipping parts");
  FieldReader reader;
  Money freight_paid;
  if (freight) {
    if (std::optional<Money> amount = reader.money("freight", *freight)) {
      if (*amount < Money{0}) {
        reader.add("freight", *freight, "is negative; give the freight paid, 0 or more");
      } else {
        freight_paid = *amount;
      }
    }
  }
  reader.throw_if_any("shipping " + number);
  IssueRequest after;
  ctx.store.write([&] {
    const IssueRequest before = get_issue_request(ctx, number);
    if (before.state == IssueState::kShipped) {
      throw Error(
          ErrorCode::kRuleViolation,
          fmt::format(
              "refused: {} (表11) shipped already, by {} at {}", before.number, before.shipped_by,
              before.shipped_at ? format_timestamp(*before.shipped_at, ctx.rules.general.utc_offset)
                                : std::string("?")),
          "a request ships once; file another for more parts");
    }
    std::vector<std::string> missing;
    if (std::string why = issue_approval_missing(ctx, before); !why.empty()) {
      missing.push_back(why);
    }
    if (std::optional<std::string> why = gate_pass_missing(ctx, issue_shipment(before.number))) {
      missing.push_back(*why);
    }
    if (!missing.empty()) {
      throw Error(
          ErrorCode::kRuleViolation,
          fmt::format("refused: {} (表11) cannot ship: nothing leaves before its approvals; "
                      "{}",
                      before.number, fmt::join(missing, "; ")),
          "`aftersales approval list --pending` shows who must sign");
    }
    const std::string reference = "表11 " + before.number;
    for (const IssueLine& line : before.lines) {
      move_stock(ctx, get_part(ctx, line.part), before.warehouse, MoveKind::kShip, -line.quantity,
                 reference, "");
    }
    after = before;
    after.state = IssueState::kShipped;
    after.freight = freight_paid;
    after.shipped_by = ctx.actor.user;
    after.shipped_at = ctx.now();
    ctx.store.shipments().update_issue(after);
    record_change(ctx, "part_issue", after.number, "shipped",
                  AuditJson{{"state", issue_state_name(before.state)}}.dump(),
                  AuditJson{{"state", issue_state_name(after.state)},
                            {"freight_fen", freight_paid.fen},
                            {"warehouse", after.warehouse}}
                      .dump());
  });
  return after;
}

}  // namespace aftersales

namespace aftersales {

void raise_sale_gate_pass_when_ready(Context& ctx, const std::string& sale) {
  const SaleShipment shipment = sale_shipment(ctx, sale);
  const GatePassSubject subject{"part_sale", shipment.sale.number};
  if (!shipment.missing.empty() || find_gate_pass(ctx, subject)) return;
  raise_gate_pass(ctx, subject, shipment.value, shipment.sale.sold_by);
}

PartSale ship_sale(Context& ctx, const std::string& number,
                   const std::optional<std::string>& warehouse) {
  require_role(ctx, ctx.rules.permissions.parts_stock, "shipping parts");
  PartSale shipped;
  ctx.store.write([&] {
    const SaleShipment shipment = sale_shipment(ctx, trim(number));
    const PartSale& sale = shipment.sale;
    std::vector<std::string> missing = shipment.missing;
    if (missing.empty()) {
      if (std::optional<std::string> pass = gate_pass_missing(ctx, {"part_sale", sale.number})) {
        missing.push_back(*pass);
      }
    }
    if (!missing.empty()) {
      throw Error(
          ErrorCode::kRuleViolation,
          fmt::format("refused: sale {} cannot ship: {}", sale.number, fmt::join(missing, "; ")),
          fmt::format("`aftersales part sale {}` and `aftersales gatepass list` show what "
                      "is missing",
                      sale.number));
    }
    const std::string where = warehouse ? trim(*warehouse) : ctx.rules.parts.default_warehouse;
    for (const SaleLine& line : sale.lines) {
      move_stock(ctx, get_part(ctx, line.part), where, MoveKind::kShip, -line.quantity,
                 "sale " + sale.number, "");
    }
    shipped = record_sale_shipped(ctx, sale.number);
  });
  return shipped;
}

}  // namespace aftersales
