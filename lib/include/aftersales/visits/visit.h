// The follow-up visit (回访, 产品使用情况征询意见表, 表2 form JL-7.2-04) as a record, and a
// visit that is due: what the rulebook asks for (new units, key customers, major warranty
// repairs, maintenance), derived from the ledger, never typed.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "aftersales/core/time.h"
#include "aftersales/visits/scores.h"

namespace aftersales {

// Why a visit is made; every reason but kOther is also the kind of a due visit.
enum class VisitReason { kShipment, kRepair, kKeyCustomer, kMaintenance, kOther };

// `shipment`, `repair`, `key-customer`, `maintenance`, `other`.
const char* visit_reason_name(VisitReason reason);
std::optional<VisitReason> parse_visit_reason(const std::string& name);

// One follow-up call (表2).
struct Visit {
  std::int64_t id = 0;
  std::string number;    // VS-YYYY-NNNNNN, by the year of the visit's business date
  std::string serial;    // the unit; empty for a visit to the customer
  std::string customer;  // customer code: the unit's owner when visited, or the one called
  VisitReason reason = VisitReason::kOther;
  std::string ticket;  // SR- number, optional
  Timestamp visited_at;
  Date visited_on;               // local date of visited_at
  std::string visited_by;        // who called (default: the acting user)
  std::optional<Scores> scores;  // nullopt: no form filled in
  std::string suggestion;        // 改进建议和要求
  // The due visit it settled (same reason): its key, last day and how late; empty key: none.
  std::string settled_key;
  std::optional<Date> settled_due_on;
  int days_late = 0;
  Timestamp recorded_at;  // real time of the record
  std::string recorded_by;
};

// A visit the rulebook asks for. Its key names it among the visits of its kind: the serial
// (shipment), the ticket (repair), `CODE YYYY-P` (key-customer, period P of the year) or
// `SERIAL #N` (maintenance, the Nth interval since shipping).
struct DueVisit {
  VisitReason kind = VisitReason::kShipment;
  std::string key;
  std::string serial;    // the unit; empty for key-customer
  std::string customer;  // the customer called: the unit's owner, or the key customer
  std::string ticket;    // repair: the SR- number
  std::string why;       // e.g. "new unit shipped 2026-06-01 (表2: within 10 days)"
  Date opens_on;         // the window opens
  Date due_on;           // the last day on time
  int days_late = 0;     // as of today; 0 when not past due_on (or settled on time)
  // A maintenance reminder the next one replaced (its window opened); listed no more.
  bool superseded = false;
  std::string visit;  // the VS- number that settled it; empty while open
};

}  // namespace aftersales
