#include "approvals/approval_requests.h"

#include <fmt/format.h>
#include <algorithm>

#include "aftersales/approvals/approval_forms.h"
#include "aftersales/core/error.h"
#include "aftersales/store/store.h"
#include "audit/audit_json.h"

namespace aftersales {

Approval raise_approval(Context& ctx, const std::string& form, const ApprovalSubject& subject,
                        const ApprovalChain& chain, const std::string& summary,
                        std::optional<Money> amount,
                        const std::optional<std::string>& requested_by) {
  const ApprovalForm* known = find_approval_form(form);
  if (known == nullptr || known->subject_kind != subject.kind) {
    throw Error(ErrorCode::kUsage,
                fmt::format("no approval form \"{}\" decides on a {}", form, subject.kind));
  }
  Approval approval;
  approval.form = form;
  approval.subject = subject;
  approval.chain = chain;
  approval.requested_by = requested_by.value_or(ctx.actor.user);
  approval.requested_at = ctx.now();
  approval.summary = summary;
  approval.amount = amount;
  ctx.store.approvals().insert(approval);
  AuditJson after{{"form", form},
                  {"subject_kind", subject.kind},
                  {"subject", subject.id},
                  {"chain", chain},
                  {"summary", summary}};
  if (approval.requested_by != ctx.actor.user) after["requested_by"] = approval.requested_by;
  record_addition(ctx, "approval", std::to_string(approval.id), after);
  return approval;
}

std::vector<Approval> void_approvals(Context& ctx, const ApprovalSubject& subject,
                                     const std::vector<std::string>& forms, const std::string& why,
                                     bool approved_too) {
  std::vector<Approval> voided;
  const ApprovalFilter filter = ApprovalFilter::of(subject);
  for (const Approval& approval : ctx.store.approvals().list(filter)) {
    if (std::find(forms.begin(), forms.end(), approval.form) == forms.end()) continue;
    const bool voidable = approval.state == ApprovalState::kPending ||
                          (approved_too && approval.state == ApprovalState::kApproved);
    if (!voidable) continue;
    ctx.store.approvals().set_state(approval.id, ApprovalState::kVoid);
    record_change(ctx, "approval", std::to_string(approval.id), "void",
                  AuditJson{{"state", approval_state_name(approval.state)}}.dump(),
                  AuditJson{{"state", "void"}, {"why", why}}.dump());
    voided.push_back(approval);
  }
  return voided;
}

std::optional<Approval> current_approval(Context& ctx, const ApprovalSubject& subject,
                                         const std::string& form) {
  std::optional<Approval> latest;
  for (Approval& approval : ctx.store.approvals().list(ApprovalFilter::of(subject))) {
    if (approval.form == form && approval.state != ApprovalState::kVoid) {
      latest = std::move(approval);
    }
  }
  return latest;
}

}  // namespace aftersales
