// The ticket's one state machine: which action is allowed from which state, and where it
// leads (private to lib/src).
//
//   registered --analyse--> analysed --start--> in_service --record--> signed_off --close--> closed
//        |                   |  ^  estimate, quote, waive, analyse;      |
//        |                   |  '-- an approval rejected (back to analysis)
//        '---- pause <-> resume (registered, analysed, in_service <-> paused) ----'
//   cancel: from registered, analysed, in_service or paused.
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
};

const char* action_name(TicketAction action);

// The actions allowed from `state`, by name, in a stable order.
std::vector<std::string> allowed_actions(TicketState state);

// Whether a ticket in `state` holds the work record signed and sealed by the customer (表6:
// no ticket is closed without it): the states `record` leads to, signed off and closed. (A
// call resolved remotely, when built, is closed without a site visit and needs none.)
bool requires_signed_record(TicketState state);

// Throws Error(kRuleViolation) when `action` is not allowed from the ticket's state, naming
// the allowed next steps and, when given, `why` (the rule behind the state machine).
void require_allowed(const Ticket& ticket, TicketAction action, const std::string& why = {});

}  // namespace aftersales
