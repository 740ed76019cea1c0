// The persistence port: every read and write of records goes through this interface, so that
// a server database (PostgreSQL) can be added later behind the same core calls. The SQLite
// implementation is the embedded default; all SQL lives in lib/src/store/.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/audit/audit_entry.h"
#include "aftersales/customers/customer.h"
#include "aftersales/import/import_batch.h"
#include "aftersales/models/model.h"
#include "aftersales/tickets/ticket.h"
#include "aftersales/units/unit.h"

namespace aftersales {

struct UnitFilter {
  std::optional<std::string> model_code;
  std::optional<std::string> customer_code;
};

struct TicketFilter {
  std::optional<TicketState> state;
  std::optional<std::string> assignee;
  std::optional<Timestamp> reported_from;  // reported_at >= from
  std::optional<Timestamp> reported_to;    // reported_at < to
};

struct ApprovalFilter {
  std::optional<std::string> subject;
  std::optional<ApprovalState> state;
};

class Store {
 public:
  virtual ~Store() = default;

  // Runs `work` in one write transaction (SQLite: BEGIN IMMEDIATE, waiting up to the busy
  // timeout for other writers). Commits when `work` returns; rolls back and rethrows when it
  // throws. Nested calls join the outer transaction. Throws Error(kStorageUnavailable) when
  // the database stays locked past the timeout, is read-only or the disk is full.
  virtual void write(const std::function<void()>& work) = 0;

  // The schema version of the open database (the number of the last migration applied).
  virtual int schema_version() = 0;

  // Copies the whole database to `path` consistently while others keep working. Throws
  // Error(kStorageUnavailable) when the copy cannot be written.
  virtual void backup_to(const std::string& path) = 0;

  // Customers. insert_* sets the record's id; a duplicate natural key throws
  // Error(kInvalidInput).
  virtual std::optional<Customer> find_customer(const std::string& code) = 0;
  virtual std::vector<Customer> list_customers() = 0;
  virtual void insert_customer(Customer& customer) = 0;
  virtual void update_customer(const Customer& customer) = 0;

  // Models.
  virtual std::optional<Model> find_model(const std::string& code) = 0;
  virtual std::vector<Model> list_models() = 0;
  virtual void insert_model(Model& model) = 0;
  virtual void update_model(const Model& model) = 0;

  // Units: the factory archive.
  virtual std::optional<Unit> find_unit(const std::string& serial) = 0;
  virtual std::vector<Unit> list_units(const UnitFilter& filter) = 0;
  virtual void insert_unit(Unit& unit) = 0;
  virtual void update_unit(const Unit& unit) = 0;
  virtual void insert_unit_note(UnitNote& note) = 0;
  virtual std::vector<UnitNote> list_unit_notes(const std::string& serial) = 0;

  // Tickets. next_ticket_number_in_year returns 1, 2, ... per year, never the same twice
  // (call inside write()).
  virtual std::int64_t next_ticket_number_in_year(int year) = 0;
  virtual std::optional<Ticket> find_ticket(const std::string& number) = 0;
  virtual std::vector<Ticket> list_tickets(const TicketFilter& filter) = 0;
  virtual void insert_ticket(Ticket& ticket) = 0;
  // Inserts the ticket unless one with its number exists; returns false, writing nothing, when
  // one does (the importer's upsert tries the insert first: most rows of an import are new).
  virtual bool insert_new_ticket(Ticket& ticket) = 0;
  virtual void update_ticket(const Ticket& ticket) = 0;
  virtual std::vector<CostLine> cost_lines(std::int64_t ticket_id) = 0;
  virtual void replace_cost_lines(std::int64_t ticket_id, const std::vector<CostLine>& lines) = 0;
  virtual std::vector<Pause> pauses(std::int64_t ticket_id) = 0;
  virtual void insert_pause(std::int64_t ticket_id, const Pause& pause) = 0;
  virtual void end_open_pause(std::int64_t ticket_id, Timestamp to) = 0;
  virtual std::optional<WorkRecord> find_work_record(std::int64_t ticket_id) = 0;
  virtual void insert_work_record(std::int64_t ticket_id, const WorkRecord& record) = 0;

  // Approvals, with their signatures in step order; list by id.
  virtual std::optional<Approval> find_approval(std::int64_t id) = 0;
  virtual std::vector<Approval> list_approvals(const ApprovalFilter& filter) = 0;
  virtual void insert_approval(Approval& approval) = 0;
  virtual void set_approval_state(std::int64_t id, ApprovalState state) = 0;
  virtual void insert_signature(std::int64_t approval_id, const Signature& signature) = 0;

  // Imports. While a batch is set, every insert and update records it on the row; typed
  // changes run with none, which clears the row's batch. Entities: customer, model, unit,
  // ticket; keys are natural keys.
  virtual void set_import_batch(std::optional<std::int64_t> batch) = 0;
  virtual void insert_import_batch(ImportBatch& batch) = 0;
  virtual void update_import_batch(const ImportBatch& batch) = 0;
  virtual std::optional<ImportBatch> find_import_batch(std::int64_t id) = 0;
  virtual std::vector<ImportBatch> list_import_batches() = 0;
  // The batch that last wrote the row (none when typed by hand or missing).
  virtual std::optional<std::int64_t> batch_of(const std::string& entity,
                                               const std::string& key) = 0;
  // The values of a row before `batch` updated it, and the batch that had written it then.
  struct ImportBefore {
    std::string values;
    std::optional<std::int64_t> batch;
  };
  virtual void save_import_before(std::int64_t batch, const std::string& key,
                                  const ImportBefore& before) = 0;
  virtual std::optional<ImportBefore> import_before(std::int64_t batch, const std::string& key) = 0;
  // Keys an import found unchanged, so that a second row with the same key is caught even
  // though the first wrote nothing. note_import_key returns false when the key was noted
  // already. Forgotten when the next import starts.
  virtual bool note_import_key(const std::string& entity, const std::string& key) = 0;
  virtual bool has_import_key(const std::string& entity, const std::string& key) = 0;
  // A batch, not reverted, that updated rows `batch` had written; none when there is none.
  virtual std::optional<std::int64_t> later_batch_over(std::int64_t batch) = 0;
  virtual std::vector<std::string> keys_in_batch(const std::string& entity, std::int64_t batch) = 0;
  // Deletes a row by key; a row others refer to throws Error(kRuleViolation).
  virtual void delete_by_key(const std::string& entity, const std::string& key) = 0;
  // Rewrites the intake fields of an imported ticket (unit, channel, category, description,
  // reported time, km, coverage, priority, due time).
  virtual void update_ticket_intake(const Ticket& ticket) = 0;
  // Makes the year's ticket sequence continue after `at_least` (an imported SR-YYYY-NNNNNN).
  virtual void raise_ticket_sequence(int year, std::int64_t at_least) = 0;
  // A large import into `entity`'s table begins inside the current write. When the table is
  // empty, its secondary indexes (not its UNIQUE keys) are dropped until end_bulk_load() builds
  // them again, in the same transaction: one sort is faster than a million index updates. A
  // rollback puts them back as well. Returns whether they were dropped.
  virtual bool begin_bulk_load(const std::string& entity) = 0;
  // Builds the indexes begin_bulk_load() dropped; nothing when it dropped none.
  virtual void end_bulk_load() = 0;

  // The audit trail, oldest first.
  virtual void append_audit(AuditEntry& entry) = 0;
  virtual std::vector<AuditEntry> query_audit(const AuditQuery& query) = 0;
};

struct SqliteOptions {
  bool create = false;         // create the file when missing (init); otherwise it must exist
  int busy_timeout_ms = 5000;  // how long to wait for another writer
  // For a command that only reads: after any migration the connection refuses writes
  // (PRAGMA query_only), so a read command cannot change the ledger by mistake.
  bool read_only = false;
};

// Opens (and with options.create, creates) a SQLite database, turns on WAL and foreign keys,
// and applies every migration it lacks. ":memory:" gives a private in-memory database.
// Throws Error(kUsage) when the file is missing and create is off, or when its schema is newer
// than this binary knows (it is left untouched); Error(kStorageUnavailable) when it cannot be
// opened or is locked past the timeout.
std::unique_ptr<Store> open_sqlite_store(const std::string& path, const SqliteOptions& options);

// The schema version this binary brings (the highest migration in schemas/).
int latest_schema_version();

}  // namespace aftersales
