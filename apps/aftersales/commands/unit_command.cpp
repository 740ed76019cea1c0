// aftersales unit add|edit|show|list|accept|note: the factory archive (表1).
#include <fmt/format.h>

#include "aftersales/units/units.h"
#include "commands/registry.h"
#include "views/unit_view.h"

namespace aftersales::cli {
namespace {

struct UnitRequest {
  std::string serial;
  UnitFields fields;
};

void add_field_options(CLI::App& command, UnitRequest& r, bool adding) {
  command.add_option("SERIAL", r.serial, "serial no. (出厂编号)")->required();
  auto* model = command.add_option("--model", r.fields.model, "model code");
  auto* customer = command.add_option("--customer", r.fields.customer,
                                      adding ? "customer code" : "new owner's customer code");
  auto* shipped = command.add_option("--shipped", r.fields.shipped, "ship date 出厂日期");
  if (adding) {
    model->required();
    customer->required();
    shipped->required();
  }
  command.add_option("--vin", r.fields.vin, "chassis no. / VIN (底盘号)");
  command.add_option("--engine", r.fields.engine, "engine no. (发动机编号)");
  command.add_option("--plate", r.fields.plate, "plate no. (车号)");
  command.add_option("--config", r.fields.config, "main configuration (主要配置)");
  command.add_option("--terms", r.fields.terms, "service terms (服务条款)");
  command.add_option("--contact", r.fields.contact, "contact person for this unit");
  command.add_option("--phone", r.fields.phone, "contact phone for this unit");
  command.add_option("--packing-list", r.fields.packing_list, "packing list ref. (发运装箱单)");
  command.add_option("--warranty-end", r.fields.warranty_end,
                     "warranty end of the unit's own contract (empty clears)");
  command.add_option("--km", r.fields.km, "odometer reading today, in km");
}

}  // namespace

void attach_unit(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales unit show 2023-001");

  auto add_request = std::make_shared<UnitRequest>();
  CLI::App* add = family.add_subcommand("add", "register a shipped unit; prints its serial no.");
  example(*add,
          "aftersales unit add 2023-001 --model HYS5160 --customer C001 --shipped 2023-03-05 "
          "--vin LZZ1234 --engine WP10-88 --config 8吨洗扫 --terms 整车一年");
  add_field_options(*add, *add_request, true);
  add->callback([&session, add_request] {
    session.run = [&session, add_request] {
      const Unit u = add_unit(session.context(), add_request->serial, add_request->fields);
      session.emit_created(u.serial);
      return 0;
    };
  });

  auto edit_request = std::make_shared<UnitRequest>();
  CLI::App* edit = family.add_subcommand("edit", "change fields of a unit (--customer: new owner)");
  example(*edit, "aftersales unit edit 2023-001 --customer C002 --km 12000");
  add_field_options(*edit, *edit_request, false);
  edit->callback([&session, edit_request] {
    session.run = [&session, edit_request] {
      const Unit u = edit_unit(session.context(), edit_request->serial, edit_request->fields);
      session.note("unit " + u.serial + " saved");
      return 0;
    };
  });

  auto show_serial = std::make_shared<std::string>();
  CLI::App* show = family.add_subcommand("show", "the whole factory archive (表1) with history");
  example(*show, "aftersales unit show 2023-001 --format json");
  show->add_option("SERIAL", *show_serial, "serial no.")->required();
  show->callback([&session, show_serial] {
    session.run = [&session, show_serial] {
      Context& ctx = session.context();
      session.emit(archive_view(unit_archive(ctx, *show_serial), ctx.rules));
      return 0;
    };
  });

  auto query = std::make_shared<UnitQuery>();
  CLI::App* list = family.add_subcommand("list", "list units with their warranty today");
  example(*list, "aftersales unit list --incomplete");
  list->add_option("--model", query->model, "only this model");
  list->add_option("--customer", query->customer, "only this customer's units");
  list->add_flag("--in-warranty", query->in_warranty, "only units in warranty today");
  list->add_flag("--incomplete", query->incomplete,
                 "only archives still incomplete past the filing window (2 days after shipping)");
  list->callback([&session, query] {
    session.run = [&session, query] {
      session.emit(unit_table(list_units(session.context(), *query)));
      return 0;
    };
  });

  struct AcceptRequest {
    std::string serial, date, signer;
  };
  auto accept_request = std::make_shared<AcceptRequest>();
  CLI::App* accept = family.add_subcommand(
      "accept", "record the customer's acceptance (用户验收单); the warranty starts then");
  example(*accept, "aftersales unit accept 2023-001 --date 2023-03-10 --signer 王明");
  accept->add_option("SERIAL", accept_request->serial, "serial no.")->required();
  accept->add_option("--date", accept_request->date, "acceptance date")->required();
  accept->add_option("--signer", accept_request->signer, "who signed for the customer")->required();
  accept->callback([&session, accept_request] {
    session.run = [&session, accept_request] {
      const Unit u = accept_unit(session.context(), accept_request->serial, accept_request->date,
                                 accept_request->signer);
      session.note(fmt::format("unit {} accepted on {}", u.serial, format_date(*u.accepted_on)));
      return 0;
    };
  });

  struct NoteRequest {
    std::string serial, kind, text;
  };
  auto note_request = std::make_shared<NoteRequest>();
  CLI::App* note = family.add_subcommand("note", "file a line into the unit's history");
  example(*note, "aftersales unit note 2023-001 --kind quality --text 液压泵异响, 已更换");
  note->add_option("SERIAL", note_request->serial, "serial no.")->required();
  note->add_option("--kind", note_request->kind, "status, quality, tech-change or part-replacement")
      ->required();
  note->add_option("--text", note_request->text, "what happened")->required();
  note->callback([&session, note_request] {
    session.run = [&session, note_request] {
      const UnitNote n = add_unit_note(session.context(), note_request->serial, note_request->kind,
                                       note_request->text);
      session.emit_created(std::to_string(n.id));
      return 0;
    };
  });
}

}  // namespace aftersales::cli
