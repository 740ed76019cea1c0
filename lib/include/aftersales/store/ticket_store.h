// The tickets' port to storage: service requests (表3) with their cost lines (表5, 维修项目表),
// SLA pauses and the signed work record (表6). Reads return nothing for a missing key; inserts
// set the record's id. While an import session is open (import_store.h) every ticket insert and
// update records its batch on the row. Engine failures throw Error(kStorageUnavailable).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/tickets/ticket.h"
#include "aftersales/units/unit.h"

namespace aftersales {

struct TicketFilter {
  std::optional<TicketState> state;
  std::optional<std::string> assignee;
  std::optional<Timestamp> reported_from;    // reported_at >= from
  std::optional<Timestamp> reported_to;      // reported_at < to
  std::optional<std::string> serial;         // the unit's serial no.
  std::optional<std::string> customer_code;  // the unit's owner at intake
  // Only tickets still open (registered, analysed, in service, paused) without a work record:
  // the only ones that can be overdue (sla_status), so `ticket list --overdue` reads no others.
  bool open_without_arrival = false;
};

// A ticket as `ticket list` shows it: the ticket, the arrival of its work record (表6) and its
// pauses, read together in one query (no query per ticket).
struct TicketListing {
  Ticket ticket;
  std::optional<Timestamp> arrived;  // the work record's arrival; none without a record
  std::vector<Pause> pauses;         // oldest first
};

// The tickets reported in a span, counted in SQL by what 表7 tells apart: frozen coverage, free
// repair (免费维修), state and fault category.
struct ReportedCount {
  Coverage coverage = Coverage::kWarranty;
  bool free_repair = false;
  TicketState state = TicketState::kRegistered;
  std::string category;
  std::int64_t count = 0;
};

// The actual cost (表6 lines) of the closed tickets whose work record finished in a span,
// summed in SQL by the ticket's frozen coverage, free repair and the kind of line.
struct ClosedCost {
  Coverage coverage = Coverage::kWarranty;
  bool free_repair = false;
  CostKind kind = CostKind::kWork;
  Money amount;
};

// Warranty tickets whose technician arrived (work record) in a span, and of them those on time:
// arrived by the due time stored at intake moved by the pauses before the arrival.
struct ArrivalCount {
  std::int64_t arrived = 0;
  std::int64_t on_time = 0;
};

// The quality problems of 表8 (reports/quality_report.h): tickets reported in a span, not
// cancelled, whose analysis claims a quality defect that the technical department did not
// decline (quality_claim, quality_confirmed not false; 确属产品质量问题 as 表11 reads it).
// `new_unit`: reported (local day) within the first `new_unit_months` months after the unit's
// ship date, the days a warranty of as many months from the ship date covers (warranty_end).
struct QualityCount {
  std::string model;  // model code, and its name
  std::string model_name;
  std::string category;
  bool new_unit = false;
  bool confirmed = false;  // tech_dept confirmed it (else awaiting its answer)
  std::int64_t count = 0;
};

// The parts used (表6 work_record_part) on those tickets, per part and new unit or not.
struct QualityPartCount {
  std::string part;  // part no., and its name
  std::string name;
  bool major = false;
  bool new_unit = false;
  std::int64_t tickets = 0;
  std::int64_t quantity = 0;
};

// A staged row the load did not insert (TicketStage::flush): its number repeats one staged
// before it or one the ledger holds, or its unit is not in the archive. It goes through the
// per-row path again, where the same rules decide it as for a row typed.
struct StagedTicketRow {
  std::int64_t line = 0;    // the caller's place of the row: its source line
  std::int64_t record = 0;  // and record number
  std::string source;       // what the caller staged with it (its source record, encoded)
};

// New tickets written set-based (issue 13, `import tickets`): rows are staged in a temporary
// table (on PostgreSQL through COPY, not a statement per row), then flush() inserts, in one
// statement and in staging order, the first row of each number the ledger does not hold whose
// unit is in the archive (its unit and customer looked up by serial and code, stamped with the
// open import's batch), and hands every other row back. Into a ledger without tickets (a first
// load) the rows go by COPY straight into the ticket table instead: nothing there to clash with,
// and a row whose number may have come before in the load is held back in memory (`full()`
// says when to flush). Use inside Store::write(); a rollback undoes all of it. Engine failures
// throw Error(kStorageUnavailable), a row the ledger's constraints refuse Error(kInvalidInput).
class TicketStage {
 public:
  virtual ~TicketStage() = default;
  // Stages `ticket` (of the unit with id `unit_id`) as insert_if_new() would insert it:
  // registered, its work state empty (only its intake fields, priority, due time and opener
  // are kept per row). `source` gives what to hand back with the row, called only when kept.
  virtual void add(const Ticket& ticket, std::int64_t unit_id, std::int64_t line,
                   std::int64_t record, const std::function<std::string()>& source) = 0;
  // How many rows are staged since the last flush.
  virtual std::int64_t staged() const = 0;
  // Whether the stage wants a flush before the next row (its memory is at its bound).
  virtual bool full() const = 0;
  // Whether the ledger held no ticket when the stage was opened (a first load: no unit has a
  // ticket's odometer reading to look up then).
  virtual bool into_empty_ledger() const = 0;
  // Inserts the staged rows as above and hands every row not inserted to `held_back`, in
  // staging order, a page at a time (`held_back` may read and write the store); the stage is
  // empty when it is called. Returns how many rows were inserted.
  virtual std::int64_t flush(const std::function<void(StagedTicketRow&)>& held_back) = 0;
};

class TicketStore {
 public:
  virtual ~TicketStore() = default;

  // 1, 2, ... per year, never the same number twice (call inside Store::write()).
  virtual std::int64_t next_number_in_year(int year) = 0;
  // Makes the year's sequence continue after `at_least` (an imported SR-YYYY-NNNNNN).
  virtual void raise_sequence(int year, std::int64_t at_least) = 0;

  virtual std::optional<Ticket> find(const std::string& number) = 0;
  // The number of the first ticket of unit `serial` reported at `reported_at` with
  // `description`: the same call imported again without its number; nullopt when none is.
  virtual std::optional<std::string> find_same_call(const std::string& serial,
                                                    Timestamp reported_at,
                                                    const std::string& description) = 0;
  virtual std::vector<Ticket> list(const TicketFilter& filter) = 0;  // by id
  // Calls `visit` for each ticket the filter selects, by id, as the rows are read: memory does
  // not grow with the ledger. `visit` may move from the listing (it is refilled for each row). Only
  // the filters given are in the SQL, so each can use its index (state, reported_at, unit).
  // Error(kStorageUnavailable) when the ledger cannot be read; what `visit` throws passes through.
  virtual void each(const TicketFilter& filter,
                    const std::function<void(TicketListing&)>& visit) = 0;
  // Tickets reported in [from, to), grouped (monthly statistics, 表7); in a stable order.
  virtual std::vector<ReportedCount> count_reported(Timestamp from, Timestamp to) = 0;
  // Actual costs of the closed tickets whose work record finished in [from, to): every
  // (coverage, free repair, kind) group, zero or not, always in the same order.
  virtual std::vector<ClosedCost> closed_costs(Timestamp from, Timestamp to) = 0;
  // 保修内服务及时率 of the warranty tickets arrived in [from, to), counted in SQL.
  virtual ArrivalCount warranty_arrivals(Timestamp from, Timestamp to) = 0;
  // The quality problems reported in [from, to), counted in SQL by model, fault category, new
  // unit (local days in `zone`) and confirmation; ordered by model code, category, new unit,
  // confirmed.
  virtual std::vector<QualityCount> count_quality_problems(Timestamp from, Timestamp to,
                                                           UtcOffset zone, int new_unit_months) = 0;
  // The parts used on those quality problems, summed in SQL; ordered by part no., new unit.
  virtual std::vector<QualityPartCount> quality_parts(Timestamp from, Timestamp to, UtcOffset zone,
                                                      int new_unit_months) = 0;
  // A duplicate number throws Error(kConflict).
  virtual void insert(Ticket& ticket) = 0;
  // Inserts the ticket unless one with its number exists; returns false, writing nothing, when
  // one does (the importer's upsert tries the insert first: most rows of an import are new).
  virtual bool insert_if_new(Ticket& ticket) = 0;
  // A stage for loading new tickets set-based (TicketStage); one at a time. None where the
  // engine writes rows one by one as fast (SQLite, in the process): then write row by row.
  virtual std::unique_ptr<TicketStage> open_stage() = 0;
  // Saves the fields that change after intake (state, analysis, flags, priority, due time).
  virtual void update(const Ticket& ticket) = 0;
  // Rewrites the intake fields of an imported ticket (unit, channel, category, description,
  // reported time, km, coverage, priority, due time).
  virtual void update_intake(const Ticket& ticket) = 0;
  // Removes an imported ticket (an import's revert); Error(kRuleViolation) when work was
  // typed onto it since (cost lines, pauses, a work record, approvals).
  virtual void remove(const std::string& number) = 0;

  // The odometer readings of the unit's tickets (those with a km): km, reported time and
  // number, and their work records' readings on site (at the arrival), oldest first. The unit
  // record's own reading is on the unit (archive_store.h).
  virtual std::vector<OdometerReading> odometer_readings(const std::string& serial) = 0;

  // The estimated lines (estimate or quotation), which the cost approvals sign, in position
  // order.
  virtual std::vector<CostLine> cost_lines(std::int64_t ticket_id) = 0;
  virtual void replace_cost_lines(std::int64_t ticket_id, const std::vector<CostLine>& lines) = 0;
  // The actual lines the work record (表6) gave, in position order; none before it is filed.
  virtual std::vector<CostLine> actual_lines(std::int64_t ticket_id) = 0;
  virtual void replace_actual_lines(std::int64_t ticket_id, const std::vector<CostLine>& lines) = 0;

  virtual std::vector<Pause> pauses(std::int64_t ticket_id) = 0;  // oldest first
  virtual void insert_pause(std::int64_t ticket_id, const Pause& pause) = 0;
  virtual void end_open_pause(std::int64_t ticket_id, Timestamp to) = 0;

  // The current version of the work record.
  virtual std::optional<WorkRecord> find_work_record(std::int64_t ticket_id) = 0;
  virtual void insert_work_record(std::int64_t ticket_id, const WorkRecord& record) = 0;
  // A correction: keeps the current version among the replaced ones, with who replaced it and
  // when, and makes `record` (whose version is one more) the current one.
  virtual void replace_work_record(std::int64_t ticket_id, const WorkRecord& record,
                                   Timestamp replaced_at, const std::string& replaced_by) = 0;
  // The versions corrections replaced, oldest first.
  virtual std::vector<ReplacedWorkRecord> replaced_work_records(std::int64_t ticket_id) = 0;
};

}  // namespace aftersales
