// The engine port: what the areas' SQL needs from a database engine (private to
// lib/src/store). The areas write their SQL once against this interface, with `?N` parameters
// and the syntax SQLite and PostgreSQL share (RETURNING, ON CONFLICT, CTEs); a driver per
// engine (engine/sqlite_database.cpp) holds the connection, transactions, the statement cache,
// migrations and whatever else differs between dialects.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "aftersales/core/money.h"
#include "aftersales/core/time.h"

namespace aftersales::store {

// Why the engine failed, as the library's callers need to tell it apart.
enum class DbFailure {
  kBusy,             // locked by another writer past the busy timeout
  kReadOnly,         // the file or connection cannot be written
  kFull,             // the disk is full
  kNotADatabase,     // the file is not a database of this engine
  kDamaged,          // the engine found the database damaged (SQLite: malformed)
  kUniqueViolation,  // a UNIQUE or PRIMARY KEY constraint: the row exists already
  kReferenced,       // a FOREIGN KEY constraint: the row is referred to, or refers to nothing
  kConstraint,       // another constraint (CHECK, NOT NULL)
  kUnreachable,      // the connection to the database server was lost or refused
  kOther,            // anything else: I/O error, corruption, a bug
};

// The SQL dialect an engine speaks, for the few statements the areas write once per dialect
// because no form both engines run exists (docs/postgresql.md, part B).
enum class Dialect { kSqlite, kPostgres };

// A failure of the engine, thrown by drivers and translated into Error by guarded().
class DbError : public std::runtime_error {
 public:
  DbError(DbFailure failure, const std::string& message)
      : std::runtime_error(message), failure_(failure) {}
  DbFailure failure() const noexcept { return failure_; }

 private:
  DbFailure failure_;
};

// Translates a DbError into the library's Error, saying what we were `doing`: busy, read-only,
// full and other failures into kStorageUnavailable (retry later), a UNIQUE violation into
// kConflict, another constraint into kInvalidInput, "not a database" into kUsage.
[[noreturn]] void rethrow_as_error(const DbError& error, const std::string& doing);

// Runs `body`, translating engine failures into Error with what we were doing.
template <typename Body>
auto guarded(const std::string& doing, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const DbError& e) {
    rethrow_as_error(e, doing);
  }
}

// A prepared statement. Parameters are 1-based (`?1`), columns 0-based. Text is copied when
// bound. Methods throw DbError.
class Statement {
 public:
  virtual ~Statement() = default;
  virtual void bind_null(int index) = 0;
  virtual void bind(int index, std::int64_t value) = 0;
  virtual void bind(int index, const std::string& text) = 0;
  // Binds `bytes` as binary data (SQLite: a BLOB; PostgreSQL: bytea), copied when bound: a
  // file's content, any byte values, NUL and 0xFF included (issue 15, attachments).
  virtual void bind_bytes(int index, std::string_view bytes) = 0;
  // Steps to the next row of a query; false when there is none left.
  virtual bool step() = 0;
  // Runs a statement that returns no rows; returns the number of rows it changed.
  virtual std::int64_t run() = 0;
  virtual bool is_null(int column) = 0;
  virtual std::int64_t int64(int column) = 0;
  virtual std::string text(int column) = 0;
  // The column's text without a copy: a view into the engine's buffer, valid until the next
  // step(), reset() or another read of the same column as a different type. Empty for null.
  // For the row paths that read a whole table (exports, lists): copying each cell cost them.
  virtual std::string_view text_view(int column) = 0;
  // The column's binary data (a BLOB or bytea column), byte for byte; empty for null.
  virtual std::string bytes(int column) = 0;
  // Ends the current run and clears the bindings, so that no statement keeps a read open.
  virtual void reset() = 0;
};

// A statement in use: reset when the use ends. Either borrowed from the database's cache or
// owned (a statement prepared for one use).
class Query {
 public:
  explicit Query(Statement& cached) : statement_(&cached) {}
  explicit Query(std::unique_ptr<Statement> owned)
      : owned_(std::move(owned)), statement_(owned_.get()) {}
  ~Query() {
    try {
      statement_->reset();
    } catch (const DbError&) {
      // Resetting reports the last run's failure again; it was reported where it happened.
    }
  }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Statement* operator->() { return statement_; }
  Statement& operator*() { return *statement_; }

 private:
  std::unique_ptr<Statement> owned_;
  Statement* statement_;
};

// Rows appended to one table as fast as the engine takes them: an import's staging table
// (issue 13). The values of a row are added in the order of the columns named, then end_row().
// SQLite inserts each row with one prepared INSERT (in-process, as fast as it gets); PostgreSQL
// sends them with `COPY ... FROM STDIN` (text format) in chunks of about 1 MiB, one COPY per
// chunk, so that other statements may run between rows. Memory stays at one chunk. Methods
// throw DbError; a row the table refuses fails at the flush that sends it.
class BulkWriter {
 public:
  virtual ~BulkWriter() = default;
  virtual void add_null() = 0;
  virtual void add(std::int64_t value) = 0;
  virtual void add(std::string_view text) = 0;
  virtual void end_row() = 0;
  // Every row added is in the table once this returns: call it before reading the table.
  // Rows not flushed when the writer is destroyed are dropped.
  virtual void flush() = 0;
};

class Database {
 public:
  virtual ~Database() = default;

  // The dialect of this engine's SQL.
  virtual Dialect dialect() const = 0;

  // Runs `work` in one write transaction; commits when it returns, rolls back and rethrows
  // when it throws. Nested calls join the outer transaction. Throws Error(kStorageUnavailable)
  // when the database stays locked past the busy timeout, is read-only or the disk is full.
  virtual void write(const std::function<void()>& work) = 0;

  // The statement of `sql`, prepared once per connection and kept: `sql` is the cache key by
  // its address (a string literal or a static string, never a temporary). No use of the same
  // `sql` may nest.
  virtual Query cached(const char* sql) = 0;
  // A statement prepared for one use.
  virtual Query prepare(const std::string& sql) = 0;
  // The id of the row the last INSERT on this connection added (SQLite: last_insert_rowid;
  // PostgreSQL: lastval()). Inserts read it rather than use RETURNING: in SQLite a RETURNING
  // clause opens a statement journal on every run, which made an import ten times slower.
  virtual std::int64_t last_insert_id() = 0;
  // Runs statements without parameters or rows (DDL).
  virtual void exec(const std::string& sql) = 0;

  virtual void set_busy_timeout(int milliseconds) = 0;
  // From now on the connection refuses writes (SQLite: PRAGMA query_only; PostgreSQL:
  // default_transaction_read_only), for a command that only reads. The store calls it once it
  // is open (SqliteOptions::read_only), after what opening writes (migrations, search rows).
  virtual void make_read_only() = 0;
  // Lifts the stop on writes that finding the ledger damaged put (`doctor` found it whole).
  virtual void clear_damage() = 0;

  // The engine's own check of the stored data and its indexes. SQLite: PRAGMA integrity_check
  // of the file. PostgreSQL: amcheck's verify_heapam and bt_index_check of every table and
  // index of the ledger when the extension is installed in the database, otherwise none (the
  // server checks its pages itself). `method` says which ran, for the doctor's report.
  struct IntegrityCheck {
    std::string method;
    std::vector<std::string> problems;  // empty when sound; at most 100
  };
  virtual IntegrityCheck check_integrity() = 0;

  // The login the server authenticated (PostgreSQL: session_user); none for SQLite's file.
  virtual std::optional<std::string> server_login() = 0;

  // The schema version of the open database (the last migration applied).
  virtual int schema_version() = 0;
  // Copies the whole database to `path` consistently while others keep working. Throws
  // Error(kStorageUnavailable) when the copy cannot be written.
  virtual void backup_to(const std::string& path) = 0;

  // A large load into the empty `table` begins inside the current write: its secondary
  // indexes (not its UNIQUE keys) are dropped until restore_secondary_indexes() builds them
  // again in the same transaction (a rollback puts them back too). Where the engine checks
  // foreign keys by a trigger per row (PostgreSQL), the table's foreign keys are dropped too
  // and checked once, for the whole table, when restored. Returns whether anything was
  // dropped. `table` is a name of the schema, never input.
  virtual bool drop_secondary_indexes(const std::string& table) = 0;
  virtual void restore_secondary_indexes() = 0;

  // A writer of rows into `table`'s `columns` inside the current write (BulkWriter). `table`
  // and `columns` are names of the schema (or a temporary table of the store), never input.
  virtual std::unique_ptr<BulkWriter> bulk_writer(const std::string& table,
                                                  const std::vector<std::string>& columns) = 0;
};

// The BulkWriter of an engine that inserts rows fast enough one by one (SQLite): one prepared
// INSERT, run per row.
std::unique_ptr<BulkWriter> insert_bulk_writer(Database& db, const std::string& table,
                                               const std::vector<std::string>& columns);

// --- Binding and reading helpers shared by the areas' SQL --------------------------------

// Binds `values` to ?1, ?2, ... in order: a WHERE clause built from the filters given.
inline void bind_all(Statement& statement,
                     const std::vector<std::variant<std::int64_t, std::string>>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    if (const auto* number = std::get_if<std::int64_t>(&values[i])) {
      statement.bind(index, *number);
    } else {
      statement.bind(index, std::get<std::string>(values[i]));
    }
  }
}

template <typename T>
void bind_optional(Statement& statement, int index, const std::optional<T>& value) {
  if (value) {
    statement.bind(index, static_cast<std::int64_t>(*value));
  } else {
    statement.bind_null(index);
  }
}

inline void bind_optional(Statement& statement, int index,
                          const std::optional<std::string>& value) {
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind_null(index);
  }
}

inline void bind_optional(Statement& statement, int index, const std::optional<Money>& value) {
  bind_optional(statement, index, value ? std::optional<std::int64_t>(value->fen) : std::nullopt);
}

inline void bind_optional(Statement& statement, int index, const std::optional<Timestamp>& at) {
  bind_optional(statement, index, at ? std::optional<std::int64_t>(at->seconds) : std::nullopt);
}

inline void bind_date(Statement& statement, int index, const std::optional<Date>& date) {
  if (date) {
    statement.bind(index, format_date(*date));
  } else {
    statement.bind_null(index);
  }
}

template <typename T>
std::optional<T> optional_column(Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return static_cast<T>(row.int64(column));
}

inline std::optional<Date> date_column(Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return parse_date(row.text(column));
}

inline std::optional<Timestamp> time_column(Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return Timestamp{row.int64(column)};
}

inline bool flag_column(Statement& row, int column) { return row.int64(column) != 0; }

}  // namespace aftersales::store
