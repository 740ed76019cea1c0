// The SQLite implementation of Store. Private to lib/src/store: the rest of the library sees
// only aftersales/store/store.h.
#pragma once

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "aftersales/store/store.h"

namespace aftersales::store {

// Translates a SQLite failure into the library's Error: busy/locked, read-only, disk full and
// I/O into kStorageUnavailable (retry later); a UNIQUE violation into kInvalidInput.
[[noreturn]] void rethrow_sqlite(const SQLite::Exception& e, const std::string& doing);

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, const SqliteOptions& options);

  void write(const std::function<void()>& work) override;
  int schema_version() override;
  void backup_to(const std::string& path) override;

  std::optional<Customer> find_customer(const std::string& code) override;
  std::vector<Customer> list_customers() override;
  void insert_customer(Customer& customer) override;
  void update_customer(const Customer& customer) override;

  std::optional<Model> find_model(const std::string& code) override;
  std::vector<Model> list_models() override;
  void insert_model(Model& model) override;
  void update_model(const Model& model) override;

  std::optional<Unit> find_unit(const std::string& serial) override;
  std::vector<Unit> list_units(const UnitFilter& filter) override;
  void insert_unit(Unit& unit) override;
  void update_unit(const Unit& unit) override;
  void insert_unit_note(UnitNote& note) override;
  std::vector<UnitNote> list_unit_notes(const std::string& serial) override;

  std::int64_t next_ticket_number_in_year(int year) override;
  std::optional<Ticket> find_ticket(const std::string& number) override;
  std::vector<Ticket> list_tickets(const TicketFilter& filter) override;
  void insert_ticket(Ticket& ticket) override;
  bool insert_new_ticket(Ticket& ticket) override;
  void update_ticket(const Ticket& ticket) override;
  std::vector<CostLine> cost_lines(std::int64_t ticket_id) override;
  void replace_cost_lines(std::int64_t ticket_id, const std::vector<CostLine>& lines) override;
  std::vector<Pause> pauses(std::int64_t ticket_id) override;
  void insert_pause(std::int64_t ticket_id, const Pause& pause) override;
  void end_open_pause(std::int64_t ticket_id, Timestamp to) override;
  std::optional<WorkRecord> find_work_record(std::int64_t ticket_id) override;
  void insert_work_record(std::int64_t ticket_id, const WorkRecord& record) override;

  std::optional<Approval> find_approval(std::int64_t id) override;
  std::vector<Approval> list_approvals(const ApprovalFilter& filter) override;
  void insert_approval(Approval& approval) override;
  void set_approval_state(std::int64_t id, ApprovalState state) override;
  void insert_signature(std::int64_t approval_id, const Signature& signature) override;

  void set_import_batch(std::optional<std::int64_t> batch) override { batch_ = batch; }
  void insert_import_batch(ImportBatch& batch) override;
  void update_import_batch(const ImportBatch& batch) override;
  std::optional<ImportBatch> find_import_batch(std::int64_t id) override;
  std::vector<ImportBatch> list_import_batches() override;
  std::optional<std::int64_t> batch_of(const std::string& entity, const std::string& key) override;
  void save_import_before(std::int64_t batch, const std::string& key,
                          const ImportBefore& before) override;
  std::optional<ImportBefore> import_before(std::int64_t batch, const std::string& key) override;
  std::vector<std::string> keys_in_batch(const std::string& entity, std::int64_t batch) override;
  std::optional<std::int64_t> later_batch_over(std::int64_t batch) override;
  bool note_import_key(const std::string& entity, const std::string& key) override;
  bool has_import_key(const std::string& entity, const std::string& key) override;
  void delete_by_key(const std::string& entity, const std::string& key) override;
  void update_ticket_intake(const Ticket& ticket) override;
  void raise_ticket_sequence(int year, std::int64_t at_least) override;
  bool begin_bulk_load(const std::string& entity) override;
  void end_bulk_load() override;

  void append_audit(AuditEntry& entry) override;
  std::vector<AuditEntry> query_audit(const AuditQuery& query) override;

 private:
  // A statement of the cache, in use: reset when the use ends, so that no statement keeps a
  // read transaction open between calls.
  class Cached {
   public:
    explicit Cached(SQLite::Statement& statement) : statement_(statement) {}
    ~Cached() { statement_.tryReset(); }
    Cached(const Cached&) = delete;
    Cached& operator=(const Cached&) = delete;
    SQLite::Statement* operator->() { return &statement_; }
    SQLite::Statement& operator*() { return statement_; }

   private:
    SQLite::Statement& statement_;
  };

  // The statement of `sql`, prepared once per connection (the import runs the same few
  // statements a million times; preparing costs more than running them). `sql` is the key by
  // its address: a string literal or a static string, never a temporary. Its bindings are
  // cleared. A statement is not re-entrant: no use of the same `sql` may nest.
  Cached cached(const char* sql);

  void migrate();
  // Runs one of the ticket inserts; returns whether a row was written.
  bool insert_ticket_row(Ticket& ticket, const char* sql);
  std::int64_t id_of(const char* sql, const std::string& key, const char* what);

  std::string path_;
  int busy_timeout_ms_;
  SQLite::Database db_;
  // After db_: the statements are finalized before the connection closes.
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements_;
  int write_depth_ = 0;
  std::optional<std::int64_t> batch_;         // the import batch writing now, if any
  std::vector<std::string> dropped_indexes_;  // CREATE INDEX statements to run at end_bulk_load
};

}  // namespace aftersales::store
