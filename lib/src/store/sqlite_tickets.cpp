// SQL of tickets (表3), their cost lines, pauses and work records (表6).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "aftersales/core/error.h"
#include "store/sqlite_binding.h"
#include "store/sqlite_store.h"

namespace aftersales::store {
namespace {

const char* const kTicketSelect =
    "SELECT t.id, t.number, u.serial, c.code, t.channel, t.category, t.description, "
    "t.reported_at, t.km, t.coverage, t.coverage_reason, t.priority, t.due_at, t.state, "
    "t.resume_state, t.assignee, t.analysis, t.needs_factory, t.quality_claim, "
    "t.quality_confirmed, t.waiver_requested, t.waiver_reason, t.free_repair, t.itemised, "
    "t.contract_no, t.returned_reason, t.cancel_reason, t.visit_due_on, t.opened_by "
    "FROM ticket t JOIN unit u ON u.id = t.unit_id JOIN customer c ON c.id = t.customer_id ";

// ?1..?17 as bind_ticket_state binds them, then the intake fields.
const char* const kTicketInsert =
    "INSERT INTO ticket (state, resume_state, assignee, analysis, needs_factory, "
    "quality_claim, quality_confirmed, waiver_requested, waiver_reason, free_repair, "
    "itemised, contract_no, returned_reason, cancel_reason, visit_due_on, priority, due_at, "
    "number, unit_id, customer_id, channel, category, description, reported_at, km, "
    "coverage, coverage_reason, opened_by, batch_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
    "?18, (SELECT id FROM unit WHERE serial = ?19), (SELECT id FROM customer WHERE code = "
    "?20), ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)";

TicketState state_column(const SQLite::Column& column) {
  return parse_state(column.getString()).value_or(TicketState::kRegistered);
}

Ticket read_ticket(SQLite::Statement& row) {
  Ticket t;
  t.id = row.getColumn(0).getInt64();
  t.number = row.getColumn(1).getString();
  t.serial = row.getColumn(2).getString();
  t.customer_code = row.getColumn(3).getString();
  t.channel = row.getColumn(4).getString();
  t.category = row.getColumn(5).getString();
  t.description = row.getColumn(6).getString();
  t.reported_at = Timestamp{row.getColumn(7).getInt64()};
  t.km = optional_column<std::int64_t>(row.getColumn(8));
  t.coverage = parse_coverage(row.getColumn(9).getString()).value_or(Coverage::kPaid);
  t.coverage_reason = row.getColumn(10).getString();
  t.priority = row.getColumn(11).getString();
  t.due_at = Timestamp{row.getColumn(12).getInt64()};
  t.state = state_column(row.getColumn(13));
  t.resume_state = state_column(row.getColumn(14));
  t.assignee = row.getColumn(15).getString();
  t.analysis = row.getColumn(16).getString();
  t.needs_factory = row.getColumn(17).getInt() != 0;
  t.quality_claim = row.getColumn(18).getInt() != 0;
  if (!row.getColumn(19).isNull()) t.quality_confirmed = row.getColumn(19).getInt() != 0;
  t.waiver_requested = row.getColumn(20).getInt() != 0;
  t.waiver_reason = row.getColumn(21).getString();
  t.free_repair = row.getColumn(22).getInt() != 0;
  t.itemised = row.getColumn(23).getInt() != 0;
  t.contract_no = row.getColumn(24).getString();
  t.returned_reason = row.getColumn(25).getString();
  t.cancel_reason = row.getColumn(26).getString();
  t.visit_due_on = date_column(row.getColumn(27));
  t.opened_by = row.getColumn(28).getString();
  return t;
}

// Binds the ticket's changeable fields to ?1..?17 (the order of kTicketUpdate); the text
// without a copy: `t` must outlive the statement's run.
void bind_ticket_state(SQLite::Statement& s, const Ticket& t) {
  s.bindNoCopy(1, state_name(t.state));
  s.bindNoCopy(2, state_name(t.resume_state));
  s.bindNoCopy(3, t.assignee);
  s.bindNoCopy(4, t.analysis);
  s.bind(5, t.needs_factory ? 1 : 0);
  s.bind(6, t.quality_claim ? 1 : 0);
  if (t.quality_confirmed) {
    s.bind(7, *t.quality_confirmed ? 1 : 0);
  } else {
    s.bind(7);
  }
  s.bind(8, t.waiver_requested ? 1 : 0);
  s.bindNoCopy(9, t.waiver_reason);
  s.bind(10, t.free_repair ? 1 : 0);
  s.bind(11, t.itemised ? 1 : 0);
  s.bindNoCopy(12, t.contract_no);
  s.bindNoCopy(13, t.returned_reason);
  s.bindNoCopy(14, t.cancel_reason);
  bind_date(s, 15, t.visit_due_on);
  s.bindNoCopy(16, t.priority);
  s.bind(17, t.due_at.seconds);
}

}  // namespace

std::int64_t SqliteStore::next_ticket_number_in_year(int year) {
  return guarded("numbering a ticket", [&] {
    SQLite::Statement next(db_,
                           "INSERT INTO ticket_sequence (year, last) VALUES (?1, 1) "
                           "ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last");
    next.bind(1, year);
    next.executeStep();
    return next.getColumn(0).getInt64();
  });
}

std::optional<Ticket> SqliteStore::find_ticket(const std::string& number) {
  return guarded("reading ticket " + number, [&]() -> std::optional<Ticket> {
    static const std::string sql = std::string(kTicketSelect) + "WHERE t.number = ?";
    Cached query = cached(sql.c_str());
    query->bind(1, number);
    if (!query->executeStep()) return std::nullopt;
    return read_ticket(*query);
  });
}

std::vector<Ticket> SqliteStore::list_tickets(const TicketFilter& filter) {
  return guarded("listing tickets", [&] {
    SQLite::Statement query(db_, std::string(kTicketSelect) +
                                     "WHERE (?1 IS NULL OR t.state = ?1) "
                                     "AND (?2 IS NULL OR t.assignee = ?2) "
                                     "AND (?3 IS NULL OR t.reported_at >= ?3) "
                                     "AND (?4 IS NULL OR t.reported_at < ?4) ORDER BY t.id");
    if (filter.state) query.bind(1, state_name(*filter.state));
    if (filter.assignee) query.bind(2, *filter.assignee);
    if (filter.reported_from) query.bind(3, filter.reported_from->seconds);
    if (filter.reported_to) query.bind(4, filter.reported_to->seconds);
    std::vector<Ticket> all;
    while (query.executeStep()) all.push_back(read_ticket(query));
    return all;
  });
}

bool SqliteStore::insert_ticket_row(Ticket& ticket, const char* sql) {
  return guarded("opening ticket " + ticket.number, [&] {
    Cached insert = cached(sql);
    bind_ticket_state(*insert, ticket);
    // The ticket outlives the statement's run: its text is bound without a copy.
    insert->bindNoCopy(18, ticket.number);
    insert->bindNoCopy(19, ticket.serial);
    insert->bindNoCopy(20, ticket.customer_code);
    insert->bindNoCopy(21, ticket.channel);
    insert->bindNoCopy(22, ticket.category);
    insert->bindNoCopy(23, ticket.description);
    insert->bind(24, ticket.reported_at.seconds);
    bind_optional(*insert, 25, ticket.km);
    insert->bindNoCopy(26, coverage_name(ticket.coverage));
    insert->bindNoCopy(27, ticket.coverage_reason);
    insert->bindNoCopy(28, ticket.opened_by);
    bind_optional(*insert, 29, batch_);
    if (insert->exec() == 0) return false;
    ticket.id = db_.getLastInsertRowid();
    return true;
  });
}

void SqliteStore::insert_ticket(Ticket& ticket) { insert_ticket_row(ticket, kTicketInsert); }

bool SqliteStore::insert_new_ticket(Ticket& ticket) {
  static const std::string sql = std::string(kTicketInsert) + " ON CONFLICT (number) DO NOTHING";
  return insert_ticket_row(ticket, sql.c_str());
}

void SqliteStore::update_ticket(const Ticket& ticket) {
  guarded("changing ticket " + ticket.number, [&] {
    SQLite::Statement update(
        db_,
        "UPDATE ticket SET state = ?1, resume_state = ?2, assignee = ?3, analysis = ?4, "
        "needs_factory = ?5, quality_claim = ?6, quality_confirmed = ?7, waiver_requested = ?8, "
        "waiver_reason = ?9, free_repair = ?10, itemised = ?11, contract_no = ?12, "
        "returned_reason = ?13, cancel_reason = ?14, visit_due_on = ?15, priority = ?16, "
        "due_at = ?17, batch_id = ?18 WHERE id = ?19");
    bind_ticket_state(update, ticket);
    bind_optional(update, 18, batch_);
    update.bind(19, ticket.id);
    update.exec();
  });
}

std::vector<CostLine> SqliteStore::cost_lines(std::int64_t ticket_id) {
  return guarded("reading cost lines", [&] {
    SQLite::Statement query(db_,
                            "SELECT kind, description, quantity_milli, unit_price_fen, "
                            "amount_fen, coverage FROM ticket_cost_line WHERE ticket_id = ? "
                            "ORDER BY position");
    query.bind(1, ticket_id);
    std::vector<CostLine> lines;
    while (query.executeStep()) {
      CostLine line;
      line.kind = parse_cost_kind(query.getColumn(0).getString()).value_or(CostKind::kWork);
      line.description = query.getColumn(1).getString();
      line.quantity_milli = query.getColumn(2).getInt64();
      line.unit_price = Money{query.getColumn(3).getInt64()};
      line.amount = Money{query.getColumn(4).getInt64()};
      line.coverage = parse_coverage(query.getColumn(5).getString()).value_or(Coverage::kPaid);
      lines.push_back(std::move(line));
    }
    return lines;
  });
}

void SqliteStore::replace_cost_lines(std::int64_t ticket_id, const std::vector<CostLine>& lines) {
  guarded("saving cost lines", [&] {
    SQLite::Statement remove(db_, "DELETE FROM ticket_cost_line WHERE ticket_id = ?");
    remove.bind(1, ticket_id);
    remove.exec();
    SQLite::Statement insert(db_,
                             "INSERT INTO ticket_cost_line (ticket_id, position, kind, "
                             "description, quantity_milli, unit_price_fen, amount_fen, coverage) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    int position = 0;
    for (const CostLine& line : lines) {
      insert.reset();
      insert.bind(1, ticket_id);
      insert.bind(2, ++position);
      insert.bind(3, cost_kind_name(line.kind));
      insert.bind(4, line.description);
      insert.bind(5, line.quantity_milli);
      insert.bind(6, line.unit_price.fen);
      insert.bind(7, line.amount.fen);
      insert.bind(8, coverage_name(line.coverage));
      insert.exec();
    }
  });
}

std::vector<Pause> SqliteStore::pauses(std::int64_t ticket_id) {
  return guarded("reading pauses", [&] {
    SQLite::Statement query(
        db_, "SELECT from_at, to_at, reason FROM ticket_pause WHERE ticket_id = ? ORDER BY id");
    query.bind(1, ticket_id);
    std::vector<Pause> all;
    while (query.executeStep()) {
      Pause pause;
      pause.from = Timestamp{query.getColumn(0).getInt64()};
      if (!query.getColumn(1).isNull()) pause.to = Timestamp{query.getColumn(1).getInt64()};
      pause.reason = query.getColumn(2).getString();
      all.push_back(std::move(pause));
    }
    return all;
  });
}

void SqliteStore::insert_pause(std::int64_t ticket_id, const Pause& pause) {
  guarded("pausing a ticket", [&] {
    SQLite::Statement insert(
        db_, "INSERT INTO ticket_pause (ticket_id, from_at, to_at, reason) VALUES (?, ?, ?, ?)");
    insert.bind(1, ticket_id);
    insert.bind(2, pause.from.seconds);
    if (pause.to) {
      insert.bind(3, pause.to->seconds);
    } else {
      insert.bind(3);
    }
    insert.bind(4, pause.reason);
    insert.exec();
  });
}

void SqliteStore::end_open_pause(std::int64_t ticket_id, Timestamp to) {
  guarded("resuming a ticket", [&] {
    SQLite::Statement update(
        db_, "UPDATE ticket_pause SET to_at = ? WHERE ticket_id = ? AND to_at IS NULL");
    update.bind(1, to.seconds);
    update.bind(2, ticket_id);
    update.exec();
  });
}

std::optional<WorkRecord> SqliteStore::find_work_record(std::int64_t ticket_id) {
  return guarded("reading a work record", [&]() -> std::optional<WorkRecord> {
    SQLite::Statement query(db_,
                            "SELECT technicians, arrived_at, finished_at, work_done, "
                            "labour_hours_centi, travel_fen, signed_by, signed_at, sealed "
                            "FROM work_record WHERE ticket_id = ?");
    query.bind(1, ticket_id);
    if (!query.executeStep()) return std::nullopt;
    WorkRecord r;
    const auto names = nlohmann::json::parse(query.getColumn(0).getString(), nullptr, false);
    if (names.is_array()) {
      for (const auto& name : names) {
        if (name.is_string()) r.technicians.push_back(name.get<std::string>());
      }
    }
    r.arrived = Timestamp{query.getColumn(1).getInt64()};
    r.finished = Timestamp{query.getColumn(2).getInt64()};
    r.work_done = query.getColumn(3).getString();
    r.labour_hours_centi = optional_column<std::int64_t>(query.getColumn(4));
    if (!query.getColumn(5).isNull()) r.travel = Money{query.getColumn(5).getInt64()};
    r.signed_by = query.getColumn(6).getString();
    r.signed_at = Timestamp{query.getColumn(7).getInt64()};
    r.sealed = query.getColumn(8).getInt() != 0;
    return r;
  });
}

void SqliteStore::insert_work_record(std::int64_t ticket_id, const WorkRecord& record) {
  guarded("saving a work record", [&] {
    SQLite::Statement insert(db_,
                             "INSERT INTO work_record (ticket_id, technicians, arrived_at, "
                             "finished_at, work_done, labour_hours_centi, travel_fen, signed_by, "
                             "signed_at, sealed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert.bind(1, ticket_id);
    insert.bind(2, nlohmann::json(record.technicians).dump());
    insert.bind(3, record.arrived.seconds);
    insert.bind(4, record.finished.seconds);
    insert.bind(5, record.work_done);
    bind_optional(insert, 6, record.labour_hours_centi);
    if (record.travel) {
      insert.bind(7, record.travel->fen);
    } else {
      insert.bind(7);
    }
    insert.bind(8, record.signed_by);
    insert.bind(9, record.signed_at.seconds);
    insert.bind(10, record.sealed ? 1 : 0);
    insert.exec();
  });
}

}  // namespace aftersales::store
