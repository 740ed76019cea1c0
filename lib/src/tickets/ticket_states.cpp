#include "tickets/ticket_states.h"

#include <fmt/format.h>
#include <algorithm>

#include "aftersales/core/error.h"

namespace aftersales {
namespace {

struct Move {
  TicketAction action;
  std::vector<TicketState> from;
};

const std::vector<Move>& moves() {
  using S = TicketState;
  const std::vector<S> open = {S::kRegistered, S::kAnalysed, S::kInService, S::kPaused};
  static const std::vector<Move> all = {
      {TicketAction::kAnalyse, {S::kRegistered, S::kAnalysed}},
      {TicketAction::kEstimate, {S::kAnalysed}},
      {TicketAction::kQuote, {S::kAnalysed}},
      {TicketAction::kWaive, {S::kAnalysed}},
      {TicketAction::kStart, {S::kAnalysed}},
      {TicketAction::kPause, {S::kRegistered, S::kAnalysed, S::kInService}},
      {TicketAction::kResume, {S::kPaused}},
      {TicketAction::kRecord, {S::kInService, S::kSignedOff}},
      {TicketAction::kClose, {S::kSignedOff}},
      {TicketAction::kCancel, open},
      {TicketAction::kAssign, open},
      {TicketAction::kResolve, {S::kRegistered, S::kAnalysed}},
  };
  return all;
}

}  // namespace

const char* action_name(TicketAction action) {
  switch (action) {
    case TicketAction::kAssign:
      return "assign";
    case TicketAction::kAnalyse:
      return "analyse";
    case TicketAction::kEstimate:
      return "estimate";
    case TicketAction::kQuote:
      return "quote";
    case TicketAction::kWaive:
      return "waive";
    case TicketAction::kStart:
      return "start";
    case TicketAction::kPause:
      return "pause";
    case TicketAction::kResume:
      return "resume";
    case TicketAction::kRecord:
      return "record";
    case TicketAction::kClose:
      return "close";
    case TicketAction::kCancel:
      return "cancel";
    case TicketAction::kResolve:
      return "resolve";
  }
  return "?";
}

std::vector<std::string> allowed_actions(TicketState state) {
  std::vector<std::string> names;
  for (const Move& move : moves()) {
    if (std::find(move.from.begin(), move.from.end(), state) != move.from.end()) {
      names.push_back(action_name(move.action));
    }
  }
  return names;
}

std::vector<std::string> next_steps(const Ticket& ticket) {
  std::vector<std::string> steps;
  const bool may_waive = ticket.coverage == Coverage::kPaid && !ticket.free_repair;
  for (std::string& step : allowed_actions(ticket.state)) {
    if (step == action_name(TicketAction::kWaive) && !may_waive) continue;
    steps.push_back(std::move(step));
  }
  return steps;
}

bool requires_signed_record(TicketState state) {
  return state == TicketState::kSignedOff || state == TicketState::kClosed;
}

void require_allowed(const Ticket& ticket, TicketAction action, const std::string& why) {
  for (const Move& move : moves()) {
    if (move.action != action) continue;
    if (std::find(move.from.begin(), move.from.end(), ticket.state) != move.from.end()) return;
  }
  const std::vector<std::string> allowed = next_steps(ticket);
  throw Error(ErrorCode::kRuleViolation,
              fmt::format("refused: ticket {} is {}; it cannot {} now{}", ticket.number,
                          state_name(ticket.state), action_name(action),
                          why.empty() ? std::string() : ": " + why),
              allowed.empty() ? std::string("the ticket is finished; nothing more can be done")
                              : fmt::format("allowed next steps: {}", fmt::join(allowed, ", ")));
}

}  // namespace aftersales
