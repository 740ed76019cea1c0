// The names of a unit's numbers, as unit add/edit name the fields.
#include "aftersales/units/unit.h"

namespace aftersales {

const char* unit_number_name(UnitNumber number) {
  switch (number) {
    case UnitNumber::kSerial:
      return "serial";
    case UnitNumber::kVin:
      return "vin";
    case UnitNumber::kPlate:
      return "plate";
    case UnitNumber::kEngine:
      return "engine";
  }
  return "serial";
}

}  // namespace aftersales
