// The spare part (备件) and its stock moves (DOMAIN.md, Part).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "aftersales/core/money.h"
#include "aftersales/core/time.h"

namespace aftersales {

struct Part {
  std::int64_t id = 0;
  std::string number;  // part no., natural key
  std::string name;
  std::string spec;  // 规格
  std::string unit;  // 单位: 件, 套, 升 ...
  Money unit_price;
  bool major = false;  // 重要部件: replacing it is kept in the unit's archive (表1)
  std::optional<std::int64_t> reorder_level;  // `part list --low`: on hand below it
};

// receive (in from a supplier or purchase), issue (out to a ticket's repair), return (back
// in: a failed part, a wrong one), adjust (a count's correction, with a reason), ship (out of
// the factory to a customer, behind a gate pass).
enum class MoveKind { kReceive, kIssue, kReturn, kAdjust, kShip };

const char* move_kind_name(MoveKind kind);
std::optional<MoveKind> parse_move_kind(const std::string& name);

// One audited movement of stock; a part's stock in a warehouse is the sum of its moves.
struct StockMove {
  std::int64_t id = 0;
  std::string part;  // part no.
  std::string warehouse;
  MoveKind kind = MoveKind::kReceive;
  std::int64_t quantity = 0;  // signed: in > 0, out < 0
  Timestamp at;               // business time
  std::string actor;
  std::string reference;  // e.g. "表11 3", "sale 5", a delivery note
  std::string reason;
};

// A part's stock in one warehouse.
struct StockLevel {
  Part part;
  std::string warehouse;
  std::int64_t on_hand = 0;
};

}  // namespace aftersales
