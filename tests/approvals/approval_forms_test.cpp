// The registry of forms that need approval: each area's forms, found by key, each with its
// subject kind and decision hook.
#include <doctest/doctest.h>

#include <set>

#include "aftersales/approvals/approval_forms.h"
#include "aftersales/tickets/ticket_forms.h"

using namespace aftersales;

TEST_CASE("every form has a unique key, a label, a subject kind and a decision hook") {
  std::set<std::string> keys;
  for (const ApprovalForm& form : approval_forms()) {
    CHECK_MESSAGE(keys.insert(form.key).second, "form key " << form.key << " registered twice");
    CHECK_FALSE(form.label.empty());
    CHECK_FALSE(form.subject_kind.empty());
    CHECK(static_cast<bool>(form.on_decision));
  }
}

TEST_CASE("the ticket's forms are registered under their stored keys and the seed's labels") {
  REQUIRE(find_approval_form(ticket_form::kBudget) != nullptr);
  CHECK(find_approval_form(ticket_form::kBudget)->subject_kind == "ticket");
  CHECK(form_label(ticket_form::kBudget) == "表5");
  CHECK(form_label(ticket_form::kRepairNotice) == "表4");
  for (const std::string& key :
       {ticket_form::kPaidRepair, ticket_form::kFreeRepair, ticket_form::kQualityDefect}) {
    CHECK(find_approval_form(key) != nullptr);
  }
}

TEST_CASE("a form this binary does not know is printed by its key") {
  CHECK(find_approval_form("gate_pass_from_the_future") == nullptr);
  CHECK(form_label("gate_pass_from_the_future") == "gate_pass_from_the_future");
}
