// The approval forms of parts sales and purchasing, and what their decisions do.
#include "aftersales/parts/sale_forms.h"

#include "aftersales/parts/shipping.h"
#include "aftersales/store/store.h"
#include "parts/purchase_records.h"

namespace aftersales {
namespace {

// Only a finished decision changes the record: approved (every step) or rejected.
std::optional<ProcurementState> decided(const Approval& approval) {
  if (approval.state == ApprovalState::kApproved) return ProcurementState::kApproved;
  if (approval.state == ApprovalState::kRejected) return ProcurementState::kRejected;
  return std::nullopt;
}

void decide_plan(Context& ctx, const Approval& approval, const std::string&) {
  const std::optional<ProcurementState> state = decided(approval);
  std::optional<PurchasePlan> plan = ctx.store.part_sales().find_plan(approval.subject.id);
  if (!state || !plan || plan->state != ProcurementState::kPending) return;
  PurchasePlan after = *plan;
  after.state = *state;
  save_plan(ctx, *plan, after, *state == ProcurementState::kApproved ? "approve" : "reject");
}

// 表13 approved by the leader (相关领导) becomes a purchase plan, approved by that decision.
void decide_urgent(Context& ctx, const Approval& approval, const std::string&) {
  const std::optional<ProcurementState> state = decided(approval);
  std::optional<UrgentRequest> request = ctx.store.part_sales().find_urgent(approval.subject.id);
  if (!state || !request || request->state != ProcurementState::kPending) return;
  UrgentRequest after = *request;
  after.state = *state;
  if (*state == ProcurementState::kApproved) {
    PlanLine line{request->part, request->description, request->quantity};
    after.plan =
        raise_purchase_plan(ctx, request->number, {line}, ProcurementState::kApproved).number;
  }
  save_urgent(ctx, *request, after, *state == ProcurementState::kApproved ? "approve" : "reject");
}

// Credit (赊销) changes nothing on the sale: whether it may ship reads the approval; given, the
// sale may be ready to leave, and gets its gate pass (出门证).
void decide_credit(Context& ctx, const Approval& approval, const std::string&) {
  if (approval.state == ApprovalState::kApproved) {
    raise_sale_gate_pass_when_ready(ctx, approval.subject.id);
  }
}

}  // namespace

std::vector<ApprovalForm> sale_approval_forms() {
  return {
      {sale_form::kCredit, "赊销 credit", "part_sale", decide_credit},
      {sale_form::kPurchasePlan, "采购计划", "purchase_plan", decide_plan},
      {sale_form::kUrgentPart, "表13", "urgent_request", decide_urgent},
  };
}

}  // namespace aftersales
