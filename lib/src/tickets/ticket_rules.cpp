#include "aftersales/tickets/ticket_rules.h"

namespace aftersales {

bool requires_budget_approval(const Rules& rules, Money warranty_total) {
  return warranty_total > rules.approvals.budget_threshold;
}

bool requires_paid_repair_approval(const Ticket& ticket, Money paid_total) {
  return paid_total > Money{0} && !ticket.free_repair;
}

bool requires_costing(const Ticket& ticket, const std::vector<CostLine>& lines) {
  return ticket.coverage == Coverage::kPaid && !ticket.free_repair && lines.empty();
}

bool requires_quotation_and_contract(const Rules& rules, Money paid_total) {
  return paid_total > rules.costs.large_paid_repair;
}

bool requires_repair_notice(const Ticket& ticket) { return ticket.needs_factory; }

bool requires_free_repair_approval(const Ticket& ticket, Money warranty_total) {
  return ticket.coverage == Coverage::kPaid && warranty_total > Money{0} && !ticket.free_repair &&
         !ticket.waiver_requested;
}

bool waits_for_quality_decision(const Ticket& ticket) {
  return ticket.quality_claim && ticket.coverage == Coverage::kPaid;
}

std::int64_t response_limit_seconds(const Rules& rules, const std::string& priority) {
  const auto hours = rules.sla.response_hours.find(priority);
  return hours == rules.sla.response_hours.end() ? 0 : std::int64_t{hours->second} * 3600;
}

bool is_major_warranty_repair(const Rules& rules, Money warranty_total) {
  return warranty_total > rules.warranty.major_repair;
}

bool signs_off(const Rules& rules, const WorkRecord& record) {
  return !record.signed_by.empty() && (record.sealed || !rules.tickets.seal_required);
}

std::optional<ArrivalGate> earliest_arrival(const std::vector<Approval>& approvals) {
  std::optional<ArrivalGate> gate;
  for (const Approval& approval : approvals) {
    if (approval.state != ApprovalState::kApproved || approval.signatures.empty()) continue;
    const Timestamp last = approval.signatures.back().at;
    if (!gate || gate->approved_at < last) gate = ArrivalGate{approval.form, approval.id, last};
  }
  return gate;
}

}  // namespace aftersales
