// Importing the parts catalogue (备件): the same field readers as `part add` and `part edit`
// (read_part_fields); matched by part no.
#include "import/part_importer.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "aftersales/core/text.h"
#include "aftersales/parts/parts.h"
#include "aftersales/store/store.h"
#include "core/field_checks.h"
#include "import/importer_base.h"

namespace aftersales {
namespace {

using Kind = ImportField::Kind;

class PartImporter final : public ImporterBase {
 public:
  using ImporterBase::ImporterBase;
  const char* entity() const override { return "part"; }
  const std::vector<ImportField>& fields() const override {
    static const std::vector<ImportField> all = {
        {"number", {"number", "part", "备件号", "备件编号", "零件号", "图号"}},
        {"name", {"name", "名称", "备件名称", "零件名称"}},
        {"spec", {"spec", "规格", "规格型号"}},
        {"unit", {"unit", "单位"}},
        {"price", {"price", "unit_price", "单价", "价格"}},
        {"major", {"major", "重要部件"}, Kind::kFlag},
        {"reorder_level", {"reorder_level", "最低库存", "安全库存"}, Kind::kInteger},
    };
    return all;
  }

  RowOutcome upsert(const RowValues& v, FieldReader& reader) override {
    const std::string number = check_code(reader, "number", v[0].value_or(""));
    const std::optional<Part> existing =
        reader.ok() ? ctx_.store.parts().find(number) : std::nullopt;
    if (existing) check_not_twice(number, reader);
    Part p = existing.value_or(Part{});
    p.number = number;
    const PartFields fields = to_fields(v, reader);
    if (!existing && !fields.name) reader.add("name", "", "is missing; a new part needs a name");
    if (!existing && !fields.price) {
      reader.add("price", "", "is missing; a new part needs a unit price");
    }
    read_part_fields(reader, fields, p);
    if (!reader.ok()) return RowOutcome::kRejected;
    if (!existing) {
      ctx_.store.parts().insert(p);
      return RowOutcome::kNew;
    }
    if (snapshot(p) == snapshot(*existing)) return unchanged(number);
    keep_before(number, snapshot(*existing));
    ctx_.store.parts().update(p);
    return RowOutcome::kUpdated;
  }

  void restore(const std::string& key, const std::string& before) override {
    std::optional<Part> p = ctx_.store.parts().find(key);
    if (!p) return;
    FieldReader reader;
    read_part_fields(reader, to_fields(values_of(before), reader), *p);
    ctx_.store.parts().update(*p);
  }

  void remove(const std::string& key) override { ctx_.store.parts().remove(key); }

 private:
  PartFields to_fields(const RowValues& v, FieldReader& reader) const {
    PartFields f;
    f.name = v[1];
    f.spec = v[2];
    f.unit = v[3];
    f.price = v[4];
    if (v[5]) {
      f.major = parse_flag(*v[5]);
      if (!f.major) {
        reader.add("major", *v[5], fmt::format("cannot read \"{}\" as yes or no", *v[5]));
      }
    }
    f.reorder_level = v[6];
    return f;
  }

  std::string snapshot(const Part& p) const {
    return nlohmann::json{
        {"number", p.number},
        {"name", p.name},
        {"spec", p.spec},
        {"unit", p.unit},
        {"price", format_money(p.unit_price, false)},
        {"major", p.major ? "yes" : "no"},
        {"reorder_level", p.reorder_level ? std::to_string(*p.reorder_level) : std::string()}}
        .dump();
  }
};

}  // namespace

std::unique_ptr<EntityImporter> make_part_importer(Context& ctx, ImportSession* session) {
  return std::make_unique<PartImporter>(ctx, session);
}

}  // namespace aftersales
