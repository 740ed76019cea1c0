// New tickets written set-based (issue 13): staged through the engine's BulkWriter (COPY on
// PostgreSQL) into a temporary table, checked across rows in SQL, inserted in one statement.
#include <memory>
#include <string>
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

  void add(const Ticket& ticket, std::int64_t line, std::int64_t record,
           const std::string& source) override {
    guarded("staging ticket " + ticket.number, [&] {
      if (!writer_) {
        db_.exec(kCreateStage);
        writer_ = db_.bulk_writer("ticket_stage", kStageColumns);
        work_ = ticket;
      }
      BulkWriter& w = *writer_;
      w.add(++staged_);
      w.add(line);
      w.add(record);
      w.add(source);
      w.add(ticket.number);
      w.add(ticket.serial);
      w.add(ticket.customer_code);
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
      w.add(ticket.opened_by);
      w.end_row();
    });
  }

  std::int64_t staged() const override { return staged_; }
  bool into_empty_ledger() const override { return into_empty_; }

  std::int64_t flush(const std::function<void(StagedTicketRow&)>& held_back) override {
    if (!writer_) return 0;
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

 private:
  Database& db_;
  const ImportStamp& stamp_;
  std::unique_ptr<BulkWriter> writer_;  // none between flushes: the tables are dropped then
  Ticket work_;                         // the work state of the rows staged
  std::int64_t staged_ = 0;
  bool into_empty_ = false;
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
