// Every due visit of the ledger in a scope (private to lib/src/visits): the one place that
// turns units, key customers and major repairs into due items by the rules of visit_rules.h.
#pragma once

#include <functional>
#include <optional>

#include "aftersales/core/context.h"
#include "aftersales/store/visit_store.h"
#include "aftersales/visits/visit.h"

namespace aftersales {

// Calls `each` for every due visit in `scope` whose window opens by `until`, settled or not
// (`visit` names the settling visit), superseded maintenance reminders included (marked), with
// days_late as of `today` for the open ones and as recorded for the settled ones. Order: units
// (shipment, maintenance) by serial, then repairs by ticket, then key customers by code.
// With `due_from`, the items whose last day is before it are left out before their settling
// visit is looked up (a month's statistics need the month's items only).
void each_due_visit(Context& ctx, const VisitScope& scope, Date until, Date today,
                    const std::function<void(const DueVisit&)>& each,
                    std::optional<Date> due_from = std::nullopt);

}  // namespace aftersales
