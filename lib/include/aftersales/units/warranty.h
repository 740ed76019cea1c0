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

// The largest odometer reading taken as typed (km); more is a typing error.
inline constexpr std::int64_t kMaxOdometerKm = 10'000'000;

// A reading that a new one contradicts (odometer_conflict): `reading` was taken at or before
// the new one and is above it (`later` false), or was taken after it and is below it (`later`
// true).
struct OdometerConflict {
  OdometerReading reading;
  bool later = false;
};

// Odometer readings of a unit never go backwards in time (DOMAIN.md, Ticket, 表6). A new reading
// of `km` taken at `at` may be below no reading of `readings` taken at or before `at`, and above
// no reading taken after `at`; an equal reading is fine on either side. Returns the reading it
// contradicts: the highest earlier reading above `km` first, else the lowest later reading below
// it; nullopt when it fits. Pure: `readings` are every other reading of the unit (the unit
// record's and every ticket's: odometer_readings in units/units.h); leave out the one the new
// reading replaces (the ticket being changed). Used by `ticket open`, ticket import and
// `unit edit --km`; `ticket record --km` is to call it the same way.
std::optional<OdometerConflict> odometer_conflict(const std::vector<OdometerReading>& readings,
                                                  std::int64_t km, Timestamp at);

// The conflict as the reason of a refusal (for the field "km"), naming the reading it contradicts,
// when and where: "89999 km is below the reading of 90000 km taken on 2026-11-20 (unit record);
// odometer readings never go backwards".
std::string odometer_conflict_text(const OdometerConflict& conflict, std::int64_t km,
                                   UtcOffset zone);

// The warranty of `unit` of `model` on `day`, with the odometer reading `km` when known
// (else the unit's last known reading, unless it was taken after `day`). Start: acceptance, else
// ship date; end: the unit's contract end when set, else start + the model's months - 1 day. Over
// the model's km limit is out of warranty whatever the date; with a limit but no reading, the date
// decides.
WarrantyStatus warranty_on(const Unit& unit, const Model& model, Date day,
                           std::optional<std::int64_t> km = std::nullopt);

}  // namespace aftersales
