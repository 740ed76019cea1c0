// What must hold before the service starts, and the SLA clock (private to lib/src).
#pragma once

#include <optional>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/rules/rules.h"
#include "aftersales/tickets/tickets.h"

namespace aftersales {

// Every condition for `ticket start`, satisfied or not, from the rules (表4, 表5, paid repair,
// large paid repair, free repair, quality confirmation outside warranty). `approvals` are the
// ticket's approvals that are not void.
std::vector<StartRequirement> start_requirements(const Rules& rules, const Ticket& ticket,
                                                 const std::vector<CostLine>& lines,
                                                 const std::vector<Approval>& approvals);

// The ticket against its priority's response limit at `now`, not counting paused time before
// the arrival (or before now when not arrived): the due time moved by those pauses, and once
// arrived whether it was on time (DOMAIN.md, Ticket: 保修内服务及时率).
SlaStatus sla_status(const Rules& rules, const Ticket& ticket, const std::vector<Pause>& pauses,
                     const std::optional<WorkRecord>& record, Timestamp now);

}  // namespace aftersales
