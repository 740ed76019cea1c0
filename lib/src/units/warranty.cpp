// Warranty start, end and coverage (三包; DOMAIN.md "warranty end").
#include "aftersales/units/warranty.h"

#include <fmt/format.h>

namespace aftersales {
namespace {

std::string thousands(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace

WarrantyStatus warranty_on(const Unit& unit, const Model& model, Date day,
                           std::optional<std::int64_t> km) {
  WarrantyStatus status;
  status.start = unit.accepted_on.value_or(unit.shipped_on);
  status.end_from_contract = unit.contract_warranty_end.has_value();
  status.end =
      unit.contract_warranty_end.value_or(warranty_end(status.start, model.warranty_months));
  status.within_date = day <= status.end;
  status.reason = fmt::format(
      "{} {} ({})", status.within_date ? "until" : "ended", format_date(status.end),
      status.end_from_contract ? "the unit's contract"
                               : fmt::format("{} months from {}", model.warranty_months,
                                             unit.accepted_on ? "acceptance" : "shipping"));
  // A reading taken after `day` is not used for that earlier day.
  const bool unit_reading_usable = !unit.odometer_on || *unit.odometer_on <= day;
  const std::optional<std::int64_t> reading = km                    ? km
                                              : unit_reading_usable ? unit.odometer_km
                                                                    : std::nullopt;
  if (model.warranty_km) {
    if (reading) {
      status.within_km = *reading <= *model.warranty_km;
      status.reason +=
          fmt::format("; {} of {} km", thousands(*reading), thousands(*model.warranty_km));
    } else {
      status.reason +=
          fmt::format("; mileage unknown (limit {} km)", thousands(*model.warranty_km));
    }
  }
  status.covered = status.within_date && status.within_km.value_or(true);
  return status;
}

std::optional<OdometerConflict> odometer_conflict(const std::vector<OdometerReading>& readings,
                                                  std::int64_t km, Timestamp at) {
  std::optional<OdometerConflict> earlier_above;
  std::optional<OdometerConflict> later_below;
  for (const OdometerReading& reading : readings) {
    if (reading.at <= at) {
      if (reading.km > km && (!earlier_above || earlier_above->reading.km < reading.km)) {
        earlier_above = OdometerConflict{reading, false};
      }
    } else if (reading.km < km && (!later_below || reading.km < later_below->reading.km)) {
      later_below = OdometerConflict{reading, true};
    }
  }
  return earlier_above ? earlier_above : later_below;
}

std::string odometer_conflict_text(const OdometerConflict& conflict, std::int64_t km,
                                   UtcOffset zone) {
  const OdometerReading& reading = conflict.reading;
  const std::string where = reading.ticket.empty() ? "unit record"
                            : reading.on_site      ? "work record of ticket " + reading.ticket
                                                   : "ticket " + reading.ticket;
  // The unit record keeps the day of its reading, a ticket the time it was reported.
  const std::string when = reading.ticket.empty()
                               ? "on " + format_date(local_date(reading.at, zone))
                               : "at " + format_timestamp(reading.at, zone);
  return fmt::format(
      "{} km is {} the reading of {} km taken {}{} ({}); odometer readings never go backwards", km,
      conflict.later ? "above" : "below", reading.km, conflict.later ? "later, " : "", when, where);
}

}  // namespace aftersales
