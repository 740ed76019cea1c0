// Intake (售后服务申请单, 表3), assignment and analysis (问题描述与分析, 表4 repair notice).
#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/identity/identity.h"
#include "aftersales/models/models.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/ticket_forms.h"
#include "aftersales/tickets/ticket_rules.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "aftersales/units/warranty.h"
#include "approvals/approval_requests.h"
#include "tickets/ticket_records.h"
#include "tickets/ticket_states.h"

namespace aftersales {
namespace {

std::string joined_roles(const ApprovalChain& chain) {
  return fmt::format("{}", fmt::join(chain, " → "));
}

}  // namespace

void read_ticket_intake(const Rules& rules, Timestamp now, FieldReader& reader,
                        const TicketIntake& intake, Ticket& ticket) {
  const UtcOffset zone = rules.general.utc_offset;
  if (auto category = reader.choice("category", intake.category, rules.lists.fault_categories)) {
    ticket.category = *category;
  }
  if (auto channel = reader.choice("channel", intake.channel, rules.lists.channels)) {
    ticket.channel = *channel;
  }
  ticket.description = reader.text("desc", intake.description, true);
  ticket.reported_at = now;
  if (intake.reported_at) {
    if (auto at = reader.time("reported_at", *intake.reported_at, zone)) {
      if (*at > now) {
        reader.add("reported_at", *intake.reported_at,
                   fmt::format("{} is in the future; give the time the customer called",
                               format_timestamp(*at, zone)));
      }
      ticket.reported_at = *at;
    }
  }
  ticket.priority = rules.sla.default_priority;
  if (intake.priority && !trim(*intake.priority).empty()) {
    std::vector<std::string> priorities;
    for (const auto& entry : rules.sla.response_hours) priorities.push_back(entry.first);
    if (auto priority = reader.choice("priority", *intake.priority, priorities)) {
      ticket.priority = *priority;
    }
  }
  ticket.km.reset();
  if (intake.km && !trim(*intake.km).empty()) {
    ticket.km = reader.integer("km", *intake.km, 0, kMaxOdometerKm);
  }
}

std::string decide_intake(Context& ctx, const Unit& unit, const Model& model, Ticket& ticket) {
  const UtcOffset zone = ctx.rules.general.utc_offset;
  const Date reported_on = local_date(ticket.reported_at, zone);
  // Coverage by rule at the reported time, frozen at intake (DOMAIN.md Ticket).
  const WarrantyStatus warranty = warranty_on(unit, model, reported_on, ticket.km);
  ticket.coverage = warranty.covered ? Coverage::kWarranty : Coverage::kPaid;
  ticket.coverage_reason = fmt::format("{} warranty on {}: {}", warranty.covered ? "in" : "out of",
                                       format_date(reported_on), warranty.reason);
  ticket.serial = unit.serial;
  ticket.customer_code = unit.customer_code;
  ticket.due_at =
      Timestamp{ticket.reported_at.seconds + response_limit_seconds(ctx.rules, ticket.priority)};
  if (reported_on < unit.shipped_on) {
    return fmt::format("{} is before unit {} shipped on {}", format_date(reported_on), unit.serial,
                       format_date(unit.shipped_on));
  }
  return {};
}

std::string odometer_problem(Context& ctx, const Unit& unit, const Ticket& ticket) {
  if (!ticket.km) return {};
  const std::optional<OdometerConflict> conflict = odometer_conflict(
      odometer_readings(ctx, unit, ticket.number), *ticket.km, ticket.reported_at);
  if (!conflict) return {};
  return odometer_conflict_text(*conflict, *ticket.km, ctx.rules.general.utc_offset);
}

Ticket open_ticket(Context& ctx, const TicketIntake& intake) {
  require_role(ctx, ctx.rules.permissions.ticket_intake, "opening a ticket");
  FieldReader reader;
  Ticket typed;
  read_ticket_intake(ctx.rules, ctx.now(), reader, intake, typed);
  reader.throw_if_any("ticket");

  Ticket ticket;
  ctx.store.write([&] {
    // A retried write runs again from the ticket as typed: a number the failed run drew would
    // otherwise leave that number's (another's) odometer reading out of the check below.
    ticket = typed;
    const Unit unit = get_unit(ctx, intake.unit);
    const Model model = get_model(ctx, unit.model_code);
    if (std::string problem = decide_intake(ctx, unit, model, ticket); !problem.empty()) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("ticket: field \"reported_at\": {}", problem),
                  "check the reported time and the serial no.");
    }
    if (std::string problem = odometer_problem(ctx, unit, ticket); !problem.empty()) {
      throw Error(ErrorCode::kInvalidInput, fmt::format("ticket: field \"km\": {}", problem),
                  "check the odometer reading the customer gave");
    }
    ticket.state = TicketState::kRegistered;
    ticket.resume_state = TicketState::kRegistered;
    ticket.opened_by = ctx.actor.user;
    const int year = local_date(ticket.reported_at, ctx.rules.general.utc_offset).year();
    ticket.number =
        fmt::format("SR-{:04}-{:06}", year, ctx.store.tickets().next_number_in_year(year));
    ctx.store.tickets().insert(ticket);
    AuditJson after = ticket_json(ticket);
    after["unit"] = ticket.serial;
    after["customer"] = ticket.customer_code;
    after["category"] = ticket.category;
    after["channel"] = ticket.channel;
    after["reported_at"] = format_timestamp(ticket.reported_at, ctx.rules.general.utc_offset);
    after["coverage_reason"] = ticket.coverage_reason;
    record_addition(ctx, "ticket", ticket.number, after);
  });
  return ticket;
}

Ticket get_ticket(Context& ctx, const std::string& number) { return load_ticket(ctx, number); }

Ticket assign_ticket(Context& ctx, const std::string& number, const std::string& user) {
  require_role(ctx, ctx.rules.permissions.ticket_dispatch, "assigning a ticket");
  Ticket after;
  ctx.store.write([&] {
    const Ticket before = load_ticket(ctx, number);
    require_allowed(before, TicketAction::kAssign);
    FieldReader reader;
    const std::string name = reader.text("to", user, true);
    if (!name.empty() && !ctx.rules.users.empty() && ctx.rules.users.count(name) == 0) {
      reader.add("to", user, fmt::format("{} is not a user of [users] in the config", name));
    }
    reader.throw_if_any(fmt::format("ticket {}", before.number));
    if (!may_be_assigned(ctx.rules, name)) {
      const std::vector<std::string>& roles = ctx.rules.roles_of(name);
      throw Error(
          ErrorCode::kRuleViolation,
          fmt::format("refused: {} ({}) does no service work and cannot be given ticket {}", name,
                      roles.empty() ? "no role" : fmt::format("{}", fmt::join(roles, ", ")),
                      before.number),
          fmt::format("assign a user holding {} ([permissions] ticket_assignable)",
                      fmt::join(ctx.rules.permissions.ticket_assignable, " or ")));
    }
    after = before;
    after.assignee = name;
    save_ticket(ctx, before, after, "assign");
  });
  return after;
}

Ticket analyse_ticket(Context& ctx, const std::string& number, const std::string& text,
                      bool quality_defect, bool needs_factory) {
  require_role(ctx, ctx.rules.permissions.ticket_analysis, "analysing a ticket");
  Ticket after;
  ctx.store.write([&] {
    const Ticket before = load_ticket(ctx, number);
    require_allowed(before, TicketAction::kAnalyse);
    FieldReader reader;
    after = before;
    after.analysis = reader.text("text", text, true);
    reader.throw_if_any(fmt::format("ticket {}", before.number));
    after.state = TicketState::kAnalysed;
    after.returned_reason.clear();
    const ApprovalSubject subject = ticket_subject(before.number);
    // 表4: the service staff cannot solve it alone; a leader approves the repair notice.
    if (needs_factory && !before.needs_factory) {
      after.needs_factory = true;
      raise_approval(ctx, ticket_form::kRepairNotice, subject, ctx.rules.approvals.repair_notice,
                     fmt::format("repair notice: production / technical department to help "
                                 "({})",
                                 joined_roles(ctx.rules.approvals.repair_notice)));
    } else if (needs_factory) {
      const auto current = current_approval(ctx, subject, ticket_form::kRepairNotice);
      if (!current || current->state == ApprovalState::kRejected) {
        raise_approval(ctx, ticket_form::kRepairNotice, subject, ctx.rules.approvals.repair_notice,
                       "repair notice, asked again");
      }
    }
    // A suspected quality defect: the technical department confirms; outside warranty the
    // free repair then needs the GM (DOMAIN.md: 技术部确认, 总经理批准).
    if (quality_defect && !before.quality_claim) {
      after.quality_claim = true;
      ApprovalChain chain = ctx.rules.approvals.quality_confirm;
      if (before.coverage == Coverage::kPaid) {
        chain.insert(chain.end(), ctx.rules.approvals.free_repair.begin(),
                     ctx.rules.approvals.free_repair.end());
      }
      raise_approval(ctx, ticket_form::kQualityDefect, subject, chain,
                     before.coverage == Coverage::kPaid
                         ? "quality defect outside warranty: confirm, then repair free"
                         : "quality defect: confirm");
    }
    save_ticket(ctx, before, after, "analyse");
  });
  return after;
}

}  // namespace aftersales
