// The ticket's approval forms (表4, 表5, paid and free repairs, quality) and what their
// decisions do to the ticket.
#include "aftersales/tickets/ticket_forms.h"

#include "aftersales/store/store.h"
#include "approvals/approval_requests.h"
#include "tickets/ticket_records.h"

namespace aftersales {
namespace {

// Called inside the approval's write transaction after each signature (the approval may still
// be pending: the technical department's confirmation is the first steps of a longer chain).
void apply_decision(Context& ctx, const Approval& approval, const std::string& reason) {
  std::optional<Ticket> found = ctx.store.tickets().find(approval.subject.id);
  if (!found) return;
  const Ticket before = *found;
  Ticket after = before;
  const bool approved = approval.state == ApprovalState::kApproved;
  const bool rejected = approval.state == ApprovalState::kRejected;
  std::string action;
  const bool quality = approval.form == ticket_form::kQualityDefect;
  if (quality) {
    // The first steps (approvals.quality_confirm) are the technical department's answer;
    // declined, the fault is not a quality defect and coverage stays as decided at intake.
    const std::size_t confirm_steps = ctx.rules.approvals.quality_confirm.size();
    const Signature& last = approval.signatures.back();
    if (static_cast<std::size_t>(last.step) < confirm_steps) {
      if (rejected) after.quality_confirmed = false;
      if (approval.signatures.size() == confirm_steps && last.approved) {
        after.quality_confirmed = true;
      }
    }
    // Outside warranty the rest of the chain (the GM) makes the repair free.
    if (approved && before.coverage == Coverage::kPaid) after.free_repair = true;
    action = approved ? "quality-approved" : rejected ? "quality-declined" : "quality-signed";
  } else if (approval.form == ticket_form::kFreeRepair) {
    after.free_repair = approved;
    if (rejected) after.waiver_requested = false;
    action = approved ? "free-repair-approved" : "free-repair-rejected";
  } else {
    action = approved ? "approved" : "rejected";
  }
  if (!approved && !rejected && after.quality_confirmed == before.quality_confirmed) return;
  // A rejection returns the ticket to analysis with the reason; the technical department
  // declining a quality defect is an answer, not a refusal of the service.
  const bool answer_only = quality && static_cast<std::size_t>(approval.signatures.back().step) <
                                          ctx.rules.approvals.quality_confirm.size();
  if (rejected && !answer_only &&
      (before.state == TicketState::kRegistered || before.state == TicketState::kAnalysed)) {
    after.state = TicketState::kAnalysed;
    after.returned_reason = form_label(approval.form) + " rejected: " + reason;
  }
  // Once free, the paid-repair costing is no longer asked for.
  if (after.free_repair && !before.free_repair) {
    void_approvals(ctx, approval.subject, {ticket_form::kPaidRepair}, "the repair is free",
                   /*approved_too=*/false);
  }
  save_ticket(ctx, before, after, action);
}

}  // namespace

std::vector<ApprovalForm> ticket_approval_forms() {
  return {
      {ticket_form::kRepairNotice, "表4", "ticket", apply_decision},
      {ticket_form::kBudget, "表5", "ticket", apply_decision},
      {ticket_form::kPaidRepair, "paid repair", "ticket", apply_decision},
      {ticket_form::kFreeRepair, "free repair", "ticket", apply_decision},
      {ticket_form::kQualityDefect, "quality defect", "ticket", apply_decision},
      {ticket_form::kBudgetSupplement, "表5 supplement", "ticket", apply_decision},
      {ticket_form::kPaidRepairSupplement, "paid repair supplement", "ticket", apply_decision},
      {ticket_form::kFreeRepairSupplement, "free repair supplement", "ticket", apply_decision},
  };
}

}  // namespace aftersales
