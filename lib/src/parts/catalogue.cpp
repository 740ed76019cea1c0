// The parts catalogue (备件): number, name, spec, unit, unit price, the major flag.
#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/identity/identity.h"
#include "aftersales/parts/parts.h"
#include "aftersales/store/store.h"
#include "audit/audit_json.h"
#include "core/field_checks.h"

namespace aftersales {
namespace {

AuditJson to_json(const Part& p) {
  return AuditJson{{"number", p.number},
                   {"name", p.name},
                   {"spec", p.spec},
                   {"unit", p.unit},
                   {"unit_price_fen", p.unit_price.fen},
                   {"major", p.major},
                   {"reorder_level", p.reorder_level ? AuditJson(*p.reorder_level) : AuditJson()}};
}

constexpr std::int64_t kMaxQuantity = 1'000'000'000;

}  // namespace

void read_part_fields(FieldReader& reader, const PartFields& fields, Part& part) {
  if (fields.name) part.name = reader.text("name", *fields.name, true);
  if (fields.spec) part.spec = reader.text("spec", *fields.spec);
  if (fields.unit) part.unit = reader.text("unit", *fields.unit);
  if (fields.major) part.major = *fields.major;
  if (fields.price) {
    if (auto price = reader.money("price", *fields.price)) {
      if (*price < Money{0}) {
        reader.add("price", *fields.price, "is negative; give a unit price of 0 or more");
      } else {
        part.unit_price = *price;
      }
    }
  }
  if (fields.reorder_level) {
    if (trim(*fields.reorder_level).empty()) {
      part.reorder_level.reset();
    } else if (auto level =
                   reader.integer("reorder_level", *fields.reorder_level, 0, kMaxQuantity)) {
      part.reorder_level = *level;
    }
  }
}

Part add_part(Context& ctx, const std::string& number, const PartFields& fields) {
  require_role(ctx, ctx.rules.permissions.parts_stock, "adding a part");
  FieldReader reader;
  Part part;
  part.number = check_code(reader, "number", number);
  if (!fields.name) reader.add("name", "", "is missing; give the part's name (--name)");
  if (!fields.price) reader.add("price", "", "is missing; give the unit price (--price)");
  read_part_fields(reader, fields, part);
  reader.throw_if_any(fmt::format("part {}", number));
  ctx.store.write([&] {
    if (ctx.store.parts().find(part.number)) {
      throw Error(ErrorCode::kConflict, fmt::format("part {} exists already", part.number),
                  fmt::format("change it with `aftersales part edit {}`", part.number));
    }
    ctx.store.parts().insert(part);
    record_addition(ctx, "part", part.number, to_json(part));
  });
  return part;
}

Part edit_part(Context& ctx, const std::string& number, const PartFields& fields) {
  require_role(ctx, ctx.rules.permissions.parts_stock, "changing a part");
  Part after;
  ctx.store.write([&] {
    const Part before = get_part(ctx, number);
    after = before;
    FieldReader reader;
    read_part_fields(reader, fields, after);
    reader.throw_if_any(fmt::format("part {}", number));
    if (record_difference(ctx, "part", before.number, "edit", to_json(before), to_json(after))) {
      ctx.store.parts().update(after);
    }
  });
  return after;
}

Part get_part(Context& ctx, const std::string& number) {
  if (std::optional<Part> found = ctx.store.parts().find(trim(number))) return *found;
  throw Error(ErrorCode::kNotFound, fmt::format("part {} does not exist", number),
              "`aftersales part list` shows the catalogue; add one with `aftersales part add`");
}

void each_part(Context& ctx, const PartQuery& query,
               const std::function<void(const Part&, std::int64_t on_hand)>& visit) {
  ctx.store.parts().each([&](const Part& part, std::int64_t on_hand) {
    if (query.low && !(part.reorder_level && on_hand < *part.reorder_level)) return;
    visit(part, on_hand);
  });
}

}  // namespace aftersales
