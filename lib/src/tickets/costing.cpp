// Costs of a ticket: the estimate (parts, labour hours x rate, travel), the itemised quotation
// (维修项目表) with its repair contract, and the approvals they raise: the budget (表5) when the
// warranty lines total over the threshold, the paid-repair costing when there are paid lines.
#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/identity/identity.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/ticket_forms.h"
#include "aftersales/tickets/ticket_rules.h"
#include "aftersales/tickets/tickets.h"
#include "approvals/approval_requests.h"
#include "tickets/ticket_records.h"
#include "tickets/ticket_states.h"

namespace aftersales {
namespace {

constexpr std::int64_t kMaxQuantityMilli = 1'000'000'000;  // a million hours or pieces

// Raises the cost approvals `lines` need (表5 budget over the threshold, the paid-repair
// costing) where no pending or approved one of that form is current: after the costs changed
// (the old ones were voided) or after a rejection, asking again with the same lines.
void raise_cost_approvals(Context& ctx, const Ticket& ticket, const std::vector<CostLine>& lines) {
  const ApprovalSubject subject = ticket_subject(ticket.number);
  const auto current = [&](const std::string& form) {
    const std::optional<Approval> approval = current_approval(ctx, subject, form);
    return approval && (approval->state == ApprovalState::kPending ||
                        approval->state == ApprovalState::kApproved);
  };
  const Rules::Approvals& rules = ctx.rules.approvals;
  const auto signable = [&](const std::string& what, const ApprovalChain& chain) {
    const std::string role = role_only_requester_holds(ctx.rules, chain, ctx.actor.user);
    if (role.empty()) return;
    throw Error(ErrorCode::kRuleViolation,
                fmt::format("refused: conflict: {} needs a {} to sign, and {} is the only {} "
                            "but may not sign a request of their own",
                            what, role, ctx.actor.user, role),
                fmt::format("let another user of [permissions] ticket_costing cost ticket {}, or "
                            "give another user the role {} in [users]",
                            ticket.number, role));
  };
  const Money warranty = warranty_total(lines);
  const Money paid = paid_total(lines);
  if (requires_budget_approval(ctx.rules, warranty) && !current(ticket_form::kBudget)) {
    signable("the budget approval (表5)", rules.budget);
  }
  if (requires_paid_repair_approval(ticket, paid) && !current(ticket_form::kPaidRepair)) {
    signable("the paid repair approval", rules.paid_repair);
  }
  if (requires_budget_approval(ctx.rules, warranty) && !current(ticket_form::kBudget)) {
    raise_approval(ctx, ticket_form::kBudget, subject, rules.budget,
                   fmt::format("warranty cost {} is over {}", format_money(warranty),
                               format_money(rules.budget_threshold)),
                   warranty);
  }
  if (requires_paid_repair_approval(ticket, paid) && !current(ticket_form::kPaidRepair)) {
    raise_approval(ctx, ticket_form::kPaidRepair, subject, rules.paid_repair,
                   fmt::format("paid repair costed at {}", format_money(paid)), paid);
  }
}

// Replaces the ticket's lines. Only a change of the costs (costs_changed: kind, coverage and
// amount of the lines) voids the approvals given on them: 表5, the paid-repair costing and the
// GM's free repair of an amount (the ticket is then no longer free, and a waiver must be asked
// again). Lines equal in everything and an unchanged ticket write nothing; other changes
// (descriptions, the contract number) are saved with one audit line `action`. Returns the
// approvals voided.
std::vector<Approval> set_lines(Context& ctx, const Ticket& before, Ticket& ticket,
                                const std::vector<CostLine>& lines, const std::string& action) {
  const std::vector<CostLine> old_lines = ctx.store.tickets().cost_lines(ticket.id);
  std::vector<Approval> voided;
  if (costs_changed(old_lines, lines)) {
    voided =
        void_approvals(ctx, ticket_subject(ticket.number),
                       {ticket_form::kBudget, ticket_form::kPaidRepair, ticket_form::kFreeRepair},
                       "the cost lines changed");
    for (const Approval& approval : voided) {
      if (approval.form != ticket_form::kFreeRepair) continue;
      ticket.waiver_requested = false;
      if (approval.state == ApprovalState::kApproved) ticket.free_repair = false;
    }
  }
  const AuditJson old_json = lines_json(old_lines);
  const AuditJson new_json = lines_json(lines);
  if (old_json != new_json) {
    ctx.store.tickets().replace_cost_lines(ticket.id, lines);
    save_ticket(ctx, before, ticket, action, AuditJson{{"lines", old_json}},
                AuditJson{{"lines", new_json}});
  } else if (ticket_json(before) != ticket_json(ticket)) {
    save_ticket(ctx, before, ticket, action);
  }
  raise_cost_approvals(ctx, ticket, lines);
  return voided;
}

CostLine make_line(CostKind kind, std::string description, std::int64_t quantity_milli,
                   Money unit_price, Coverage coverage) {
  CostLine line;
  line.kind = kind;
  line.description = std::move(description);
  line.quantity_milli = quantity_milli;
  line.unit_price = unit_price;
  line.amount = line_amount(quantity_milli, unit_price);
  line.coverage = coverage;
  return line;
}

// Splits "a;b;c" on ';' (no quoting: descriptions use ，or , instead).
std::vector<std::string> split_fields(const std::string& text) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t semicolon; (semicolon = text.find(';', start)) != std::string::npos;) {
    fields.push_back(text.substr(start, semicolon - start));
    start = semicolon + 1;
  }
  fields.push_back(text.substr(start));
  return fields;
}

}  // namespace

CostsChange estimate_ticket(Context& ctx, const std::string& number, const std::string& parts,
                            const std::string& labour_hours, const std::string& travel) {
  require_role(ctx, ctx.rules.permissions.ticket_costing, "costing a ticket");
  FieldReader reader;
  const std::optional<Money> parts_cost = reader.money("parts", parts);
  const std::optional<std::int64_t> hours =
      reader.decimal("labour_hours", labour_hours, 2, 100'000'00);
  const std::optional<Money> travel_cost = reader.money("travel", travel);
  for (const auto& [field, amount] : {std::pair{"parts", parts_cost}, {"travel", travel_cost}}) {
    if (amount && *amount < Money{0})
      reader.add(field, "", "is negative; give an amount of 0 or more");
  }
  reader.throw_if_any(fmt::format("ticket {}", number));

  CostsChange change;
  ctx.store.write([&] {
    const Ticket before = load_ticket(ctx, number);
    require_allowed(before, TicketAction::kEstimate);
    Ticket after = before;
    after.itemised = false;
    std::vector<CostLine> lines;
    const Coverage coverage = before.coverage;
    if (*parts_cost > Money{0}) {
      lines.push_back(make_line(CostKind::kPart, "parts 配件费", 1000, *parts_cost, coverage));
    }
    if (*hours > 0) {
      // hours x rate rounded half up to the fen (hours have two decimals: x10 to thousandths).
      lines.push_back(make_line(CostKind::kWork, "labour 维修工时费", *hours * 10,
                                ctx.rules.costs.labour_rate, coverage));
    }
    if (*travel_cost > Money{0}) {
      lines.push_back(make_line(CostKind::kTravel, "travel 旅差费", 1000, *travel_cost, coverage));
    }
    change.voided = set_lines(ctx, before, after, lines, "estimate");
    change.ticket = after;
  });
  return change;
}

CostsChange quote_ticket(Context& ctx, const std::string& number,
                         const std::vector<std::string>& lines,
                         const std::optional<std::string>& contract) {
  require_role(ctx, ctx.rules.permissions.ticket_costing, "quoting a ticket");
  CostsChange change;
  ctx.store.write([&] {
    const Ticket before = load_ticket(ctx, number);
    require_allowed(before, TicketAction::kQuote);
    FieldReader reader;
    std::vector<CostLine> quoted;
    if (lines.empty()) reader.add("line", "", "is missing; give at least one --line");
    int index = 0;
    for (const std::string& text : lines) {
      const std::string field = fmt::format("line {}", ++index);
      const std::vector<std::string> parts = split_fields(text);
      if (parts.size() < 4 || parts.size() > 5) {
        reader.add(
            field, text,
            fmt::format("has {} fields; write KIND;DESCRIPTION;QTY;UNIT_PRICE[;warranty|paid]",
                        parts.size()));
        continue;
      }
      const std::optional<CostKind> kind = parse_cost_kind(trim(parts[0]));
      if (!kind)
        reader.add(field, parts[0],
                   fmt::format("kind \"{}\" is not work, part or travel", parts[0]));
      const std::string description = reader.text(field, parts[1], true);
      const auto quantity = reader.decimal(field, parts[2], 3, kMaxQuantityMilli);
      if (quantity && *quantity == 0)
        reader.add(field, parts[2], "quantity is 0; leave the line out");
      const auto price = reader.money(field, parts[3]);
      if (price && *price < Money{0}) reader.add(field, parts[3], "unit price is negative");
      Coverage coverage = before.coverage;
      if (parts.size() == 5) {
        if (auto given = parse_coverage(trim(parts[4]))) {
          coverage = *given;
        } else {
          reader.add(field, parts[4], fmt::format("\"{}\" is not warranty or paid", parts[4]));
        }
      }
      if (kind && quantity && price) {
        quoted.push_back(make_line(*kind, description, *quantity, *price, coverage));
      }
    }
    reader.throw_if_any(fmt::format("ticket {}", before.number));
    Ticket after = before;
    after.itemised = true;
    if (contract) after.contract_no = trim(*contract);
    change.voided = set_lines(ctx, before, after, quoted, "quote");
    change.ticket = after;
  });
  return change;
}

Ticket waive_ticket(Context& ctx, const std::string& number, const std::string& reason) {
  require_role(ctx, ctx.rules.permissions.ticket_costing, "asking for a free repair");
  Ticket after;
  ctx.store.write([&] {
    const Ticket before = load_ticket(ctx, number);
    require_allowed(before, TicketAction::kWaive);
    if (before.coverage == Coverage::kWarranty) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: ticket {} is in warranty; a free repair outside warranty "
                              "is for paid tickets only",
                              before.number),
                  "a warranty repair is free already");
    }
    if (before.free_repair) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: ticket {} is a free repair already", before.number));
    }
    // The GM approves a costed amount, not a blank: no lines, no waiver.
    const std::vector<CostLine> lines = ctx.store.tickets().cost_lines(before.id);
    if (lines.empty()) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: ticket {} has no cost lines; the GM approves a free repair "
                              "of a costed amount",
                              before.number),
                  "cost it first with `ticket estimate` or `ticket quote`, then ask again");
    }
    FieldReader reader;
    after = before;
    after.waiver_reason = reader.text("reason", reason, true);
    reader.throw_if_any(fmt::format("ticket {}", before.number));
    after.waiver_requested = true;
    const Money amount = warranty_total(lines) + paid_total(lines);
    void_approvals(ctx, ticket_subject(before.number), {ticket_form::kFreeRepair}, "asked again");
    raise_approval(ctx, ticket_form::kFreeRepair, ticket_subject(before.number),
                   ctx.rules.approvals.free_repair,
                   fmt::format("free repair of {} outside warranty: {}", format_money(amount),
                               after.waiver_reason),
                   amount);
    save_ticket(ctx, before, after, "waive");
  });
  return after;
}

}  // namespace aftersales
