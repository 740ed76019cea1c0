// Raising and voiding approvals, for the areas whose forms need them (private to lib/src).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/core/context.h"
#include "aftersales/rules/rules.h"

namespace aftersales {

// Raises a pending approval of form `form` (a key of approval_forms()) on `subject` for
// `chain`, requested by the acting user (or `requested_by` when given: a request raised for
// someone by another's decision, e.g. a gate pass once the GM approved its 表11, is theirs);
// audited as entity "approval" under the acting user. Throws Error(kUsage)
// for a form this binary does not know or whose subject is of another kind (a bug).
Approval raise_approval(Context& ctx, const std::string& form, const ApprovalSubject& subject,
                        const ApprovalChain& chain, const std::string& summary,
                        std::optional<Money> amount = std::nullopt,
                        const std::optional<std::string>& requested_by = std::nullopt);

// Voids the pending approvals of `forms` on `subject`, and the approved ones too when
// `approved_too` (their grounds changed). Returns those it voided, as they were before (their
// state and signatures), in id order, so the caller can say what was lost.
std::vector<Approval> void_approvals(Context& ctx, const ApprovalSubject& subject,
                                     const std::vector<std::string>& forms, const std::string& why,
                                     bool approved_too = true);

// The latest approval of `form` on `subject` that is not void, if any.
std::optional<Approval> current_approval(Context& ctx, const ApprovalSubject& subject,
                                         const std::string& form);

}  // namespace aftersales
