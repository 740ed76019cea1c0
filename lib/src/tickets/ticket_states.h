// The ticket's one state machine: which action is allowed from which state, and where it
// leads (private to lib/src).
//
//   registered --analyse--> analysed --start--> in_service --record--> signed_off --close--> closed
//        |                   |  ^  estimate, quote, waive, analyse;      |
//        |                   |  '-- an approval rejected (back to analysis)
//        '---- pause <-> resume (registered, analysed, in_service <-> paused) ----'
//   cancel: from registered, analysed, in_service or paused.
//   resolve (settled on the phone, no site visit): from registered or analysed.
//   record again (a corrected version of 表6): while signed off.
#pragma once

#include <string>
#include <vector>

#include "aftersales/tickets/ticket.h"

namespace aftersales {

enum class TicketAction {
  kAssign,
  kAnalyse,
  kEstimate,
  kQuote,
  kWaive,
  kStart,
  kPause,
  kResume,
  kRecord,
  kClose,
  kCancel,
  kResolve,
};

const char* action_name(TicketAction action);

// The actions allowed from `state`, by name, in a stable order.
std::vector<std::string> allowed_actions(TicketState state);

// The next steps `ticket show` offers: the actions allowed from the ticket's state that fit
// its coverage (a free repair is asked only for a paid ticket not free already).
std::vector<std::string> next_steps(const Ticket& ticket);

// Whether a ticket in `state` holds the work record signed and sealed by the customer (表6:
// no ticket is closed without it): the states `record` leads to, signed off and closed. A call
// resolved on the phone (resolved) had no site visit and needs none.
bool requires_signed_record(TicketState state);

// Throws Error(kRuleViolation) when `action` is not allowed from the ticket's state, naming
// the allowed next steps and, when given, `why` (the rule behind the state machine).
void require_allowed(const Ticket& ticket, TicketAction action, const std::string& why = {});

}  // namespace aftersales
