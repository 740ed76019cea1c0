#include "aftersales/tickets/ticket_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "aftersales/tickets/ticket_forms.h"
#include "tickets/ticket_records.h"

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

bool is_supplement(const std::string& form) {
  return form == ticket_form::kBudgetSupplement || form == ticket_form::kPaidRepairSupplement ||
         form == ticket_form::kFreeRepairSupplement;
}

// The coverage of the estimated lines of `kind` when they all share one, else `fallback`.
Coverage coverage_of(const std::vector<CostLine>& estimated, CostKind kind, Coverage fallback) {
  std::optional<Coverage> shared;
  for (const CostLine& line : estimated) {
    if (line.kind != kind) continue;
    if (shared && *shared != line.coverage) return fallback;
    shared = line.coverage;
  }
  return shared.value_or(fallback);
}

// The most an approved approval of `covers` or of `supplement` signed.
Money approved_amount(const std::vector<Approval>& approvals, const std::string& covers,
                      const std::string& supplement) {
  Money most{0};
  for (const Approval& a : approvals) {
    if (a.state != ApprovalState::kApproved || (a.form != covers && a.form != supplement)) continue;
    if (a.amount && *a.amount > most) most = *a.amount;
  }
  return most;
}

}  // namespace

Money warranty_total(const std::vector<CostLine>& lines) {
  Money total;
  for (const CostLine& line : lines) {
    if (line.coverage == Coverage::kWarranty) total = total + line.amount;
  }
  return total;
}

Money paid_total(const std::vector<CostLine>& lines) {
  Money total;
  for (const CostLine& line : lines) {
    if (line.coverage == Coverage::kPaid) total = total + line.amount;
  }
  return total;
}

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

bool is_major_warranty_repair(const Rules& rules, Coverage coverage, Money warranty_total,
                              const std::vector<PartUsed>& parts_used) {
  return warranty_total > rules.warranty.major_repair ||
         (coverage == Coverage::kWarranty &&
          std::any_of(parts_used.begin(), parts_used.end(),
                      [](const PartUsed& used) { return used.major; }));
}

bool signs_off(const Rules& rules, const WorkRecord& record) {
  return !record.signed_by.empty() && (record.sealed || !rules.tickets.seal_required);
}

std::vector<CostLine> actual_cost_lines(const Rules& rules, const Ticket& ticket,
                                        const std::vector<CostLine>& estimated,
                                        const WorkRecord& record) {
  const auto measured = [&](CostKind kind) {
    return (kind == CostKind::kWork && record.labour_hours_centi) ||
           (kind == CostKind::kTravel && record.travel) ||
           (kind == CostKind::kPart && !record.parts.empty());
  };
  std::vector<CostLine> actual;
  for (const CostLine& line : estimated) {
    if (!measured(line.kind)) actual.push_back(line);
  }
  const auto add = [&](CostKind kind, std::string description, std::int64_t quantity_milli,
                       Money unit_price) {
    CostLine line;
    line.kind = kind;
    line.description = std::move(description);
    line.quantity_milli = quantity_milli;
    line.unit_price = unit_price;
    line.amount = line_amount(quantity_milli, unit_price);
    line.coverage = coverage_of(estimated, kind, ticket.coverage);
    if (line.amount > Money{0}) actual.push_back(std::move(line));
  };
  // hours have two decimals: x10 gives thousandths, the quantity's unit.
  if (record.labour_hours_centi) {
    add(CostKind::kWork, "labour 维修工时费 (表6)", *record.labour_hours_centi * 10,
        rules.costs.labour_rate);
  }
  if (record.travel) add(CostKind::kTravel, "travel 旅差费 (表6)", 1000, *record.travel);
  for (const PartUsed& used : record.parts) {
    add(CostKind::kPart, fmt::format("part 配件 {} {} (表6)", used.part, used.name),
        used.quantity * 1000, used.unit_price);
  }
  return actual;
}

std::vector<SupplementNeed> supplements_needed(const Rules& rules, const Ticket& ticket,
                                               const std::vector<CostLine>& actual,
                                               const std::vector<Approval>& approvals) {
  std::vector<SupplementNeed> needs;
  const auto need = [&](const std::string& form, const std::string& covers,
                        const ApprovalChain& chain, Money cost) {
    const Money approved = approved_amount(approvals, covers, form);
    if (cost > approved) needs.push_back({form, covers, chain, approved, cost});
  };
  const Money warranty = warranty_total(actual);
  const Money paid = paid_total(actual);
  if (requires_budget_approval(rules, warranty)) {
    need(ticket_form::kBudgetSupplement, ticket_form::kBudget, rules.approvals.budget, warranty);
  }
  if (requires_paid_repair_approval(ticket, paid)) {
    need(ticket_form::kPaidRepairSupplement, ticket_form::kPaidRepair, rules.approvals.paid_repair,
         paid);
  }
  if (ticket.free_repair) {
    need(ticket_form::kFreeRepairSupplement, ticket_form::kFreeRepair, rules.approvals.free_repair,
         warranty + paid);
  }
  return needs;
}

std::optional<ArrivalGate> earliest_arrival(const std::vector<Approval>& approvals) {
  std::optional<ArrivalGate> gate;
  for (const Approval& approval : approvals) {
    if (approval.state != ApprovalState::kApproved || approval.signatures.empty() ||
        is_supplement(approval.form)) {
      continue;
    }
    Timestamp last = approval.signatures.front().at;
    for (const Signature& s : approval.signatures) last = std::max(last, s.at);
    if (!gate || gate->approved_at < last) gate = ArrivalGate{approval.form, approval.id, last};
  }
  return gate;
}

}  // namespace aftersales
