// Stock per warehouse as the sum of audited moves: receive, adjust, and move_stock for every
// other area that takes parts in or out. Stock never goes negative.
#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/identity/identity.h"
#include "aftersales/parts/parts.h"
#include "aftersales/store/store.h"
#include "audit/audit_json.h"
#include "core/field_checks.h"
#include "parts/stock_moves.h"

namespace aftersales {
namespace {

constexpr std::int64_t kMaxQuantity = 1'000'000'000;

std::string warehouse_or_default(const Context& ctx, FieldReader& reader,
                                 const std::optional<std::string>& warehouse) {
  if (!warehouse) return ctx.rules.parts.default_warehouse;
  return reader.text("warehouse", *warehouse, true);
}

}  // namespace

const char* move_kind_name(MoveKind kind) {
  switch (kind) {
    case MoveKind::kReceive:
      return "receive";
    case MoveKind::kIssue:
      return "issue";
    case MoveKind::kReturn:
      return "return";
    case MoveKind::kAdjust:
      return "adjust";
    case MoveKind::kShip:
      return "ship";
  }
  return "adjust";
}

std::optional<MoveKind> parse_move_kind(const std::string& name) {
  for (MoveKind kind : {MoveKind::kReceive, MoveKind::kIssue, MoveKind::kReturn, MoveKind::kAdjust,
                        MoveKind::kShip}) {
    if (name == move_kind_name(kind)) return kind;
  }
  return std::nullopt;
}

StockMove move_stock(Context& ctx, const Part& part, const std::string& warehouse, MoveKind kind,
                     std::int64_t quantity, const std::string& reference,
                     const std::string& reason) {
  if (quantity < 0) {
    const std::int64_t on_hand = ctx.store.parts().on_hand(part.id, warehouse);
    if (on_hand + quantity < 0) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: part {} ({}) in warehouse {}: {} on hand, {} asked; stock "
                              "never goes negative",
                              part.number, part.name, warehouse, on_hand, -quantity),
                  fmt::format("`aftersales part stock` shows what is where; receive it first "
                              "(`aftersales part receive {}`) or take it from another warehouse",
                              part.number));
    }
  }
  StockMove move;
  move.part = part.number;
  move.warehouse = warehouse;
  move.kind = kind;
  move.quantity = quantity;
  move.at = ctx.now();
  move.actor = ctx.actor.user;
  move.reference = reference;
  move.reason = reason;
  ctx.store.parts().insert_move(move);
  AuditJson after{{"part", move.part},
                  {"warehouse", move.warehouse},
                  {"kind", move_kind_name(kind)},
                  {"quantity", move.quantity}};
  if (!reference.empty()) after["reference"] = reference;
  if (!reason.empty()) after["reason"] = reason;
  record_addition(ctx, "stock_move", std::to_string(move.id), after);
  return move;
}

StockMove receive_part(Context& ctx, const std::string& number, const std::string& quantity,
                       const std::optional<std::string>& warehouse, const std::string& reference) {
  require_role(ctx, ctx.rules.permissions.parts_stock, "receiving parts");
  FieldReader reader;
  const std::optional<std::int64_t> qty = reader.integer("qty", quantity, 1, kMaxQuantity);
  const std::string where = warehouse_or_default(ctx, reader, warehouse);
  const std::string ref = reader.text("ref", reference);
  reader.throw_if_any(fmt::format("part {}", number));
  StockMove move;
  ctx.store.write([&] {
    move = move_stock(ctx, get_part(ctx, number), where, MoveKind::kReceive, *qty, ref, "");
  });
  return move;
}

StockMove adjust_stock(Context& ctx, const std::string& number, const std::string& quantity,
                       const std::optional<std::string>& warehouse, const std::string& reason) {
  require_role(ctx, ctx.rules.permissions.parts_stock, "adjusting stock");
  FieldReader reader;
  std::string signed_text = trim(quantity);  // +3 or -2
  if (!signed_text.empty() && signed_text[0] == '+') signed_text.erase(0, 1);
  const std::optional<std::int64_t> qty =
      reader.integer("qty", signed_text, -kMaxQuantity, kMaxQuantity);
  if (qty && *qty == 0) reader.add("qty", quantity, "is 0; an adjustment changes the stock");
  const std::string where = warehouse_or_default(ctx, reader, warehouse);
  const std::string why = reader.text("reason", reason, true);
  reader.throw_if_any(fmt::format("part {}", number));
  StockMove move;
  ctx.store.write([&] {
    move = move_stock(ctx, get_part(ctx, number), where, MoveKind::kAdjust, *qty, "", why);
  });
  return move;
}

std::optional<StockCount> read_stock_count(Context& ctx, FieldReader& reader,
                                           const StockCountFields& fields) {
  StockCount count;
  const std::string number = check_code(reader, "part", fields.part);
  const std::optional<std::int64_t> counted =
      reader.integer("quantity", fields.counted, 0, kMaxQuantity);
  count.warehouse = warehouse_or_default(ctx, reader, fields.warehouse);
  count.reason = trim(fields.reason).empty() ? std::string("stock count")
                                             : reader.text("reason", fields.reason);
  if (!number.empty()) {
    if (std::optional<Part> part = ctx.store.parts().find(number)) {
      count.part = *part;
    } else {
      reader.add("part", number,
                 fmt::format("part {} is not in the catalogue; add or import it first", number));
    }
  }
  if (!reader.ok() || !counted) return std::nullopt;
  count.counted = *counted;
  return count;
}

CountedStock apply_stock_count(Context& ctx, const StockCount& count) {
  CountedStock done;
  done.before = ctx.store.parts().on_hand(count.part.id, count.warehouse);
  if (done.before != count.counted) {
    done.move = move_stock(ctx, count.part, count.warehouse, MoveKind::kAdjust,
                           count.counted - done.before, "", count.reason);
  }
  return done;
}

CountedStock count_stock(Context& ctx, const StockCountFields& fields) {
  require_role(ctx, ctx.rules.permissions.parts_stock, "counting stock");
  CountedStock done;
  ctx.store.write([&] {
    get_part(ctx, fields.part);  // an unknown part is not found (exit 3), as for receive
    FieldReader reader;
    const std::optional<StockCount> count = read_stock_count(ctx, reader, fields);
    reader.throw_if_any(fmt::format("part {}", fields.part));
    done = apply_stock_count(ctx, *count);
  });
  return done;
}

void each_stock_level(Context& ctx, const std::optional<std::string>& warehouse,
                      const std::function<void(const StockLevel&)>& visit) {
  StockFilter filter;
  if (warehouse) filter.warehouse = trim(*warehouse);
  ctx.store.parts().each_level(filter, visit);
}

PartView show_part(Context& ctx, const std::string& number, int recent) {
  PartView view;
  view.part = get_part(ctx, number);
  StockFilter filter;
  filter.part = view.part.number;
  ctx.store.parts().each_level(filter,
                               [&](const StockLevel& level) { view.stock.push_back(level); });
  view.moves = ctx.store.parts().moves(filter, recent);
  return view;
}

}  // namespace aftersales
