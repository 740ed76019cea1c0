// Purchase plans (采购计划) raised by large part orders and urgent part requests (表13), and
// the urgent requests themselves (DOMAIN.md Part). A large order's plan is approved on
// [approvals] purchase_plan; an urgent request is approved on [approvals] urgent_part and its
// plan is approved by that decision (the same leader, 相关领导). Purchasing ([permissions]
// purchase) receives an approved plan into stock, which settles what raised it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/core/context.h"
#include "aftersales/parts/purchase.h"
#include "aftersales/parts/sale.h"
#include "aftersales/tickets/ticket.h"

namespace aftersales {

// The plan with that number; Error(kNotFound).
PurchasePlan get_purchase_plan(Context& ctx, const std::string& number);

// A plan with its approvals (those of a large order's plan; an urgent request's plan was
// approved by the request's own, on the UR- number).
struct PurchasePlanView {
  PurchasePlan plan;
  std::vector<Approval> approvals;
};
PurchasePlanView show_purchase_plan(Context& ctx, const std::string& number);

// Plans in number order; `open`: only those pending or approved (not received, not rejected).
std::vector<PurchasePlan> list_purchase_plans(Context& ctx, bool open);

// Receives an approved plan into `warehouse` (default [parts] default_warehouse): each
// catalogue line is a stock move (receive, reference "purchase PU-..."); the plan is received
// and its urgent request settled. Error(kRuleViolation) without the purchase role, or when the
// plan is not approved (naming who signs), or received already.
PurchasePlan receive_purchase_plan(Context& ctx, const std::string& number,
                                   const std::optional<std::string>& warehouse);

// `part urgent` as typed.
struct UrgentOrder {
  std::string ticket;
  std::string description;  // a catalogue part no., or what is needed
  std::string quantity;
  std::string reason;
};

// Files an urgent part request (表13) for a ticket and raises its approval. Error(kNotFound)
// for an unknown ticket; Error(kInvalidInput) for an empty field or a bad quantity;
// Error(kRuleViolation) without [permissions] parts_request, for a closed or cancelled ticket,
// and for a catalogue part with enough on hand (issue it instead).
UrgentRequest request_urgent_part(Context& ctx, const UrgentOrder& order);

UrgentRequest get_urgent_request(Context& ctx, const std::string& number);

// Stops the SLA clock of the request's ticket while it waits for the part (表13, 停机待件): a
// pause (tickets.h pause_ticket, same checks) whose reason names the request. Error(
// kRuleViolation) when `ticket` is not the request's, or the request is settled or rejected.
Ticket pause_for_urgent_part(Context& ctx, const std::string& ticket, const std::string& request,
                             const std::optional<std::string>& at = std::nullopt);
// The request's ticket when its clock is stopped waiting for the request (its open pause names
// it), so that whoever receives the part can say the ticket may go on.
std::optional<std::string> ticket_waiting_for(Context& ctx, const UrgentRequest& request);
// The same for a received purchase plan: the ticket waiting for the urgent request that raised
// it; none for a plan of a sale.
std::optional<std::string> ticket_waiting_for(Context& ctx, const PurchasePlan& plan);
// Requests in number order; `open`: pending or approved only.
std::vector<UrgentRequest> list_urgent_requests(Context& ctx, bool open);
// The requests filed for one ticket, in number order.
std::vector<UrgentRequest> urgent_requests_of(Context& ctx, const std::string& ticket);

}  // namespace aftersales
