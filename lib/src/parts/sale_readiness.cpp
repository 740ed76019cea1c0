// A sale's readiness to ship (DOMAIN.md Part: contract → deposit → purchase plan → approval →
// purchase → delivery; no delivery before full payment without the GM's credit approval).
#include "parts/sale_readiness.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aftersales/parts/sale_forms.h"
#include "aftersales/parts/sale_rules.h"
#include "aftersales/store/store.h"
#include "approvals/approval_requests.h"

namespace aftersales {
namespace {

std::string signed_of(const Approval& approval) {
  return fmt::format("approval {}, {}: {} of {} given", approval.id,
                     fmt::join(approval.chain, ", "), approval.signatures.size(),
                     approval.chain.size());
}

void large_order_gaps(Context& ctx, const PartSale& sale, std::vector<SaleGap>& gaps) {
  if (sale.contract.empty()) {
    gaps.push_back({"awaiting contract", "a sales contract (购销合同) number, as a large order"});
  }
  if (!deposit_sufficient(sale.paid, sale.total, ctx.rules)) {
    gaps.push_back(
        {"awaiting deposit",
         fmt::format("a deposit (定金) of at least {}% of {}: {} ({} received), as a large order",
                     ctx.rules.parts.deposit_percent, format_money(sale.total),
                     format_money(minimum_deposit(sale.total, ctx.rules)),
                     format_money(sale.paid))});
    gaps.push_back({"awaiting deposit",
                    "its purchase plan (采购计划), raised by the deposit, approved and received"});
    return;
  }
  const std::optional<PurchasePlan> plan = ctx.store.part_sales().plan_for(sale.number);
  if (!plan) {
    gaps.push_back({"awaiting purchase plan", "its purchase plan (采购计划)"});
    return;
  }
  switch (plan->state) {
    case ProcurementState::kPending: {
      const std::optional<Approval> approval =
          current_approval(ctx, plan_subject(plan->number), sale_form::kPurchasePlan);
      gaps.push_back({"awaiting plan approval",
                      fmt::format("purchase plan {} approved by the leader ({})", plan->number,
                                  approval ? signed_of(*approval) : "no approval")});
      gaps.push_back({"awaiting plan approval",
                      fmt::format("purchase plan {} received by purchasing", plan->number)});
      break;
    }
    case ProcurementState::kRejected:
      gaps.push_back({"plan rejected",
                      fmt::format("purchase plan {} approved: it was rejected", plan->number)});
      break;
    case ProcurementState::kApproved:
      gaps.push_back({"awaiting purchase",
                      fmt::format("purchase plan {} received by purchasing", plan->number)});
      break;
    case ProcurementState::kReceived:
      break;
  }
}

}  // namespace

std::vector<SaleGap> sale_gaps(Context& ctx, const PartSale& sale) {
  std::vector<SaleGap> gaps;
  if (sale.shipped_at) {
    gaps.push_back({"shipped", fmt::format("nothing: it was shipped on {}",
                                           format_date(local_date(*sale.shipped_at,
                                                                  ctx.rules.general.utc_offset)))});
    return gaps;
  }
  if (sale.large) large_order_gaps(ctx, sale, gaps);
  std::optional<Approval> credit;
  if (sale.credit) credit = current_approval(ctx, sale_subject(sale.number), sale_form::kCredit);
  const bool credit_approved = credit && credit->state == ApprovalState::kApproved;
  if (!payment_allows_delivery(sale.paid, sale.total, credit_approved)) {
    const std::string owed =
        fmt::format("payment in full: {} of {} received, {} owed", format_money(sale.paid),
                    format_money(sale.total), format_money(sale.owed()));
    if (credit && credit->state == ApprovalState::kPending) {
      gaps.push_back({"awaiting credit approval",
                      fmt::format("{}; or the GM's credit approval (赊销) before delivery ({})",
                                  owed, signed_of(*credit))});
    } else if (credit && credit->state == ApprovalState::kRejected) {
      gaps.push_back({"credit rejected", fmt::format("{}; credit (赊销) was rejected ({})", owed,
                                                     signed_of(*credit))});
    } else {
      gaps.push_back({"awaiting payment",
                      fmt::format("{}; delivery before full payment (赊销) needs the approval of "
                                  "{} ([approvals] credit), whatever guarantee is named",
                                  owed, fmt::join(ctx.rules.approvals.credit, ", "))});
    }
  }
  return gaps;
}

}  // namespace aftersales
