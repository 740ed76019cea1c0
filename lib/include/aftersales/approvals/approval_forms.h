// The forms that need approval, as the areas that own them register them: a ticket's repair
// notice (表4) and budget (表5), and later the part issue (表11), gate pass, urgent part (表13)...
// The approval mechanism (approvals.h) knows none of them by name: it signs chains and calls
// the form's decision hook, so an area adds a form without touching approvals.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/core/context.h"

namespace aftersales {

struct ApprovalForm {
  std::string key;           // stored with each approval and the rules key of its chain
  std::string label;         // printed: "表5", "paid repair"
  std::string subject_kind;  // what it decides on: "ticket", ...
  // What a signature does to the subject: called inside the approval's write transaction after
  // each signature (the approval may still be pending), with the signer's comment or reason.
  // Empty when a decision changes nothing but the approval.
  std::function<void(Context& ctx, const Approval& approval, const std::string& text)> on_decision;
};

// Every form of the ledger, each area's listed once (lib/src/forms/approval_forms.cpp).
const std::vector<ApprovalForm>& approval_forms();

// The form with `key`; nullptr when this binary knows none.
const ApprovalForm* find_approval_form(const std::string& key);

// The printed name of the form with `key`: its label, or the key itself when unknown.
std::string form_label(const std::string& key);

}  // namespace aftersales
