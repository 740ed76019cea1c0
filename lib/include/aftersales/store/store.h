// The persistence port: every read and write of records goes through this interface, so that
// a server database (PostgreSQL) can be added later behind the same core calls. The SQLite
// implementation is the embedded default; all SQL lives in lib/src/store/.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/audit/audit_entry.h"
#include "aftersales/customers/customer.h"
#include "aftersales/models/model.h"
#include "aftersales/units/unit.h"

namespace aftersales {

struct UnitFilter {
  std::optional<std::string> model_code;
  std::optional<std::string> customer_code;
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

  // The audit trail, oldest first.
  virtual void append_audit(AuditEntry& entry) = 0;
  virtual std::vector<AuditEntry> query_audit(const AuditQuery& query) = 0;
};

struct SqliteOptions {
  bool create = false;         // create the file when missing (init); otherwise it must exist
  int busy_timeout_ms = 5000;  // how long to wait for another writer
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
