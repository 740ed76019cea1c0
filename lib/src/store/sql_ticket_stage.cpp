// New tickets written set-based (issue 13): staged through the engine's BulkWriter (COPY on
// PostgreSQL) into a temporary table, checked across rows in SQL, inserted in one statement;
// into a ledger without tickets, sent by COPY straight into the ticket table.
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/sql_stores.h"

namespace aftersales::store {
namespace {

// The stage keeps each row's place and source (for a finding that must name its line) and the
// columns a new ticket takes per row; the work state, the same for every new ticket, is bound
// once from the first row.
const std::vector<std::string> kStageColumns = {
    "seq",      "line",     "record",      "source",      "number", "serial",   "customer_code",
    "channel",  "category", "description", "reported_at", "km",     "coverage", "coverage_reason",
    "priority", "due_at",   "opened_by"};

constexpr const char* kCreateStage =
    "CREATE TEMP TABLE ticket_stage (seq INTEGER PRIMARY KEY, line BIGINT NOT NULL, record "
    "BIGINT NOT NULL, source TEXT NOT NULL, number TEXT NOT NULL, serial TEXT NOT NULL, "
    "customer_code TEXT NOT NULL, channel TEXT NOT NULL, category TEXT NOT NULL, description "
    "TEXT NOT NULL, reported_at BIGINT NOT NULL, km BIGINT, coverage TEXT NOT NULL, "
    "coverage_reason TEXT NOT NULL, priority TEXT NOT NULL, due_at BIGINT NOT NULL, opened_by "
    "TEXT NOT NULL); CREATE TEMP TABLE ticket_stage_rest (seq INTEGER PRIMARY KEY)";

// The rows held back: a number staged before (the window numbers each number's rows in
// staging order), a number the ledger holds, a unit the archive lacks.
constexpr const char* kHoldBack =
    "INSERT INTO ticket_stage_rest (seq) SELECT d.seq FROM (SELECT seq, number, serial, "
    "ROW_NUMBER() OVER (PARTITION BY number ORDER BY seq) AS nth FROM ticket_stage) d WHERE "
    "d.nth > 1 OR EXISTS (SELECT 1 FROM ticket t WHERE t.number = d.number) OR NOT EXISTS "
    "(SELECT 1 FROM unit u WHERE u.serial = d.serial)";

// The rest in one statement, in staging order (ids follow the file, as row by row).
constexpr const char* kInsert =
    "INSERT INTO ticket (state, resume_state, assignee, analysis, needs_factory, "
    "quality_claim, quality_confirmed, waiver_requested, waiver_reason, free_repair, "
    "itemised, contract_no, returned_reason, cancel_reason, visit_due_on, priority, due_at, "
    "number, unit_id, customer_id, channel, category, description, reported_at, km, "
    "coverage, coverage_reason, opened_by, batch_id) "
    "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, s.priority, "
    "s.due_at, s.number, u.id, c.id, s.channel, s.category, s.description, s.reported_at, "
    "s.km, s.coverage, s.coverage_reason, s.opened_by, ?16 FROM ticket_stage s JOIN unit u ON "
    "u.serial = s.serial LEFT JOIN customer c ON c.code = s.customer_code WHERE NOT EXISTS "
    "(SELECT 1 FROM ticket_stage_rest r WHERE r.seq = s.seq) ORDER BY s.seq";

// A first load goes straight into the table: the columns a new ticket takes per row, and the
// work state (the same for every new ticket) as two columns; the rest keep their defaults.
const std::vector<std::string> kDirectColumns = {
    "number",      "unit_id",      "customer_id", "channel",         "category", "description",
    "reported_at", "km",           "coverage",    "coverage_reason", "priority", "due_at",
    "state",       "resume_state", "opened_by",   "batch_id"};

// A direct load holds at most this many rows back, and takes at most this many in all before
// it wants a flush (the filter below answers for that many with < 3% false alarms).
constexpr std::size_t kHeldBackLimit = 10'000;
constexpr std::int64_t kDirectLimit = 4'000'000;

// Whether a number may have come before in a direct load: a Bloom filter of 2^25 bits (4 MiB)
// and three probes. "No" is certain; "maybe" holds the row back to the per-row path, which
// decides it exactly (at 1M numbers about 1 in 1,600 is a false alarm).
class NumberFilter {
 public:
  NumberFilter() : bits_(kBits / 64) {}
  // Notes `number`; returns whether it may have been noted before.
  bool note(const std::string& number) {
    const std::size_t hash = std::hash<std::string>{}(number);
    const std::uint64_t step = (hash >> 32) | 1;
    bool seen = true;
    for (std::uint64_t probe = 0; probe < 3; ++probe) {
      const std::uint64_t bit = (hash + probe * step) & (kBits - 1);
      std::uint64_t& word = bits_[bit / 64];
      const std::uint64_t mask = std::uint64_t{1} << (bit % 64);
      seen = seen && (word & mask) != 0;
      word |= mask;
    }
    return seen;
  }

 private:
  static constexpr std::uint64_t kBits = std::uint64_t{1} << 25;
  std::vector<std::uint64_t> bits_;
};

// Whether `t` has the work state of a new ticket as the table's defaults give it: then a direct
// load sends only its intake columns.
bool has_new_work_state(const Ticket& t) {
  return t.assignee.empty() && t.analysis.empty() && !t.needs_factory && !t.quality_claim &&
         !t.quality_confirmed && !t.waiver_requested && t.waiver_reason.empty() && !t.free_repair &&
         !t.itemised && t.contract_no.empty() && t.returned_reason.empty() &&
         t.cancel_reason.empty() && t.advice.empty() && !t.visit_due_on;
}

constexpr const char* kHeldBackPage =
    "SELECT r.seq, s.line, s.record, s.source FROM ticket_stage_rest r JOIN ticket_stage s ON "
    "s.seq = r.seq WHERE r.seq > ?1 ORDER BY r.seq LIMIT 256";

class SqlTicketStage final : public TicketStage {
 public:
  SqlTicketStage(Database& db, const ImportStamp& stamp) : db_(db), stamp_(stamp) {
    into_empty_ = guarded("reading the tickets", [&] {
      Query any = db_.prepare("SELECT 1 FROM ticket LIMIT 1");
      return !any->step();
    });
  }

  void add(const Ticket& ticket, std::int64_t unit_id, std::int64_t line, std::int64_t record,
           const std::function<std::string()>& source) override {
    try {
      if (!writer_) start(ticket);
      if (direct_) {
        add_direct(ticket, unit_id, line, record, source);
      } else {
        add_staged(ticket, line, record, source());
      }
    } catch (const DbError& e) {
      rethrow_as_error(e, "staging ticket " + ticket.number);  // the text only when needed
    }
  }

  std::int64_t staged() const override {
    return staged_ + static_cast<std::int64_t>(held_back_.size());
  }
  bool full() const override {
    return direct_ && (held_back_.size() >= kHeldBackLimit || staged_ >= kDirectLimit);
  }
  bool into_empty_ledger() const override { return into_empty_; }

  std::int64_t flush(const std::function<void(StagedTicketRow&)>& held_back) override {
    if (!writer_) return 0;
    ++flushes_;
    return direct_ ? flush_direct(held_back) : flush_staged(held_back);
  }

 private:
  // The first row since a flush decides how this batch goes: straight into the table only while
  // the ledger has no ticket (no batch before, none when the stage was opened).
  void start(const Ticket& first) {
    work_ = first;
    direct_ = into_empty_ && flushes_ == 0 && has_new_work_state(first);
    if (direct_) {
      writer_ = db_.bulk_writer("ticket", kDirectColumns);
      seen_ = std::make_unique<NumberFilter>();
    } else {
      db_.exec(kCreateStage);
      writer_ = db_.bulk_writer("ticket_stage", kStageColumns);
    }
  }

  void add_direct(const Ticket& ticket, std::int64_t unit_id, std::int64_t line,
                  std::int64_t record, const std::function<std::string()>& source) {
    if (seen_->note(ticket.number)) {
      held_back_.push_back(StagedTicketRow{line, record, source()});
      return;
    }
    const std::optional<std::int64_t> customer = customer_id(ticket.customer_code);
    BulkWriter& w = *writer_;
    ++staged_;
    w.add(ticket.number);
    w.add(unit_id);
    if (customer) {
      w.add(*customer);
    } else {
      w.add_null();  // refused by the table, as the staged INSERT's join would be
    }
    add_intake(w, ticket);
    w.add(state_name(work_.state));
    w.add(state_name(work_.resume_state));
    w.add(ticket.opened_by);
    if (stamp_.batch) {
      w.add(*stamp_.batch);
    } else {
      w.add_null();
    }
    w.end_row();
  }

  void add_staged(const Ticket& ticket, std::int64_t line, std::int64_t record,
                  const std::string& source) {
    BulkWriter& w = *writer_;
    w.add(++staged_);
    w.add(line);
    w.add(record);
    w.add(source);
    w.add(ticket.number);
    w.add(ticket.serial);
    w.add(ticket.customer_code);
    add_intake(w, ticket);
    w.add(ticket.opened_by);
    w.end_row();
  }

  // The intake columns, in the same order in both tables: channel to due_at.
  static void add_intake(BulkWriter& w, const Ticket& ticket) {
    w.add(ticket.channel);
    w.add(ticket.category);
    w.add(ticket.description);
    w.add(ticket.reported_at.seconds);
    if (ticket.km) {
      w.add(*ticket.km);
    } else {
      w.add_null();
    }
    w.add(coverage_name(ticket.coverage));
    w.add(ticket.coverage_reason);
    w.add(ticket.priority);
    w.add(ticket.due_at.seconds);
  }

  // Customers are few and shared by many tickets: one lookup each (memory bounded all the same).
  std::optional<std::int64_t> customer_id(const std::string& code) {
    if (customers_.size() >= 100'000) customers_.clear();
    auto [at, added] = customers_.try_emplace(code);
    if (added) {
      Query query = db_.cached("SELECT id FROM customer WHERE code = ?1");
      query->bind(1, code);
      if (query->step()) at->second = query->int64(0);
    }
    return at->second;
  }

  std::int64_t flush_direct(const std::function<void(StagedTicketRow&)>& held_back) {
    const std::int64_t inserted = guarded("writing the tickets", [&] {
      writer_->flush();
      writer_.reset();
      seen_.reset();
      return staged_;
    });
    staged_ = 0;
    std::vector<StagedTicketRow> rows;
    rows.swap(held_back_);
    for (StagedTicketRow& row : rows) held_back(row);
    return inserted;
  }

  std::int64_t flush_staged(const std::function<void(StagedTicketRow&)>& held_back) {
    const std::int64_t inserted = guarded("writing the staged tickets", [&] {
      writer_->flush();
      writer_.reset();
      staged_ = 0;
      db_.exec(kHoldBack);
      Query insert = db_.prepare(kInsert);
      bind_ticket_work(*insert, work_);
      bind_optional(*insert, 16, stamp_.batch);
      return insert->run();
    });
    // A page at a time, so that `held_back` finds the connection free for its own statements.
    std::vector<StagedTicketRow> page;
    std::int64_t after = 0;
    do {
      page.clear();
      guarded("reading the staged tickets held back", [&] {
        Query query = db_.prepare(kHeldBackPage);
        query->bind(1, after);
        while (query->step()) {
          after = query->int64(0);
          page.push_back(StagedTicketRow{query->int64(1), query->int64(2), query->text(3)});
        }
      });
      for (StagedTicketRow& row : page) held_back(row);
    } while (!page.empty());
    guarded("clearing the stage", [&] {
      db_.exec("DROP TABLE ticket_stage_rest");
      db_.exec("DROP TABLE ticket_stage");
    });
    return inserted;
  }

  Database& db_;
  const ImportStamp& stamp_;
  std::unique_ptr<BulkWriter> writer_;  // none between flushes: the tables are dropped then
  Ticket work_;                         // the work state of the rows staged
  std::int64_t staged_ = 0;
  bool into_empty_ = false;
  int flushes_ = 0;
  bool direct_ = false;                     // this batch goes straight into the table
  std::unique_ptr<NumberFilter> seen_;      // the direct batch's numbers
  std::vector<StagedTicketRow> held_back_;  // its rows whose number may have come before
  std::unordered_map<std::string, std::optional<std::int64_t>> customers_;  // ids by code
};

}  // namespace

std::unique_ptr<TicketStage> SqlTicketStore::open_stage() {
  // SQLite runs in the process: a prepared INSERT per row costs no round trip, and the stage
  // only added a second write (1M tickets: 21-24 s row by row, 29-37 s staged, measured
  // together on this branch). The stage is for a server, where each row cost round trips.
  if (db_.dialect() == Dialect::kSqlite) return nullptr;
  return std::make_unique<SqlTicketStage>(db_, stamp_);
}

}  // namespace aftersales::store
