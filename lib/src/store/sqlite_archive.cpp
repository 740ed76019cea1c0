// SQL of the factory archive: customers, models, units and unit notes (表1).
#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "store/sqlite_binding.h"
#include "store/sqlite_store.h"

namespace aftersales::store {
namespace {

const char* const kCustomerColumns =
    "id, code, name, contact, phone, email, address, region, is_key";

Customer read_customer(SQLite::Statement& row) {
  Customer c;
  c.id = row.getColumn(0).getInt64();
  c.code = row.getColumn(1).getString();
  c.name = row.getColumn(2).getString();
  c.contact = row.getColumn(3).getString();
  c.phone = row.getColumn(4).getString();
  c.email = row.getColumn(5).getString();
  c.address = row.getColumn(6).getString();
  c.region = row.getColumn(7).getString();
  c.key = row.getColumn(8).getInt() != 0;
  return c;
}

// Binds the customer's fields to ?1..?8 (code, name, contact, phone, email, address, region,
// is_key).
void bind_customer(SQLite::Statement& statement, const Customer& c) {
  statement.bind(1, c.code);
  statement.bind(2, c.name);
  statement.bind(3, c.contact);
  statement.bind(4, c.phone);
  statement.bind(5, c.email);
  statement.bind(6, c.address);
  statement.bind(7, c.region);
  statement.bind(8, c.key ? 1 : 0);
}

const char* const kModelColumns =
    "id, code, name, category, warranty_months, warranty_km, maintenance_days, maintenance_km";

Model read_model(SQLite::Statement& row) {
  Model m;
  m.id = row.getColumn(0).getInt64();
  m.code = row.getColumn(1).getString();
  m.name = row.getColumn(2).getString();
  m.category = row.getColumn(3).getString();
  m.warranty_months = row.getColumn(4).getInt();
  m.warranty_km = optional_column<std::int64_t>(row.getColumn(5));
  m.maintenance_days = optional_column<int>(row.getColumn(6));
  m.maintenance_km = optional_column<std::int64_t>(row.getColumn(7));
  return m;
}

void bind_model(SQLite::Statement& statement, const Model& m) {
  statement.bind(1, m.code);
  statement.bind(2, m.name);
  statement.bind(3, m.category);
  statement.bind(4, m.warranty_months);
  bind_optional(statement, 5, m.warranty_km);
  bind_optional(statement, 6, m.maintenance_days);
  bind_optional(statement, 7, m.maintenance_km);
}

const char* const kUnitSelect =
    "SELECT u.id, u.serial, m.code, c.code, u.vin, u.engine_no, u.plate, u.configuration, "
    "u.terms, u.shipped_on, u.contact, u.phone, u.packing_list, u.contract_warranty_end, "
    "u.accepted_on, u.accepted_by, u.odometer_km, u.odometer_on "
    "FROM unit u JOIN model m ON m.id = u.model_id JOIN customer c ON c.id = u.customer_id ";

Unit read_unit(SQLite::Statement& row) {
  Unit u;
  u.id = row.getColumn(0).getInt64();
  u.serial = row.getColumn(1).getString();
  u.model_code = row.getColumn(2).getString();
  u.customer_code = row.getColumn(3).getString();
  u.vin = row.getColumn(4).getString();
  u.engine_no = row.getColumn(5).getString();
  u.plate = row.getColumn(6).getString();
  u.configuration = row.getColumn(7).getString();
  u.terms = row.getColumn(8).getString();
  u.shipped_on = date_column(row.getColumn(9)).value_or(Date{});
  u.contact = row.getColumn(10).getString();
  u.phone = row.getColumn(11).getString();
  u.packing_list = row.getColumn(12).getString();
  u.contract_warranty_end = date_column(row.getColumn(13));
  u.accepted_on = date_column(row.getColumn(14));
  u.accepted_by = row.getColumn(15).getString();
  u.odometer_km = optional_column<std::int64_t>(row.getColumn(16));
  u.odometer_on = date_column(row.getColumn(17));
  return u;
}

// Binds the unit's own fields to ?3..?18; ?1 and ?2 are the model and customer ids.
void bind_unit(SQLite::Statement& statement, const Unit& u) {
  statement.bind(3, u.serial);
  statement.bind(4, u.vin);
  statement.bind(5, u.engine_no);
  statement.bind(6, u.plate);
  statement.bind(7, u.configuration);
  statement.bind(8, u.terms);
  statement.bind(9, format_date(u.shipped_on));
  statement.bind(10, u.contact);
  statement.bind(11, u.phone);
  statement.bind(12, u.packing_list);
  bind_date(statement, 13, u.contract_warranty_end);
  bind_date(statement, 14, u.accepted_on);
  statement.bind(15, u.accepted_by);
  bind_optional(statement, 16, u.odometer_km);
  bind_date(statement, 17, u.odometer_on);
}

}  // namespace

// --- customers ---------------------------------------------------------------------------

std::optional<Customer> SqliteStore::find_customer(const std::string& code) {
  return guarded("reading customer " + code, [&]() -> std::optional<Customer> {
    static const std::string sql =
        fmt::format("SELECT {} FROM customer WHERE code = ?", kCustomerColumns);
    Cached query = cached(sql.c_str());
    query->bind(1, code);
    if (!query->executeStep()) return std::nullopt;
    return read_customer(*query);
  });
}

std::vector<Customer> SqliteStore::list_customers() {
  return guarded("listing customers", [&] {
    SQLite::Statement query(db_,
                            fmt::format("SELECT {} FROM customer ORDER BY code", kCustomerColumns));
    std::vector<Customer> all;
    while (query.executeStep()) all.push_back(read_customer(query));
    return all;
  });
}

void SqliteStore::insert_customer(Customer& customer) {
  guarded("adding customer " + customer.code, [&] {
    Cached insert = cached(
        "INSERT INTO customer (code, name, contact, phone, email, address, "
        "region, is_key, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    bind_customer(*insert, customer);
    bind_optional(*insert, 9, batch_);
    insert->exec();
    customer.id = db_.getLastInsertRowid();
  });
}

void SqliteStore::update_customer(const Customer& customer) {
  guarded("changing customer " + customer.code, [&] {
    Cached update = cached(
        "UPDATE customer SET code = ?1, name = ?2, contact = ?3, phone = ?4, "
        "email = ?5, address = ?6, region = ?7, is_key = ?8, batch_id = ?9 "
        "WHERE id = ?10");
    bind_customer(*update, customer);
    bind_optional(*update, 9, batch_);
    update->bind(10, customer.id);
    update->exec();
  });
}

// --- models ------------------------------------------------------------------------------

std::optional<Model> SqliteStore::find_model(const std::string& code) {
  return guarded("reading model " + code, [&]() -> std::optional<Model> {
    static const std::string sql =
        fmt::format("SELECT {} FROM model WHERE code = ?", kModelColumns);
    Cached query = cached(sql.c_str());
    query->bind(1, code);
    if (!query->executeStep()) return std::nullopt;
    return read_model(*query);
  });
}

std::vector<Model> SqliteStore::list_models() {
  return guarded("listing models", [&] {
    SQLite::Statement query(db_, fmt::format("SELECT {} FROM model ORDER BY code", kModelColumns));
    std::vector<Model> all;
    while (query.executeStep()) all.push_back(read_model(query));
    return all;
  });
}

void SqliteStore::insert_model(Model& model) {
  guarded("adding model " + model.code, [&] {
    Cached insert = cached(
        "INSERT INTO model (code, name, category, warranty_months, "
        "warranty_km, maintenance_days, maintenance_km, batch_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    bind_model(*insert, model);
    bind_optional(*insert, 8, batch_);
    insert->exec();
    model.id = db_.getLastInsertRowid();
  });
}

void SqliteStore::update_model(const Model& model) {
  guarded("changing model " + model.code, [&] {
    Cached update = cached(
        "UPDATE model SET code = ?1, name = ?2, category = ?3, "
        "warranty_months = ?4, warranty_km = ?5, maintenance_days = ?6, "
        "maintenance_km = ?7, batch_id = ?8 WHERE id = ?9");
    bind_model(*update, model);
    bind_optional(*update, 8, batch_);
    update->bind(9, model.id);
    update->exec();
  });
}

// --- units -------------------------------------------------------------------------------

std::optional<Unit> SqliteStore::find_unit(const std::string& serial) {
  return guarded("reading unit " + serial, [&]() -> std::optional<Unit> {
    static const std::string sql = std::string(kUnitSelect) + "WHERE u.serial = ?";
    Cached query = cached(sql.c_str());
    query->bind(1, serial);
    if (!query->executeStep()) return std::nullopt;
    return read_unit(*query);
  });
}

std::vector<Unit> SqliteStore::list_units(const UnitFilter& filter) {
  return guarded("listing units", [&] {
    SQLite::Statement query(db_, std::string(kUnitSelect) +
                                     "WHERE (?1 IS NULL OR m.code = ?1) "
                                     "AND (?2 IS NULL OR c.code = ?2) ORDER BY u.serial");
    if (filter.model_code) query.bind(1, *filter.model_code);
    if (filter.customer_code) query.bind(2, *filter.customer_code);
    std::vector<Unit> all;
    while (query.executeStep()) all.push_back(read_unit(query));
    return all;
  });
}

void SqliteStore::insert_unit(Unit& unit) {
  guarded("adding unit " + unit.serial, [&] {
    Cached insert = cached(
        "INSERT INTO unit (model_id, customer_id, serial, vin, engine_no, plate, configuration, "
        "terms, shipped_on, contact, phone, packing_list, contract_warranty_end, accepted_on, "
        "accepted_by, odometer_km, odometer_on, batch_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
    insert->bind(1, id_of("SELECT id FROM model WHERE code = ?", unit.model_code, "model"));
    insert->bind(2,
                 id_of("SELECT id FROM customer WHERE code = ?", unit.customer_code, "customer"));
    bind_unit(*insert, unit);
    bind_optional(*insert, 18, batch_);
    insert->exec();
    unit.id = db_.getLastInsertRowid();
  });
}

void SqliteStore::update_unit(const Unit& unit) {
  guarded("changing unit " + unit.serial, [&] {
    Cached update = cached(
        "UPDATE unit SET model_id = ?1, customer_id = ?2, serial = ?3, vin = ?4, engine_no = ?5, "
        "plate = ?6, configuration = ?7, terms = ?8, shipped_on = ?9, contact = ?10, "
        "phone = ?11, packing_list = ?12, contract_warranty_end = ?13, accepted_on = ?14, "
        "accepted_by = ?15, odometer_km = ?16, odometer_on = ?17, batch_id = ?18 WHERE id = ?19");
    update->bind(1, id_of("SELECT id FROM model WHERE code = ?", unit.model_code, "model"));
    update->bind(2,
                 id_of("SELECT id FROM customer WHERE code = ?", unit.customer_code, "customer"));
    bind_unit(*update, unit);
    bind_optional(*update, 18, batch_);
    update->bind(19, unit.id);
    update->exec();
  });
}

void SqliteStore::insert_unit_note(UnitNote& note) {
  guarded("adding a note to unit " + note.serial, [&] {
    SQLite::Statement insert(db_,
                             "INSERT INTO unit_note (unit_id, kind, text, at, actor) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, id_of("SELECT id FROM unit WHERE serial = ?", note.serial, "unit"));
    insert.bind(2, note_kind_name(note.kind));
    insert.bind(3, note.text);
    insert.bind(4, note.at.seconds);
    insert.bind(5, note.actor);
    insert.exec();
    note.id = db_.getLastInsertRowid();
  });
}

std::vector<UnitNote> SqliteStore::list_unit_notes(const std::string& serial) {
  return guarded("reading the history of unit " + serial, [&] {
    SQLite::Statement query(db_,
                            "SELECT n.id, n.kind, n.text, n.at, n.actor FROM unit_note n "
                            "JOIN unit u ON u.id = n.unit_id WHERE u.serial = ? ORDER BY n.id");
    query.bind(1, serial);
    std::vector<UnitNote> all;
    while (query.executeStep()) {
      UnitNote note;
      note.id = query.getColumn(0).getInt64();
      note.serial = serial;
      note.kind = parse_note_kind(query.getColumn(1).getString()).value_or(NoteKind::kStatus);
      note.text = query.getColumn(2).getString();
      note.at = Timestamp{query.getColumn(3).getInt64()};
      note.actor = query.getColumn(4).getString();
      all.push_back(std::move(note));
    }
    return all;
  });
}

}  // namespace aftersales::store
