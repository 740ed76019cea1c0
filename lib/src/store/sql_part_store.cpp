// SQL of the parts catalogue (备件) and its stock moves.
#include "aftersales/core/error.h"
#include "store/sql_removal.h"
#include "store/sql_stores.h"

namespace aftersales::store {
namespace {

#define AFTERSALES_PART_COLUMNS \
  "p.id, p.number, p.name, p.spec, p.unit, p.unit_price_fen, p.major, p.reorder_level"

// Reads AFTERSALES_PART_COLUMNS from column 0.
Part read_part(Statement& row) {
  Part p;
  p.id = row.int64(0);
  p.number = row.text(1);
  p.name = row.text(2);
  p.spec = row.text(3);
  p.unit = row.text(4);
  p.unit_price = Money{row.int64(5)};
  p.major = flag_column(row, 6);
  p.reorder_level = optional_column<std::int64_t>(row, 7);
  return p;
}

// Binds number, name, spec, unit, unit price, major, reorder level as ?1..?7.
void bind_part(Statement& s, const Part& p) {
  s.bind(1, p.number);
  s.bind(2, p.name);
  s.bind(3, p.spec);
  s.bind(4, p.unit);
  s.bind(5, p.unit_price.fen);
  s.bind(6, p.major ? 1 : 0);
  bind_optional(s, 7, p.reorder_level);
}

// Binds a filter's part as ?1 and warehouse as ?2 (NULL: any).
void bind_filter(Statement& s, const StockFilter& filter) {
  bind_optional(s, 1, filter.part);
  bind_optional(s, 2, filter.warehouse);
}

}  // namespace

std::optional<Part> SqlPartStore::find(const std::string& number) {
  return guarded("reading part " + number, [&]() -> std::optional<Part> {
    Query query = db_.cached("SELECT " AFTERSALES_PART_COLUMNS " FROM part p WHERE p.number = ?1");
    query->bind(1, number);
    if (!query->step()) return std::nullopt;
    return read_part(*query);
  });
}

void SqlPartStore::each(const std::function<void(const Part&, std::int64_t on_hand)>& visit) {
  guarded("listing parts", [&] {
    Query query = db_.cached("SELECT " AFTERSALES_PART_COLUMNS
                             ", (SELECT COALESCE(SUM(m.quantity), 0) FROM stock_move m WHERE "
                             "m.part_id = p.id) FROM part p ORDER BY p.number");
    while (query->step()) visit(read_part(*query), query->int64(8));
  });
}

void SqlPartStore::insert(Part& part) {
  guarded("adding part " + part.number, [&] {
    Query insert = db_.cached(
        "INSERT INTO part (number, name, spec, unit, unit_price_fen, major, reorder_level, "
        "batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    bind_part(*insert, part);
    bind_optional(*insert, 8, stamp_.batch);
    insert->run();
    part.id = db_.last_insert_id();
  });
}

void SqlPartStore::update(const Part& part) {
  guarded("changing part " + part.number, [&] {
    Query update = db_.cached(
        "UPDATE part SET number = ?1, name = ?2, spec = ?3, unit = ?4, unit_price_fen = ?5, "
        "major = ?6, reorder_level = ?7, batch_id = ?8 WHERE id = ?9");
    bind_part(*update, part);
    bind_optional(*update, 8, stamp_.batch);
    update->bind(9, part.id);
    update->run();
  });
}

void SqlPartStore::remove(const std::string& number) {
  remove_row(db_, "DELETE FROM part WHERE number = ?1", "part", number);
}

std::int64_t SqlPartStore::on_hand(std::int64_t part_id, const std::string& warehouse) {
  return guarded("reading stock", [&] {
    Query query = db_.cached(
        "SELECT COALESCE(SUM(quantity), 0) FROM stock_move WHERE part_id = ?1 AND warehouse = ?2");
    query->bind(1, part_id);
    query->bind(2, warehouse);
    query->step();
    return query->int64(0);
  });
}

void SqlPartStore::insert_move(StockMove& move) {
  guarded("moving stock of part " + move.part, [&] {
    Query insert = db_.cached(
        "INSERT INTO stock_move (part_id, warehouse, kind, quantity, at, actor, reference, "
        "reason, batch_id) VALUES ((SELECT id FROM part WHERE number = ?1), ?2, ?3, ?4, ?5, ?6, "
        "?7, ?8, ?9)");
    insert->bind(1, move.part);
    insert->bind(2, move.warehouse);
    insert->bind(3, move_kind_name(move.kind));
    insert->bind(4, move.quantity);
    insert->bind(5, move.at.seconds);
    insert->bind(6, move.actor);
    insert->bind(7, move.reference);
    insert->bind(8, move.reason);
    bind_optional(*insert, 9, stamp_.batch);
    insert->run();
    move.id = db_.last_insert_id();
  });
}

void SqlPartStore::each_level(const StockFilter& filter,
                              const std::function<void(const StockLevel&)>& visit) {
  guarded("listing stock", [&] {
    Query query = db_.cached(
        "SELECT " AFTERSALES_PART_COLUMNS
        ", m.warehouse, SUM(m.quantity) FROM stock_move m JOIN part p ON p.id = m.part_id "
        "WHERE (CAST(?1 AS TEXT) IS NULL OR p.number = ?1) AND (CAST(?2 AS TEXT) IS NULL OR "
        "m.warehouse = ?2) "
        "GROUP BY p.id, m.warehouse ORDER BY p.number, m.warehouse");
    bind_filter(*query, filter);
    while (query->step()) {
      StockLevel level;
      level.part = read_part(*query);
      level.warehouse = query->text(8);
      level.on_hand = query->int64(9);
      visit(level);
    }
  });
}

namespace {

#define AFTERSALES_MOVE_COLUMNS                                                            \
  "m.id, p.number, m.warehouse, m.kind, m.quantity, m.at, m.actor, m.reference, m.reason " \
  "FROM stock_move m JOIN part p ON p.id = m.part_id "

StockMove read_move(Statement& row) {
  StockMove move;
  move.id = row.int64(0);
  move.part = row.text(1);
  move.warehouse = row.text(2);
  move.kind = parse_move_kind(row.text(3)).value_or(MoveKind::kAdjust);
  move.quantity = row.int64(4);
  move.at = Timestamp{row.int64(5)};
  move.actor = row.text(6);
  move.reference = row.text(7);
  move.reason = row.text(8);
  return move;
}

}  // namespace

std::vector<StockMove> SqlPartStore::moves(const StockFilter& filter, int limit) {
  return guarded("listing stock moves", [&] {
    Query query = db_.cached(
        "SELECT " AFTERSALES_MOVE_COLUMNS
        "WHERE (CAST(?1 AS TEXT) IS NULL OR p.number = ?1) AND (CAST(?2 AS TEXT) IS NULL OR "
        "m.warehouse = ?2) ORDER BY m.id DESC LIMIT ?3");
    bind_filter(*query, filter);
    query->bind(3, limit);
    std::vector<StockMove> all;
    while (query->step()) all.push_back(read_move(*query));
    return all;
  });
}

std::optional<StockMove> SqlPartStore::find_move(std::int64_t id) {
  return guarded("reading a stock move", [&]() -> std::optional<StockMove> {
    Query query = db_.cached("SELECT " AFTERSALES_MOVE_COLUMNS "WHERE m.id = ?1");
    query->bind(1, id);
    if (!query->step()) return std::nullopt;
    return read_move(*query);
  });
}

std::optional<StockMove> SqlPartStore::last_move(const std::string& part,
                                                 const std::string& warehouse) {
  StockFilter filter;
  filter.part = part;
  filter.warehouse = warehouse;
  std::vector<StockMove> newest = moves(filter, 1);
  if (newest.empty()) return std::nullopt;
  return newest.front();
}

void SqlPartStore::remove_move(std::int64_t id) {
  guarded("removing a stock move", [&] {
    Query remove = db_.cached("DELETE FROM stock_move WHERE id = ?1");
    remove->bind(1, id);
    remove->run();
  });
}

}  // namespace aftersales::store
