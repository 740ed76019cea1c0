// The parts' forms that need approval: the warranty issue (表11, [approvals] part_issue) and the
// gate pass (出门证, gate_pass_small or gate_pass_large by value). An approved 表11 raises its
// gate pass; a rejected one is closed as rejected.
#pragma once

#include <vector>

#include "aftersales/approvals/approval_forms.h"

namespace aftersales {

std::vector<ApprovalForm> part_approval_forms();

}  // namespace aftersales
