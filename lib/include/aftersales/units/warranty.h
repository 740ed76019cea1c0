// Warranty of a unit (三包): when it starts and ends, and whether it covers a given day and
// odometer reading. The same rule decides a ticket's coverage at intake.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

// One odometer reading of a unit: km on a day, and where it was taken (e.g. "unit edit",
// "ticket SR-2026-000003").
struct OdometerReading {
  std::int64_t km = 0;
  Date on;
  std::string source;
};

// Odometer readings of a unit never go backwards in time (DOMAIN.md, Ticket, 表6). Returns the
// highest of `readings` taken on or before `on` that is above `km` (the reading a new one of
// `km` on `on` would go back from), nullopt when `km` is at least every such reading. Readings
// taken after `on` are not considered: a later reading says nothing about an earlier report.
std::optional<OdometerReading> earlier_reading_above(const std::vector<OdometerReading>& readings,
                                                     std::int64_t km, Date on);

// The warranty of `unit` of `model` on `day`, with the odometer reading `km` when known
// (else the unit's last known reading, unless it was taken after `day`). Start: acceptance, else
// ship date; end: the unit's contract end when set, else start + the model's months - 1 day. Over
// the model's km limit is out of warranty whatever the date; with a limit but no reading, the date
// decides.
WarrantyStatus warranty_on(const Unit& unit, const Model& model, Date day,
                           std::optional<std::int64_t> km = std::nullopt);

}  // namespace aftersales
