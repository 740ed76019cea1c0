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

// A record of the archive or a ticket (entity: customer, model, unit, ticket) by its natural
// key (code, serial, number).
struct RecordKey {
  std::string entity;
  std::string key;
};

// An import batch with what it says it did and what the ledger holds of it now.
struct BatchCounts {
  std::int64_t id = 0;
  std::string entity;  // customer, model, unit, ticket, part or stock
  std::int64_t new_rows = 0;
  std::int64_t updated = 0;
  bool reverted = false;
  std::int64_t owned = 0;            // rows of its entity's table stamped with the batch
  std::int64_t owned_elsewhere = 0;  // rows of the other imported tables stamped with it
  std::int64_t befores = 0;          // values before it updated a row (import_before)
};

// An import batch whose run or revert has no entry in the audit trail.
struct UnauditedBatch {
  std::int64_t id = 0;
  std::string action;  // the missing entry's action: import or revert
};

class LedgerCheckStore {
 public:
  virtual ~LedgerCheckStore() = default;

  // SQLite's own check of the file and its indexes (PRAGMA integrity_check, at most 100
  // problems as SQLite words them); empty when the file is sound. This one call is SQLite's
  // dialect: a PostgreSQL driver answers it differently (amcheck, or nothing: the server
  // guards its pages itself).
  virtual std::vector<std::string> sqlite_integrity_problems() = 0;

  // Each ticket in `state` whose work record is missing, names no signer or is not sealed,
  // in ticket order.
  virtual void tickets_without_signed_record(
      TicketState state, const std::function<void(const UnsignedTicket&)>& each) = 0;

  // Up to `limit` tickets that went through `ticket start`, after the ticket with id
  // `after_id`, by id: in service, signed off, closed, or paused from the service. Empty when
  // there are no more.
  virtual std::vector<TicketKey> started_tickets_after(std::int64_t after_id, int limit) = 0;

  // Each customer, model, unit and ticket typed by hand (no import batch owns it) without an
  // entry in the audit trail under its natural key.
  virtual void unaudited_records(const std::function<void(const RecordKey&)>& each) = 0;

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
