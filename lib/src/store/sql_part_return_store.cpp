// SQL of the parts used on work records (表6) and the returns of failed parts (表12).
#include "aftersales/core/error.h"
#include "store/sql_stores.h"

namespace aftersales::store {
namespace {

#define AFTERSALES_RETURN_COLUMNS                                                            \
  "r.id, t.number, u.serial, p.number, p.name, r.quantity, r.unit_price_fen, r.owed_since, " \
  "r.received_on, r.number, r.wrong, r.result, r.inspection_note, r.inspected_by, r.move_id "
#define AFTERSALES_RETURN_FROM                                                              \
  "FROM part_return r JOIN ticket t ON t.id = r.ticket_id JOIN unit u ON u.id = t.unit_id " \
  "JOIN part p ON p.id = r.part_id "

PartReturn read_return(Statement& row) {
  PartReturn r;
  r.id = row.int64(0);
  r.ticket = row.text(1);
  r.serial = row.text(2);
  r.part = row.text(3);
  r.part_name = row.text(4);
  r.quantity = row.int64(5);
  r.unit_price = Money{row.int64(6)};
  r.owed_since = date_column(row, 7).value_or(Date{});
  r.received_on = date_column(row, 8);
  r.number = row.is_null(9) ? "" : row.text(9);
  r.wrong = flag_column(row, 10);
  if (!row.is_null(11)) {
    r.result = row.text(11) == "pass" ? InspectionResult::kPass : InspectionResult::kFail;
  }
  r.inspection_note = row.text(12);
  r.inspected_by = row.text(13);
  r.move_id = optional_column<std::int64_t>(row, 14);
  return r;
}

}  // namespace

std::vector<PartUsed> SqlPartReturnStore::parts_used(std::int64_t ticket_id) {
  return guarded("reading parts used", [&] {
    Query query = db_.cached(
        "SELECT p.number, p.name, u.quantity, u.unit_price_fen, p.major FROM work_record_part u "
        "JOIN part p ON p.id = u.part_id WHERE u.ticket_id = ?1 ORDER BY p.number");
    query->bind(1, ticket_id);
    std::vector<PartUsed> all;
    while (query->step()) {
      PartUsed used;
      used.part = query->text(0);
      used.name = query->text(1);
      used.quantity = query->int64(2);
      used.unit_price = Money{query->int64(3)};
      used.major = flag_column(*query, 4);
      all.push_back(std::move(used));
    }
    return all;
  });
}

void SqlPartReturnStore::replace_parts_used(std::int64_t ticket_id,
                                            const std::vector<PartUsed>& parts) {
  guarded("recording parts used", [&] {
    Query remove = db_.cached("DELETE FROM work_record_part WHERE ticket_id = ?1");
    remove->bind(1, ticket_id);
    remove->run();
    for (const PartUsed& used : parts) {
      Query insert = db_.cached(
          "INSERT INTO work_record_part (ticket_id, part_id, quantity, unit_price_fen) VALUES "
          "(?1, (SELECT id FROM part WHERE number = ?2), ?3, ?4)");
      insert->bind(1, ticket_id);
      insert->bind(2, used.part);
      insert->bind(3, used.quantity);
      insert->bind(4, used.unit_price.fen);
      insert->run();
    }
  });
}

std::vector<PartReturn> SqlPartReturnStore::returns_of(std::int64_t ticket_id) {
  return guarded("reading part returns", [&] {
    Query query = db_.cached("SELECT " AFTERSALES_RETURN_COLUMNS AFTERSALES_RETURN_FROM
                             "WHERE r.ticket_id = ?1 ORDER BY r.id");
    query->bind(1, ticket_id);
    std::vector<PartReturn> all;
    while (query->step()) all.push_back(read_return(*query));
    return all;
  });
}

std::optional<PartReturn> SqlPartReturnStore::find_return(std::int64_t id) {
  return guarded("reading a part return", [&]() -> std::optional<PartReturn> {
    Query query =
        db_.cached("SELECT " AFTERSALES_RETURN_COLUMNS AFTERSALES_RETURN_FROM "WHERE r.id = ?1");
    query->bind(1, id);
    if (!query->step()) return std::nullopt;
    return read_return(*query);
  });
}

std::optional<PartReturn> SqlPartReturnStore::find_return_by_number(const std::string& number) {
  return guarded("reading part return " + number, [&]() -> std::optional<PartReturn> {
    Query query = db_.cached("SELECT " AFTERSALES_RETURN_COLUMNS AFTERSALES_RETURN_FROM
                             "WHERE r.number = ?1");
    query->bind(1, number);
    if (!query->step()) return std::nullopt;
    return read_return(*query);
  });
}

void SqlPartReturnStore::each_return(const std::function<void(const PartReturn&)>& visit) {
  guarded("listing part returns", [&] {
    Query query =
        db_.cached("SELECT " AFTERSALES_RETURN_COLUMNS AFTERSALES_RETURN_FROM "ORDER BY r.id");
    while (query->step()) visit(read_return(*query));
  });
}

void SqlPartReturnStore::each_return_out(Date owed_by, Date as_of,
                                         const std::function<void(const PartReturn&)>& visit) {
  guarded("listing overdue part returns", [&] {
    Query query = db_.cached("SELECT " AFTERSALES_RETURN_COLUMNS AFTERSALES_RETURN_FROM
                             "WHERE r.owed_since <= ?1 AND (r.received_on IS NULL OR "
                             "r.received_on > ?2) ORDER BY r.id");
    bind_date(*query, 1, owed_by);
    bind_date(*query, 2, as_of);
    while (query->step()) visit(read_return(*query));
  });
}

std::int64_t SqlPartReturnStore::count_wrong_received(Date from, Date to) {
  return guarded("counting wrong parts returned", [&] {
    Query query = db_.cached(
        "SELECT COUNT(*) FROM part_return WHERE wrong = 1 AND received_on >= ?1 AND "
        "received_on <= ?2");
    bind_date(*query, 1, from);
    bind_date(*query, 2, to);
    return query->step() ? query->int64(0) : std::int64_t{0};
  });
}

void SqlPartReturnStore::insert_return(std::int64_t ticket_id, PartReturn& line) {
  guarded("recording an owed part return", [&] {
    Query insert = db_.cached(
        "INSERT INTO part_return (ticket_id, part_id, quantity, unit_price_fen, owed_since) "
        "VALUES (?1, (SELECT id FROM part WHERE number = ?2), ?3, ?4, ?5)");
    insert->bind(1, ticket_id);
    insert->bind(2, line.part);
    insert->bind(3, line.quantity);
    insert->bind(4, line.unit_price.fen);
    bind_date(*insert, 5, line.owed_since);
    insert->run();
    line.id = db_.last_insert_id();
  });
}

void SqlPartReturnStore::update_return(const PartReturn& line) {
  guarded("changing a part return", [&] {
    Query update = db_.cached(
        "UPDATE part_return SET quantity = ?1, unit_price_fen = ?2, owed_since = ?3, "
        "received_on = ?4, number = ?5, wrong = ?6, result = ?7, inspection_note = ?8, "
        "inspected_by = ?9, move_id = ?10 WHERE id = ?11");
    update->bind(1, line.quantity);
    update->bind(2, line.unit_price.fen);
    bind_date(*update, 3, line.owed_since);
    bind_date(*update, 4, line.received_on);
    bind_optional(*update, 5,
                  line.number.empty() ? std::nullopt : std::optional<std::string>(line.number));
    update->bind(6, line.wrong ? 1 : 0);
    bind_optional(*update, 7,
                  line.result ? std::optional<std::string>(inspection_result_name(*line.result))
                              : std::nullopt);
    update->bind(8, line.inspection_note);
    update->bind(9, line.inspected_by);
    bind_optional(*update, 10, line.move_id);
    update->bind(11, line.id);
    update->run();
  });
}

void SqlPartReturnStore::remove_return(std::int64_t id) {
  guarded("removing an owed part return", [&] {
    Query remove = db_.cached("DELETE FROM part_return WHERE id = ?1");
    remove->bind(1, id);
    remove->run();
  });
}

std::int64_t SqlPartReturnStore::next_return_number(int year) {
  return guarded("numbering a part return", [&] {
    Query next = db_.cached(
        "INSERT INTO part_return_sequence (year, last) VALUES (?1, 1) ON CONFLICT (year) DO "
        "UPDATE SET last = part_return_sequence.last + 1 RETURNING last");
    next->bind(1, year);
    next->step();
    return next->int64(0);
  });
}

}  // namespace aftersales::store
