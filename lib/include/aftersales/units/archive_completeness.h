// Whether a factory archive (表1) is complete, and when it became so: the seed wants it filed
// within 2 days of shipping (产品出厂后, 2日内要制成电子存档; R21, [archive]
// complete_within_days). Pure: no store, no clock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/time.h"
#include "aftersales/customers/customer.h"
#include "aftersales/units/unit.h"

namespace aftersales {

// The required fields the archive lacks, by field name: vin, engine, config, terms, contact,
// phone (serial, model, ship date and customer are always present). The contact person and
// phone may come from the unit or from its customer. Empty when complete.
std::vector<std::string> missing_archive_fields(const Unit& unit, const Customer& customer);

// Unit::completed_at after a change: `now` when the archive was incomplete (or new) and the
// change completes it; the time it had when it was complete before and still is; nullopt when
// the change leaves it incomplete.
std::optional<Timestamp> completed_after_change(bool complete_before,
                                                const std::optional<Timestamp>& completed_before,
                                                bool complete_after, Timestamp now);

// How many days after the filing window an archive became complete: the day it became complete
// counted from the ship date (day 0) beyond `within_days`. Day `within_days` is on time (0),
// the day after is late by 1; a unit completed 9 days after shipping with 2 days allowed is 7
// days late. Never negative.
int archive_days_late(Date shipped_on, Date completed_on, int within_days);

}  // namespace aftersales
