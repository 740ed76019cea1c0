// Warranty of a unit (三包): when it starts and ends, and whether it covers a given day and
// odometer reading. The same rule decides a ticket's coverage at intake.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "aftersales/core/time.h"
#include "aftersales/models/model.h"
#include "aftersales/units/unit.h"

namespace aftersales {

struct WarrantyStatus {
  Date start;                      // acceptance (用户验收单), else the ship date
  Date end;                        // inclusive
  bool end_from_contract = false;  // the unit's own contract end, not the model's months
  bool within_date = false;        // the day is on or before `end`
  std::optional<bool> within_km;   // only when the model has a km limit and a reading is known
  bool covered = false;            // within date and not over the km limit
  std::string reason;              // e.g. "until 2026-02-28; 12,000 of 100,000 km"
};

// The warranty of `unit` of `model` on `day`, with the odometer reading `km` when known
// (else the unit's last known reading). Start: acceptance, else ship date; end: the unit's
// contract end when set, else start + the model's months - 1 day. Over the model's km limit
// is out of warranty whatever the date; with a limit but no reading, the date decides.
WarrantyStatus warranty_on(const Unit& unit, const Model& model, Date day,
                           std::optional<std::int64_t> km = std::nullopt);

}  // namespace aftersales
