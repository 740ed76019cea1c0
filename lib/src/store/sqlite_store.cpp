// Opening, migrating, transactions and backup of the SQLite store.
#include "store/sqlite_store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cstdio>
#include <filesystem>

#include "aftersales/core/error.h"
#include "store/migrations.h"

namespace aftersales {
namespace store {

void rethrow_sqlite(const SQLite::Exception& e, const std::string& doing) {
  const int primary = e.getErrorCode() & 0xff;
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Error(ErrorCode::kStorageUnavailable,
                  fmt::format("{}: the database is busy with another user's change", doing),
                  "retry in a moment; raise [storage] busy_timeout_ms to wait longer");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      throw Error(ErrorCode::kStorageUnavailable,
                  fmt::format("{}: the database cannot be written: {}", doing, e.what()),
                  "check the file's permissions and that its directory is writable");
    case SQLITE_FULL:
      throw Error(ErrorCode::kStorageUnavailable, fmt::format("{}: the disk is full", doing),
                  "free some space and retry");
    case SQLITE_NOTADB:
      throw Error(ErrorCode::kUsage,
                  fmt::format("{}: the file is not an aftersales database", doing),
                  "check --db / AFTERSALES_DB");
    case SQLITE_CONSTRAINT:
      throw Error(ErrorCode::kInvalidInput, fmt::format("{}: {}", doing, e.what()));
    default:
      throw Error(ErrorCode::kStorageUnavailable, fmt::format("{}: {}", doing, e.what()),
                  "run `aftersales doctor` or restore the last backup if this persists");
  }
}

namespace {

int open_flags(const std::string& path, const SqliteOptions& options) {
  if (path != ":memory:" && std::filesystem::is_directory(path)) {
    throw Error(ErrorCode::kUsage, fmt::format("database {} is a directory", path),
                "name the database file with --db or AFTERSALES_DB");
  }
  if (path != ":memory:" && !options.create && !std::filesystem::exists(path)) {
    throw Error(ErrorCode::kUsage, fmt::format("database {} does not exist", path),
                "create it with `aftersales init`, or name another with --db or AFTERSALES_DB");
  }
  return SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
}

SQLite::Database open_database(const std::string& path, const SqliteOptions& options) {
  try {
    return SQLite::Database(path, open_flags(path, options), options.busy_timeout_ms);
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, fmt::format("opening {}", path));
  }
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path, const SqliteOptions& options)
    : path_(path), busy_timeout_ms_(options.busy_timeout_ms), db_(open_database(path, options)) {
  try {
    db_.exec("PRAGMA foreign_keys = ON");
    const int version = db_.execAndGet("PRAGMA user_version").getInt();
    if (version > latest_schema_version()) {
      throw Error(ErrorCode::kUsage,
                  fmt::format("database {} has schema version {}, newer than this aftersales "
                              "knows ({}); it was left untouched",
                              path, version, latest_schema_version()),
                  "use the newer aftersales that last wrote it");
    }
    if (path != ":memory:") db_.exec("PRAGMA journal_mode = WAL");
    migrate();
    if (options.read_only) db_.exec("PRAGMA query_only = ON");
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, fmt::format("opening {}", path));
  }
}

void SqliteStore::migrate() {
  if (db_.execAndGet("PRAGMA user_version").getInt() >= latest_schema_version()) return;
  write([this] {
    // Another process may have migrated while we waited for the write lock: read again.
    const int version = db_.execAndGet("PRAGMA user_version").getInt();
    for (const Migration& migration : migrations()) {
      if (migration.version <= version) continue;
      db_.exec(migration.sql);
      db_.exec(fmt::format("PRAGMA user_version = {}", migration.version));
    }
  });
}

void SqliteStore::write(const std::function<void()>& work) {
  if (write_depth_ > 0) {
    work();
    return;
  }
  try {
    db_.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, fmt::format("starting a change in {}", path_));
  }
  ++write_depth_;
  try {
    work();
    db_.exec("COMMIT");
    --write_depth_;
  } catch (...) {
    --write_depth_;
    dropped_indexes_.clear();  // the rollback puts them back
    try {
      db_.exec("ROLLBACK");
    } catch (const SQLite::Exception&) {
      // The transaction is already gone (SQLite rolled it back itself); nothing to undo.
    }
    try {
      throw;
    } catch (const SQLite::Exception& e) {
      rethrow_sqlite(e, fmt::format("writing to {}", path_));
    }
  }
}

int SqliteStore::schema_version() {
  try {
    return db_.execAndGet("PRAGMA user_version").getInt();
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, "reading the schema version");
  }
}

void SqliteStore::backup_to(const std::string& path) {
  // Copy into a temporary file beside the target, then rename: a reader of `path` never sees
  // half a backup. The copy reads one consistent snapshot; in WAL mode writers go on meanwhile.
  std::error_code same_error;
  if (std::filesystem::equivalent(path, path_, same_error)) {
    throw Error(ErrorCode::kInvalidInput,
                fmt::format("{} is the database itself; a backup goes to another file", path),
                "name a new file, e.g. aftersales-2026-11-27.db");
  }
  const std::string temporary = fmt::format("{}.tmp-{}", path, ::getpid());
  try {
    {
      SQLite::Database target(temporary, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      SQLite::Backup backup(target, db_);
      // Another connection may hold a lock for a moment; retry within the busy timeout.
      for (int waited_ms = 0; backup.executeStep(-1) != SQLITE_DONE; waited_ms += 50) {
        if (waited_ms > busy_timeout_ms_)
          throw SQLite::Exception("database is locked", SQLITE_BUSY);
        ::usleep(50 * 1000);
      }
    }
    std::filesystem::rename(temporary, path);
  } catch (const SQLite::Exception& e) {
    std::remove(temporary.c_str());
    rethrow_sqlite(e, fmt::format("backing up to {}", path));
  } catch (const std::filesystem::filesystem_error& e) {
    std::remove(temporary.c_str());
    throw Error(ErrorCode::kStorageUnavailable,
                fmt::format("backing up to {}: {}", path, e.code().message()),
                "check that the directory exists and is writable");
  }
}

SqliteStore::Cached SqliteStore::cached(const char* sql) {
  std::unique_ptr<SQLite::Statement>& statement = statements_[sql];
  if (!statement) {
    statement = std::make_unique<SQLite::Statement>(db_, sql);
  } else {
    statement->clearBindings();
  }
  return Cached(*statement);
}

std::int64_t SqliteStore::id_of(const char* sql, const std::string& key, const char* what) {
  Cached query = cached(sql);
  query->bind(1, key);
  if (!query->executeStep()) {
    throw Error(ErrorCode::kNotFound, fmt::format("{} {} does not exist", what, key));
  }
  return query->getColumn(0).getInt64();
}

}  // namespace store

int latest_schema_version() {
  const auto& all = store::migrations();
  return all.empty() ? 0 : all.back().version;
}

std::unique_ptr<Store> open_sqlite_store(const std::string& path, const SqliteOptions& options) {
  return std::make_unique<store::SqliteStore>(path, options);
}

}  // namespace aftersales
