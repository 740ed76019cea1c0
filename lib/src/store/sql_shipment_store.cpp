// SQL of what leaves the factory: warranty issue requests (表11, 备件领料单) and gate passes.
#include "aftersales/core/error.h"
#include "store/sql_stores.h"

namespace aftersales::store {
namespace {

#define AFTERSALES_ISSUE_SELECT                                                             \
  "SELECT i.id, i.number, t.number, i.warehouse, i.state, i.requested_by, i.requested_at, " \
  "i.freight_fen, i.shipped_by, i.shipped_at FROM part_issue i JOIN ticket t ON t.id = "    \
  "i.ticket_id "

IssueRequest read_issue(Statement& row) {
  IssueRequest r;
  r.id = row.int64(0);
  r.number = row.text(1);
  r.ticket = row.text(2);
  r.warehouse = row.text(3);
  r.state = parse_issue_state(row.text(4)).value_or(IssueState::kRequested);
  r.requested_by = row.text(5);
  r.requested_at = Timestamp{row.int64(6)};
  if (!row.is_null(7)) r.freight = Money{row.int64(7)};
  if (!row.is_null(8)) r.shipped_by = row.text(8);
  r.shipped_at = time_column(row, 9);
  return r;
}

#define AFTERSALES_GATE_PASS_SELECT \
  "SELECT id, number, subject_kind, subject_id, value_fen, raised_by, raised_at FROM gate_pass "

GatePass read_gate_pass(Statement& row) {
  GatePass p;
  p.id = row.int64(0);
  p.number = row.text(1);
  p.subject = {row.text(2), row.text(3)};
  p.value = Money{row.int64(4)};
  p.raised_by = row.text(5);
  p.raised_at = Timestamp{row.int64(6)};
  return p;
}

}  // namespace

std::int64_t SqlShipmentStore::next_number_in_year(const std::string& series, int year) {
  return guarded("numbering a " + series + " record", [&] {
    Query next = db_.cached(
        "INSERT INTO record_sequence (series, year, last) VALUES (?1, ?2, 1) ON CONFLICT "
        "(series, year) DO UPDATE SET last = record_sequence.last + 1 RETURNING last");
    next->bind(1, series);
    next->bind(2, year);
    next->step();
    return next->int64(0);
  });
}

void SqlShipmentStore::load_lines(IssueRequest& request) {
  Query query = db_.cached(
      "SELECT p.number, p.name, l.quantity, l.unit_price_fen FROM part_issue_line l JOIN part p "
      "ON p.id = l.part_id WHERE l.issue_id = ?1 ORDER BY l.position");
  query->bind(1, request.id);
  while (query->step()) {
    IssueLine line;
    line.part = query->text(0);
    line.name = query->text(1);
    line.quantity = query->int64(2);
    line.unit_price = Money{query->int64(3)};
    request.lines.push_back(std::move(line));
  }
}

std::optional<IssueRequest> SqlShipmentStore::find_issue(const std::string& number) {
  return guarded("reading part issue " + number, [&]() -> std::optional<IssueRequest> {
    std::optional<IssueRequest> found;
    {
      Query query = db_.cached(AFTERSALES_ISSUE_SELECT "WHERE i.number = ?1");
      query->bind(1, number);
      if (!query->step()) return std::nullopt;
      found = read_issue(*query);
    }
    load_lines(*found);
    return found;
  });
}

std::vector<IssueRequest> SqlShipmentStore::list_issues(const std::optional<std::string>& ticket) {
  return guarded("listing part issues", [&] {
    std::vector<IssueRequest> all;
    {
      Query query = db_.cached(AFTERSALES_ISSUE_SELECT
                               "WHERE (CAST(?1 AS TEXT) IS NULL OR t.number = ?1) ORDER BY i.id");
      bind_optional(*query, 1, ticket);
      while (query->step()) all.push_back(read_issue(*query));
    }
    for (IssueRequest& request : all) load_lines(request);
    return all;
  });
}

void SqlShipmentStore::insert_issue(IssueRequest& request) {
  guarded("adding part issue " + request.number, [&] {
    Query insert = db_.cached(
        "INSERT INTO part_issue (number, ticket_id, warehouse, state, requested_by, "
        "requested_at) VALUES (?1, (SELECT id FROM ticket WHERE number = ?2), ?3, ?4, ?5, ?6)");
    insert->bind(1, request.number);
    insert->bind(2, request.ticket);
    insert->bind(3, request.warehouse);
    insert->bind(4, issue_state_name(request.state));
    insert->bind(5, request.requested_by);
    insert->bind(6, request.requested_at.seconds);
    insert->run();
    request.id = db_.last_insert_id();
    int position = 0;
    for (const IssueLine& line : request.lines) {
      Query add = db_.cached(
          "INSERT INTO part_issue_line (issue_id, position, part_id, quantity, unit_price_fen) "
          "VALUES (?1, ?2, (SELECT id FROM part WHERE number = ?3), ?4, ?5)");
      add->bind(1, request.id);
      add->bind(2, ++position);
      add->bind(3, line.part);
      add->bind(4, line.quantity);
      add->bind(5, line.unit_price.fen);
      add->run();
    }
  });
}

void SqlShipmentStore::update_issue(const IssueRequest& request) {
  guarded("changing part issue " + request.number, [&] {
    Query update = db_.cached(
        "UPDATE part_issue SET state = ?1, freight_fen = ?2, shipped_by = ?3, shipped_at = ?4 "
        "WHERE id = ?5");
    update->bind(1, issue_state_name(request.state));
    bind_optional(*update, 2, request.freight);
    bind_optional(
        *update, 3,
        request.shipped_by.empty() ? std::nullopt : std::optional<std::string>(request.shipped_by));
    bind_optional(*update, 4, request.shipped_at);
    update->bind(5, request.id);
    update->run();
  });
}

void SqlShipmentStore::insert_gate_pass(GatePass& pass) {
  guarded("adding gate pass " + pass.number + " for " + pass.subject.id, [&] {
    Query insert = db_.cached(
        "INSERT INTO gate_pass (number, subject_kind, subject_id, value_fen, raised_by, "
        "raised_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert->bind(1, pass.number);
    insert->bind(2, pass.subject.kind);
    insert->bind(3, pass.subject.id);
    insert->bind(4, pass.value.fen);
    insert->bind(5, pass.raised_by);
    insert->bind(6, pass.raised_at.seconds);
    insert->run();
    pass.id = db_.last_insert_id();
  });
}

std::optional<GatePass> SqlShipmentStore::find_gate_pass(const GatePassSubject& subject) {
  return guarded("reading the gate pass of " + subject.id, [&]() -> std::optional<GatePass> {
    Query query =
        db_.cached(AFTERSALES_GATE_PASS_SELECT "WHERE subject_kind = ?1 AND subject_id = ?2");
    query->bind(1, subject.kind);
    query->bind(2, subject.id);
    if (!query->step()) return std::nullopt;
    return read_gate_pass(*query);
  });
}

std::optional<GatePass> SqlShipmentStore::find_gate_pass_by_number(const std::string& number) {
  return guarded("reading gate pass " + number, [&]() -> std::optional<GatePass> {
    Query query = db_.cached(AFTERSALES_GATE_PASS_SELECT "WHERE number = ?1");
    query->bind(1, number);
    if (!query->step()) return std::nullopt;
    return read_gate_pass(*query);
  });
}

std::vector<GatePass> SqlShipmentStore::list_gate_passes() {
  return guarded("listing gate passes", [&] {
    Query query = db_.cached(AFTERSALES_GATE_PASS_SELECT "ORDER BY number");
    std::vector<GatePass> all;
    while (query->step()) all.push_back(read_gate_pass(*query));
    return all;
  });
}

std::int64_t SqlShipmentStore::lines_shipped(Timestamp from, Timestamp to) {
  return guarded("counting the part lines shipped", [&] {
    Query count = db_.cached(
        "SELECT (SELECT COUNT(*) FROM part_issue_line l JOIN part_issue i ON i.id = l.issue_id "
        "WHERE i.shipped_at >= ?1 AND i.shipped_at < ?2) + "
        "(SELECT COUNT(*) FROM part_sale_line l JOIN part_sale s ON s.id = l.sale_id "
        "WHERE s.shipped_at >= ?1 AND s.shipped_at < ?2)");
    count->bind(1, from.seconds);
    count->bind(2, to.seconds);
    count->step();
    return count->int64(0);
  });
}

}  // namespace aftersales::store
