// Purchase plans (采购计划) and urgent part requests (急需备件申请表, 表13), DOMAIN.md Part.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/time.h"

namespace aftersales {

// Where a plan or an urgent request stands: waiting for its approval, approved, rejected, or
// received (the parts came in; for a request: settled).
enum class ProcurementState { kPending, kApproved, kRejected, kReceived };

const char* procurement_state_name(ProcurementState state);
std::optional<ProcurementState> parse_procurement_state(const std::string& name);

struct PlanLine {
  std::optional<std::string> part;  // part no.; none for a part not in the catalogue (表13)
  std::string description;          // the part's name, or what the request described
  std::int64_t quantity = 0;
};

struct PurchasePlan {
  std::int64_t id = 0;
  std::string number;  // PU-YYYY-NNNNNN
  std::string origin;  // the sale (PS-) or urgent request (UR-) that raised it
  ProcurementState state = ProcurementState::kPending;
  Timestamp raised_at;
  std::string raised_by;
  std::optional<Timestamp> received_at;
  std::string received_by;
  std::string warehouse;  // where it was received
  std::vector<PlanLine> lines;
};

struct UrgentRequest {
  std::int64_t id = 0;
  std::string number;  // UR-YYYY-NNNNNN
  std::string ticket;  // SR- number
  std::string description;
  std::optional<std::string> part;  // when the description is a catalogue part no.
  std::int64_t quantity = 0;
  std::string reason;
  ProcurementState state = ProcurementState::kPending;
  Timestamp requested_at;
  std::string requested_by;
  std::string plan;  // the PU- plan it became once approved
};

}  // namespace aftersales
