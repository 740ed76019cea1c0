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
// `only` leaves items out before their settling visit is looked up: a month's statistics need
// the items due in the month, the list of visits due the reminders not yet superseded.
struct DueFilter {
  std::optional<Date> due_from;  // last day on or after
  std::optional<Date> due_to;    // last day on or before
  bool superseded = true;        // maintenance reminders with a later one open by `until`
};

void each_due_visit(Context& ctx, const VisitScope& scope, Date until, Date today,
                    const std::function<void(const DueVisit&)>& each, const DueFilter& only = {});

}  // namespace aftersales
