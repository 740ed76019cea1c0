// The Store: the engine's connection and every area's port over it.
#include <memory>

#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "store/engine/postgres_dialect.h"
#include "store/engine/sqlite_database.h"
#if AFTERSALES_POSTGRESQL
#include "store/engine/postgres_driver_loader.h"
#endif
#include "store/sql_export_store.h"
#include "store/sql_part_sale_store.h"
#include "store/sql_search_index.h"
#include "store/sql_stores.h"
#include "store/sql_visit_store.h"

namespace aftersales {
namespace store {
namespace {

class SqlStore final : public Store {
 public:
  SqlStore(std::unique_ptr<Database> db, const SqliteOptions& options)
      : db_(std::move(db)),
        archive_(*db_, stamp_),
        tickets_(*db_, stamp_),
        approvals_(*db_),
        imports_(*db_, stamp_),
        audit_(*db_),
        rulebook_(*db_),
        ledger_check_(*db_),
        parts_(*db_, stamp_),
        shipments_(*db_),
        part_returns_(*db_),
        part_sales_(*db_),
        visits_(*db_, stamp_),
        care_(*db_, stamp_),
        exports_(*db_),
        names_(*db_),
        attachments_(*db_),
        search_(*db_) {
    build_search_index_once(*db_);
    if (options.read_only) db_->make_read_only();
  }

  void write(const std::function<void()>& work) override {
    if (!rerun_writes_ || write_depth_ > 0) {
      db_->write(work);
      return;
    }
    struct Rerun {};  // ends the first run as a serialization failure at COMMIT would
    const auto counted = [&](bool rerun) {
      ++write_depth_;
      try {
        work();
      } catch (...) {
        --write_depth_;
        throw;
      }
      --write_depth_;
      if (rerun) throw Rerun{};
    };
    try {
      db_->write([&] { counted(true); });
    } catch (const Rerun&) {
      // Rolled back: run it again, for good this time.
    }
    db_->write([&] { counted(false); });
  }
  void rerun_writes_for_tests(bool on) override { rerun_writes_ = on; }
  int schema_version() override { return db_->schema_version(); }
  void set_busy_timeout(int milliseconds) override { db_->set_busy_timeout(milliseconds); }
  void clear_damage() override { db_->clear_damage(); }
  void backup_to(const std::string& path) override { db_->backup_to(path); }
  std::optional<std::string> server_login() override { return db_->server_login(); }

  ArchiveStore& archive() override { return archive_; }
  TicketStore& tickets() override { return tickets_; }
  ApprovalStore& approvals() override { return approvals_; }
  ImportStore& imports() override { return imports_; }
  AuditStore& audit() override { return audit_; }
  RulebookStore& rulebook() override { return rulebook_; }
  LedgerCheckStore& ledger_check() override { return ledger_check_; }
  PartStore& parts() override { return parts_; }
  ShipmentStore& shipments() override { return shipments_; }
  PartReturnStore& part_returns() override { return part_returns_; }
  PartSaleStore& part_sales() override { return part_sales_; }
  VisitStore& visits() override { return visits_; }
  CareStore& care() override { return care_; }
  ExportStore& exports() override { return exports_; }
  NameStore& names() override { return names_; }
  AttachmentStore& attachments() override { return attachments_; }
  SearchStore& search() override { return search_; }

 private:
  std::unique_ptr<Database> db_;
  ImportStamp stamp_;
  SqlArchiveStore archive_;
  SqlTicketStore tickets_;
  SqlApprovalStore approvals_;
  SqlImportStore imports_;
  SqlAuditStore audit_;
  SqlRulebookStore rulebook_;
  SqlLedgerCheckStore ledger_check_;
  SqlPartStore parts_;
  SqlShipmentStore shipments_;
  SqlPartReturnStore part_returns_;
  SqlPartSaleStore part_sales_;
  SqlVisitStore visits_;
  SqlCareStore care_;
  SqlExportStore exports_;
  SqlNameStore names_;
  SqlAttachmentStore attachments_;
  SqlSearchStore search_;
  bool rerun_writes_ = false;
  int write_depth_ = 0;  // the outermost write() runs twice, the nested ones join it
};

}  // namespace
}  // namespace store

std::unique_ptr<Store> open_sqlite_store(const std::string& path, const SqliteOptions& options) {
  return std::make_unique<store::SqlStore>(store::open_sqlite_database(path, options), options);
}

std::string shown_db(const std::string& db) {
  return store::is_postgres_url(db) ? store::redacted_url(db) : db;
}

std::unique_ptr<Store> open_store(const std::string& db, const SqliteOptions& options) {
  if (!store::is_postgres_url(db)) return open_sqlite_store(db, options);
#if AFTERSALES_POSTGRESQL
  return std::make_unique<store::SqlStore>(store::load_postgres_database(db, options), options);
#else
  throw Error(ErrorCode::kUsage,
              fmt::format("{} names a PostgreSQL database, and this aftersales was built "
                          "without PostgreSQL",
                          store::redacted_url(db)),
              "build it with libpq-dev installed (CMake option AFTERSALES_POSTGRESQL), or name "
              "a SQLite file with --db");
#endif
}

}  // namespace aftersales
