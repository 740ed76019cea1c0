#include "views/part_view.h"

#include <fmt/format.h>

namespace aftersales::cli {

Table part_table() {
  Table table;
  table.columns = {{"number", ""},
                   {"name", ""},
                   {"spec", ""},
                   {"unit", ""},
                   {"unit_price", "unit price"},
                   {"major", "major 重要部件"},
                   {"reorder_level", "reorder level"},
                   {"on_hand", "on hand"}};
  return table;
}

void add_part_row(Table& table, const Part& p, std::int64_t on_hand) {
  table.add_row({p.number, p.name, p.spec, p.unit, p.unit_price, p.major,
                 optional_cell(p.reorder_level), on_hand});
}

Table stock_table() {
  Table table;
  table.columns = {
      {"part", ""}, {"name", ""}, {"warehouse", ""}, {"on_hand", "on hand"}, {"unit", ""}};
  return table;
}

void add_stock_row(Table& table, const StockLevel& level) {
  table.add_row(
      {level.part.number, level.part.name, level.warehouse, level.on_hand, level.part.unit});
}

RecordView part_view(const PartView& view, const Rules& rules) {
  const Part& p = view.part;
  RecordView v;
  v.title = fmt::format("备件 {}", p.number);
  v.add("number", "part no. 备件号", p.number);
  v.add("name", "name 名称", p.name);
  v.add("spec", "spec 规格", p.spec);
  v.add("unit", "unit 单位", p.unit);
  v.add("unit_price", "unit price 单价", p.unit_price);
  v.add("major", "major part 重要部件", p.major);
  v.add("reorder_level", "reorder level", optional_cell(p.reorder_level));

  Table stock = stock_table();
  for (const StockLevel& level : view.stock) add_stock_row(stock, level);
  v.tables.push_back({{"stock", "stock 库存"}, stock});

  Table moves;
  moves.columns = {{"id", ""},       {"at", ""},        {"kind", ""},   {"warehouse", ""},
                   {"quantity", ""}, {"reference", ""}, {"reason", ""}, {"actor", ""}};
  for (const StockMove& m : view.moves) {
    moves.add_row({m.id, format_timestamp(m.at, rules.general.utc_offset),
                   std::string(move_kind_name(m.kind)), m.warehouse, m.quantity, m.reference,
                   m.reason, m.actor});
  }
  v.tables.push_back({{"moves", "latest moves, newest first"}, moves});
  return v;
}

std::string move_text(const StockMove& move) {
  return fmt::format("part {}: {} {:+} in {} (move {})", move.part, move_kind_name(move.kind),
                     move.quantity, move.warehouse, move.id);
}

}  // namespace aftersales::cli
