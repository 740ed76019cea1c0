// How approvals read on screen and in files, for `approval list|approve|reject` and the
// approvals of `ticket show`.
#pragma once

#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/approvals/approval_forms.h"
#include "aftersales/io/table.h"

namespace aftersales::cli {

// One row per approval: id, form, subject, step ("2/3": the step waiting while pending, the
// last signed once decided), the role of the step waiting, requested_by, state, summary,
// signatures (CLI.md: the columns `approval list` rows carry).
Table approval_table(const std::vector<Approval>& approvals, UtcOffset zone);

// The role that must sign next; empty once decided.
std::string waiting_role(const Approval& approval);

// `approval 3 (表5 SR-2026-000001)`.
std::string approval_label(const Approval& approval);

// After a signature: `approval 3 (表5 SR-...): step 1/3 signed by xu as sales_manager; waiting
// for deputy_gm`, or `...; approved` once the chain is complete.
std::string signed_text(const Approval& approval);

}  // namespace aftersales::cli
