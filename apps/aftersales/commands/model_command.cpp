// aftersales model add|edit|list
#include "aftersales/models/models.h"
#include "commands/registry.h"

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

}  // namespace

void attach_model(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales model list");

  auto add_request = std::make_shared<ModelRequest>();
  CLI::App* add = family.add_subcommand("add", "add a model; prints its code");
  example(*add,
          "aftersales model add HYS5160 --name 洗扫车 --category sanitation --warranty-months 12 "
          "--warranty-km 100000");
  add_field_options(*add, *add_request, true);
  add->callback([&session, add_request] {
    session.run = [&session, add_request] {
      const Model m = add_model(session.context(), add_request->code, add_request->fields);
      session.emit_created(m.code);
      return 0;
    };
  });

  auto edit_request = std::make_shared<ModelRequest>();
  CLI::App* edit = family.add_subcommand("edit", "change the given fields of a model");
  example(*edit, "aftersales model edit HYS5160 --warranty-months 24");
  add_field_options(*edit, *edit_request, false);
  edit->callback([&session, edit_request] {
    session.run = [&session, edit_request] {
      const Model m = edit_model(session.context(), edit_request->code, edit_request->fields);
      session.note("model " + m.code + " saved");
      return 0;
    };
  });

  CLI::App* list = family.add_subcommand("list", "list the models");
  example(*list, "aftersales model list --format json");
  list->callback([&session] {
    session.run = [&session] {
      Table table;
      table.columns = {{"code", ""},
                       {"name", ""},
                       {"category", ""},
                       {"warranty_months", "warranty months"},
                       {"warranty_km", "warranty km"},
                       {"maintenance_days", "maint. days"},
                       {"maintenance_km", "maint. km"}};
      for (const Model& m : list_models(session.context())) {
        table.add_row({m.code, m.name, m.category, std::int64_t{m.warranty_months},
                       optional_cell(m.warranty_km),
                       m.maintenance_days ? Cell{std::int64_t{*m.maintenance_days}} : Cell{},
                       optional_cell(m.maintenance_km)});
      }
      session.emit(table);
      return 0;
    };
  });
}

}  // namespace aftersales::cli
