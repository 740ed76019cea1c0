#include "tickets/start_rules.h"

#include <fmt/format.h>
#include <algorithm>

#include "aftersales/tickets/ticket_forms.h"
#include "aftersales/tickets/ticket_rules.h"
#include "tickets/ticket_records.h"

namespace aftersales {
namespace {

std::optional<Approval> latest(const std::vector<Approval>& approvals, const std::string& form) {
  std::optional<Approval> found;
  for (const Approval& a : approvals) {
    if (a.form == form && a.state != ApprovalState::kVoid) found = a;
  }
  return found;
}

// "needs X from a, b, c; 1 of 3 given" or "approved by ..."
StartRequirement approval_requirement(const std::string& rule, const std::string& why,
                                      const std::optional<Approval>& approval,
                                      const ApprovalChain& chain) {
  StartRequirement r;
  r.rule = rule;
  if (approval && approval->state == ApprovalState::kApproved) {
    r.satisfied = true;
    std::vector<std::string> signers;
    for (const Signature& s : approval->signatures) signers.push_back(s.user + " (" + s.role + ")");
    r.explanation = fmt::format("approved by {}", fmt::join(signers, ", "));
    return r;
  }
  const ApprovalChain& roles = approval ? approval->chain : chain;
  const std::size_t given =
      approval && approval->state == ApprovalState::kPending ? approval->signatures.size() : 0;
  r.explanation =
      fmt::format("{} needs {} from {}; {} of {} given{}", why, rule, fmt::join(roles, ", "), given,
                  roles.size(), approval ? fmt::format(" (approval {})", approval->id) : "");
  if (approval && approval->state == ApprovalState::kRejected) {
    r.explanation += "; it was rejected: change the request and ask again";
  }
  return r;
}

}  // namespace

std::vector<StartRequirement> start_requirements(const Rules& rules, const Ticket& ticket,
                                                 const std::vector<CostLine>& lines,
                                                 const std::vector<Approval>& approvals) {
  std::vector<StartRequirement> all;
  const Money warranty = warranty_total(lines);
  const Money paid = paid_total(lines);

  if (requires_repair_notice(ticket)) {
    all.push_back(approval_requirement(
        "repair notice approval (表4)", "a repair with production or the technical department",
        latest(approvals, ticket_form::kRepairNotice), rules.approvals.repair_notice));
  }
  if (requires_budget_approval(rules, warranty)) {
    all.push_back(
        approval_requirement("budget approval (表5)",
                             fmt::format("warranty cost {} is over {} and", format_money(warranty),
                                         format_money(rules.approvals.budget_threshold)),
                             latest(approvals, ticket_form::kBudget), rules.approvals.budget));
  }
  if (requires_costing(ticket, lines)) {
    StartRequirement r;
    r.rule = "paid repair costing (保外)";
    r.explanation =
        "a repair outside warranty is costed before work starts: `ticket estimate` or `ticket "
        "quote`";
    all.push_back(r);
  }
  if (requires_paid_repair_approval(ticket, paid)) {
    all.push_back(approval_requirement(
        "paid repair approval", fmt::format("paid cost {}", format_money(paid)),
        latest(approvals, ticket_form::kPaidRepair), rules.approvals.paid_repair));
    if (requires_quotation_and_contract(rules, paid)) {
      StartRequirement r;
      r.rule = "quotation and repair contract (维修项目表, 维修合同)";
      r.satisfied = ticket.itemised && !ticket.contract_no.empty();
      r.explanation = r.satisfied
                          ? fmt::format("itemised quotation, contract {}", ticket.contract_no)
                          : fmt::format(
                                "paid cost {} is over {}: give an itemised quotation (`ticket "
                                "quote`) and the repair contract number (--contract)",
                                format_money(paid), format_money(rules.costs.large_paid_repair));
      all.push_back(r);
    }
  }
  if (requires_free_repair_approval(ticket, warranty)) {
    StartRequirement r;
    r.rule = "free repair approval";
    r.explanation = fmt::format(
        "the ticket is outside warranty but has warranty lines of {}: that part is a free "
        "repair and needs {}'s approval (`ticket waive`), or quote those lines as paid",
        format_money(warranty), fmt::join(rules.approvals.free_repair, ", "));
    all.push_back(r);
  }
  if (ticket.waiver_requested && !ticket.free_repair) {
    all.push_back(approval_requirement("free repair approval", "a free repair outside warranty",
                                       latest(approvals, ticket_form::kFreeRepair),
                                       rules.approvals.free_repair));
  }
  if (waits_for_quality_decision(ticket)) {
    const std::optional<Approval> quality = latest(approvals, ticket_form::kQualityDefect);
    if (quality && quality->state == ApprovalState::kPending) {
      all.push_back(approval_requirement(
          "quality defect decision", "a quality defect outside warranty", quality, quality->chain));
    }
  }
  return all;
}

SlaStatus sla_status(const Rules& rules, const Ticket& ticket, const std::vector<Pause>& pauses,
                     const std::optional<WorkRecord>& record, Timestamp now) {
  SlaStatus sla;
  sla.limit_seconds = response_limit_seconds(rules, ticket.priority);
  if (record) sla.arrived = record->arrived;
  // Pauses count up to the arrival; before it, an open pause counts up to now.
  const Timestamp until = record ? record->arrived : now;
  for (const Pause& pause : pauses) {
    const std::int64_t from = std::max(pause.from.seconds, ticket.reported_at.seconds);
    const std::int64_t to = std::min(pause.to.value_or(now).seconds, until.seconds);
    if (to > from) sla.paused_seconds += to - from;
  }
  sla.due_at = Timestamp{ticket.reported_at.seconds + sla.limit_seconds + sla.paused_seconds};
  const std::int64_t past_due = until.seconds - sla.due_at.seconds;
  if (record) {
    sla.on_time = past_due <= 0;
    sla.late_seconds = std::max<std::int64_t>(past_due, 0);
    return sla;
  }
  const bool open =
      ticket.state != TicketState::kClosed && ticket.state != TicketState::kCancelled &&
      ticket.state != TicketState::kResolved && ticket.state != TicketState::kSignedOff;
  sla.overdue = open && past_due > 0;
  sla.late_seconds = sla.overdue ? past_due : 0;
  return sla;
}

}  // namespace aftersales
