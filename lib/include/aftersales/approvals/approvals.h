// Approvals (审批) of every form: an approver's inbox, approve and reject. Only a user holding
// the current step's role signs it; whoever raised the request signs no step of it; nobody
// signs two steps of one chain. What a decision does to its subject is the form's own
// (approval_forms.h): a rejected ticket approval sends the ticket back to analysis.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/core/context.h"

namespace aftersales {

struct ApprovalQuery {
  bool pending = false;                // only those waiting for a signature
  bool mine = false;                   // only those the acting user may sign now
  std::optional<std::string> subject;  // only those deciding on the record of this number
};

std::vector<Approval> list_approvals(Context& ctx, const ApprovalQuery& query);

// The approval with that id (as printed by `approval list`); Error(kNotFound) when missing.
Approval get_approval(Context& ctx, std::int64_t id);

// Signs the current step. Error(kRuleViolation) when the approval is not pending, the user
// lacks the step's role, raised the request, or signed another step of it.
Approval approve(Context& ctx, std::int64_t id, const std::string& comment);

// Rejects at the current step with a reason (required); same checks as approve.
Approval reject(Context& ctx, std::int64_t id, const std::string& reason);

// Whether the acting user could sign the approval's current step now.
bool can_sign(const Context& ctx, const Approval& approval);

}  // namespace aftersales
