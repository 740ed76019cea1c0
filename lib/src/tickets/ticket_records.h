// Shared by the ticket core's files (private to lib/src): loading, saving with an audit line,
// and reading money amounts.
#pragma once

#include <string>

#include "aftersales/core/context.h"
#include "aftersales/core/validation.h"
#include "aftersales/tickets/ticket.h"
#include "aftersales/tickets/ticket_rules.h"
#include "audit/audit_json.h"

namespace aftersales {

AuditJson ticket_json(const Ticket& ticket);
AuditJson lines_json(const std::vector<CostLine>& lines);

// The ticket by number, for a change: Error(kNotFound) when missing.
Ticket load_ticket(Context& ctx, const std::string& number);

// Writes `after` and one audit line `action` with the fields that changed since `before`;
// `extra_before` / `extra_after` add fields kept elsewhere (the cost lines).
void save_ticket(Context& ctx, const Ticket& before, const Ticket& after, const std::string& action,
                 const AuditJson& extra_before = AuditJson::object(),
                 const AuditJson& extra_after = AuditJson::object());

// quantity (x1000) x unit price, rounded half up to the fen. Error(kInvalidInput) when it
// overflows.
Money line_amount(std::int64_t quantity_milli, Money unit_price);

}  // namespace aftersales
