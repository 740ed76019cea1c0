// The parts' approval forms (表11, 出门证) and what their decisions do.
#include "aftersales/parts/part_forms.h"

#include "aftersales/parts/gate_passes.h"
#include "aftersales/parts/issue_requests.h"
#include "aftersales/store/store.h"
#include "audit/audit_json.h"

namespace aftersales {
namespace {

// 表11 decided: approved, the shipment is ready to leave and gets its gate pass (DOMAIN.md: a
// gate pass is raised when the request is approved), requested by whoever filed the 表11;
// rejected, the request is closed as rejected.
void decide_issue(Context& ctx, const Approval& approval, const std::string& /*text*/) {
  if (approval.state == ApprovalState::kPending) return;
  std::optional<IssueRequest> found = ctx.store.shipments().find_issue(approval.subject.id);
  if (!found || found->state != IssueState::kRequested) return;
  IssueRequest request = *found;
  const bool approved = approval.state == ApprovalState::kApproved;
  request.state = approved ? IssueState::kApproved : IssueState::kRejected;
  ctx.store.shipments().update_issue(request);
  record_change(ctx, "part_issue", request.number, approved ? "approved" : "rejected",
                AuditJson{{"state", issue_state_name(found->state)}}.dump(),
                AuditJson{{"state", issue_state_name(request.state)}}.dump());
  if (approved) {
    raise_gate_pass(ctx, issue_shipment(request.number), request.value(), request.requested_by);
  }
}

// A gate pass's decision changes nothing but the pass's approval: shipping reads it.
void decide_gate_pass(Context& /*ctx*/, const Approval& /*approval*/, const std::string& /*text*/) {
}

}  // namespace

std::vector<ApprovalForm> part_approval_forms() {
  return {
      {part_issue_form::kKey, "表11", "part_issue", decide_issue},
      {gate_pass_form::kKey, "出门证", "gate_pass", decide_gate_pass},
  };
}

}  // namespace aftersales
