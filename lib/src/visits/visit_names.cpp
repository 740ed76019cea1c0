// The names of visit reasons.
#include <array>

#include "aftersales/visits/visit.h"

namespace aftersales {
namespace {

constexpr std::array<const char*, 5> kReasonNames = {"shipment", "repair", "key-customer",
                                                     "maintenance", "other"};

}  // namespace

const char* visit_reason_name(VisitReason reason) {
  return kReasonNames[static_cast<std::size_t>(reason)];
}

std::optional<VisitReason> parse_visit_reason(const std::string& name) {
  for (std::size_t i = 0; i < kReasonNames.size(); ++i) {
    if (name == kReasonNames[i]) return static_cast<VisitReason>(i);
  }
  return std::nullopt;
}

}  // namespace aftersales
