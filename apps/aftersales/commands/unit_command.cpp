// aftersales unit add|edit|show|list|accept|note: the factory archive (表1).
#include <fmt/format.h>

#include "aftersales/attachments/attachments.h"
#include "aftersales/core/translate.h"
#include "aftersales/units/units.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/attachment_view.h"
#include "views/unit_view.h"
#include "views/visit_view.h"

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

struct SerialRequest {
  std::string serial;
};

struct FindRequest {
  std::string text;
};

struct AcceptRequest {
  std::string serial, date, signer;
};

struct NoteRequest {
  std::string serial, kind, text;
};

void add_serial(CLI::App& command, std::string& serial) {
  command.add_option("SERIAL", serial, "serial no.")->required();
}

}  // namespace

void attach_unit(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales unit show 2023-001");

  add_verb<UnitRequest>(
      family, session,
      {"add", "register a shipped unit; prints its serial no.",
       "aftersales unit add 2023-001 --model HYS5160 --customer C001 --shipped 2023-03-05 "
       "--vin LZZ1234 --engine WP10-88 --config 8吨洗扫 --terms 整车一年",
       StoreUse::kWrites},
      [](CLI::App& verb, UnitRequest& r) { add_field_options(verb, r, true); },
      [](Session& s, const UnitRequest& r) {
        s.emit_created(add_unit(s.context(), r.serial, r.fields).serial);
      });

  add_verb<UnitRequest>(
      family, session,
      {"edit", "change fields of a unit (--customer: new owner)",
       "aftersales unit edit 2023-001 --customer C002 --km 12000", StoreUse::kWrites},
      [](CLI::App& verb, UnitRequest& r) { add_field_options(verb, r, false); },
      [](Session& s, const UnitRequest& r) {
        s.note(fmt::format(fmt::runtime(tr("unit {} saved")),
                           edit_unit(s.context(), r.serial, r.fields).serial));
      });

  add_verb<SerialRequest>(
      family, session,
      {"show",
       "the whole factory archive (表1) with its service records and history; the unit by its "
       "serial no., VIN, plate or engine no.",
       "aftersales unit show LZZ1BLSF5FD123401 --format json", StoreUse::kReads},
      [](CLI::App& verb, SerialRequest& r) {
        verb.add_option("UNIT", r.serial, "serial no., VIN, plate (车号) or engine no.")
            ->required();
      },
      [](Session& s, const SerialRequest& r) {
        Context& ctx = s.context();
        const UnitArchive archive = unit_archive(ctx, r.serial);
        RecordView view = archive_view(archive, ctx.rules, s.format());
        std::vector<Visit> visits;
        VisitQuery of_unit;
        of_unit.unit = archive.unit.serial;
        each_visit(ctx, of_unit, [&](const Visit& v) { visits.push_back(v); });
        add_unit_visits(view, visits);
        // The signed scans kept with it (issue 15), metadata only.
        add_attachments(view, attachments_of(ctx, "unit", archive.unit.serial),
                        ctx.rules.general.utc_offset, "changes");
        s.emit(view);
      });

  add_verb<FindRequest>(
      family, session,
      {"find",
       "units whose serial no., VIN, plate or engine no. contains TEXT (letters in any case)",
       "aftersales unit find 123401", StoreUse::kReads},
      [](CLI::App& verb, FindRequest& r) {
        verb.add_option("TEXT", r.text, "part of a serial no., VIN, plate or engine no.")
            ->required();
      },
      [](Session& s, const FindRequest& r) {
        Table found = unit_find_table();
        find_units(s.context(), r.text,
                   [&](const UnitNumberHit& hit) { add_found_unit(found, hit); });
        s.emit(found);
      });

  add_verb<UnitQuery>(
      family, session,
      {"list", "list units with their warranty today", "aftersales unit list --incomplete",
       StoreUse::kReads},
      [](CLI::App& verb, UnitQuery& query) {
        verb.add_option("--model", query.model, "only this model");
        verb.add_option("--customer", query.customer, "only this customer's units");
        verb.add_flag("--in-warranty", query.in_warranty, "only units in warranty today");
        verb.add_flag(
            "--incomplete", query.incomplete,
            "only archives still incomplete past the filing window (2 days after shipping)");
        verb.add_flag("--late", query.late,
                      "only archives completed after the filing window, with the days late");
      },
      [](Session& s, const UnitQuery& query) {
        Context& ctx = s.context();
        s.emit_rows(unit_columns(), [&](RowWriter& rows) {
          each_unit(ctx, query, [&](const UnitSummary& unit) { rows.row(unit_row(unit)); });
        });
      });

  add_verb<AcceptRequest>(
      family, session,
      {"accept", "record the customer's acceptance (用户验收单); the warranty starts then",
       "aftersales unit accept 2023-001 --date 2023-03-10 --signer 王明", StoreUse::kWrites},
      [](CLI::App& verb, AcceptRequest& r) {
        add_serial(verb, r.serial);
        verb.add_option("--date", r.date, "acceptance date")->required();
        verb.add_option("--signer", r.signer, "who signed for the customer")->required();
      },
      [](Session& s, const AcceptRequest& r) {
        const Unit u = accept_unit(s.context(), r.serial, r.date, r.signer);
        s.note(fmt::format(fmt::runtime(tr("unit {} accepted on {}")), u.serial,
                           format_date(*u.accepted_on)));
      });

  add_verb<NoteRequest>(
      family, session,
      {"note", "file a line into the unit's history",
       "aftersales unit note 2023-001 --kind quality --text 液压泵异响, 已更换", StoreUse::kWrites},
      [](CLI::App& verb, NoteRequest& r) {
        add_serial(verb, r.serial);
        verb.add_option("--kind", r.kind, "status, quality, tech-change or part-replacement")
            ->required();
        verb.add_option("--text", r.text, "what happened")->required();
      },
      [](Session& s, const NoteRequest& r) {
        s.emit_created(std::to_string(add_unit_note(s.context(), r.serial, r.kind, r.text).id));
      });
}

}  // namespace aftersales::cli
