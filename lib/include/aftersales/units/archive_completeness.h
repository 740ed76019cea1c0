// Whether a factory archive (表1) is complete: the seed wants it filed within 2 days of
// shipping (产品出厂后, 2日内要制成电子存档).
#pragma once

#include <string>
#include <vector>

#include "aftersales/customers/customer.h"
#include "aftersales/units/unit.h"

namespace aftersales {

// The required fields the archive lacks, by field name: vin, engine, config, terms, contact,
// phone (serial, model, ship date and customer are always present). The contact person and
// phone may come from the unit or from its customer. Empty when complete.
std::vector<std::string> missing_archive_fields(const Unit& unit, const Customer& customer);

}  // namespace aftersales
