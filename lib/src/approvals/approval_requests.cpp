#include "approvals/approval_requests.h"

#include <algorithm>

#include "aftersales/store/store.h"
#include "audit/audit_json.h"

namespace aftersales {

Approval raise_approval(Context& ctx, ApprovalForm form, const std::string& subject,
                        const ApprovalChain& chain, const std::string& summary,
                        std::optional<Money> amount) {
  Approval approval;
  approval.form = form;
  approval.subject = subject;
  approval.chain = chain;
  approval.requested_by = ctx.actor.user;
  approval.requested_at = ctx.now();
  approval.summary = summary;
  approval.amount = amount;
  ctx.store.insert_approval(approval);
  record_addition(
      ctx, "approval", std::to_string(approval.id),
      AuditJson{
          {"form", form_key(form)}, {"subject", subject}, {"chain", chain}, {"summary", summary}});
  return approval;
}

void void_approvals(Context& ctx, const std::string& subject,
                    const std::vector<ApprovalForm>& forms, const std::string& why,
                    bool approved_too) {
  ApprovalFilter filter;
  filter.subject = subject;
  for (const Approval& approval : ctx.store.list_approvals(filter)) {
    if (std::find(forms.begin(), forms.end(), approval.form) == forms.end()) continue;
    const bool voidable = approval.state == ApprovalState::kPending ||
                          (approved_too && approval.state == ApprovalState::kApproved);
    if (!voidable) continue;
    ctx.store.set_approval_state(approval.id, ApprovalState::kVoid);
    record_change(ctx, "approval", std::to_string(approval.id), "void",
                  AuditJson{{"state", approval_state_name(approval.state)}}.dump(),
                  AuditJson{{"state", "void"}, {"why", why}}.dump());
  }
}

std::optional<Approval> current_approval(Context& ctx, const std::string& subject,
                                         ApprovalForm form) {
  ApprovalFilter filter;
  filter.subject = subject;
  std::optional<Approval> latest;
  for (Approval& approval : ctx.store.list_approvals(filter)) {
    if (approval.form == form && approval.state != ApprovalState::kVoid) {
      latest = std::move(approval);
    }
  }
  return latest;
}

}  // namespace aftersales
