// The ledger's self-check's port to storage (`aftersales doctor`): queries that return only
// what breaks an invariant, streamed row by row or a page at a time, so that checking a ledger
// takes memory by its problems, not by its size. Engine failures throw
// Error(kStorageUnavailable) (a damaged file among them).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "aftersales/tickets/ticket.h"

namespace aftersales {

// A ticket by its row id and number.
struct TicketKey {
  std::int64_t id = 0;
  std::string number;
};

// A ticket whose state says the customer signed the work record (表6) but whose record does
// not show it.
struct UnsignedTicket {
  std::string number;
  bool has_record = false;  // false: no work record at all
  bool signed_by_someone = false;
  bool sealed = false;
};

// A record typed by hand under the entity and id the core audits it by: customer, model, unit
// (code, serial), ticket, visit, part_issue, gate_pass, part_sale, purchase_plan,
// urgent_request, complaint, part (number), stock_move, part_return, training (row id), survey
// (customer code/year, "C001/2026"), rulebook (its version).
struct RecordKey {
  std::string entity;
  std::string key;
};

// An import batch with what it says it did and what the ledger holds of it now.
struct BatchCounts {
  std::int64_t id = 0;
  std::string entity;  // customer, model, unit, ticket, part, stock, visit, survey, complaint
                       // or training
  std::int64_t new_rows = 0;
  std::int64_t updated = 0;
  bool reverted = false;
  std::int64_t owned = 0;            // rows of its entity's table stamped with the batch
  std::int64_t owned_elsewhere = 0;  // rows of the other imported tables stamped with it
  std::int64_t befores = 0;          // values before it updated a row (import_before)
};

// A stock move after which its part's stock in its warehouse is below zero, the sum of the
// moves up to it in id order.
struct NegativeStock {
  std::int64_t move_id = 0;
  std::string part;  // its number
  std::string warehouse;
  std::int64_t on_hand = 0;  // after the move: below zero
};

// An import batch whose run or revert has no entry in the audit trail.
struct UnauditedBatch {
  std::int64_t id = 0;
  std::string action;  // the missing entry's action: import or revert
};

// What the engine's own check ran and found.
struct EngineIntegrity {
  std::string method;                 // e.g. "SQLite's integrity_check of the file"
  std::vector<std::string> problems;  // empty when the data is sound
};

class LedgerCheckStore {
 public:
  virtual ~LedgerCheckStore() = default;

  // The engine's own check of the stored data and its indexes: SQLite's integrity_check of the
  // file; on PostgreSQL amcheck's when the extension is installed, or none.
  virtual EngineIntegrity engine_integrity() = 0;

  // Each ticket in `state` whose work record is missing, names no signer or is not sealed,
  // in ticket order.
  virtual void tickets_without_signed_record(
      TicketState state, const std::function<void(const UnsignedTicket&)>& each) = 0;

  // Up to `limit` tickets that went through `ticket start`, after the ticket with id
  // `after_id`, by id: in service, signed off, closed, or paused from the service. Empty when
  // there are no more.
  virtual std::vector<TicketKey> started_tickets_after(std::int64_t after_id, int limit) = 0;

  // Each record the core audits when it writes it (see RecordKey) without an entry in the
  // audit trail under its entity and id; a row an import batch owns (batch_id) is exempt. By
  // entity, then by row id.
  virtual void unaudited_records(const std::function<void(const RecordKey&)>& each) = 0;

  // Each stock move that takes its part's stock in its warehouse from zero or more to below
  // zero, summing the moves in id order; by part, warehouse and move. The core refuses such a
  // move, so each one was written outside aftersales.
  virtual void negative_stock(const std::function<void(const NegativeStock&)>& each) = 0;

  // The id of each approval without an entry in the audit trail (entity "approval").
  virtual void unaudited_approvals(const std::function<void(std::int64_t)>& each) = 0;

  // Each import batch without its entry in the audit trail (entity "import", its id, action
  // "import"), or reverted without the revert's entry; by id.
  virtual void unaudited_batches(const std::function<void(const UnauditedBatch&)>& each) = 0;

  // Every import batch with its counts, by id (a batch is one import run: few, not one per
  // row).
  virtual void batch_counts(const std::function<void(const BatchCounts&)>& each) = 0;
};

}  // namespace aftersales
