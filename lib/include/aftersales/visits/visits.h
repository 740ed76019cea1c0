// Follow-up visits (回访, 表2): what is due (from the ledger and [visits] of the rulebook, never
// typed), recording a visit with its five scores (`visit record`, numbered VS-YYYY-NNNNNN), the
// visits made, and the counts the reports need (表10: forms filled, after-sales and new-unit
// visits; 保修期内客户回访率; satisfaction per dimension).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/core/ratio.h"
#include "aftersales/core/time.h"
#include "aftersales/visits/visit.h"

namespace aftersales {

struct DueQuery {
  std::optional<std::string> until;  // a date: windows opened by then; default today
  bool overdue = false;              // only those past their last day as of today
  std::optional<std::string> kind;   // shipment, repair, key-customer or maintenance
};

// The open due visits whose window opens by `until`, in the order (due_on, kind, key), kinds in
// the order shipment, repair, key-customer, maintenance; a maintenance reminder the next one
// superseded is left out. days_late as of today. Maintenance is by the model's maintenance_days
// only: its maintenance_km would need a forecast of the odometer between readings.
// Error(kInvalidInput) for a bad date or kind.
std::vector<DueVisit> due_visits(Context& ctx, const DueQuery& query);

// What `visit record` is given, as typed.
struct VisitRequest {
  std::string unit;      // serial; or
  std::string customer;  // customer code (exactly one of the two)
  std::string reason;    // shipment, repair, key-customer, maintenance, other
  std::string scores;    // "S1,S2,S3,S4,S5", each 1-5; empty: no form filled in
  std::string suggestion;
  std::string ticket;  // optional SR- number; of the unit (or of the customer)
  std::string at;      // business time of the call; default now
  std::string by;      // who called; default the acting user
};

// Records a visit (needs [permissions] visits): numbered VS-YYYY-NNNNNN by the year of its day
// (record_sequence 'VS'), audited. It settles one open due visit of the same reason on the unit
// (a key-customer visit: its customer's, or the unit owner's, periods; a repair visit with a
// ticket: that ticket's) whose window opened by the visit's day: the earliest still on time that
// day, else the earliest past its last day; days late = days past that item's last day. A visit
// to a customer settles no unit's due visit. A visit that settles nothing is kept.
// Error(kInvalidInput): both or neither of unit and customer, a bad reason, scores not five
// values of 1-5, a time in the future, a ticket of another unit or customer; Error(kNotFound):
// unknown unit, customer or ticket; Error(kRuleViolation): the role. Nothing is written then.
Visit record_visit(Context& ctx, const VisitRequest& request);

struct VisitQuery {
  std::optional<std::string> month;  // YYYY-MM of the visit's day
  std::optional<std::string> unit;
  std::optional<std::string> customer;
};

// Visits in the order of their time and number, one at a time. Error(kInvalidInput) for a bad
// month; Error(kNotFound) for an unknown unit or customer.
void each_visit(Context& ctx, const VisitQuery& query,
                const std::function<void(const Visit&)>& visit);

// The visit numbered `number`. Error(kNotFound) when there is none.
Visit get_visit(Context& ctx, const std::string& number);

// The visit that settled the follow-up of major repair ticket `ticket`, if any.
std::optional<Visit> repair_visit_of(Context& ctx, const std::string& ticket);

// A calendar span, both days included.
struct Period {
  Date from;
  Date to;
};
Period month_period(int year, int month);
Period year_period(int year);
// "YYYY-MM" or "YYYY". Error(kInvalidInput) otherwise.
Period parse_period(const std::string& text);

struct VisitStats {
  Period period;
  // Due visits whose last day falls in the period; of them, those settled by a visit recorded
  // so far, and those settled on time (by their last day).
  std::int64_t due = 0;
  std::int64_t done = 0;
  std::int64_t done_on_time = 0;
  // Visits made in the period (表10): all, new-unit (shipment), after-sales (repair), and the
  // forms filled in (填写回访表数量: with scores).
  std::int64_t visits = 0;
  std::int64_t new_unit_visits = 0;
  std::int64_t repair_visits = 0;
  std::int64_t forms_filled = 0;
  // 保修期内客户回访率: units in warranty on the last day of a unit visit (new unit, repair,
  // maintenance) due in the period, over those that got every such visit.
  Ratio warranty_visit_rate;
  // 服务满意率 of the forms filled in the period: scores >= [visits] satisfied_min_score, per
  // dimension (表2 order) and over all five.
  std::array<Ratio, kScoreDimensions> satisfaction{};
  Ratio satisfaction_overall;
};

// The visit counts of a month or a year for the reports (issue 12). Reads only.
VisitStats visit_stats(Context& ctx, const Period& period);

}  // namespace aftersales
