// Keeping Unit::completed_at (R21) through every change that can complete an archive or leave
// it incomplete (private to lib/src): a unit's addition, edit, import or revert, and a change
// of its customer's contact or phone. Each runs inside the change's Store::write.
#pragma once

#include <optional>

#include "aftersales/core/context.h"
#include "aftersales/customers/customer.h"
#include "aftersales/units/unit.h"

namespace aftersales {

// Sets `after.completed_at` for a change from `before` (nullopt: a new unit) to `after`, at the
// business time now. Reads the owners from the store; an owner missing counts as no contact.
void date_unit_completion(Context& ctx, const std::optional<Unit>& before, Unit& after);

// After a customer changed from `before` to `after`: dates the archives of its units that the
// change completed and clears those it left incomplete, touching nothing else of the units.
void date_customer_units(Context& ctx, const Customer& before, const Customer& after);

}  // namespace aftersales
