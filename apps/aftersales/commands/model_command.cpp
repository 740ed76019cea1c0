// aftersales model add|edit|list
#include <fmt/format.h>

#include "aftersales/core/translate.h"
#include "aftersales/models/models.h"
#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {
namespace {

struct ModelRequest {
  std::string code;
  ModelFields fields;
};

void add_field_options(CLI::App& command, ModelRequest& r, bool adding) {
  command.add_option("CODE", r.code, "model code (车型)")->required();
  auto* name = command.add_option("--name", r.fields.name, "model name");
  auto* category =
      command.add_option("--category", r.fields.category, "category from [lists] model_categories");
  if (adding) {
    name->required();
    category->required();
  }
  command.add_option("--warranty-months", r.fields.warranty_months,
                     "warranty months (default [warranty] default_months)");
  command.add_option("--warranty-km", r.fields.warranty_km,
                     "warranty mileage limit in km (empty clears)");
  command.add_option("--maintenance-days", r.fields.maintenance_days,
                     "maintenance interval in days");
  command.add_option("--maintenance-km", r.fields.maintenance_km, "maintenance interval in km");
}

Table model_table(const std::vector<Model>& models) {
  Table table;
  table.columns = {{"code", ""},
                   {"name", ""},
                   {"category", ""},
                   {"warranty_months", "warranty months"},
                   {"warranty_km", "warranty km"},
                   {"maintenance_days", "maint. days"},
                   {"maintenance_km", "maint. km"}};
  for (const Model& m : models) {
    table.add_row({m.code, m.name, m.category, std::int64_t{m.warranty_months},
                   optional_cell(m.warranty_km),
                   m.maintenance_days ? Cell{std::int64_t{*m.maintenance_days}} : Cell{},
                   optional_cell(m.maintenance_km)});
  }
  return table;
}

}  // namespace

void attach_model(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales model list");

  add_verb<ModelRequest>(
      family, session,
      {"add", "add a model; prints its code",
       "aftersales model add HYS5160 --name 洗扫车 --category sanitation --warranty-months 12 "
       "--warranty-km 100000",
       StoreUse::kWrites},
      [](CLI::App& verb, ModelRequest& r) { add_field_options(verb, r, true); },
      [](Session& s, const ModelRequest& r) {
        s.emit_created(add_model(s.context(), r.code, r.fields).code);
      });

  add_verb<ModelRequest>(
      family, session,
      {"edit", "change the given fields of a model",
       "aftersales model edit HYS5160 --warranty-months 24", StoreUse::kWrites},
      [](CLI::App& verb, ModelRequest& r) { add_field_options(verb, r, false); },
      [](Session& s, const ModelRequest& r) {
        s.note(fmt::format(fmt::runtime(tr("model {} saved")),
                           edit_model(s.context(), r.code, r.fields).code));
      });

  add_verb(family, session,
           {"list", "list the models", "aftersales model list --format json", StoreUse::kReads},
           [](Session& s) { s.emit(model_table(list_models(s.context()))); });
}

}  // namespace aftersales::cli
