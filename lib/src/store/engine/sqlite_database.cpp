#include "store/engine/sqlite_database.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "aftersales/core/error.h"
#include "store/engine/migrations.h"

namespace aftersales::store {
namespace {

DbFailure failure_of(const SQLite::Exception& e) {
  switch (e.getErrorCode() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DbFailure::kBusy;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return DbFailure::kReadOnly;
    case SQLITE_FULL:
      return DbFailure::kFull;
    case SQLITE_NOTADB:
      return DbFailure::kNotADatabase;
    case SQLITE_CORRUPT:
      return DbFailure::kDamaged;
    case SQLITE_CONSTRAINT:
      switch (e.getExtendedErrorCode()) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          return DbFailure::kUniqueViolation;
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          return DbFailure::kReferenced;
        default:
          return DbFailure::kConstraint;
      }
    default:
      return DbFailure::kOther;
  }
}

[[noreturn]] void rethrow(const SQLite::Exception& e) { throw DbError(failure_of(e), e.what()); }

// Runs `body`, turning SQLiteCpp's exceptions into DbError.
template <typename Body>
auto translated(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    rethrow(e);
  }
}

// The mark a ledger gets when SQLite finds it damaged: a file beside it (LEDGER.damaged) that
// stops every later write until `doctor` finds the ledger whole again. SQLite reports damage
// only where it reads, so a write touching other pages would otherwise go through.
class DamageMark {
 public:
  explicit DamageMark(std::string ledger)
      : path_(ledger == ":memory:" ? std::string() : ledger + ".damaged") {}

  void set(const std::string& what) const {
    if (path_.empty() || std::filesystem::exists(path_)) return;
    std::FILE* file = std::fopen(path_.c_str(), "w");
    if (file == nullptr) return;  // a read-only directory: the error itself still stops this run
    std::fprintf(file, "%s\n", what.c_str());
    std::fclose(file);
  }
  bool is_set() const { return !path_.empty() && std::filesystem::exists(path_); }
  void clear() const {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs `body` translating SQLiteCpp's exceptions into DbError; damage is marked on the way.
template <typename Body>
auto watched(const DamageMark& mark, Body&& body) -> decltype(body()) {
  try {
    return translated(std::forward<Body>(body));
  } catch (const DbError& e) {
    if (e.failure() == DbFailure::kDamaged) mark.set(e.what());
    throw;
  }
}

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(SQLite::Database& db, const char* sql, const DamageMark& mark)
      : mark_(mark), statement_(watched(mark, [&] { return SQLite::Statement(db, sql); })) {}

  void bind_null(int index) override {
    watched(mark_, [&] { statement_.bind(index); });
  }
  void bind(int index, std::int64_t value) override {
    watched(mark_, [&] { statement_.bind(index, value); });
  }
  void bind(int index, const std::string& text) override {
    watched(mark_, [&] { statement_.bind(index, text); });
  }
  void bind_bytes(int index, std::string_view bytes) override {
    // SQLiteCpp binds a blob with SQLITE_TRANSIENT: SQLite copies it.
    watched(mark_, [&] { statement_.bind(index, bytes.data(), static_cast<int>(bytes.size())); });
  }
  bool step() override {
    return watched(mark_, [&] { return statement_.executeStep(); });
  }
  std::int64_t run() override {
    return watched(mark_, [&] { return static_cast<std::int64_t>(statement_.exec()); });
  }
  bool is_null(int column) override {
    return watched(mark_, [&] { return statement_.getColumn(column).isNull(); });
  }
  std::int64_t int64(int column) override {
    return watched(mark_, [&] { return statement_.getColumn(column).getInt64(); });
  }
  std::string text(int column) override {
    return watched(mark_, [&] { return statement_.getColumn(column).getString(); });
  }
  std::string_view text_view(int column) override {
    return watched(mark_, [&] {
      const SQLite::Column value = statement_.getColumn(column);
      const char* text = value.getText();  // first the text, then its length (SQLite's order)
      return std::string_view(text, static_cast<std::size_t>(value.getBytes()));
    });
  }
  std::string bytes(int column) override {
    return watched(mark_, [&] {
      const SQLite::Column value = statement_.getColumn(column);
      const void* data = value.getBlob();  // first the blob, then its length (SQLite's order)
      const auto size = static_cast<std::size_t>(value.getBytes());
      return data == nullptr ? std::string() : std::string(static_cast<const char*>(data), size);
    });
  }
  void reset() override {
    statement_.tryReset();
    statement_.clearBindings();
  }

 private:
  const DamageMark& mark_;
  SQLite::Statement statement_;
};

void check_path(const std::string& path, const SqliteOptions& options) {
  if (path == ":memory:") return;
  if (std::filesystem::is_directory(path)) {
    throw Error(ErrorCode::kUsage, fmt::format("database {} is a directory", path),
                "name the database file with --db or AFTERSALES_DB");
  }
  if (!options.create && !std::filesystem::exists(path)) {
    throw Error(ErrorCode::kUsage, fmt::format("database {} does not exist", path),
                "create it with `aftersales init`, or name another with --db or AFTERSALES_DB");
  }
}

// The mark of an aftersales ledger in the SQLite header (PRAGMA application_id): "AfSv".
constexpr std::int64_t kApplicationId = 0x41665376;

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(const std::string& path, const SqliteOptions& options)
      : path_(path),
        busy_timeout_ms_(options.busy_timeout_ms),
        mark_(path),
        db_(guarded(fmt::format("opening {}", path), [&] {
          check_path(path, options);
          // No mutex: a connection is used by one thread at a time (the import's reader
          // thread reads files only), and SQLite's lock on every column read cost a whole-table
          // list a few per cent.
          return translated([&] {
            return SQLite::Database(
                path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX,
                options.busy_timeout_ms);
          });
        })) {
    guarded(fmt::format("opening {}", path), [&] {
      exec("PRAGMA foreign_keys = ON");
      if (path != ":memory:") recognise(options);
      const int version = schema_version();
      if (version > latest_schema_version()) {
        throw Error(ErrorCode::kUsage,
                    fmt::format("database {} has schema version {}, newer than this aftersales "
                                "knows ({}); it was left untouched",
                                path, version, latest_schema_version()),
                    "use the newer aftersales that last wrote it");
      }
      if (path != ":memory:") exec("PRAGMA journal_mode = WAL");
      migrate();
    });
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  void make_read_only() override { exec("PRAGMA query_only = ON"); }

  void write(const std::function<void()>& work) override {
    if (write_depth_ > 0) {
      work();
      return;
    }
    if (mark_.is_set()) {
      throw Error(ErrorCode::kStorageUnavailable,
                  fmt::format("the ledger {} was found damaged (see {}); it takes no changes "
                              "until `aftersales doctor` finds it whole",
                              path_, mark_.path()),
                  "run `aftersales doctor`; restore the last backup (`aftersales backup` copies "
                  "are whole) if it finds damage");
    }
    guarded(fmt::format("starting a change in {}", path_), [&] { exec("BEGIN IMMEDIATE"); });
    ++write_depth_;
    try {
      work();
      exec("COMMIT");
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
      } catch (const DbError& e) {
        rethrow_as_error(e, fmt::format("writing to {}", path_));
      }
    }
  }

  Query cached(const char* sql) override {
    std::unique_ptr<SqliteStatement>& statement = statements_[sql];
    if (!statement) statement = std::make_unique<SqliteStatement>(db_, sql, mark_);
    return Query(*statement);
  }

  Query prepare(const std::string& sql) override {
    return Query(std::make_unique<SqliteStatement>(db_, sql.c_str(), mark_));
  }

  std::int64_t last_insert_id() override { return db_.getLastInsertRowid(); }

  void exec(const std::string& sql) override {
    watched(mark_, [&] { db_.exec(sql); });
  }

  int schema_version() override {
    return guarded("reading the schema version", [&] {
      return translated([&] { return db_.execAndGet("PRAGMA user_version"); }).getInt();
    });
  }

  void backup_to(const std::string& path) override;

  void clear_damage() override { mark_.clear(); }

  std::optional<std::string> server_login() override { return std::nullopt; }

  IntegrityCheck check_integrity() override {
    // One row "ok", or up to 100 rows naming a problem each.
    IntegrityCheck check{"SQLite's integrity_check of the file", {}};
    try {
      Query query = prepare("PRAGMA integrity_check");
      while (query->step()) {
        std::string line = query->text(0);
        if (line != "ok") check.problems.push_back(std::move(line));
      }
    } catch (const DbError& e) {
      // Damage bad enough to stop the check (SQLITE_CORRUPT) is its answer; a busy, read-only
      // or full database is not, and is reported as such.
      if (e.failure() != DbFailure::kDamaged && e.failure() != DbFailure::kOther) throw;
      check.problems.push_back(std::string("the check could not finish: ") + e.what());
    }
    return check;
  }

  void set_busy_timeout(int milliseconds) override {
    busy_timeout_ms_ = milliseconds;
    translated([&] { db_.setBusyTimeout(milliseconds); });
  }

  bool drop_secondary_indexes(const std::string& table) override {
    // The schema's own CREATE INDEX statements; UNIQUE constraints have none (sql IS NULL) and
    // stay, as an upsert looks rows up by their natural key.
    std::vector<std::pair<std::string, std::string>> indexes;
    {
      Query query = prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql "
          "IS NOT NULL ORDER BY name");
      query->bind(1, table);
      while (query->step()) indexes.emplace_back(query->text(0), query->text(1));
    }
    for (const auto& [name, sql] : indexes) {
      exec(fmt::format("DROP INDEX \"{}\"", name));
      dropped_indexes_.push_back(sql);
    }
    return !indexes.empty();
  }

  void restore_secondary_indexes() override {
    for (const std::string& sql : dropped_indexes_) exec(sql);
    dropped_indexes_.clear();
  }

  std::unique_ptr<BulkWriter> bulk_writer(const std::string& table,
                                          const std::vector<std::string>& columns) override {
    return insert_bulk_writer(*this, table, columns);
  }

 private:
  std::int64_t pragma_number(const char* pragma) {
    Query query = prepare(pragma);
    return query->step() ? query->int64(0) : 0;
  }

  // Refuses a file that is not an aftersales ledger, before anything is written to it: another
  // program's SQLite database, or an empty file (a truncated ledger) unless `init` makes a new
  // one of it. A ledger from before the mark has our tables; it is marked when migrated.
  void recognise(const SqliteOptions& options) {
    if (pragma_number("PRAGMA application_id") == kApplicationId) return;
    const std::int64_t tables = pragma_number("SELECT count(*) FROM sqlite_master");
    if (tables == 0 && schema_version() == 0) {
      if (options.create) return;
      throw Error(
          ErrorCode::kUsage,
          fmt::format("{} is empty: it is not an aftersales ledger (a truncated copy?)", path_),
          "restore the last backup over it, or make a new ledger with `aftersales init`");
    }
    const std::int64_t ours = pragma_number(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('customer', "
        "'model', 'unit', 'audit_log')");
    if (pragma_number("PRAGMA application_id") == 0 && schema_version() >= 1 && ours == 4) {
      return;
    }
    throw Error(ErrorCode::kUsage,
                fmt::format("{} is not an aftersales ledger: it is another program's SQLite "
                            "database ({} tables); it was left untouched",
                            path_, tables),
                "check --db / AFTERSALES_DB");
  }

  void migrate() {
    if (schema_version() >= latest_schema_version()) return;
    write([this] {
      // Another process may have migrated while we waited for the write lock: read again.
      const int version = schema_version();
      for (const Migration& migration : migrations()) {
        if (migration.version <= version) continue;
        exec(migration.sql);
        exec(fmt::format("PRAGMA user_version = {}", migration.version));
      }
      exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    });
  }

  std::string path_;
  int busy_timeout_ms_;
  DamageMark mark_;
  SQLite::Database db_;
  // After db_: the statements are finalized before the connection closes.
  std::unordered_map<const char*, std::unique_ptr<SqliteStatement>> statements_;
  int write_depth_ = 0;
  std::vector<std::string> dropped_indexes_;  // CREATE INDEX statements to run again
};

void SqliteDatabase::backup_to(const std::string& path) {
  // Copy into a temporary file beside the target, then rename: a reader of `path` never sees
  // half a backup. The copy reads one consistent snapshot; in WAL mode writers go on meanwhile.
  std::error_code same_error;
  if (std::filesystem::equivalent(path, path_, same_error)) {
    throw Error(ErrorCode::kInvalidInput,
                fmt::format("{} is the database itself; a backup goes to another file", path),
                "name a new file, e.g. aftersales-2026-11-27.db");
  }
  // The ledger's own companions are SQLite's to manage: a copy written over one is lost.
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    const std::string companion = path_ + suffix;
    if (std::filesystem::equivalent(path, companion, same_error) ||
        std::filesystem::weakly_canonical(path, same_error) ==
            std::filesystem::weakly_canonical(companion, same_error)) {
      throw Error(ErrorCode::kUsage,
                  fmt::format("{} is the ledger's own {} file, which SQLite rewrites and deletes; "
                              "a backup goes to a file of its own",
                              path, suffix),
                  "name a new file, e.g. aftersales-2026-11-27.db");
    }
  }
  const std::string temporary = fmt::format("{}.tmp-{}", path, ::getpid());
  try {
    {
      SQLite::Database target(temporary, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      SQLite::Backup backup(target, db_);
      // Another connection may hold a lock for a moment; retry within the busy timeout.
      for (int waited_ms = 0; backup.executeStep(-1) != SQLITE_DONE; waited_ms += 50) {
        if (waited_ms > busy_timeout_ms_) {
          throw SQLite::Exception("database is locked", SQLITE_BUSY);
        }
        ::usleep(50 * 1000);
      }
    }
    std::filesystem::rename(temporary, path);
  } catch (const SQLite::Exception& e) {
    std::remove(temporary.c_str());
    rethrow_as_error(DbError(failure_of(e), e.what()), fmt::format("backing up to {}", path));
  } catch (const std::filesystem::filesystem_error& e) {
    std::remove(temporary.c_str());
    throw Error(ErrorCode::kStorageUnavailable,
                fmt::format("backing up to {}: {}", path, e.code().message()),
                "check that the directory exists and is writable");
  }
}

}  // namespace

std::unique_ptr<Database> open_sqlite_database(const std::string& path,
                                               const SqliteOptions& options) {
  return std::make_unique<SqliteDatabase>(path, options);
}

}  // namespace aftersales::store
