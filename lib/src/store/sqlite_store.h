// The SQLite implementation of Store. Private to lib/src/store: the rest of the library sees
// only aftersales/store/store.h.
#pragma once

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

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

  void append_audit(AuditEntry& entry) override;
  std::vector<AuditEntry> query_audit(const AuditQuery& query) override;

 private:
  void migrate();
  std::int64_t id_of(const char* sql, const std::string& key, const char* what);

  std::string path_;
  int busy_timeout_ms_;
  SQLite::Database db_;
  int write_depth_ = 0;
};

}  // namespace aftersales::store
