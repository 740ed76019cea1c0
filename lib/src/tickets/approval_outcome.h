// What a decided approval does to its ticket (private to lib/src): a rejection sends it back
// to analysis with the reason; a quality confirmation or a free repair changes what the
// customer pays.
#pragma once

#include "aftersales/approvals/approval.h"
#include "aftersales/core/context.h"

namespace aftersales {

// Called inside the approval's write transaction after each signature (the approval may still
// be pending: the technical department's confirmation is the first steps of a longer chain).
void apply_approval_outcome(Context& ctx, const Approval& approval, const std::string& reason);

}  // namespace aftersales
