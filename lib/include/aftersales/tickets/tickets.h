// Service requests (售后服务申请单, 表3) from intake to close: coverage frozen at intake, one
// state machine, analysis (表4 repair notice, quality defect), costs (表5 budget, paid
// repairs), the SLA clock, and the customer-signed work record (表6). Every change is audited;
// a move the state machine does not allow is refused with Error(kRuleViolation) naming the
// allowed next steps.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/attachments/attachment.h"
#include "aftersales/audit/audit_entry.h"
#include "aftersales/core/context.h"
#include "aftersales/core/validation.h"
#include "aftersales/models/model.h"
#include "aftersales/tickets/ticket.h"
#include "aftersales/tickets/ticket_rules.h"
#include "aftersales/units/unit.h"
#include "aftersales/visits/visit.h"

namespace aftersales {

// Values as typed or imported; the core reads and checks them.
struct TicketIntake {
  std::string unit;         // serial no.; Error(kNotFound) with the hint to register it
  std::string category;     // one of rules.lists.fault_categories
  std::string channel;      // one of rules.lists.channels
  std::string description;  // required
  std::optional<std::string> reported_at;  // ISO 8601; default now; not in the future
  std::optional<std::string> priority;     // a key of rules.sla.response_hours
  std::optional<std::string> km;           // odometer reading
};

// Reads the intake fields into `ticket` (category, channel, description, reported time,
// priority, km), collecting every problem in `reader`; `now` is the default reported time and
// the latest allowed. Touches no store, so the importer runs it on its reader thread. The
// unit is looked up by the caller.
void read_ticket_intake(const Rules& rules, Timestamp now, FieldReader& reader,
                        const TicketIntake& intake, Ticket& ticket);

// Fills what intake decides from the unit: its serial and owner, the coverage by the unit's
// warranty on the reported date and the model's km limit (with the reason), and the due time
// (reported + the priority's response limit). Returns a problem text when the call is
// reported before the unit shipped, else "".
std::string decide_intake(Context& ctx, const Unit& unit, const Model& model, Ticket& ticket);

// Readings of a unit never go backwards in time (DOMAIN.md, Ticket): a problem text (for the
// field "km") when the ticket's odometer reading, taken at its reported time, is below a
// reading of the unit taken at or before then or above one taken after (the unit record's, or
// another ticket's: odometer_conflict in units/warranty.h), naming that reading, when and
// where; "" otherwise and when the ticket has no km. The ticket's own stored reading (same
// number) is left out.
std::string odometer_problem(Context& ctx, const Unit& unit, const Ticket& ticket);

// Registers a service request. Its number is SR-YYYY-NNNNNN (a sequence per year of the
// reported date, in intake order, unique across concurrent clerks). Coverage is decided by
// the unit's warranty on the reported date and the model's km limit, and frozen.
Ticket open_ticket(Context& ctx, const TicketIntake& intake);

// The ticket with that number; Error(kNotFound) when missing.
Ticket get_ticket(Context& ctx, const std::string& number);

// Gives the ticket to a user (a technician). With a [users] table the user must be in it
// (Error(kInvalidInput)) and hold a role of [permissions] ticket_assignable (technician,
// service_manager; Error(kRuleViolation) otherwise).
Ticket assign_ticket(Context& ctx, const std::string& number, const std::string& user);

// 问题描述与分析. needs_factory raises a repair notice (表4) for approvals.repair_notice;
// quality_defect raises a confirmation for approvals.quality_confirm, followed outside
// warranty by approvals.free_repair. Allowed while registered or analysed.
Ticket analyse_ticket(Context& ctx, const std::string& number, const std::string& text,
                      bool quality_defect, bool needs_factory);

// What setting a ticket's costs did: the ticket after it, and the approvals it voided (as they
// were before: state and signatures), in id order; empty when the costs did not change.
struct CostsChange {
  Ticket ticket;
  std::vector<Approval> voided;
};

// Three cost lines at the ticket's coverage: parts, labour (hours x rules.costs.labour_rate,
// rounded half up to the fen) and travel; zero amounts are left out. Replaces earlier lines.
// Only a change of the costs (costs_changed in ticket_rules.h: the kind, coverage and amount
// of each line) voids the approvals given for them (表5, paid repair, the GM's free repair);
// then the budget approval (表5) is raised when warranty lines total over
// approvals.budget_threshold, and the paid-repair approval when there are paid lines, each
// unless one is pending or approved already. An identical re-run writes nothing (except that
// it asks again after a rejection).
CostsChange estimate_ticket(Context& ctx, const std::string& number, const std::string& parts,
                            const std::string& labour_hours, const std::string& travel);

// An itemised quotation (维修项目表): each line "KIND;DESCRIPTION;QTY;UNIT_PRICE[;coverage]",
// KIND work|part|travel, coverage warranty|paid (default: the ticket's). Replaces the lines
// like estimate_ticket, voiding approvals only when the costs change (a contract number
// added to the same lines voids nothing); `contract` is the repair contract number (维修合同)
// a large paid repair needs.
CostsChange quote_ticket(Context& ctx, const std::string& number,
                         const std::vector<std::string>& lines,
                         const std::optional<std::string>& contract);

// Asks for a free repair outside warranty (approvals.free_repair, the GM) of the ticket's
// costed amount: the approval carries the total of the lines ("free repair of 1,400.00
// outside warranty: REASON") and is voided when the costs change (estimate_ticket). Once
// approved the paid-repair approval is no longer asked for. Refused (kRuleViolation) for a
// warranty ticket, a ticket free already, and a ticket without cost lines.
Ticket waive_ticket(Context& ctx, const std::string& number, const std::string& reason);

// Starts the service. Refused (kRuleViolation) until every required approval is given, naming
// each missing one and who must sign.
Ticket start_ticket(Context& ctx, const std::string& number);

// Stops the SLA clock (waiting for parts or for the customer) at `at` (ISO 8601; default now).
// Error(kInvalidInput) naming the field "at" when it is in the future, before the call was
// reported, or before the end of the ticket's previous pause (pauses do not overlap).
Ticket pause_ticket(Context& ctx, const std::string& number, const std::string& reason,
                    const std::optional<std::string>& at = std::nullopt);

// Restarts the SLA clock at `at` (ISO 8601; default now). Error(kInvalidInput) naming the
// field "at" when it is in the future or before the open pause began.
Ticket resume_ticket(Context& ctx, const std::string& number,
                     const std::optional<std::string>& at = std::nullopt);

struct WorkRecordFields {
  std::string arrived;   // ISO 8601 time
  std::string finished;  // ISO 8601 time, not before arrival, not in the future
  std::string work_done;
  std::string signed_by;                 // the customer's signer (签字)
  std::optional<std::string> signed_at;  // default: finished
  bool sealed = false;                   // 盖章
  std::vector<std::string> technicians;  // default: the assignee
  std::optional<std::string> labour_hours;
  std::optional<std::string> travel;
  std::optional<std::string> km;   // the odometer on site; never below an earlier reading
  std::vector<std::string> parts;  // parts used, "PARTNO:QTY" each (a part named twice: summed)
  // The signed and sealed paper scanned (issue 15): kept with the ticket as its 表6, in the
  // same transaction as the record (attachments/attachments.h).
  std::optional<AttachmentFile> scan;
};

// What filing a work record did.
struct WorkRecorded {
  Ticket ticket;
  WorkRecord record;                  // as filed, with its version (1 first, then 2, ...)
  std::vector<CostLine> actual;       // the ticket's actual lines from it
  std::vector<Approval> supplements;  // supplementary approvals it raised (pending)
  std::vector<Approval> voided;       // supplementary approvals of an earlier version voided
  std::optional<Attachment> scan;     // the scan kept with it, when one was given
};

// Files the work record signed and sealed by the customer (表6): the ticket is signed off.
// The technicians default to the assignee, else the acting user when they do service work.
// The record's labour hours, travel (and parts used) become the ticket's actual lines
// (actual_cost_lines in ticket_rules.h), with the freight of the parts shipped for it by then
// (表11: the company bears it; a shipment after the record joins at its next correction); where
// they exceed what the approvals given cover, a supplementary approval on the same chain is raised
// (supplements_needed) and the ticket closes once it is approved. Finishing a major warranty repair
// (actual warranty cost over rules.warranty.major_repair) makes a follow-up visit due within
// rules.visits.major_repair_days of the finish. While the ticket is signed off, filing again
// corrects the record: a new version (the earlier one is kept and the change audited), actual lines
// and supplements worked out again.
// With fields.scan the scanned paper is attached to the ticket (form 表6) in the same
// transaction, after attach_file's checks (its type, its size, [permissions] attachments), which
// run before anything is written.
WorkRecorded record_work(Context& ctx, const std::string& number, const WorkRecordFields& fields);

// Closes a signed-off ticket; refused without a signed work record, and while a supplementary
// approval of its actual costs is missing (naming it, its state and who must sign).
Ticket close_ticket(Context& ctx, const std::string& number);

// A call settled on the phone (电话指导): closes a registered or analysed ticket with the
// advice given, without a site visit and so without a work record (表6); its pending approvals
// are voided. It still counts in the month's statistics, apart from the visits.
Ticket resolve_ticket(Context& ctx, const std::string& number, const std::string& advice);

// Cancels a ticket before it is signed off; its pending approvals are voided.
Ticket cancel_ticket(Context& ctx, const std::string& number, const std::string& reason);

// One condition for starting the service, and whether it holds.
struct StartRequirement {
  std::string rule;  // e.g. "budget approval (表5)"
  bool satisfied = false;
  std::string explanation;  // what holds, or what would satisfy it
};

// Time against the priority's response limit (保修内服务及时率): the technician arrives within
// the limit, not counting time the ticket was paused. Whether it was on time is known only once
// someone arrived (a work record exists); before that the clock is still running.
struct SlaStatus {
  std::int64_t limit_seconds = 0;
  std::int64_t paused_seconds = 0;  // paused before arrival (or before now)
  // reported + limit + paused_seconds: the stored due time moved by the pauses. Arriving at it
  // exactly is on time, a second later is late.
  Timestamp due_at;
  std::optional<Timestamp> arrived;
  std::optional<bool> on_time;    // set once arrived: arrived at or before due_at
  bool overdue = false;           // not arrived, still open, and past due_at now
  std::int64_t late_seconds = 0;  // past due_at at the arrival (or now while overdue); else 0
};

// Who and what a ticket is about, as the archive holds them now (表3's 客户单位, 联系人, 电话,
// 车型, 车号): the customer that owned the unit at intake, and the unit's model and plate.
struct TicketParties {
  std::string customer_name;
  std::string contact;  // the unit's own contact while it stays with that customer, else the
                        // customer's
  std::string phone;    // likewise
  std::string model_code;
  std::string model_name;
  std::string plate;  // 车号; empty when the unit has none
};

struct TicketView {
  Ticket ticket;
  TicketParties parties;
  std::vector<CostLine> lines;  // estimated (estimate or quotation): what approvals sign
  Money warranty_total;
  Money paid_total;
  std::vector<CostLine> actual;  // from the work record (表6); empty before it
  Money actual_warranty_total;
  Money actual_paid_total;
  std::vector<SupplementNeed> supplements;  // actual costs not yet covered by an approval
  std::vector<Approval> approvals;
  std::vector<StartRequirement> requirements;
  std::vector<Pause> pauses;
  std::optional<WorkRecord> record;
  std::vector<ReplacedWorkRecord> replaced_records;  // earlier versions, oldest first
  SlaStatus sla;
  std::vector<std::string> next_steps;  // the moves the state machine allows now
  std::vector<AuditEntry> history;
  std::optional<Visit> follow_up;  // the visit (表2) that settled visit_due_on, once made
};

// Everything about one ticket as of now.
TicketView show_ticket(Context& ctx, const std::string& number);

struct TicketQuery {
  std::optional<std::string> state;  // a state name; Error(kInvalidInput) when unknown
  bool overdue = false;              // only those past the response limit, not arrived
  std::optional<std::string> month;  // YYYY-MM of the reported date (local)
  std::optional<std::string> assignee;
  // The unit by any of its numbers (find_unit_by_number in units.h: Error(kNotFound) when none
  // carries it, Error(kInvalidInput) when several do).
  std::optional<std::string> unit;
  std::optional<std::string> customer;  // customer code; Error(kNotFound) when unknown
};

struct TicketSummary {
  Ticket ticket;
  SlaStatus sla;
};

// The tickets the query selects, by id, each with its SLA status at ctx.now(). Error(kInvalidInput)
// for a bad state or month, Error(kNotFound) for an unknown unit or customer.
std::vector<TicketSummary> list_tickets(Context& ctx, const TicketQuery& query);

// The same tickets, handed to `visit` one by one as the store reads them (`ticket list` streams
// them to the output): one query for the whole list, memory flat whatever the ledger's size.
// --overdue reads only the open tickets without a work record, then checks each one's SLA.
void each_ticket(Context& ctx, const TicketQuery& query,
                 const std::function<void(const TicketSummary&)>& visit);

}  // namespace aftersales
