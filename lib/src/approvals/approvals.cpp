// Approvals (审批): the inbox, approve and reject, with the signing rules of DOMAIN.md: only
// the step's role signs; the requester signs no step; nobody signs two steps of one chain.
#include "aftersales/approvals/approvals.h"

#include "aftersales/approvals/approval_forms.h"

#include <fmt/format.h>
#include <algorithm>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/store/store.h"
#include "audit/audit_json.h"

namespace aftersales {
namespace {

// Why the acting user may not sign the current step, or "" when they may.
std::string why_not_signer(const Context& ctx, const Approval& approval) {
  if (approval.state != ApprovalState::kPending) {
    return fmt::format("approval {} is {}; only a pending approval can be signed", approval.id,
                       approval_state_name(approval.state));
  }
  const std::string& role = approval.chain.at(static_cast<std::size_t>(approval.current_step()));
  const std::string& user = ctx.actor.user;
  if (!ctx.rules.has_role(user, role)) {
    return fmt::format("step {} of {} ({} {}) must be signed by {}; {} does not hold that role",
                       approval.current_step() + 1, approval.chain.size(),
                       form_label(approval.form), approval.subject.id, role, user);
  }
  if (user == approval.requested_by) {
    return fmt::format("{} raised this request ({} {}) and cannot sign any step of it", user,
                       form_label(approval.form), approval.subject.id);
  }
  for (const Signature& signature : approval.signatures) {
    if (signature.user == user) {
      return fmt::format("{} signed step {} ({}) already; nobody signs two steps of one chain",
                         user, signature.step + 1, signature.role);
    }
  }
  return {};
}

Approval decide(Context& ctx, std::int64_t id, bool approved, const std::string& text) {
  Approval decided;
  ctx.store.write([&] {
    Approval approval = get_approval(ctx, id);
    if (std::string why = why_not_signer(ctx, approval); !why.empty()) {
      const std::string role = approval.current_role();
      throw Error(ErrorCode::kRuleViolation, "refused: " + why,
                  role.empty() ? std::string("`aftersales approval list --pending --mine` shows "
                                             "what you can sign")
                               : fmt::format("ask another user with the role {}", role));
    }
    // A signature comes after the request and after the step before it: business time may be
    // set (--today), but not to before what it signs.
    const Timestamp after =
        approval.signatures.empty() ? approval.requested_at : approval.signatures.back().at;
    if (ctx.now() < after) {
      throw Error(
          ErrorCode::kRuleViolation,
          fmt::format("refused: approval {} cannot be signed at {}, before {} ({})", approval.id,
                      format_timestamp(ctx.now(), ctx.rules.general.utc_offset),
                      format_timestamp(after, ctx.rules.general.utc_offset),
                      approval.signatures.empty() ? "it was requested" : "the step before"),
          "sign it as of now, or as of a time after that");
    }
    Signature signature;
    signature.step = approval.current_step();
    signature.role = approval.chain.at(static_cast<std::size_t>(signature.step));
    signature.user = ctx.actor.user;
    signature.approved = approved;
    signature.at = ctx.now();
    signature.comment = text;
    ctx.store.approvals().insert_signature(approval.id, signature);
    approval.signatures.push_back(signature);

    const ApprovalState before = approval.state;
    if (!approved) {
      approval.state = ApprovalState::kRejected;
    } else if (approval.signatures.size() == approval.chain.size()) {
      approval.state = ApprovalState::kApproved;
    }
    if (approval.state != before) ctx.store.approvals().set_state(approval.id, approval.state);
    record_change(ctx, "approval", std::to_string(approval.id), approved ? "approve" : "reject",
                  AuditJson{{"state", approval_state_name(before)}}.dump(),
                  AuditJson{{"state", approval_state_name(approval.state)},
                            {"step", signature.step + 1},
                            {"role", signature.role},
                            {"comment", text}}
                      .dump());
    // What the decision does to its subject is the form's own.
    const ApprovalForm* form = find_approval_form(approval.form);
    if (form != nullptr && form->on_decision) form->on_decision(ctx, approval, text);
    decided = approval;
  });
  return decided;
}

}  // namespace

bool can_sign(const Context& ctx, const Approval& approval) {
  return why_not_signer(ctx, approval).empty();
}

std::vector<Approval> list_approvals(Context& ctx, const ApprovalQuery& query) {
  ApprovalFilter filter;
  filter.subject_id = query.subject;
  if (query.pending || query.mine) filter.state = ApprovalState::kPending;
  std::vector<Approval> all = ctx.store.approvals().list(filter);
  if (query.mine) {
    all.erase(std::remove_if(all.begin(), all.end(),
                             [&](const Approval& a) { return !can_sign(ctx, a); }),
              all.end());
  }
  return all;
}

Approval get_approval(Context& ctx, std::int64_t id) {
  if (std::optional<Approval> found = ctx.store.approvals().find(id)) return *found;
  throw Error(ErrorCode::kNotFound, fmt::format("approval {} does not exist", id),
              "`aftersales approval list --pending` shows the open approvals");
}

Approval approve(Context& ctx, std::int64_t id, const std::string& comment) {
  return decide(ctx, id, true, trim(comment));
}

Approval reject(Context& ctx, std::int64_t id, const std::string& reason) {
  const std::string text = trim(reason);
  if (text.empty()) {
    throw Error(ErrorCode::kInvalidInput, "field \"reason\": is empty; say why it is rejected",
                "give --reason");
  }
  return decide(ctx, id, false, text);
}

}  // namespace aftersales
