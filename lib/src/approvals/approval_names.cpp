// Names of approval forms and states, as stored and printed.
#include "aftersales/approvals/approval.h"

namespace aftersales {

const char* form_name(ApprovalForm form) {
  switch (form) {
    case ApprovalForm::kRepairNotice:
      return "表4";
    case ApprovalForm::kBudget:
      return "表5";
    case ApprovalForm::kPaidRepair:
      return "paid repair";
    case ApprovalForm::kFreeRepair:
      return "free repair";
    case ApprovalForm::kQualityDefect:
      return "quality defect";
  }
  return "?";
}

const char* form_key(ApprovalForm form) {
  switch (form) {
    case ApprovalForm::kRepairNotice:
      return "repair_notice";
    case ApprovalForm::kBudget:
      return "budget";
    case ApprovalForm::kPaidRepair:
      return "paid_repair";
    case ApprovalForm::kFreeRepair:
      return "free_repair";
    case ApprovalForm::kQualityDefect:
      return "quality_defect";
  }
  return "?";
}

std::optional<ApprovalForm> parse_form_key(const std::string& key) {
  for (ApprovalForm form :
       {ApprovalForm::kRepairNotice, ApprovalForm::kBudget, ApprovalForm::kPaidRepair,
        ApprovalForm::kFreeRepair, ApprovalForm::kQualityDefect}) {
    if (key == form_key(form)) return form;
  }
  return std::nullopt;
}

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
