#include "store/engine/postgres_database.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>
#include <vector>

#include "aftersales/core/error.h"
#include "store/engine/migrations.h"
#include "store/engine/postgres_backup.h"
#include "store/engine/postgres_dialect.h"

namespace aftersales::store {
namespace {

// PostgreSQL's type of a boolean column (pg_type.oid of bool): a comparison in a SELECT list.
constexpr Oid kBoolType = 16;

// write() runs a transaction that the server ended with a serialization failure (40001) or a
// deadlock (40P01) again, as long as the busy timeout has not passed since the first run (a
// writer waits for the others as on SQLite, not fails), and at least this many times.
constexpr int kWriteAttempts = 5;
// The pause before the next run doubles from 10 ms up to this, with jitter, so that writers
// that collided do not collide again.
constexpr int kLongestPauseMs = 200;

// The key of the advisory lock migrations hold: "AfSv", as SQLite's application_id.
constexpr long long kMigrationLock = 0x41665376;

DbFailure failure_of(const std::string& state) {
  if (state == "23505") return DbFailure::kUniqueViolation;
  if (state == "23503" || state == "23001") return DbFailure::kReferenced;
  if (state.rfind("23", 0) == 0) return DbFailure::kConstraint;  // 23514 CHECK, 23502 NOT NULL
  // A value the column's type cannot hold (22P02: "abc" for a BIGINT): input, as SQLite's
  // type affinity would have stored or never matched it (docs/postgresql.md, B11 and C8).
  if (state == "22P02") return DbFailure::kConstraint;
  // Serialization failure and deadlock (after write()'s retries), a lock not granted within
  // lock_timeout (the busy timeout), a statement cancelled by statement_timeout.
  if (state == "40001" || state == "40P01" || state == "55P03" || state == "57014") {
    return DbFailure::kBusy;
  }
  if (state == "25006") return DbFailure::kReadOnly;  // read_only_sql_transaction
  if (state == "53100") return DbFailure::kFull;      // disk_full
  if (state == "XX001" || state == "XX002") return DbFailure::kDamaged;  // data or index corrupted
  // The connection lost or refused (08xxx), the server shutting down or starting (57P01-57P03).
  if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03") {
    return DbFailure::kUnreachable;
  }
  return DbFailure::kOther;  // the rest: the message carries the reason
}

bool retryable(const std::string& state) { return state == "40001" || state == "40P01"; }

// libpq's multi-line messages on one line: "connection to server ... failed: No such file or
// directory; Is the server running locally ...?"
std::string one_line(const char* message) {
  std::string out;
  bool gap = false;
  for (const char* p = message; p != nullptr && *p != '\0'; ++p) {
    if (*p == '\n' || *p == '\r' || *p == '\t') {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out += "; ";
    gap = false;
    out += *p;
  }
  return out;
}

// The connection and what is in flight on it. libpq runs one command at a time: a statement
// streaming rows (single-row mode) holds the connection until its rows are read, so before any
// other command settle() has it read the rest of its rows into its own buffer (a nested query
// costs the outer one its streaming, never its correctness).
class Connection;
class CopyWriter;

class PgStatement final : public Statement {
 public:
  PgStatement(Connection& connection, const std::string& sql, bool kept);
  ~PgStatement() override;
  PgStatement(const PgStatement&) = delete;
  PgStatement& operator=(const PgStatement&) = delete;

  void bind_null(int index) override { value(index).reset(); }
  void bind(int index, std::int64_t number) override { value(index) = std::to_string(number); }
  void bind(int index, const std::string& text) override { value(index) = text; }
  // bytea travels in the text format as its hex form, \x followed by two digits a byte.
  void bind_bytes(int index, std::string_view bytes) override;
  bool step() override;
  std::int64_t run() override;
  bool is_null(int column) override { return PQgetisnull(row(column), 0, column) != 0; }
  std::int64_t int64(int column) override;
  std::string text(int column) override;
  std::string_view text_view(int column) override;
  std::string bytes(int column) override;
  void reset() override;

  // Reads every row left of the current run into the buffer, freeing the connection.
  void buffer_rest();

 private:
  std::optional<std::string>& value(int index);
  std::vector<const char*> parameters() const;
  PGresult* row(int column);
  void clear_row();
  // Reads and discards what is left of the current run.
  void drain();

  Connection& connection_;
  std::string name_;
  bool kept_;
  std::vector<std::optional<std::string>> values_;
  bool running_ = false;   // a run was sent and its results are not all read
  bool finished_ = false;  // every result of the run was read (rows may be in buffer_)
  PGresult* row_ = nullptr;
  std::deque<PGresult*> buffer_;
  PGresult* failure_ = nullptr;  // the run's error, met while buffering: raised by step()
};

class Connection {
 public:
  explicit Connection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      const std::string why = one_line(PQerrorMessage(conn_));
      PQfinish(conn_);
      throw DbError(DbFailure::kOther, why);
    }
    // Text travels as UTF-8 whatever the client's locale; the server's notices ("relation
    // exists, skipping") are not output of ours.
    PQsetClientEncoding(conn_, "UTF8");
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
  }
  ~Connection() { PQfinish(conn_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  PGconn* get() { return conn_; }

  // Frees the connection for a new command: a COPY in progress is ended, the streaming
  // statement buffers its rest, and the one-use statements of earlier calls are deallocated.
  void settle();
  void copying(CopyWriter* writer) { copying_ = writer; }
  void copying_stopped(const CopyWriter* writer) {
    if (copying_ == writer) copying_ = nullptr;
  }
  void streaming(PgStatement* statement) { streaming_ = statement; }
  void stopped(const PgStatement* statement) {
    if (streaming_ == statement) streaming_ = nullptr;
  }
  void unused(std::string name) { unused_.push_back(std::move(name)); }
  std::string next_name(char kind) { return fmt::format("aftersales_{}{}", kind, ++named_); }

  // Throws the DbError of `result` (or of the connection when there is none) and frees it. The
  // SQLSTATE of the first failure in a transaction is kept: write() retries by it.
  [[noreturn]] void fail(PGresult* result) {
    std::string state;
    std::string message;
    if (result != nullptr) {
      const char* code = PQresultErrorField(result, PG_DIAG_SQLSTATE);
      const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
      const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL);
      if (code != nullptr) state = code;
      if (primary != nullptr) message = primary;
      if (detail != nullptr) message += fmt::format(" ({})", detail);
    }
    if (message.empty()) message = one_line(PQerrorMessage(conn_));
    if (PQstatus(conn_) == CONNECTION_BAD) {
      if (state.empty()) state = "08006";
      message = "the connection to the server was lost: " + message;
    }
    PQclear(result);
    if (first_failure_.empty()) first_failure_ = state;
    throw DbError(failure_of(state), message);
  }

  // Runs `sql` (one statement or several, no parameters); returns the first column of the
  // first row of the last statement, when it has one.
  std::optional<std::string> exec(const std::string& sql) {
    settle();
    PGresult* result = PQexec(conn_, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(result);
    std::optional<std::string> first;
    if (status == PGRES_TUPLES_OK && PQntuples(result) > 0 && PQnfields(result) > 0 &&
        !PQgetisnull(result, 0, 0)) {
      first = PQgetvalue(result, 0, 0);
    }
    PQclear(result);
    return first;
  }

  // Ends the transaction, whatever is in flight: a COPY in progress is ended first (a failure
  // it meets is noted as the transaction's, as any other), and a connection gone means the
  // server rolled back itself.
  void rollback() {
    try {
      settle();
    } catch (const DbError&) {
      // Noted by fail(); the COPY is over either way.
    }
    PQclear(PQexec(conn_, "ROLLBACK"));
  }

  // The SQLSTATE of the first failure since clear_failure(): what ended the transaction.
  const std::string& first_failure() const { return first_failure_; }
  // Notes the failure `result` of a run that will not raise it (a statement reset while its
  // error was buffered): it still ended the transaction, and write() retries by its SQLSTATE.
  // Without it a serialization failure met there left only the next statement's 25P02 ("the
  // transaction is aborted"), which is not retried: exit 6 (cli_concurrency_test.cpp).
  void note_failure(const PGresult* result) {
    const char* code = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    if (first_failure_.empty() && code != nullptr) first_failure_ = code;
  }
  void clear_failure() { first_failure_.clear(); }

 private:
  PGconn* conn_;
  PgStatement* streaming_ = nullptr;
  CopyWriter* copying_ = nullptr;  // the bulk writer whose COPY settle() ends
  std::vector<std::string> unused_;
  long named_ = 0;
  std::string first_failure_;
};

PgStatement::PgStatement(Connection& connection, const std::string& sql, bool kept)
    : connection_(connection), name_(connection.next_name(kept ? 's' : 'o')), kept_(kept) {
  int count = 0;
  const std::string text = postgres_parameters(sql, &count);
  values_.resize(static_cast<std::size_t>(count));
  connection_.settle();
  PGresult* result = PQprepare(connection_.get(), name_.c_str(), text.c_str(), count, nullptr);
  if (PQresultStatus(result) != PGRES_COMMAND_OK) connection_.fail(result);
  PQclear(result);
}

PgStatement::~PgStatement() {
  drain();
  clear_row();
  connection_.stopped(this);
  if (!kept_) connection_.unused(name_);
}

std::optional<std::string>& PgStatement::value(int index) {
  if (index < 1 || static_cast<std::size_t>(index) > values_.size()) {
    throw DbError(DbFailure::kOther,
                  fmt::format("parameter ?{} is not in the statement ({} parameters)", index,
                              values_.size()));
  }
  return values_[static_cast<std::size_t>(index - 1)];
}

std::vector<const char*> PgStatement::parameters() const {
  // A parameter never bound is NULL, as in SQLite.
  std::vector<const char*> all;
  all.reserve(values_.size());
  for (const auto& v : values_) all.push_back(v ? v->c_str() : nullptr);
  return all;
}

void PgStatement::clear_row() {
  PQclear(row_);
  row_ = nullptr;
}

void PgStatement::drain() {
  if (running_) {
    connection_.stopped(this);
    while (PGresult* rest = PQgetResult(connection_.get())) {
      const ExecStatusType status = PQresultStatus(rest);
      if (status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR) {
        connection_.note_failure(rest);
      }
      PQclear(rest);
    }
    running_ = false;
  }
  for (PGresult* buffered : buffer_) PQclear(buffered);
  buffer_.clear();
  if (failure_ != nullptr) connection_.note_failure(failure_);
  PQclear(failure_);
  failure_ = nullptr;
}

void PgStatement::buffer_rest() {
  while (running_) {
    PGresult* result = PQgetResult(connection_.get());
    if (result == nullptr) {
      running_ = false;
      finished_ = true;
      break;
    }
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_SINGLE_TUPLE) {
      buffer_.push_back(result);
    } else if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
      PQclear(result);
    } else if (failure_ == nullptr) {
      failure_ = result;
    } else {
      PQclear(result);
    }
  }
}

bool PgStatement::step() {
  clear_row();
  if (!running_ && !finished_) {
    // The first step sends the run: rows then come one at a time (single-row mode), so memory
    // stays flat however many there are.
    connection_.settle();
    const std::vector<const char*> values = parameters();
    if (PQsendQueryPrepared(connection_.get(), name_.c_str(), static_cast<int>(values.size()),
                            values.data(), nullptr, nullptr, 0) == 0) {
      connection_.fail(nullptr);
    }
    running_ = true;
    if (PQsetSingleRowMode(connection_.get()) == 0) {
      drain();
      connection_.fail(nullptr);
    }
    connection_.streaming(this);
  }
  if (!buffer_.empty()) {
    row_ = buffer_.front();
    buffer_.pop_front();
    return true;
  }
  if (failure_ != nullptr) {
    PGresult* failure = failure_;
    failure_ = nullptr;
    connection_.fail(failure);
  }
  while (running_) {
    PGresult* result = PQgetResult(connection_.get());
    if (result == nullptr) {
      running_ = false;
      break;
    }
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_SINGLE_TUPLE) {
      row_ = result;
      return true;
    }
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
      PQclear(result);
      continue;  // the end of the rows; PQgetResult's NULL follows
    }
    drain();
    connection_.fail(result);
  }
  connection_.stopped(this);
  finished_ = true;
  return false;
}

std::int64_t PgStatement::run() {
  drain();
  connection_.settle();
  const std::vector<const char*> values = parameters();
  PGresult* result =
      PQexecPrepared(connection_.get(), name_.c_str(), static_cast<int>(values.size()),
                     values.data(), nullptr, nullptr, 0);
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) connection_.fail(result);
  const char* changed = PQcmdTuples(result);
  std::int64_t count = 0;
  if (changed != nullptr && *changed != '\0') {
    std::from_chars(changed, changed + std::char_traits<char>::length(changed), count);
  }
  PQclear(result);
  finished_ = true;
  return count;
}

PGresult* PgStatement::row(int column) {
  if (row_ == nullptr) throw DbError(DbFailure::kOther, "a column was read with no row at hand");
  if (column < 0 || column >= PQnfields(row_)) {
    throw DbError(DbFailure::kOther,
                  fmt::format("column {} is not in the row ({} columns)", column, PQnfields(row_)));
  }
  return row_;
}

std::int64_t PgStatement::int64(int column) {
  PGresult* result = row(column);
  if (PQgetisnull(result, 0, column)) return 0;  // as SQLite reads NULL as a number
  const char* text = PQgetvalue(result, 0, column);
  if (PQftype(result, column) == kBoolType) return text[0] == 't' ? 1 : 0;
  const char* end = text + PQgetlength(result, 0, column);
  std::int64_t number = 0;
  auto [at, error] = std::from_chars(text, end, number);
  // SUM() of integers is a numeric; one without a fraction reads as its integer.
  if (error == std::errc() && at != end && *at == '.') {
    const char* digit = at + 1;
    while (digit != end && *digit == '0') ++digit;
    if (digit == end) at = end;
  }
  if (error != std::errc() || at != end) {
    throw DbError(DbFailure::kOther,
                  fmt::format("column {} holds \"{}\", not a whole number", column, text));
  }
  return number;
}

std::string PgStatement::text(int column) { return std::string(text_view(column)); }

std::string_view PgStatement::text_view(int column) {
  PGresult* result = row(column);
  if (PQgetisnull(result, 0, column)) return std::string_view();
  const char* text = PQgetvalue(result, 0, column);
  // A comparison in a SELECT list reads as SQLite's 1 or 0.
  if (PQftype(result, column) == kBoolType) return text[0] == 't' ? "1" : "0";
  return std::string_view(text, static_cast<std::size_t>(PQgetlength(result, 0, column)));
}

void PgStatement::bind_bytes(int index, std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 + 2 * bytes.size());
  hex += "\\x";
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 0x0f];
  }
  value(index) = std::move(hex);
}

std::string PgStatement::bytes(int column) {
  PGresult* result = row(column);
  if (PQgetisnull(result, 0, column)) return std::string();
  // The text form of bytea (hex, or the older escape form under bytea_output = escape).
  std::size_t size = 0;
  unsigned char* raw =
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result, 0, column)), &size);
  if (raw == nullptr) throw DbError(DbFailure::kOther, "out of memory reading binary data");
  std::string out(reinterpret_cast<const char*>(raw), size);
  PQfreemem(raw);
  return out;
}

void PgStatement::reset() {
  clear_row();
  drain();
  finished_ = false;
  for (auto& v : values_) v.reset();
}

// Rows sent with COPY ... FROM STDIN in text format, in chunks of about 1 MiB. A sender
// thread puts each chunk on the connection while the caller builds the next, so that the
// client's work and the server's overlap (issue 13: on two cores the import's own CPU time
// was added to the server's). One COPY runs across chunks until the connection is wanted for
// another statement: Connection::settle() then has the writer pause (the queue sent, the COPY
// ended, its failure raised on the caller's thread), and the next chunk starts a new COPY.
// Memory: the chunk being built, two queued and one being sent.
class CopyWriter final : public BulkWriter {
 public:
  CopyWriter(Connection& connection, const std::string& table,
             const std::vector<std::string>& columns)
      : connection_(connection) {
    std::string names;
    for (const std::string& column : columns) names += (names.empty() ? "" : ", ") + column;
    copy_ = fmt::format("COPY {} ({}) FROM STDIN", table, names);
    chunk_.reserve(kChunkBytes + 64 * 1024);
    connection_.copying(this);
  }

  ~CopyWriter() override {
    connection_.copying_stopped(this);
    if (sender_.joinable()) {
      {
        // Chunks not sent are dropped; what was sent stays, as documented for BulkWriter.
        const std::lock_guard<std::mutex> lock(mutex_);
        queue_.clear();
        stop_ = true;
      }
      changed_.notify_all();
      sender_.join();
    }
    PQclear(failure_);
  }
  CopyWriter(const CopyWriter&) = delete;
  CopyWriter& operator=(const CopyWriter&) = delete;

  void add_null() override {
    separate();
    chunk_ += "\\N";
  }
  void add(std::int64_t value) override {
    separate();
    char digits[24];
    const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
    chunk_.append(digits, end);
  }
  void add(std::string_view text) override {
    separate();
    // COPY's text format: backslash, tab, newline and carriage return are escaped.
    std::size_t plain = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      const char* escaped = c == '\\'   ? "\\\\"
                            : c == '\t' ? "\\t"
                            : c == '\n' ? "\\n"
                            : c == '\r' ? "\\r"
                                        : nullptr;
      if (escaped == nullptr) continue;
      chunk_.append(text.data() + plain, i - plain);
      chunk_ += escaped;
      plain = i + 1;
    }
    chunk_.append(text.data() + plain, text.size() - plain);
  }
  void end_row() override {
    chunk_ += '\n';
    first_in_row_ = true;
    if (chunk_.size() >= kChunkBytes) send();
  }

  void flush() override {
    send();
    pause();
  }

  // Waits until every chunk queued is on the server and the COPY is ended; throws the COPY's
  // failure (a row the table refused). Called by Connection::settle() before any statement.
  void pause() {
    if (!sent_since_pause_) return;
    sent_since_pause_ = false;
    std::unique_lock<std::mutex> lock(mutex_);
    pause_ = true;
    changed_.notify_all();
    changed_.wait(lock, [&] { return !pause_; });
    if (failure_ != nullptr || lost_) {
      PGresult* failure = failure_;
      failure_ = nullptr;
      lost_ = false;
      lock.unlock();
      connection_.fail(failure);
    }
  }

 private:
  static constexpr std::size_t kChunkBytes = 1 << 20;
  static constexpr std::size_t kQueued = 2;

  void separate() {
    if (!first_in_row_) chunk_ += '\t';
    first_in_row_ = false;
  }

  // Hands the chunk to the sender thread (started with the first), waiting while two are
  // queued: the caller never runs more than two chunks ahead of the server.
  void send() {
    if (chunk_.empty()) return;
    // The first chunk since a pause: the connection is freed of a streaming statement first.
    if (!sent_since_pause_) connection_.settle();
    std::unique_lock<std::mutex> lock(mutex_);
    if (!sender_.joinable()) sender_ = std::thread([this] { run(); });
    changed_.wait(lock, [&] { return queue_.size() < kQueued; });
    queue_.push_back(std::move(chunk_));
    lock.unlock();
    changed_.notify_all();
    chunk_ = std::string();
    chunk_.reserve(kChunkBytes + 64 * 1024);
    sent_since_pause_ = true;
  }

  // The sender thread: the only user of the connection while chunks are queued or a COPY is
  // open (settle() pauses it before any other statement).
  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      changed_.wait(lock, [&] { return stop_ || pause_ || !queue_.empty(); });
      if (!queue_.empty()) {
        std::string chunk = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        changed_.notify_all();
        put(chunk);
        lock.lock();
        continue;
      }
      lock.unlock();
      end_copy();
      lock.lock();
      if (stop_) return;
      pause_ = false;
      changed_.notify_all();
    }
  }

  void put(const std::string& chunk) {
    if (failure_ != nullptr || lost_) return;  // the server refused a row: the rest is dropped
    PGconn* conn = connection_.get();
    if (!open_) {
      PGresult* started = PQexec(conn, copy_.c_str());
      if (PQresultStatus(started) != PGRES_COPY_IN) {
        failure_ = started;
        return;
      }
      PQclear(started);
      open_ = true;
    }
    if (PQputCopyData(conn, chunk.data(), static_cast<int>(chunk.size())) != 1) lost_ = true;
  }

  void end_copy() {
    if (!open_) return;
    open_ = false;
    PGconn* conn = connection_.get();
    PQputCopyEnd(conn, lost_ ? "the rows could not be sent" : nullptr);
    // The COPY's outcome, then the end of its results: a refused row fails here.
    while (PGresult* result = PQgetResult(conn)) {
      if (PQresultStatus(result) != PGRES_COMMAND_OK && failure_ == nullptr) {
        failure_ = result;
      } else {
        PQclear(result);
      }
    }
  }

  Connection& connection_;
  std::string copy_;
  std::string chunk_;  // being built by the caller
  bool first_in_row_ = true;
  bool sent_since_pause_ = false;  // the caller's: whether pause() has anything to wait for

  std::thread sender_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> queue_;  // chunks for the sender, oldest first
  bool pause_ = false;             // asked by the caller, cleared by the sender when done
  bool stop_ = false;
  // The sender's, read by the caller once a pause is done:
  bool open_ = false;            // a COPY is in progress on the connection
  bool lost_ = false;            // a chunk could not be sent (the connection failed)
  PGresult* failure_ = nullptr;  // the server's refusal
};

void Connection::settle() {
  if (copying_ != nullptr) copying_->pause();
  if (streaming_ != nullptr) {
    PgStatement* statement = streaming_;
    streaming_ = nullptr;
    statement->buffer_rest();
  }
  if (!unused_.empty() && PQtransactionStatus(conn_) != PQTRANS_INERROR) {
    std::vector<std::string> names;
    names.swap(unused_);
    for (const std::string& name : names) {
      PQclear(PQexec(conn_, fmt::format("DEALLOCATE \"{}\"", name).c_str()));
    }
  }
}

// The connection to `url`; a server that cannot be reached is Error(kStorageUnavailable) with
// libpq's reason (exit 6), and a hint about the server, not about a file.
std::unique_ptr<Connection> connect(const std::string& url, const std::string& shown) {
  try {
    return std::make_unique<Connection>(url);
  } catch (const DbError& e) {
    throw Error(ErrorCode::kStorageUnavailable, fmt::format("opening {}: {}", shown, e.what()),
                "check that the PostgreSQL server is running and reachable, and the URL, user "
                "and password of --db / AFTERSALES_DB");
  }
}

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(const std::string& url, const SqliteOptions& options)
      : shown_(redacted_url(url)), connection_(connect(url, shown_)) {
    guarded(fmt::format("opening {}", shown_), [&] {
      check_locale();
      set_busy_timeout(options.busy_timeout_ms);
      recognise(options);
      const int version = schema_version();
      if (version > latest_schema_version()) {
        throw Error(ErrorCode::kUsage,
                    fmt::format("database {} has schema version {}, newer than this aftersales "
                                "knows ({}); it was left untouched",
                                shown_, version, latest_schema_version()),
                    "use the newer aftersales that last wrote it");
      }
      migrate();
    });
  }

  ~PostgresDatabase() override {
    statements_.clear();  // before the connection closes
  }

  Dialect dialect() const override { return Dialect::kPostgres; }

  void make_read_only() override { exec("SET default_transaction_read_only = on"); }

  void write(const std::function<void()>& work) override {
    if (write_depth_ > 0) {
      work();
      return;
    }
    std::minstd_rand jitter(static_cast<unsigned>(::getpid()));
    const auto started = std::chrono::steady_clock::now();
    for (int attempt = 1;; ++attempt) {
      guarded(fmt::format("starting a change in {}", shown_),
              [&] { exec("BEGIN ISOLATION LEVEL SERIALIZABLE"); });
      connection_->clear_failure();
      ++write_depth_;
      try {
        work();
        exec("COMMIT");
        --write_depth_;
        return;
      } catch (...) {
        --write_depth_;
        dropped_indexes_.clear();  // the rollback puts them back
        connection_->rollback();
        const std::string ended_by = connection_->first_failure();
        // A serialization failure or deadlock ends the transaction whatever the work made of
        // the error (an area's guarded() turns it into Error): run the work again, a little
        // later each time. Eight desks writing at once met more than five failures in a row
        // (tests/cli/cli_concurrency_test.cpp); a fixed count of runs made them exit 6.
        if (retryable(ended_by)) {
          const int ceiling = std::min(10 << std::min(attempt - 1, 5), kLongestPauseMs);
          const int half = ceiling / 2;  // the pause: from half the ceiling to just under it
          const auto pause = std::chrono::milliseconds(
              half + static_cast<int>(jitter() % static_cast<unsigned>(half)));
          const auto waited = std::chrono::steady_clock::now() - started;
          if (attempt < kWriteAttempts ||
              waited + pause < std::chrono::milliseconds(busy_timeout_ms_)) {
            std::this_thread::sleep_for(pause);
            continue;
          }
        }
        try {
          throw;
        } catch (const DbError& e) {
          rethrow_as_error(e, fmt::format("writing to {}", shown_));
        }
      }
    }
  }

  Query cached(const char* sql) override {
    std::unique_ptr<PgStatement>& statement = statements_[sql];
    if (!statement) statement = std::make_unique<PgStatement>(*connection_, sql, true);
    return Query(*statement);
  }

  Query prepare(const std::string& sql) override {
    return Query(std::make_unique<PgStatement>(*connection_, sql, false));
  }

  std::int64_t last_insert_id() override {
    Query query = cached("SELECT lastval()");
    query->step();
    return query->int64(0);
  }

  void exec(const std::string& sql) override { connection_->exec(sql); }

  void set_busy_timeout(int milliseconds) override {
    // How long a statement waits for a lock another transaction holds: lock_not_available
    // (55P03) after it, which is kBusy.
    exec(fmt::format("SET lock_timeout = {}", milliseconds));
    busy_timeout_ms_ = milliseconds;
  }

  // PostgreSQL reports damage (XX001, XX002) where it meets it and keeps no mark of its own.
  void clear_damage() override {}

  int schema_version() override {
    return guarded("reading the schema version", [&] {
      if (!has_table("aftersales_schema")) return 0;
      const std::optional<std::string> version =
          connection_->exec("SELECT max(version) FROM aftersales_schema");
      return version ? std::stoi(*version) : 0;
    });
  }

  void backup_to(const std::string& path) override {
    const std::string schema = connection_->exec("SELECT current_schema()").value_or("public");
    dump_database(connection_->get(), schema, shown_, path);
  }

  std::optional<std::string> server_login() override {
    // session_user, not current_user: SET ROLE does not change who logged in.
    if (!login_) login_ = connection_->exec("SELECT session_user").value_or("");
    return login_;
  }

  IntegrityCheck check_integrity() override {
    const std::optional<std::string> amcheck = connection_->exec(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'amcheck'");
    if (!amcheck) {
      return {
          "none: amcheck is not installed in this database (its owner runs CREATE EXTENSION "
          "amcheck, from Debian's postgresql-15, for doctor to verify tables and indexes)",
          {}};
    }
    // Every table and btree index of the ledger's schema, each checked on its own so that one
    // damaged relation does not hide the others.
    std::vector<std::pair<std::string, std::string>> relations;  // name, kind: r or i
    {
      Query query = prepare(
          "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = "
          "c.relnamespace LEFT JOIN pg_am a ON a.oid = c.relam WHERE n.nspname = "
          "current_schema() AND (c.relkind = 'r' OR (c.relkind = 'i' AND a.amname = 'btree')) "
          "ORDER BY c.relkind DESC, c.relname");
      while (query->step()) relations.emplace_back(query->text(0), query->text(1));
    }
    IntegrityCheck check;
    int tables = 0;
    for (const auto& [name, kind] : relations) {
      if (check.problems.size() >= 100) break;
      const bool table = kind == "r";
      tables += table ? 1 : 0;
      try {
        // amcheck's functions by their schema: the ledger's search_path may not hold it.
        Query query = prepare(
            table ? fmt::format("SELECT blkno, offnum, msg FROM \"{}\".verify_heapam(CAST(?1 AS "
                                "regclass))",
                                *amcheck)
                  : fmt::format("SELECT \"{}\".bt_index_check(CAST(?1 AS regclass), true)",
                                *amcheck));
        query->bind(1, "\"" + name + "\"");
        while (query->step()) {
          if (table) {
            check.problems.push_back(fmt::format("table {}, block {}, item {}: {}", name,
                                                 query->text(0), query->text(1), query->text(2)));
          }
        }
      } catch (const DbError& e) {
        if (e.failure() != DbFailure::kDamaged && e.failure() != DbFailure::kOther) throw;
        check.problems.push_back(
            fmt::format("{} {}: {}", table ? "table" : "index", name, e.what()));
      }
    }
    check.method = fmt::format("amcheck of {} tables and {} indexes", tables,
                               relations.size() - static_cast<std::size_t>(tables));
    return check;
  }

  bool drop_secondary_indexes(const std::string& table) override {
    // The indexes of CREATE INDEX; those behind a UNIQUE or PRIMARY KEY constraint stay, and
    // so do partial ones: their predicate picks the few rows a report looks for (a quality
    // claim, a visit due), which new rows rarely are; keeping one costs a test per row,
    // building it again a scan of the table.
    std::vector<std::pair<std::string, std::string>> indexes;
    {
      Query query = prepare(
          "SELECT c.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class c ON "
          "c.oid = x.indexrelid WHERE x.indrelid = CAST(?1 AS regclass) AND x.indpred IS NULL "
          "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid) "
          "ORDER BY c.relname");
      query->bind(1, table);
      while (query->step()) indexes.emplace_back(query->text(0), query->text(1));
    }
    for (const auto& [name, sql] : indexes) {
      exec(fmt::format("DROP INDEX \"{}\"", name));
      dropped_indexes_.push_back(sql);
    }
    // Foreign keys too: PostgreSQL checks them by a trigger per row and key (three queries a
    // ticket), where adding one back checks the whole table in one join.
    std::vector<std::pair<std::string, std::string>> keys;
    {
      Query query = prepare(
          "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
          "CAST(?1 AS regclass) AND contype = 'f' ORDER BY conname");
      query->bind(1, table);
      while (query->step()) keys.emplace_back(query->text(0), query->text(1));
    }
    for (const auto& [name, definition] : keys) {
      exec(fmt::format("ALTER TABLE \"{}\" DROP CONSTRAINT \"{}\"", table, name));
      dropped_indexes_.push_back(
          fmt::format("ALTER TABLE \"{}\" ADD CONSTRAINT \"{}\" {}", table, name, definition));
    }
    return !indexes.empty() || !keys.empty();
  }

  void restore_secondary_indexes() override {
    for (const std::string& sql : dropped_indexes_) exec(sql);
    dropped_indexes_.clear();
  }

  std::unique_ptr<BulkWriter> bulk_writer(const std::string& table,
                                          const std::vector<std::string>& columns) override {
    return std::make_unique<CopyWriter>(*connection_, table, columns);
  }

 private:
  bool has_table(const char* name) {
    return connection_->exec(fmt::format("SELECT count(*) FROM pg_tables WHERE schemaname = "
                                         "current_schema() AND tablename = '{}'",
                                         name)) != std::optional<std::string>("0");
  }

  // Text must sort by bytes and fold ASCII only, as in SQLite, or lists come out in another
  // order and unit search matches other letters (docs/postgresql.md, "Collation").
  void check_locale() {
    const std::optional<std::string> locale = connection_->exec(
        "SELECT pg_encoding_to_char(encoding) || ' ' || datcollate || ' ' || datctype FROM "
        "pg_database WHERE datname = current_database()");
    if (locale == std::optional<std::string>("UTF8 C C") ||
        locale == std::optional<std::string>("UTF8 POSIX POSIX")) {
      return;
    }
    throw Error(ErrorCode::kUsage,
                fmt::format("database {} has encoding, collation and ctype \"{}\": aftersales "
                            "needs UTF8 with the C collation, so that text sorts as on SQLite",
                            shown_, locale.value_or("?")),
                "create the database with: createdb --encoding=UTF8 --locale=C "
                "--template=template0 NAME");
  }

  // Refuses a database that is not an aftersales ledger before anything is written to it: one
  // with another program's tables, or an empty one unless `init` makes a ledger of it.
  void recognise(const SqliteOptions& options) {
    if (has_table("aftersales_schema")) return;
    const std::string tables =
        connection_->exec("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
            .value_or("0");
    if (tables == "0") {
      if (options.create) return;
      throw Error(
          ErrorCode::kUsage,
          fmt::format("{} is an empty database: it is not an aftersales ledger yet", shown_),
          "make it one with `aftersales init`, or name another with --db or "
          "AFTERSALES_DB");
    }
    throw Error(ErrorCode::kUsage,
                fmt::format("{} is not an aftersales ledger: it is another program's database "
                            "({} tables); it was left untouched",
                            shown_, tables),
                "check --db / AFTERSALES_DB");
  }

  // Applies the migrations the ledger lacks in one transaction, under an advisory lock so that
  // two processes starting together migrate once: READ COMMITTED, so that after the wait the
  // version read is the one the other process committed.
  void migrate() {
    const int version = schema_version();
    if (version >= latest_schema_version()) return;
    // The staff's logins may not create tables (docs/postgresql.md, "One server for many
    // hosts"): say who may, rather than the server's "permission denied for schema".
    if (connection_->exec("SELECT has_schema_privilege(current_schema(), 'CREATE')") !=
        std::optional<std::string>("t")) {
      throw Error(
          ErrorCode::kUsage,
          fmt::format("{} has schema version {} and this aftersales brings {}; the login "
                      "{} may not create tables there to bring it up to date",
                      shown_, version, latest_schema_version(), server_login().value_or("?")),
          "have the ledger's owner run `aftersales init` once (docs/postgresql.md)");
    }
    exec("BEGIN ISOLATION LEVEL READ COMMITTED");
    try {
      exec(fmt::format("SELECT pg_advisory_xact_lock({})", kMigrationLock));
      exec("CREATE TABLE IF NOT EXISTS aftersales_schema (version INTEGER NOT NULL)");
      const int applied = schema_version();  // another process may have migrated meanwhile
      for (const Migration& migration : migrations()) {
        if (migration.version <= applied) continue;
        exec(postgres_migration(migration));
      }
      exec(fmt::format("DELETE FROM aftersales_schema; INSERT INTO aftersales_schema VALUES ({})",
                       latest_schema_version()));
      exec("COMMIT");
    } catch (...) {
      connection_->rollback();
      throw;
    }
  }

  std::string shown_;  // the URL without its password
  std::unique_ptr<Connection> connection_;
  // After connection_: the statements are deallocated before the connection closes.
  std::unordered_map<const char*, std::unique_ptr<PgStatement>> statements_;
  int write_depth_ = 0;
  int busy_timeout_ms_ = 0;  // how long write() goes on running a work that fails to serialize
  // CREATE INDEX and ADD CONSTRAINT statements to run again
  std::vector<std::string> dropped_indexes_;
  std::optional<std::string> login_;  // session_user, read once
};

}  // namespace

std::unique_ptr<Database> open_postgres_database(const std::string& url,
                                                 const SqliteOptions& options) {
  return std::make_unique<PostgresDatabase>(url, options);
}

}  // namespace aftersales::store
