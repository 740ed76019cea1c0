// Names of approval states, as stored and printed.
#include "aftersales/approvals/approval.h"

namespace aftersales {

const char* approval_state_name(ApprovalState state) {
  switch (state) {
    case ApprovalState::kPending:
      return "pending";
    case ApprovalState::kApproved:
      return "approved";
    case ApprovalState::kRejected:
      return "rejected";
    case ApprovalState::kVoid:
      return "void";
  }
  return "void";
}

std::optional<ApprovalState> parse_approval_state(const std::string& name) {
  for (ApprovalState state : {ApprovalState::kPending, ApprovalState::kApproved,
                              ApprovalState::kRejected, ApprovalState::kVoid}) {
    if (name == approval_state_name(state)) return state;
  }
  return std::nullopt;
}

}  // namespace aftersales
