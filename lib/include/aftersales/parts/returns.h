// Returned failed parts (退库单, 表12): a part replaced on a ticket whose unit price is over
// [parts] return_over (单价超过50元) comes back to the factory for quality analysis. Each owed
// return is a line (ticket, part, quantity, owed since the work record's finish); the warehouse
// records it came back (`part return`, numbered RT-YYYY-NNNNNN by the year it came back), QC
// inspects it (`part inspect`, [permissions] returns_inspection), then the warehouse books it
// into [parts] defective_warehouse (`part book`, a stock move of kind return). Booking is a step
// of its own because the seed gives it to the warehouse after QC (质检部检验后, 库房办理退库).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "aftersales/core/context.h"
#include "aftersales/core/money.h"
#include "aftersales/core/time.h"
#include "aftersales/rules/rules.h"

namespace aftersales {

enum class InspectionResult { kPass, kFail };
const char* inspection_result_name(InspectionResult result);  // "pass", "fail"

// One owed return (表12 line).
struct PartReturn {
  std::int64_t id = 0;  // the line, as `part return LINE` names it
  std::string ticket;   // SR- number
  std::string serial;   // the unit the part came off
  std::string part;     // part no.
  std::string part_name;
  std::int64_t quantity = 0;
  Money unit_price;
  Date owed_since;                  // local date the work record says the work finished
  std::optional<Date> received_on;  // came back
  std::string number;               // RT-YYYY-NNNNNN once received
  bool wrong = false;  // a wrong part had been shipped (配件出货正确率 counts it)
  std::optional<InspectionResult> result;  // QC's verdict
  std::string inspection_note;
  std::string inspected_by;
  std::optional<std::int64_t> move_id;  // the stock move that booked it into the warehouse
};

// 表12: a replaced part owes a return when its unit price is over [parts] return_over; strictly
// over: 50.00 owes nothing, 50.01 owes. Pure.
bool owes_return(const Rules& rules, Money unit_price);

// The last day a return owed since `owed_since` is on time: day 0 is the finish, day
// [parts] return_overdue_days is on time, the day after is late. Pure.
Date return_due_on(const Rules& rules, Date owed_since);

// Overdue as of `today`: not back and today is after return_due_on. Pure.
bool return_overdue(const Rules& rules, const PartReturn& line, Date today);

struct ReturnQuery {
  bool overdue = false;  // only lines not back and past their due day, as of today
};

// Owed returns in line order, one at a time.
void each_part_return(Context& ctx, const ReturnQuery& query,
                      const std::function<void(const PartReturn&)>& visit);

// Records that line `line` came back on `received` (a date, not before it was owed, not in the
// future), and whether it came back as a wrong part. Needs [permissions] parts_stock.
// Error(kNotFound) for an unknown line; Error(kRuleViolation) when it came back already.
PartReturn receive_part_return(Context& ctx, const std::string& line, const std::string& received,
                               bool wrong);

// QC's inspection (pass or fail, with a note) of a return that came back; RETURN is its RT-
// number or its line. Needs [permissions] returns_inspection. Error(kRuleViolation) when it has
// not come back or was inspected already.
PartReturn inspect_part_return(Context& ctx, const std::string& ret, const std::string& result,
                               const std::string& note);

// The warehouse books an inspected return into [parts] defective_warehouse (办理退库): a stock
// move of kind return, referenced "表12 RT-...". Needs [permissions] parts_stock.
// Error(kRuleViolation) before QC inspected it, or when it was booked already.
PartReturn book_part_return(Context& ctx, const std::string& ret);

// Wrong parts shipped, by the day they came back in [from, to], for the part shipment accuracy
// KPI (配件出货正确率): the count of returns marked wrong.
std::int64_t wrong_parts_received(Context& ctx, Date from, Date to);

}  // namespace aftersales
