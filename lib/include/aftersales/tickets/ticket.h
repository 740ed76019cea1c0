// The service request (售后服务申请单, 表3) and what hangs on it: cost lines (表5 and the
// paid repair's 维修项目表), pauses of the SLA clock, and the signed work record (表6).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/money.h"
#include "aftersales/core/time.h"

namespace aftersales {

// registered -> analysed -> (approvals) -> in_service <-> paused -> signed_off -> closed;
// cancelled from any state before signed_off; resolved (settled on the phone, no site visit)
// from registered or analysed. See tickets/ticket_states.h for the moves.
enum class TicketState {
  kRegistered,
  kAnalysed,
  kInService,
  kPaused,
  kSignedOff,
  kClosed,
  kCancelled,
  kResolved
};

// 三包/保内 or 保外, decided at intake by the unit's warranty and frozen.
enum class Coverage { kWarranty, kPaid };

enum class CostKind { kWork, kPart, kTravel };

const char* state_name(TicketState state);
std::optional<TicketState> parse_state(const std::string& name);
const char* coverage_name(Coverage coverage);
std::optional<Coverage> parse_coverage(const std::string& name);
const char* cost_kind_name(CostKind kind);
std::optional<CostKind> parse_cost_kind(const std::string& name);

struct CostLine {
  CostKind kind = CostKind::kWork;
  std::string description;
  std::int64_t quantity_milli = 1000;  // quantity x 1000 (hours or pieces, up to 3 decimals)
  Money unit_price;
  Money amount;  // quantity x unit price, rounded half up to the fen
  Coverage coverage = Coverage::kWarranty;
};

// A stop of the SLA clock (waiting for parts or for the customer).
struct Pause {
  Timestamp from;
  std::optional<Timestamp> to;  // open while paused
  std::string reason;
};

// A part used on site (表6 parts used): the catalogue's part at its unit price when recorded.
struct PartUsed {
  std::string part;  // part no.
  std::string name;
  std::int64_t quantity = 0;  // pieces, over 0
  Money unit_price;
  bool major = false;  // 重要部件: its replacement goes into the unit's archive (表1)
};

// 售后服务现场工作记录 (表6), signed and sealed by the customer (签字盖章).
struct WorkRecord {
  std::vector<std::string> technicians;
  Timestamp arrived;
  Timestamp finished;
  std::string work_done;
  std::optional<std::int64_t> labour_hours_centi;  // hours x 100
  std::optional<Money> travel;
  std::string signed_by;
  Timestamp signed_at;
  bool sealed = false;
  std::optional<std::int64_t> km;  // the odometer on site
  std::vector<PartUsed> parts;     // parts used, one line per part no. (`--part PARTNO:QTY`)
  int version = 1;                 // corrected until the ticket closes: 2, 3, ...
};

// A version of the work record that a correction replaced, with who replaced it and when.
struct ReplacedWorkRecord {
  WorkRecord record;
  Timestamp replaced_at;
  std::string replaced_by;
};

struct Ticket {
  std::int64_t id = 0;
  std::string number;  // SR-YYYY-NNNNNN
  std::string serial;
  std::string customer_code;  // the unit's owner at intake
  std::string channel;
  std::string category;
  std::string description;
  Timestamp reported_at;
  std::optional<std::int64_t> km;
  Coverage coverage = Coverage::kWarranty;
  std::string coverage_reason;  // why, as decided at intake
  std::string priority;
  Timestamp due_at;  // reported + the priority's response limit
  TicketState state = TicketState::kRegistered;
  TicketState resume_state = TicketState::kRegistered;  // where resume returns to
  std::string assignee;
  std::string analysis;
  bool needs_factory = false;             // 表4 repair notice
  bool quality_claim = false;             // the analysis suspects a quality defect
  std::optional<bool> quality_confirmed;  // tech_dept's answer
  bool waiver_requested = false;
  std::string waiver_reason;
  bool free_repair = false;     // the GM approved a free repair outside warranty
  bool itemised = false;        // the lines come from an itemised quotation (维修项目表)
  std::string contract_no;      // 维修合同
  std::string returned_reason;  // why an approval sent it back to analysis
  std::string cancel_reason;
  std::string advice;                // a call resolved on the phone: what the customer was told
  std::optional<Date> visit_due_on;  // follow-up after a major warranty repair (表2)
  std::string opened_by;
};

}  // namespace aftersales
