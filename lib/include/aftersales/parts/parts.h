// Spare parts (备件, DOMAIN.md Part): the catalogue and the stock per warehouse. Every change is
// audited; stock is the sum of audited moves and never goes negative (Error(kRuleViolation)
// naming the part, the warehouse, what is on hand and what was asked). Who may act is
// [permissions] parts_stock (warehouse by default).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/core/validation.h"
#include "aftersales/parts/part.h"

namespace aftersales {

// Values as typed or imported; nullopt: not given. An empty reorder level clears it.
struct PartFields {
  std::optional<std::string> name;
  std::optional<std::string> price;  // unit price, yuan
  std::optional<std::string> spec;
  std::optional<std::string> unit;
  std::optional<bool> major;
  std::optional<std::string> reorder_level;
};

// Reads the given fields into `part`, collecting every problem in `reader`.
void read_part_fields(FieldReader& reader, const PartFields& fields, Part& part);

// Adds a part; name and price are required. Error(kConflict) for an existing number.
Part add_part(Context& ctx, const std::string& number, const PartFields& fields);
// Changes the given fields; Error(kNotFound) for an unknown number.
Part edit_part(Context& ctx, const std::string& number, const PartFields& fields);
// The part with that number; Error(kNotFound) with a hint when missing.
Part get_part(Context& ctx, const std::string& number);

struct PartQuery {
  bool low = false;  // only parts whose stock (all warehouses) is below their reorder level
};

// The catalogue in part number order with the stock of every warehouse summed, one at a time.
void each_part(Context& ctx, const PartQuery& query,
               const std::function<void(const Part&, std::int64_t on_hand)>& visit);

// Receives `quantity` (a whole number over 0) into `warehouse` (default [parts]
// default_warehouse), with a reference (a delivery note, a purchase plan).
StockMove receive_part(Context& ctx, const std::string& number, const std::string& quantity,
                       const std::optional<std::string>& warehouse, const std::string& reference);

// Corrects the stock after a count by a signed quantity (+3, -2; not 0) with a reason.
StockMove adjust_stock(Context& ctx, const std::string& number, const std::string& quantity,
                       const std::optional<std::string>& warehouse, const std::string& reason);

// A stock count (盘点), and the opening stock an import brings: the quantity counted (a whole
// number, 0 or more) of a part in a warehouse (default [parts] default_warehouse) sets its stock
// to that by one adjust move of the difference, with the reason.
struct StockCountFields {
  std::string part;  // part no.
  std::optional<std::string> warehouse;
  std::string counted;
  std::string reason;  // default "stock count"
};
struct StockCount {
  Part part;
  std::string warehouse;
  std::int64_t counted = 0;
  std::string reason;
};
// Reads a count, collecting every problem in `reader` (an unknown part among them); nullopt
// when there is any.
std::optional<StockCount> read_stock_count(Context& ctx, FieldReader& reader,
                                           const StockCountFields& fields);
// Writes the count's move inside the caller's write transaction; none when the stock is right
// already. Also returns the stock before.
struct CountedStock {
  std::int64_t before = 0;
  std::optional<StockMove> move;
};
CountedStock apply_stock_count(Context& ctx, const StockCount& count);
// `part count`: role, reading and writing in one call (Error(kValidation) naming the fields).
CountedStock count_stock(Context& ctx, const StockCountFields& fields);

// Stock per part and warehouse (only those with moves), in part number and warehouse order.
void each_stock_level(Context& ctx, const std::optional<std::string>& warehouse,
                      const std::function<void(const StockLevel&)>& visit);

// A part whole: the record, its stock per warehouse and its last `recent` moves, newest first.
struct PartView {
  Part part;
  std::vector<StockLevel> stock;
  std::vector<StockMove> moves;
};
PartView show_part(Context& ctx, const std::string& number, int recent = 20);

}  // namespace aftersales
