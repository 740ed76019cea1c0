// SQL of the factory archive: customers, models, units and unit notes (表1).
#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "store/sql_removal.h"
#include "store/sql_search_index.h"
#include "store/sql_stores.h"

namespace aftersales::store {
namespace {

#define AFTERSALES_CUSTOMER_COLUMNS "id, code, name, contact, phone, email, address, region, is_key"

Customer read_customer(Statement& row) {
  Customer c;
  c.id = row.int64(0);
  c.code = row.text(1);
  c.name = row.text(2);
  c.contact = row.text(3);
  c.phone = row.text(4);
  c.email = row.text(5);
  c.address = row.text(6);
  c.region = row.text(7);
  c.key = flag_column(row, 8);
  return c;
}

// Binds the customer's fields to ?1..?8 (code, name, contact, phone, email, address, region,
// is_key).
void bind_customer(Statement& statement, const Customer& c) {
  statement.bind(1, c.code);
  statement.bind(2, c.name);
  statement.bind(3, c.contact);
  statement.bind(4, c.phone);
  statement.bind(5, c.email);
  statement.bind(6, c.address);
  statement.bind(7, c.region);
  statement.bind(8, c.key ? 1 : 0);
}

#define AFTERSALES_MODEL_COLUMNS \
  "id, code, name, category, warranty_months, warranty_km, maintenance_days, maintenance_km"

Model read_model(Statement& row) {
  Model m;
  m.id = row.int64(0);
  m.code = row.text(1);
  m.name = row.text(2);
  m.category = row.text(3);
  m.warranty_months = static_cast<int>(row.int64(4));
  m.warranty_km = optional_column<std::int64_t>(row, 5);
  m.maintenance_days = optional_column<int>(row, 6);
  m.maintenance_km = optional_column<std::int64_t>(row, 7);
  return m;
}

void bind_model(Statement& statement, const Model& m) {
  statement.bind(1, m.code);
  statement.bind(2, m.name);
  statement.bind(3, m.category);
  statement.bind(4, m.warranty_months);
  bind_optional(statement, 5, m.warranty_km);
  bind_optional(statement, 6, m.maintenance_days);
  bind_optional(statement, 7, m.maintenance_km);
}

// The unit's columns, as read_unit reads them (0..18), and the tables they come from.
#define AFTERSALES_UNIT_COLUMNS                                                                \
  "u.id, u.serial, m.code, c.code, u.vin, u.engine_no, u.plate, u.configuration, u.terms, "    \
  "u.shipped_on, u.contact, u.phone, u.packing_list, u.contract_warranty_end, u.accepted_on, " \
  "u.accepted_by, u.odometer_km, u.odometer_on, u.completed_at "
#define AFTERSALES_UNIT_TABLES \
  "FROM unit u JOIN model m ON m.id = u.model_id JOIN customer c ON c.id = u.customer_id "
#define AFTERSALES_UNIT_SELECT "SELECT " AFTERSALES_UNIT_COLUMNS AFTERSALES_UNIT_TABLES

Unit read_unit(Statement& row) {
  Unit u;
  u.id = row.int64(0);
  u.serial = row.text(1);
  u.model_code = row.text(2);
  u.customer_code = row.text(3);
  u.vin = row.text(4);
  u.engine_no = row.text(5);
  u.plate = row.text(6);
  u.configuration = row.text(7);
  u.terms = row.text(8);
  u.shipped_on = date_column(row, 9).value_or(Date{});
  u.contact = row.text(10);
  u.phone = row.text(11);
  u.packing_list = row.text(12);
  u.contract_warranty_end = date_column(row, 13);
  u.accepted_on = date_column(row, 14);
  u.accepted_by = row.text(15);
  u.odometer_km = optional_column<std::int64_t>(row, 16);
  u.odometer_on = date_column(row, 17);
  u.completed_at = time_column(row, 18);
  return u;
}

// Binds the unit's own fields to ?3..?17 and ?19 (completed_at); ?1 and ?2 are the model and
// customer ids, ?18 the import batch.
void bind_unit(Statement& statement, const Unit& u) {
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
  bind_optional(statement, 19, u.completed_at);
}

}  // namespace

std::int64_t SqlArchiveStore::id_of(const char* sql, const std::string& key, const char* what) {
  Query query = db_.cached(sql);
  query->bind(1, key);
  if (!query->step()) {
    throw Error(ErrorCode::kNotFound, fmt::format("{} {} does not exist", what, key));
  }
  return query->int64(0);
}

// --- customers ---------------------------------------------------------------------------

std::optional<Customer> SqlArchiveStore::find_customer(const std::string& code) {
  return guarded("reading customer " + code, [&]() -> std::optional<Customer> {
    Query query =
        db_.cached("SELECT " AFTERSALES_CUSTOMER_COLUMNS " FROM customer WHERE code = ?1");
    query->bind(1, code);
    if (!query->step()) return std::nullopt;
    return read_customer(*query);
  });
}

std::vector<Customer> SqlArchiveStore::list_customers() {
  return guarded("listing customers", [&] {
    Query query = db_.cached("SELECT " AFTERSALES_CUSTOMER_COLUMNS " FROM customer ORDER BY code");
    std::vector<Customer> all;
    while (query->step()) all.push_back(read_customer(*query));
    return all;
  });
}

void SqlArchiveStore::insert_customer(Customer& customer) {
  guarded("adding customer " + customer.code, [&] {
    Query insert = db_.cached(
        "INSERT INTO customer (code, name, contact, phone, email, address, region, is_key, "
        "batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    bind_customer(*insert, customer);
    bind_optional(*insert, 9, stamp_.batch);
    insert->run();
    customer.id = db_.last_insert_id();
  });
}

void SqlArchiveStore::update_customer(const Customer& customer) {
  guarded("changing customer " + customer.code, [&] {
    Query update = db_.cached(
        "UPDATE customer SET code = ?1, name = ?2, contact = ?3, phone = ?4, email = ?5, "
        "address = ?6, region = ?7, is_key = ?8, batch_id = ?9 WHERE id = ?10");
    bind_customer(*update, customer);
    bind_optional(*update, 9, stamp_.batch);
    update->bind(10, customer.id);
    update->run();
  });
}

void SqlArchiveStore::remove_customer(const std::string& code) {
  remove_row(db_, "DELETE FROM customer WHERE code = ?1", "customer", code);
}

// --- models ------------------------------------------------------------------------------

std::optional<Model> SqlArchiveStore::find_model(const std::string& code) {
  return guarded("reading model " + code, [&]() -> std::optional<Model> {
    Query query = db_.cached("SELECT " AFTERSALES_MODEL_COLUMNS " FROM model WHERE code = ?1");
    query->bind(1, code);
    if (!query->step()) return std::nullopt;
    return read_model(*query);
  });
}

std::vector<Model> SqlArchiveStore::list_models() {
  return guarded("listing models", [&] {
    Query query = db_.cached("SELECT " AFTERSALES_MODEL_COLUMNS " FROM model ORDER BY code");
    std::vector<Model> all;
    while (query->step()) all.push_back(read_model(*query));
    return all;
  });
}

void SqlArchiveStore::insert_model(Model& model) {
  guarded("adding model " + model.code, [&] {
    Query insert = db_.cached(
        "INSERT INTO model (code, name, category, warranty_months, warranty_km, "
        "maintenance_days, maintenance_km, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    bind_model(*insert, model);
    bind_optional(*insert, 8, stamp_.batch);
    insert->run();
    model.id = db_.last_insert_id();
  });
}

void SqlArchiveStore::update_model(const Model& model) {
  guarded("changing model " + model.code, [&] {
    Query update = db_.cached(
        "UPDATE model SET code = ?1, name = ?2, category = ?3, warranty_months = ?4, "
        "warranty_km = ?5, maintenance_days = ?6, maintenance_km = ?7, batch_id = ?8 "
        "WHERE id = ?9");
    bind_model(*update, model);
    bind_optional(*update, 8, stamp_.batch);
    update->bind(9, model.id);
    update->run();
  });
}

void SqlArchiveStore::remove_model(const std::string& code) {
  remove_row(db_, "DELETE FROM model WHERE code = ?1", "model", code);
}

// --- units -------------------------------------------------------------------------------

std::optional<Unit> SqlArchiveStore::find_unit(const std::string& serial) {
  return guarded("reading unit " + serial, [&]() -> std::optional<Unit> {
    Query query = db_.cached(AFTERSALES_UNIT_SELECT "WHERE u.serial = ?1");
    query->bind(1, serial);
    if (!query->step()) return std::nullopt;
    return read_unit(*query);
  });
}

std::vector<Unit> SqlArchiveStore::list_units(const UnitFilter& filter) {
  return guarded("listing units", [&] {
    Query query = db_.cached(AFTERSALES_UNIT_SELECT
                             "WHERE (CAST(?1 AS TEXT) IS NULL OR m.code = ?1) "
                             "AND (CAST(?2 AS TEXT) IS NULL OR c.code = ?2) ORDER BY u.serial");
    if (filter.model_code) query->bind(1, *filter.model_code);
    if (filter.customer_code) query->bind(2, *filter.customer_code);
    std::vector<Unit> all;
    while (query->step()) all.push_back(read_unit(*query));
    return all;
  });
}

void SqlArchiveStore::each_unit(const UnitFilter& filter,
                                const std::function<void(const Unit&)>& visit) {
  guarded("listing units", [&] {
    // One statement per combination of filters, each written only when given (an index then
    // applies: unit_model, unit_customer through the code's UNIQUE key).
    static const char* const kSql[] = {
        AFTERSALES_UNIT_SELECT "ORDER BY u.serial",
        AFTERSALES_UNIT_SELECT "WHERE m.code = ?1 ORDER BY u.serial",
        AFTERSALES_UNIT_SELECT "WHERE c.code = ?1 ORDER BY u.serial",
        AFTERSALES_UNIT_SELECT "WHERE m.code = ?1 AND c.code = ?2 ORDER BY u.serial",
    };
    const int which = (filter.model_code ? 1 : 0) + (filter.customer_code ? 2 : 0);
    Query query = db_.cached(kSql[which]);
    int index = 1;
    if (filter.model_code) query->bind(index++, *filter.model_code);
    if (filter.customer_code) query->bind(index++, *filter.customer_code);
    while (query->step()) visit(read_unit(*query));
  });
}

std::vector<Unit> SqlArchiveStore::find_units_by_other_number(const std::string& number) {
  return guarded("finding units by number " + number, [&] {
    // Each arm uses its own index (007_unit_completed.sql).
    Query query = db_.cached(AFTERSALES_UNIT_SELECT
                             "WHERE u.id IN (SELECT id FROM unit WHERE vin = ?1 UNION "
                             "SELECT id FROM unit WHERE plate = ?1 UNION "
                             "SELECT id FROM unit WHERE engine_no = ?1) ORDER BY u.serial");
    query->bind(1, number);
    std::vector<Unit> all;
    while (query->step()) all.push_back(read_unit(*query));
    return all;
  });
}

void SqlArchiveStore::search_units(const std::string& text,
                                   const std::function<void(const UnitNumberHit&)>& each) {
  guarded("searching units for " + text, [&] {
  // lower() folds ASCII only (SQLite without ICU; PostgreSQL under the C ctype it requires):
  // other scripts compare exactly. `find` is the position of a text in another: SQLite's
  // instr(haystack, needle), PostgreSQL's strpos (docs/postgresql.md, B7).
#define AFTERSALES_UNIT_SEARCH(find)                                                    \
  "SELECT " AFTERSALES_UNIT_COLUMNS ", " find "(lower(u.serial), lower(?1)) > 0, " find \
  "(lower(u.vin), lower(?1)) > 0, " find "(lower(u.plate), lower(?1)) > 0, " find       \
  "(lower(u.engine_no), lower(?1)) > 0, c.name " AFTERSALES_UNIT_TABLES "WHERE " find   \
  "(lower(u.serial), lower(?1)) > 0 OR " find "(lower(u.vin), lower(?1)) > 0 OR " find  \
  "(lower(u.plate), lower(?1)) > 0 OR " find                                            \
  "(lower(u.engine_no), lower(?1)) > 0 ORDER BY "                                       \
  "u.serial"
    static const char* const kSql[] = {AFTERSALES_UNIT_SEARCH("instr"),
                                       AFTERSALES_UNIT_SEARCH("strpos")};
#undef AFTERSALES_UNIT_SEARCH
    Query query = db_.cached(kSql[db_.dialect() == Dialect::kPostgres ? 1 : 0]);
    query->bind(1, text);
    UnitNumberHit hit;
    while (query->step()) {
      hit.unit = read_unit(*query);
      hit.matched.clear();
      for (const UnitNumber number :
           {UnitNumber::kSerial, UnitNumber::kVin, UnitNumber::kPlate, UnitNumber::kEngine}) {
        if (flag_column(*query, 19 + static_cast<int>(number))) hit.matched.push_back(number);
      }
      hit.customer_name = query->text(23);
      each(hit);
    }
  });
}

void SqlArchiveStore::set_unit_completed(const std::string& serial,
                                         const std::optional<Timestamp>& completed_at) {
  guarded("dating the archive of unit " + serial, [&] {
    Query update = db_.cached("UPDATE unit SET completed_at = ?1 WHERE serial = ?2");
    bind_optional(*update, 1, completed_at);
    update->bind(2, serial);
    update->run();
  });
}

void SqlArchiveStore::insert_unit(Unit& unit) {
  guarded("adding unit " + unit.serial, [&] {
    const std::int64_t model =
        id_of("SELECT id FROM model WHERE code = ?1", unit.model_code, "model");
    const std::int64_t customer =
        id_of("SELECT id FROM customer WHERE code = ?1", unit.customer_code, "customer");
    Query insert = db_.cached(
        "INSERT INTO unit (model_id, customer_id, serial, vin, engine_no, plate, configuration, "
        "terms, shipped_on, contact, phone, packing_list, contract_warranty_end, accepted_on, "
        "accepted_by, odometer_km, odometer_on, batch_id, completed_at) VALUES (?1, ?2, ?3, ?4, "
        "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)");
    insert->bind(1, model);
    insert->bind(2, customer);
    bind_unit(*insert, unit);
    bind_optional(*insert, 18, stamp_.batch);
    insert->run();
    unit.id = db_.last_insert_id();
  });
}

void SqlArchiveStore::update_unit(const Unit& unit) {
  guarded("changing unit " + unit.serial, [&] {
    const std::int64_t model =
        id_of("SELECT id FROM model WHERE code = ?1", unit.model_code, "model");
    const std::int64_t customer =
        id_of("SELECT id FROM customer WHERE code = ?1", unit.customer_code, "customer");
    Query update = db_.cached(
        "UPDATE unit SET model_id = ?1, customer_id = ?2, serial = ?3, vin = ?4, engine_no = ?5, "
        "plate = ?6, configuration = ?7, terms = ?8, shipped_on = ?9, contact = ?10, "
        "phone = ?11, packing_list = ?12, contract_warranty_end = ?13, accepted_on = ?14, "
        "accepted_by = ?15, odometer_km = ?16, odometer_on = ?17, batch_id = ?18, "
        "completed_at = ?19 WHERE id = ?20");
    update->bind(1, model);
    update->bind(2, customer);
    bind_unit(*update, unit);
    bind_optional(*update, 18, stamp_.batch);
    update->bind(20, unit.id);
    update->run();
  });
}

void SqlArchiveStore::remove_unit(const std::string& serial) {
  // History typed onto an imported unit is never removed with it: the revert is refused.
  refuse_if_typed_since(
      db_, "SELECT 1 FROM unit_note WHERE unit_id = (SELECT id FROM unit WHERE serial = ?1)",
      "unit", serial);
  remove_row(db_, "DELETE FROM unit WHERE serial = ?1", "unit", serial);
}

void SqlArchiveStore::insert_unit_note(UnitNote& note) {
  guarded("adding a note to unit " + note.serial, [&] {
    const std::int64_t unit = id_of("SELECT id FROM unit WHERE serial = ?1", note.serial, "unit");
    Query insert = db_.cached(
        "INSERT INTO unit_note (unit_id, kind, text, at, actor) VALUES (?1, ?2, ?3, ?4, ?5)");
    insert->bind(1, unit);
    insert->bind(2, note_kind_name(note.kind));
    insert->bind(3, note.text);
    insert->bind(4, note.at.seconds);
    insert->bind(5, note.actor);
    insert->run();
    note.id = db_.last_insert_id();
    reindex_record(db_, SearchKind::kNote, note.id);
  });
}

std::vector<UnitNote> SqlArchiveStore::list_unit_notes(const std::string& serial) {
  return guarded("reading the history of unit " + serial, [&] {
    Query query = db_.cached(
        "SELECT n.id, n.kind, n.text, n.at, n.actor FROM unit_note n JOIN unit u ON u.id = "
        "n.unit_id WHERE u.serial = ?1 ORDER BY n.id");
    query->bind(1, serial);
    std::vector<UnitNote> all;
    while (query->step()) {
      UnitNote note;
      note.id = query->int64(0);
      note.serial = serial;
      note.kind = parse_note_kind(query->text(1)).value_or(NoteKind::kStatus);
      note.text = query->text(2);
      note.at = Timestamp{query->int64(3)};
      note.actor = query->text(4);
      all.push_back(std::move(note));
    }
    return all;
  });
}

}  // namespace aftersales::store
