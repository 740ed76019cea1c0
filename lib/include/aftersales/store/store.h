// The ledger's storage: one port per area (archive, tickets, approvals, imports, audit, the
// rulebook, the ledger's self-check), each with its contract in its own header, behind one
// object that owns the engine's connection and its transactions. The areas' SQL is written
// once (lib/src/store/sql_*.cpp) against the engine port (lib/src/store/engine/database.h);
// SQLite is the embedded engine. A new area adds a port header here, its SQL file, and one
// accessor below.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "aftersales/store/approval_store.h"
#include "aftersales/store/archive_store.h"
#include "aftersales/store/attachment_store.h"
#include "aftersales/store/audit_store.h"
#include "aftersales/store/care_store.h"
#include "aftersales/store/export_store.h"
#include "aftersales/store/import_store.h"
#include "aftersales/store/ledger_check_store.h"
#include "aftersales/store/name_store.h"
#include "aftersales/store/part_return_store.h"
#include "aftersales/store/part_sale_store.h"
#include "aftersales/store/part_store.h"
#include "aftersales/store/rulebook_store.h"
#include "aftersales/store/search_store.h"
#include "aftersales/store/shipment_store.h"
#include "aftersales/store/ticket_store.h"
#include "aftersales/store/visit_store.h"

namespace aftersales {

class Store {
 public:
  virtual ~Store() = default;

  // Runs `work` in one write transaction (SQLite: BEGIN IMMEDIATE, waiting up to the busy
  // timeout for other writers). Commits when `work` returns; rolls back and rethrows when it
  // throws. Nested calls join the outer transaction. Throws Error(kStorageUnavailable) when
  // the database stays locked past the timeout, is read-only or the disk is full.
  // On PostgreSQL `work` may run more than once: a serialization failure or deadlock rolls it
  // back and runs it again (docs/postgresql.md), so it must start from nothing each time and
  // leave no effect outside the database that a second run would repeat.
  virtual void write(const std::function<void()>& work) = 0;

  // A test seam for the above: with `on`, every outermost write() runs its work to the end,
  // rolls it back and runs it again before committing, as after a serialization failure at
  // COMMIT (which SQLite cannot be made to give). For tests only.
  virtual void rerun_writes_for_tests(bool on) = 0;

  // How long a writer waits for another before Error(kStorageUnavailable); the ledger's
  // rulebook sets it once read.
  virtual void set_busy_timeout(int milliseconds) = 0;

  // Once the engine finds the ledger damaged, every later write is refused with
  // Error(kStorageUnavailable) pointing at `doctor` and `backup`; clear_damage() lifts that when
  // a full check finds the ledger whole.
  virtual void clear_damage() = 0;

  // The schema version of the open database (the number of the last migration applied).
  virtual int schema_version() = 0;

  // Copies the whole database to `path` consistently while others keep working. Throws
  // Error(kInvalidInput) when `path` is the database itself, Error(kStorageUnavailable) when
  // the copy cannot be written.
  virtual void backup_to(const std::string& path) = 0;

  // The login the engine itself authenticated: PostgreSQL's session_user, who acts on a shared
  // server (CLI.md, [identity]); none on SQLite, where the OS login acts.
  virtual std::optional<std::string> server_login() = 0;

  virtual ArchiveStore& archive() = 0;
  virtual TicketStore& tickets() = 0;
  virtual ApprovalStore& approvals() = 0;
  virtual ImportStore& imports() = 0;
  virtual AuditStore& audit() = 0;
  virtual RulebookStore& rulebook() = 0;
  virtual LedgerCheckStore& ledger_check() = 0;
  virtual PartStore& parts() = 0;
  virtual ShipmentStore& shipments() = 0;  // 表11 issue requests, gate passes
  virtual PartReturnStore& part_returns() = 0;
  virtual PartSaleStore& part_sales() = 0;
  virtual VisitStore& visits() = 0;            // 表2 follow-up visits
  virtual CareStore& care() = 0;               // 表9 surveys, complaints, handover training
  virtual ExportStore& exports() = 0;          // every record type as rows (aftersales export)
  virtual NameStore& names() = 0;              // names by how they begin (shell completion)
  virtual AttachmentStore& attachments() = 0;  // scanned signed forms (issue 15)
  virtual SearchStore& search() = 0;           // full-text search of the records (issue 16)
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

// Opens the ledger `db` names (--db, AFTERSALES_DB): a PostgreSQL database when it is a libpq
// connection URI (postgresql://... or postgres://...; docs/postgresql.md), otherwise the SQLite
// file at that path, as open_sqlite_store. The options mean the same on both engines (create:
// `init` may make an empty PostgreSQL database a ledger; busy_timeout_ms: PostgreSQL's
// lock_timeout). Throws as open_sqlite_store, and Error(kUsage) for a PostgreSQL URI when this
// build has no PostgreSQL driver (AFTERSALES_POSTGRESQL off, or its module aftersales-postgresql.so
// missing or not loadable) or the database is not UTF8 with
// the C collation; Error(kStorageUnavailable) with the server's reason when it cannot be
// reached. Not every area's SQL runs on PostgreSQL yet (docs/postgresql.md, "How far it goes").
std::unique_ptr<Store> open_store(const std::string& db, const SqliteOptions& options);

// `db` (--db, AFTERSALES_DB) as messages show it: a URL's password written ***.
std::string shown_db(const std::string& db);

// The schema version this binary brings (the highest migration in schemas/).
int latest_schema_version();

}  // namespace aftersales
