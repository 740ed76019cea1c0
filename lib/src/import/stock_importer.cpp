// Importing opening stock (期初库存) and stock counts (盘点): a row names a part, a warehouse
// and the quantity counted there; the same reader and move as `part count` (read_stock_count,
// apply_stock_count) set the stock to it by one adjust move stamped with the batch. A revert
// removes the batch's moves, refused for a part that moved in that warehouse since.
#include "import/stock_importer.h"

#include <fmt/format.h>

#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "aftersales/parts/parts.h"
#include "aftersales/store/store.h"
#include "audit/audit_json.h"
#include "import/importer_base.h"

namespace aftersales {
namespace {

class StockImporter final : public ImporterBase {
 public:
  using ImporterBase::ImporterBase;
  const char* entity() const override { return "stock"; }
  const std::vector<ImportField>& fields() const override {
    static const std::vector<ImportField> all = {
        {"part", {"part", "number", "备件号", "备件编号", "零件号", "图号"}},
        {"warehouse", {"warehouse", "仓库", "库房"}},
        {"quantity",
         {"quantity", "qty", "on_hand", "数量", "库存", "库存数量", "期初库存", "结存数量"},
         ImportField::Kind::kInteger},
        {"reason", {"reason", "note", "备注", "说明"}},
    };
    return all;
  }

  RowOutcome upsert(const RowValues& v, FieldReader& reader) override {
    StockCountFields fields;
    fields.part = v[0].value_or("");
    fields.warehouse = v[1] && !v[1]->empty() ? v[1] : std::nullopt;
    fields.counted = v[2].value_or("");
    fields.reason = v[3].value_or("opening stock");
    if (!v[2]) reader.add("quantity", "", "is missing; say how many are on hand (0 or more)");
    const std::optional<StockCount> count = read_stock_count(ctx_, reader, fields);
    if (!count) return RowOutcome::kRejected;
    // One row per part and warehouse: two would count the same shelf twice.
    if (session_ != nullptr &&
        !session_->note_key(fmt::format("{}\t{}", count->part.number, count->warehouse))) {
      reader.add("part", count->part.number,
                 fmt::format("part {} in warehouse {} appears more than once in this import; "
                             "keep one row",
                             count->part.number, count->warehouse));
      return RowOutcome::kRejected;
    }
    // A row that changes the stock adds a move (new); one that matches it adds nothing.
    return apply_stock_count(ctx_, *count).move ? RowOutcome::kNew : RowOutcome::kUnchanged;
  }

  // A count writes a move, never changes a row: nothing to put back.
  void restore(const std::string& /*key*/, const std::string& /*snapshot*/) override {}

  // `key` is the id of a move the batch wrote.
  void remove(const std::string& key) override {
    const std::optional<StockMove> move = ctx_.store.parts().find_move(std::stoll(key));
    if (!move) return;
    const std::optional<StockMove> last = ctx_.store.parts().last_move(move->part, move->warehouse);
    if (last && last->id != move->id) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: part {} in warehouse {} moved since the import (move {}, "
                              "{} {:+}); taking the counted stock back would rewrite its history",
                              move->part, move->warehouse, last->id, move_kind_name(last->kind),
                              last->quantity),
                  fmt::format("count the stock again instead: `aftersales part count {} --qty N "
                              "--warehouse {}`",
                              move->part, move->warehouse));
    }
    ctx_.store.parts().remove_move(move->id);
    record_change(ctx_, "stock_move", key, "revert",
                  AuditJson{{"part", move->part},
                            {"warehouse", move->warehouse},
                            {"kind", move_kind_name(move->kind)},
                            {"quantity", move->quantity}}
                      .dump(),
                  "");
  }
};

}  // namespace

std::unique_ptr<EntityImporter> make_stock_importer(Context& ctx, ImportSession* session) {
  return std::make_unique<StockImporter>(ctx, session);
}

}  // namespace aftersales
