#include "aftersales/tickets/ticket_rules.h"

#include <algorithm>
#include <tuple>

namespace aftersales {
namespace {

using CostKey = std::tuple<int, int, std::int64_t>;

std::vector<CostKey> cost_keys(const std::vector<CostLine>& lines) {
  std::vector<CostKey> keys;
  keys.reserve(lines.size());
  for (const CostLine& line : lines) {
    keys.emplace_back(static_cast<int>(line.kind), static_cast<int>(line.coverage),
                      line.amount.fen);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace

bool costs_changed(const std::vector<CostLine>& old_lines, const std::vector<CostLine>& new_lines) {
  return cost_keys(old_lines) != cost_keys(new_lines);
}

bool requires_budget_approval(const Rules& rules, Money warranty_total) {
  return warranty_total > rules.approvals.budget_threshold;
}

bool may_be_assigned(const Rules& rules, const std::string& user) {
  if (rules.users.empty()) return true;
  const std::vector<std::string>& assignable = rules.permissions.ticket_assignable;
  for (const std::string& role : rules.roles_of(user)) {
    if (std::find(assignable.begin(), assignable.end(), role) != assignable.end()) return true;
  }
  return false;
}

std::string role_only_requester_holds(const Rules& rules, const std::vector<std::string>& chain,
                                      const std::string& requester) {
  if (rules.users.empty()) return {};
  for (const std::string& role : chain) {
    bool requester_holds = false;
    bool other_holds = false;
    for (const auto& [user, roles] : rules.users) {
      if (std::find(roles.begin(), roles.end(), role) == roles.end()) continue;
      (user == requester ? requester_holds : other_holds) = true;
    }
    if (requester_holds && !other_holds) return role;
  }
  return {};
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

const char* charge_name(const Ticket& ticket) {
  if (ticket.coverage == Coverage::kWarranty) return "warranty";
  return ticket.free_repair ? "free" : "paid";
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
    Timestamp last = approval.signatures.front().at;
    for (const Signature& s : approval.signatures) last = std::max(last, s.at);
    if (!gate || gate->approved_at < last) gate = ArrivalGate{approval.form, approval.id, last};
  }
  return gate;
}

}  // namespace aftersales
