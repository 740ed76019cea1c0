// Names of ticket states, coverage and cost kinds, as stored and printed.
#include "aftersales/tickets/ticket.h"

namespace aftersales {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_name(const std::string& name, const Enum (&all)[N],
                               const char* (*name_of)(Enum)) {
  for (Enum value : all) {
    if (name == name_of(value)) return value;
  }
  return std::nullopt;
}

}  // namespace

const char* state_name(TicketState state) {
  switch (state) {
    case TicketState::kRegistered:
      return "registered";
    case TicketState::kAnalysed:
      return "analysed";
    case TicketState::kInService:
      return "in_service";
    case TicketState::kPaused:
      return "paused";
    case TicketState::kSignedOff:
      return "signed_off";
    case TicketState::kClosed:
      return "closed";
    case TicketState::kCancelled:
      return "cancelled";
    case TicketState::kResolved:
      return "resolved";
  }
  return "registered";
}

std::optional<TicketState> parse_state(const std::string& name) {
  constexpr TicketState kAll[] = {TicketState::kRegistered, TicketState::kAnalysed,
                                  TicketState::kInService,  TicketState::kPaused,
                                  TicketState::kSignedOff,  TicketState::kClosed,
                                  TicketState::kCancelled,  TicketState::kResolved};
  return parse_name(name, kAll, state_name);
}

const char* coverage_name(Coverage coverage) {
  return coverage == Coverage::kWarranty ? "warranty" : "paid";
}

std::optional<Coverage> parse_coverage(const std::string& name) {
  constexpr Coverage kAll[] = {Coverage::kWarranty, Coverage::kPaid};
  return parse_name(name, kAll, coverage_name);
}

const char* cost_kind_name(CostKind kind) {
  switch (kind) {
    case CostKind::kWork:
      return "work";
    case CostKind::kPart:
      return "part";
    case CostKind::kTravel:
      return "travel";
  }
  return "work";
}

std::optional<CostKind> parse_cost_kind(const std::string& name) {
  constexpr CostKind kAll[] = {CostKind::kWork, CostKind::kPart, CostKind::kTravel};
  return parse_name(name, kAll, cost_kind_name);
}

}  // namespace aftersales
