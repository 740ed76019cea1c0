// Product models (车型).
#include "aftersales/models/models.h"
#include "aftersales/core/translate.h"

#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/core/validation.h"
#include "aftersales/identity/identity.h"
#include "aftersales/store/store.h"
#include "audit/audit_json.h"
#include "core/field_checks.h"

namespace aftersales {
namespace {

AuditJson optional_json(const std::optional<std::int64_t>& value) {
  return value ? AuditJson(*value) : AuditJson();
}

AuditJson to_json(const Model& m) {
  return AuditJson{{"code", m.code},
                   {"name", m.name},
                   {"category", m.category},
                   {"warranty_months", m.warranty_months},
                   {"warranty_km", optional_json(m.warranty_km)},
                   {"maintenance_days", optional_json(m.maintenance_days)},
                   {"maintenance_km", optional_json(m.maintenance_km)}};
}

// An optional positive number: empty text clears it.
template <typename T>
void read_optional(FieldReader& reader, const char* field, const std::optional<std::string>& text,
                   std::int64_t max, std::optional<T>& target) {
  if (!text) return;
  if (trim(*text).empty()) {
    target.reset();
  } else if (auto number = reader.integer(field, *text, 1, max)) {
    target = static_cast<T>(*number);
  }
}

}  // namespace

void read_model_fields(const Rules& rules, FieldReader& reader, const ModelFields& fields,
                       Model& model) {
  if (fields.name) model.name = reader.text("name", *fields.name, true);
  if (fields.category) {
    if (auto category = reader.choice("category", *fields.category, rules.lists.model_categories)) {
      model.category = *category;
    }
  }
  if (fields.warranty_months) {
    if (auto months = reader.integer("warranty_months", *fields.warranty_months, 1, 240)) {
      model.warranty_months = static_cast<int>(*months);
    }
  }
  read_optional(reader, "warranty_km", fields.warranty_km, 10'000'000, model.warranty_km);
  read_optional(reader, "maintenance_days", fields.maintenance_days, 3650, model.maintenance_days);
  read_optional(reader, "maintenance_km", fields.maintenance_km, 10'000'000, model.maintenance_km);
}

Model add_model(Context& ctx, const std::string& code, const ModelFields& fields) {
  require_role(ctx, ctx.rules.permissions.archive_write, "adding a model");
  FieldReader reader;
  Model model;
  model.code = check_code(reader, "code", code);
  model.warranty_months = ctx.rules.warranty.default_months;
  if (!fields.name) reader.add("name", "", "is missing; give the model's name (--name)");
  if (!fields.category) {
    reader.add("category", "",
               fmt::format("is missing; give one of {} (--category)",
                           fmt::join(ctx.rules.lists.model_categories, ", ")));
  }
  read_model_fields(ctx.rules, reader, fields, model);
  reader.throw_if_any(fmt::format("model {}", code));
  ctx.store.write([&] {
    if (ctx.store.archive().find_model(model.code)) {
      throw Error(
          ErrorCode::kConflict,
          fmt::format(fmt::runtime(tr("model {} exists already")), model.code),
          fmt::format(fmt::runtime(tr("change it with `aftersales model edit {}`")), model.code));
    }
    ctx.store.archive().insert_model(model);
    record_addition(ctx, "model", model.code, to_json(model));
  });
  return model;
}

Model edit_model(Context& ctx, const std::string& code, const ModelFields& fields) {
  require_role(ctx, ctx.rules.permissions.archive_write, "changing a model");
  Model after;
  ctx.store.write([&] {
    const Model before = get_model(ctx, code);
    after = before;
    FieldReader reader;
    read_model_fields(ctx.rules, reader, fields, after);
    reader.throw_if_any(fmt::format("model {}", code));
    if (record_difference(ctx, "model", code, "edit", to_json(before), to_json(after))) {
      ctx.store.archive().update_model(after);
    }
  });
  return after;
}

Model get_model(Context& ctx, const std::string& code) {
  if (std::optional<Model> found = ctx.store.archive().find_model(trim(code))) return *found;
  throw Error(ErrorCode::kNotFound, fmt::format(fmt::runtime(tr("model {} does not exist")), code),
              tr("`aftersales model list` shows the models; add one with `aftersales model add`"));
}

std::vector<Model> list_models(Context& ctx) { return ctx.store.archive().list_models(); }

}  // namespace aftersales
