// How follow-up visits (表2) read on screen and in files: what is due, the visits made, one
// visit whole, and a unit's visits in its archive (`unit show`).
#pragma once

#include <string>
#include <vector>

#include "aftersales/io/table.h"
#include "aftersales/rules/rules.h"
#include "aftersales/visits/visits.h"

namespace aftersales::cli {

// The columns of `visit due`, and one row per due visit: kind, key, unit, customer, ticket,
// why, opens_on, due_on (the last day on time), days_late (as of today).
Table due_visit_table();
void add_due_visit_row(Table& table, const DueVisit& item);

// The columns of `visit list`, and one row per visit: its number, day, reason, unit, customer,
// ticket, the five scores of 表2 (empty when no form was filled in), suggestion, the due visit
// it settled with its last day, days late and on time, who called.
Table visit_table();
void add_visit_row(Table& table, const Visit& visit);
// One visit's row of visit_table(), for a list that streams.
std::vector<Cell> visit_row(const Visit& v);

// `visit show`: every field of one visit.
RecordView visit_record_view(const Visit& visit, const Rules& rules);

// Adds the table `visits` (回访 表2) to a unit's archive view, before its changes.
void add_unit_visits(RecordView& archive, const std::vector<Visit>& visits);

// One line on stderr after recording: "visit VS-2026-000001 of unit HY2026-0601 (shipment):
// settles HY2026-0601, on time (last day 2026-06-11)" or "...: settles no due visit".
std::string visit_text(const Visit& visit);

// The ticket's follow-up line: "VS-2026-000003 on 2026-12-01, on time" or "..., 2 days late".
std::string follow_up_text(const Visit& visit);

}  // namespace aftersales::cli
