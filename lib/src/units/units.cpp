// Units and their factory archive (表1).
#include "aftersales/units/units.h"
#include "aftersales/core/translate.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>

#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "aftersales/core/validation.h"
#include "aftersales/customers/customers.h"
#include "aftersales/identity/identity.h"
#include "aftersales/models/models.h"
#include "aftersales/store/store.h"
#include "aftersales/units/archive_completeness.h"
#include "audit/audit_json.h"
#include "core/field_checks.h"
#include "units/archive_filing.h"

namespace aftersales {
namespace {

AuditJson date_json(const std::optional<Date>& date) {
  return date ? AuditJson(format_date(*date)) : AuditJson();
}

AuditJson to_json(const Unit& u) {
  return AuditJson{{"serial", u.serial},
                   {"model", u.model_code},
                   {"customer", u.customer_code},
                   {"shipped", format_date(u.shipped_on)},
                   {"vin", u.vin},
                   {"engine", u.engine_no},
                   {"plate", u.plate},
                   {"config", u.configuration},
                   {"terms", u.terms},
                   {"contact", u.contact},
                   {"phone", u.phone},
                   {"packing_list", u.packing_list},
                   {"warranty_end", date_json(u.contract_warranty_end)},
                   {"accepted_on", date_json(u.accepted_on)},
                   {"accepted_by", u.accepted_by},
                   {"km", u.odometer_km ? AuditJson(*u.odometer_km) : AuditJson()},
                   {"km_on", date_json(u.odometer_on)}};
}

}  // namespace

void read_unit_fields(Context& ctx, FieldReader& reader, const UnitFields& fields, Unit& unit) {
  if (fields.model) unit.model_code = check_code(reader, "model", *fields.model);
  if (fields.customer) unit.customer_code = check_code(reader, "customer", *fields.customer);
  if (fields.shipped) {
    if (auto date = reader.date("shipped", *fields.shipped)) {
      if (*date > ctx.today()) {
        reader.add("shipped", *fields.shipped,
                   fmt::format("{} is after today ({}); register a unit once it has shipped",
                               format_date(*date), format_date(ctx.today())));
      }
      unit.shipped_on = *date;
    }
  }
  if (fields.vin) unit.vin = reader.text("vin", *fields.vin);
  if (fields.engine) unit.engine_no = reader.text("engine", *fields.engine);
  if (fields.plate) unit.plate = reader.text("plate", *fields.plate);
  if (fields.config) unit.configuration = reader.text("config", *fields.config);
  if (fields.terms) unit.terms = reader.text("terms", *fields.terms);
  if (fields.contact) unit.contact = reader.text("contact", *fields.contact);
  if (fields.phone) unit.phone = check_phone(reader, "phone", *fields.phone);
  if (fields.packing_list) unit.packing_list = reader.text("packing_list", *fields.packing_list);
  if (fields.warranty_end) {
    if (trim(*fields.warranty_end).empty()) {
      unit.contract_warranty_end.reset();
    } else if (auto date = reader.date("warranty_end", *fields.warranty_end)) {
      unit.contract_warranty_end = *date;
    }
  }
  if (fields.km) {
    if (trim(*fields.km).empty()) {
      unit.odometer_km.reset();
      unit.odometer_on.reset();
    } else if (auto km = reader.integer("km", *fields.km, 0, kMaxOdometerKm)) {
      unit.odometer_km = *km;
      unit.odometer_on = ctx.today();
    }
  }
  // Dates that contradict each other.
  if (unit.contract_warranty_end && *unit.contract_warranty_end < unit.shipped_on) {
    reader.add("warranty_end",
               fields.warranty_end.value_or(format_date(*unit.contract_warranty_end)),
               fmt::format("{} is before the ship date {}; give the contract's end date",
                           format_date(*unit.contract_warranty_end), format_date(unit.shipped_on)));
  }
  if (unit.accepted_on && *unit.accepted_on < unit.shipped_on) {
    reader.add("shipped", fields.shipped.value_or(format_date(unit.shipped_on)),
               fmt::format("{} is after the acceptance on {}; check the ship date",
                           format_date(unit.shipped_on), format_date(*unit.accepted_on)));
  }
}

namespace {

// Model and customer must exist (exit 3 otherwise).
void check_references(Context& ctx, const Unit& unit) {
  get_model(ctx, unit.model_code);
  get_customer(ctx, unit.customer_code);
}

}  // namespace

Unit add_unit(Context& ctx, const std::string& serial, const UnitFields& fields) {
  require_role(ctx, ctx.rules.permissions.archive_write, "registering a unit");
  FieldReader reader;
  Unit unit;
  unit.serial = check_code(reader, "serial", serial);
  if (!fields.model) reader.add("model", "", "is missing; give the model code (--model)");
  if (!fields.customer) {
    reader.add("customer", "", "is missing; give the customer code (--customer)");
  }
  if (!fields.shipped) {
    reader.add("shipped", "", "is missing; give the ship date 出厂日期 (--shipped YYYY-MM-DD)");
  }
  read_unit_fields(ctx, reader, fields, unit);
  reader.throw_if_any(fmt::format("unit {}", serial));
  ctx.store.write([&] {
    if (ctx.store.archive().find_unit(unit.serial)) {
      throw Error(
          ErrorCode::kConflict,
          fmt::format(fmt::runtime(tr("unit {} exists already (serial no. 出厂编号 is unique)")),
                      unit.serial),
          fmt::format(fmt::runtime(tr("show it with `aftersales unit show {}`; change it with "
                                      "`aftersales unit edit {}`")),
                      unit.serial, unit.serial));
    }
    check_references(ctx, unit);
    date_unit_completion(ctx, std::nullopt, unit);
    ctx.store.archive().insert_unit(unit);
    record_addition(ctx, "unit", unit.serial, to_json(unit));
  });
  return unit;
}

Unit edit_unit(Context& ctx, const std::string& serial, const UnitFields& fields) {
  require_role(ctx, ctx.rules.permissions.archive_write, "changing a unit");
  Unit after;
  ctx.store.write([&] {
    const Unit before = get_unit(ctx, serial);
    after = before;
    FieldReader reader;
    read_unit_fields(ctx, reader, fields, after);
    if (reader.ok()) {
      if (std::string problem = unit_odometer_problem(ctx, before, after); !problem.empty()) {
        reader.add("km", fields.km.value_or(""), problem);
      }
    }
    reader.throw_if_any(fmt::format("unit {}", serial));
    check_references(ctx, after);
    date_unit_completion(ctx, before, after);
    const std::string action =
        after.customer_code != before.customer_code ? "change-owner" : "edit";
    if (record_difference(ctx, "unit", before.serial, action, to_json(before), to_json(after))) {
      ctx.store.archive().update_unit(after);
    }
  });
  return after;
}

std::optional<OdometerReading> unit_record_reading(Context& ctx, const Unit& unit) {
  if (!unit.odometer_km || !unit.odometer_on) return std::nullopt;
  return OdometerReading{
      *unit.odometer_km, start_of_day(*unit.odometer_on, ctx.rules.general.utc_offset), {}};
}

std::vector<OdometerReading> odometer_readings(Context& ctx, const Unit& unit,
                                               const std::string& except) {
  std::vector<OdometerReading> readings;
  if (std::optional<OdometerReading> own = unit_record_reading(ctx, unit)) {
    readings.push_back(std::move(*own));
  }
  for (OdometerReading& reading : ctx.store.tickets().odometer_readings(unit.serial)) {
    if (reading.ticket != except) readings.push_back(std::move(reading));
  }
  return readings;
}

std::string unit_odometer_problem(Context& ctx, const Unit& before, const Unit& after) {
  if (!after.odometer_km || after.odometer_km == before.odometer_km) return {};
  const std::optional<OdometerConflict> conflict =
      odometer_conflict(odometer_readings(ctx, before), *after.odometer_km, ctx.now());
  if (!conflict) return {};
  std::string problem =
      odometer_conflict_text(*conflict, *after.odometer_km, ctx.rules.general.utc_offset);
  if (conflict->reading.ticket.empty()) {
    problem +=
        "; if the recorded reading was a mistake, clear it first (km empty, `unit edit "
        "--km \"\"`) and give the right one";
  }
  return problem;
}

Unit accept_unit(Context& ctx, const std::string& serial, const std::string& date,
                 const std::string& signer) {
  require_role(ctx, ctx.rules.permissions.archive_write, "recording an acceptance");
  Unit after;
  ctx.store.write([&] {
    const Unit before = get_unit(ctx, serial);
    after = before;
    FieldReader reader;
    if (auto accepted = reader.date("date", date)) {
      if (*accepted < before.shipped_on) {
        reader.add("date", date,
                   fmt::format("{} is before the ship date {}; acceptance follows delivery",
                               format_date(*accepted), format_date(before.shipped_on)));
      } else if (*accepted > ctx.today()) {
        reader.add("date", date,
                   fmt::format("{} is after today ({}); record an acceptance once signed",
                               format_date(*accepted), format_date(ctx.today())));
      }
      after.accepted_on = *accepted;
    }
    after.accepted_by = reader.text("signer", signer, true);
    reader.throw_if_any(fmt::format("unit {}", serial));
    if (record_difference(ctx, "unit", before.serial, "accept", to_json(before), to_json(after))) {
      ctx.store.archive().update_unit(after);
    }
  });
  return after;
}

UnitNote add_unit_note(Context& ctx, const std::string& serial, const std::string& kind,
                       const std::string& text) {
  require_role(ctx, ctx.rules.permissions.unit_note, "adding to a unit's history");
  FieldReader reader;
  UnitNote note;
  const std::string kind_text = trim(kind);
  if (auto parsed = parse_note_kind(kind_text)) {
    note.kind = *parsed;
  } else {
    reader.add("kind", kind,
               fmt::format("\"{}\" is not a kind of note: use status, quality, tech-change or "
                           "part-replacement",
                           kind));
  }
  note.text = reader.text("text", text, true);
  reader.throw_if_any(fmt::format("unit {}", serial));
  ctx.store.write([&] {
    note.serial = get_unit(ctx, serial).serial;
    note.at = ctx.now();
    note.actor = ctx.actor.user;
    ctx.store.archive().insert_unit_note(note);
    record_change(ctx, "unit", note.serial, "note", "",
                  AuditJson{{"kind", note_kind_name(note.kind)}, {"text", note.text}}.dump());
  });
  return note;
}

Unit get_unit(Context& ctx, const std::string& serial) {
  if (std::optional<Unit> found = ctx.store.archive().find_unit(trim(serial))) return *found;
  throw Error(
      ErrorCode::kNotFound,
      fmt::format(fmt::runtime(tr("unit {} does not exist in the factory archive")), serial),
      fmt::format(fmt::runtime(tr("register it first with `aftersales unit add {} --model M "
                                  "--customer C --shipped DATE`")),
                  serial));
}

Unit find_unit_by_number(Context& ctx, const std::string& number) {
  const std::string wanted = trim(number);
  if (wanted.empty()) {
    throw Error(ErrorCode::kInvalidInput, "a unit is named by an empty number",
                "give its serial no., VIN, plate or engine no.");
  }
  if (std::optional<Unit> found = ctx.store.archive().find_unit(wanted)) return *found;
  std::vector<Unit> found = ctx.store.archive().find_units_by_other_number(wanted);
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    throw Error(
        ErrorCode::kNotFound,
        fmt::format(fmt::runtime(tr("no unit has the serial no., VIN, plate or engine no. {}")),
                    wanted),
        fmt::format(fmt::runtime(tr("search part of a number with `aftersales unit find {}`, or "
                                    "register the unit with `aftersales unit add {} "
                                    "--model M --customer C --shipped DATE`")),
                    wanted, wanted));
  }
  std::vector<std::string> serials;
  for (const Unit& unit : found) serials.push_back(unit.serial);
  throw Error(ErrorCode::kInvalidInput,
              fmt::format("{} units carry the number {}: {}", found.size(), wanted,
                          fmt::join(serials, ", ")),
              "name the unit by its serial no. (出厂编号)");
}

void find_units(Context& ctx, const std::string& text,
                const std::function<void(const UnitNumberHit&)>& each) {
  FieldReader reader;
  const std::string wanted = reader.text("text", text, true);
  reader.throw_if_any("unit find", "give part of a serial no., VIN, plate or engine no.");
  ctx.store.archive().search_units(wanted, each);
}

ArchiveFiling archive_filing(const Rules& rules, const Unit& unit) {
  ArchiveFiling filing;
  if (!unit.completed_at) return filing;
  filing.completed_on = local_date(*unit.completed_at, rules.general.utc_offset);
  filing.days_late =
      archive_days_late(unit.shipped_on, *filing.completed_on, rules.archive.complete_within_days);
  return filing;
}

UnitArchive unit_archive(Context& ctx, const std::string& number) {
  UnitArchive archive;
  archive.unit = find_unit_by_number(ctx, number);
  archive.model = get_model(ctx, archive.unit.model_code);
  archive.customer = get_customer(ctx, archive.unit.customer_code);
  archive.warranty = warranty_on(archive.unit, archive.model, ctx.today());
  archive.missing = missing_archive_fields(archive.unit, archive.customer);
  archive.filing_overdue =
      !archive.missing.empty() &&
      ctx.today().days - archive.unit.shipped_on.days > ctx.rules.archive.complete_within_days;
  if (archive.missing.empty()) archive.filing = archive_filing(ctx.rules, archive.unit);
  archive.notes = ctx.store.archive().list_unit_notes(archive.unit.serial);
  TicketFilter of_unit;
  of_unit.serial = archive.unit.serial;
  for (Ticket& ticket : ctx.store.tickets().list(of_unit)) {
    FiledTicket filed;
    filed.record = ctx.store.tickets().find_work_record(ticket.id);
    filed.ticket = std::move(ticket);
    archive.tickets.push_back(std::move(filed));
  }
  archive.training = ctx.store.care().training_of_unit(archive.unit.serial);
  archive.complaints = ctx.store.care().complaints_of_unit(archive.unit.serial);
  archive.today = ctx.today();
  AuditQuery changes;
  changes.entity = "unit";
  changes.entity_id = archive.unit.serial;
  archive.changes = audit_log(ctx, changes);
  return archive;
}

void each_unit(Context& ctx, const UnitQuery& query,
               const std::function<void(const UnitSummary&)>& visit) {
  UnitFilter filter;
  if (query.model) filter.model_code = get_model(ctx, *query.model).code;
  if (query.customer) filter.customer_code = get_customer(ctx, *query.customer).code;
  // The catalogue and the customers are small beside the units: kept in memory once.
  std::map<std::string, Model> models;
  for (Model& m : ctx.store.archive().list_models()) models.emplace(m.code, std::move(m));
  std::map<std::string, Customer> customers;
  for (Customer& c : ctx.store.archive().list_customers()) customers.emplace(c.code, std::move(c));

  const Date today = ctx.today();
  UnitSummary summary;
  ctx.store.archive().each_unit(filter, [&](const Unit& unit) {
    const Customer& customer = customers.at(unit.customer_code);
    summary.warranty = warranty_on(unit, models.at(unit.model_code), today);
    summary.missing = missing_archive_fields(unit, customer);
    if (query.in_warranty && !summary.warranty.covered) return;
    if (query.incomplete &&
        (summary.missing.empty() ||
         today.days - unit.shipped_on.days <= ctx.rules.archive.complete_within_days)) {
      return;
    }
    summary.filing = ArchiveFiling{};
    if (summary.missing.empty()) summary.filing = archive_filing(ctx.rules, unit);
    if (query.late && summary.filing.days_late == 0) return;
    summary.customer_name = customer.name;
    summary.unit = unit;
    visit(summary);
  });
}

std::vector<UnitSummary> list_units(Context& ctx, const UnitQuery& query) {
  std::vector<UnitSummary> result;
  each_unit(ctx, query, [&](const UnitSummary& summary) { result.push_back(summary); });
  return result;
}

}  // namespace aftersales
