// Urgent part requests (急需备件申请表, 表13): a part the company does not stock, needed for a
// ticket; the leader approves ([approvals] urgent_part), it becomes a purchase plan, and
// receiving the plan settles the request.
#include <fmt/format.h>

#include <algorithm>

#include "aftersales/core/error.h"
#include "aftersales/identity/identity.h"
#include "aftersales/parts/parts.h"
#include "aftersales/parts/purchase_plans.h"
#include "aftersales/parts/sale_forms.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "approvals/approval_requests.h"
#include "audit/audit_json.h"
#include "parts/purchase_records.h"

namespace aftersales {
namespace {

constexpr std::int64_t kMaxQuantity = 1'000'000'000;

// The stock of a part over every warehouse.
std::int64_t stock_of(Context& ctx, const std::string& part) {
  std::int64_t on_hand = 0;
  StockFilter filter;
  filter.part = part;
  ctx.store.parts().each_level(filter, [&](const StockLevel& level) { on_hand += level.on_hand; });
  return on_hand;
}

}  // namespace

UrgentRequest request_urgent_part(Context& ctx, const UrgentOrder& order) {
  require_role(ctx, ctx.rules.permissions.parts_request, "an urgent part request (表13)");
  FieldReader reader;
  UrgentRequest typed;
  typed.description = reader.text("desc", order.description, true);
  const std::optional<std::int64_t> qty = reader.integer("qty", order.quantity, 1, kMaxQuantity);
  typed.reason = reader.text("reason", order.reason, true);
  const std::string ticket_number = reader.text("ticket", order.ticket, true);
  reader.throw_if_any("urgent part request (表13)");
  typed.quantity = *qty;
  UrgentRequest request;
  ctx.store.write([&] {
    // A retried write runs again from the request as typed: a catalogue part the failed run
    // found (since removed) is not kept.
    request = typed;
    const Ticket ticket = get_ticket(ctx, ticket_number);
    if (ticket.state == TicketState::kClosed || ticket.state == TicketState::kCancelled ||
        ticket.state == TicketState::kResolved) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: ticket {} is {}; an urgent part request (表13) is for an "
                              "open ticket",
                              ticket.number, state_name(ticket.state)));
    }
    request.ticket = ticket.number;
    if (std::optional<Part> part = ctx.store.parts().find(request.description)) {
      const std::int64_t on_hand = stock_of(ctx, part->number);
      if (on_hand >= request.quantity) {
        throw Error(ErrorCode::kRuleViolation,
                    fmt::format("refused: part {} ({}) is stocked: {} on hand, {} asked; an urgent "
                                "request (表13) is for a part the company does not stock",
                                part->number, part->name, on_hand, request.quantity),
                    "issue it from stock instead");
      }
      request.part = part->number;
    }
    request.number = next_parts_number(ctx, "UR");
    request.state = ProcurementState::kPending;
    request.requested_at = ctx.now();
    request.requested_by = ctx.actor.user;
    ctx.store.part_sales().insert_urgent(request);
    record_addition(ctx, "urgent_request", request.number,
                    AuditJson{{"ticket", request.ticket},
                              {"description", request.description},
                              {"part", request.part ? AuditJson(*request.part) : AuditJson()},
                              {"quantity", request.quantity},
                              {"reason", request.reason},
                              {"state", procurement_state_name(request.state)}});
    raise_approval(
        ctx, sale_form::kUrgentPart, urgent_subject(request.number),
        ctx.rules.approvals.urgent_part,
        fmt::format("表13 {} × {} for {}", request.description, request.quantity, request.ticket));
  });
  return request;
}

UrgentRequest get_urgent_request(Context& ctx, const std::string& number) {
  if (std::optional<UrgentRequest> found = ctx.store.part_sales().find_urgent(trim(number))) {
    return *found;
  }
  throw Error(ErrorCode::kNotFound, fmt::format("urgent request {} does not exist", number),
              "`aftersales part urgents` lists the urgent part requests (表13)");
}

namespace {

std::string waiting_reason(const UrgentRequest& request) {
  return fmt::format("waiting for urgent part request {} (表13): {} × {}", request.number,
                     request.description, request.quantity);
}

}  // namespace

Ticket pause_for_urgent_part(Context& ctx, const std::string& ticket, const std::string& request,
                             const std::optional<std::string>& at) {
  const UrgentRequest found = get_urgent_request(ctx, request);
  if (found.ticket != trim(ticket)) {
    throw Error(ErrorCode::kRuleViolation,
                fmt::format("refused: urgent request {} is for ticket {}, not {}", found.number,
                            found.ticket, trim(ticket)),
                "`aftersales part urgents` lists the requests and their tickets");
  }
  if (found.state == ProcurementState::kReceived || found.state == ProcurementState::kRejected) {
    throw Error(ErrorCode::kRuleViolation,
                fmt::format("refused: urgent request {} is {}; there is nothing to wait for",
                            found.number, procurement_state_name(found.state)),
                "pause with --reason for anything else the ticket waits for");
  }
  return pause_ticket(ctx, found.ticket, waiting_reason(found), at);
}

std::optional<std::string> ticket_waiting_for(Context& ctx, const UrgentRequest& request) {
  const std::optional<Ticket> ticket = ctx.store.tickets().find(request.ticket);
  if (!ticket) return std::nullopt;
  for (const Pause& pause : ctx.store.tickets().pauses(ticket->id)) {
    if (!pause.to && pause.reason == waiting_reason(request)) return ticket->number;
  }
  return std::nullopt;
}

std::optional<std::string> ticket_waiting_for(Context& ctx, const PurchasePlan& plan) {
  const std::optional<UrgentRequest> request = ctx.store.part_sales().find_urgent(plan.origin);
  return request ? ticket_waiting_for(ctx, *request) : std::nullopt;
}

std::vector<UrgentRequest> list_urgent_requests(Context& ctx, bool open) {
  std::vector<UrgentRequest> all = ctx.store.part_sales().list_urgent();
  if (open) {
    all.erase(std::remove_if(all.begin(), all.end(),
                             [](const UrgentRequest& r) {
                               return r.state == ProcurementState::kReceived ||
                                      r.state == ProcurementState::kRejected;
                             }),
              all.end());
  }
  return all;
}

std::vector<UrgentRequest> urgent_requests_of(Context& ctx, const std::string& ticket) {
  std::vector<UrgentRequest> all = ctx.store.part_sales().list_urgent();
  all.erase(std::remove_if(all.begin(), all.end(),
                           [&](const UrgentRequest& r) { return r.ticket != trim(ticket); }),
            all.end());
  return all;
}

}  // namespace aftersales
