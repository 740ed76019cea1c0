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

std::optional<OdometerReading> earlier_reading_above(const std::vector<OdometerReading>& readings,
                                                     std::int64_t km, Date on) {
  std::optional<OdometerReading> above;
  for (const OdometerReading& reading : readings) {
    if (on < reading.on || reading.km <= km) continue;
    if (!above || above->km < reading.km) above = reading;
  }
  return above;
}

}  // namespace aftersales
