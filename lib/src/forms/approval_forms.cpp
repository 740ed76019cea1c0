// Every form that needs approval, each area's listed once. An area adds its forms here (one
// line) and defines them beside its records, with what a decision does to them.
#include "aftersales/approvals/approval_forms.h"

#include "aftersales/parts/part_forms.h"
#include "aftersales/parts/sale_forms.h"
#include "aftersales/tickets/ticket_forms.h"

namespace aftersales {

const std::vector<ApprovalForm>& approval_forms() {
  static const std::vector<ApprovalForm> all = [] {
    std::vector<ApprovalForm> forms;
    for (auto* area_forms : {&ticket_approval_forms, &part_approval_forms, &sale_approval_forms}) {
      for (ApprovalForm& form : area_forms()) forms.push_back(std::move(form));
    }
    return forms;
  }();
  return all;
}

const ApprovalForm* find_approval_form(const std::string& key) {
  for (const ApprovalForm& form : approval_forms()) {
    if (form.key == key) return &form;
  }
  return nullptr;
}

std::string form_label(const std::string& key) {
  const ApprovalForm* form = find_approval_form(key);
  return form != nullptr ? form->label : key;
}

}  // namespace aftersales
