// Importing the factory archive: customers, models and units, through the same field readers
// as `customer add`, `model add` and `unit add`.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "aftersales/core/text.h"
#include "aftersales/customers/customers.h"
#include "aftersales/models/models.h"
#include "aftersales/store/store.h"
#include "aftersales/units/units.h"
#include "core/field_checks.h"
#include "import/care_importers.h"
#include "import/entity_importer.h"
#include "import/importer_base.h"
#include "import/part_importer.h"
#include "import/stock_importer.h"
#include "units/archive_filing.h"

namespace aftersales {

std::optional<bool> parse_flag(const std::string& text) {
  const std::string t = trim(text);
  for (const char* yes :
       {"yes", "Yes", "YES", "y", "Y", "true", "TRUE", "True", "1", "是", "x", "X", "✓", "√"}) {
    if (t == yes) return true;
  }
  for (const char* no : {"no", "No", "NO", "n", "N", "false", "FALSE", "False", "0", "否", ""}) {
    if (t == no) return false;
  }
  return std::nullopt;
}

namespace {

using Kind = ImportField::Kind;

// --- customers ---------------------------------------------------------------------------

class CustomerImporter final : public ImporterBase {
 public:
  using ImporterBase::ImporterBase;
  const char* entity() const override { return "customer"; }
  const std::vector<ImportField>& fields() const override {
    static const std::vector<ImportField> all = {
        {"code", {"code", "客户编号", "客户代码", "客户编码"}},
        {"name", {"name", "客户名称", "客户单位", "单位名称", "名称"}},
        {"contact", {"contact", "联系人"}},
        {"phone", {"phone", "电话", "联系电话", "手机"}},
        {"email", {"email", "e-mail", "邮箱", "电子邮件"}},
        {"address", {"address", "地址"}},
        {"region", {"region", "地区", "区域"}},
        {"key", {"key", "大客户", "重点客户"}, Kind::kFlag},
    };
    return all;
  }

  RowOutcome upsert(const RowValues& v, FieldReader& reader) override {
    const std::string code = check_code(reader, "code", v[0].value_or(""));
    const std::optional<Customer> existing =
        reader.ok() ? ctx_.store.archive().find_customer(code) : std::nullopt;
    if (existing) check_not_twice(code, reader);
    Customer c = existing.value_or(Customer{});
    c.code = code;
    const CustomerFields fields = to_fields(v, reader);
    if (!existing && !fields.name)
      reader.add("name", "", "is missing; a new customer needs a name");
    read_customer_fields(reader, fields, c);
    if (!reader.ok()) return RowOutcome::kRejected;
    if (!existing) {
      ctx_.store.archive().insert_customer(c);
      return RowOutcome::kNew;
    }
    if (snapshot(c) == snapshot(*existing)) return unchanged(code);
    keep_before(code, snapshot(*existing));
    ctx_.store.archive().update_customer(c);
    date_customer_units(ctx_, *existing, c);
    return RowOutcome::kUpdated;
  }

  void restore(const std::string& key, const std::string& before) override {
    std::optional<Customer> c = ctx_.store.archive().find_customer(key);
    if (!c) return;
    const Customer current = *c;
    FieldReader reader;
    read_customer_fields(reader, to_fields(values_of(before), reader), *c);
    ctx_.store.archive().update_customer(*c);
    date_customer_units(ctx_, current, *c);
  }

  void remove(const std::string& key) override { ctx_.store.archive().remove_customer(key); }

 private:
  CustomerFields to_fields(const RowValues& v, FieldReader& reader) const {
    CustomerFields f;
    f.name = v[1];
    f.contact = v[2];
    f.phone = v[3];
    f.email = v[4];
    f.address = v[5];
    f.region = v[6];
    if (v[7]) {
      f.key = parse_flag(*v[7]);
      if (!f.key) reader.add("key", *v[7], fmt::format("cannot read \"{}\" as yes or no", *v[7]));
    }
    return f;
  }

  std::string snapshot(const Customer& c) const {
    return nlohmann::json{{"code", c.code},       {"name", c.name},
                          {"contact", c.contact}, {"phone", c.phone},
                          {"email", c.email},     {"address", c.address},
                          {"region", c.region},   {"key", c.key ? "yes" : "no"}}
        .dump();
  }
};

// --- models ------------------------------------------------------------------------------

class ModelImporter final : public ImporterBase {
 public:
  using ImporterBase::ImporterBase;
  const char* entity() const override { return "model"; }
  const std::vector<ImportField>& fields() const override {
    static const std::vector<ImportField> all = {
        {"code", {"code", "车型", "型号", "产品型号", "车型代码"}},
        {"name", {"name", "名称", "车型名称", "产品名称"}},
        {"category", {"category", "类别", "产品类别"}},
        {"warranty_months", {"warranty_months", "保修月数", "保修期"}, Kind::kInteger},
        {"warranty_km", {"warranty_km", "保修里程"}, Kind::kInteger},
        {"maintenance_days", {"maintenance_days", "保养周期", "保养天数"}, Kind::kInteger},
        {"maintenance_km", {"maintenance_km", "保养里程"}, Kind::kInteger},
    };
    return all;
  }

  RowOutcome upsert(const RowValues& v, FieldReader& reader) override {
    const std::string code = check_code(reader, "code", v[0].value_or(""));
    const std::optional<Model> existing =
        reader.ok() ? ctx_.store.archive().find_model(code) : std::nullopt;
    if (existing) check_not_twice(code, reader);
    Model m = existing.value_or(Model{});
    m.code = code;
    if (!existing) m.warranty_months = ctx_.rules.warranty.default_months;
    const ModelFields fields = to_fields(v);
    if (!existing && !fields.name) reader.add("name", "", "is missing; a new model needs a name");
    if (!existing && !fields.category) {
      reader.add("category", "", "is missing; a new model needs a category");
    }
    read_model_fields(ctx_.rules, reader, fields, m);
    if (!reader.ok()) return RowOutcome::kRejected;
    if (!existing) {
      ctx_.store.archive().insert_model(m);
      return RowOutcome::kNew;
    }
    if (snapshot(m) == snapshot(*existing)) return unchanged(code);
    keep_before(code, snapshot(*existing));
    ctx_.store.archive().update_model(m);
    return RowOutcome::kUpdated;
  }

  void restore(const std::string& key, const std::string& before) override {
    std::optional<Model> m = ctx_.store.archive().find_model(key);
    if (!m) return;
    FieldReader reader;
    read_model_fields(ctx_.rules, reader, to_fields(values_of(before)), *m);
    ctx_.store.archive().update_model(*m);
  }

  void remove(const std::string& key) override { ctx_.store.archive().remove_model(key); }

 private:
  static ModelFields to_fields(const RowValues& v) {
    ModelFields f;
    f.name = v[1];
    f.category = v[2];
    f.warranty_months = v[3];
    f.warranty_km = v[4];
    f.maintenance_days = v[5];
    f.maintenance_km = v[6];
    return f;
  }

  static std::string number(const std::optional<std::int64_t>& n) {
    return n ? std::to_string(*n) : std::string();
  }

  std::string snapshot(const Model& m) const {
    return nlohmann::json{{"code", m.code},
                          {"name", m.name},
                          {"category", m.category},
                          {"warranty_months", std::to_string(m.warranty_months)},
                          {"warranty_km", number(m.warranty_km)},
                          {"maintenance_days", number(m.maintenance_days)},
                          {"maintenance_km", number(m.maintenance_km)}}
        .dump();
  }
};

// --- units -------------------------------------------------------------------------------

class UnitImporter final : public ImporterBase {
 public:
  using ImporterBase::ImporterBase;
  const char* entity() const override { return "unit"; }
  const std::vector<ImportField>& fields() const override {
    static const std::vector<ImportField> all = {
        {"serial", {"serial", "出厂编号", "产品编号"}},
        {"model", {"model", "车型", "产品型号"}},
        {"customer", {"customer", "客户编号", "客户代码"}},
        {"customer_name", {"customer_name", "客户名称", "客户单位", "用户单位"}},
        {"shipped", {"shipped", "出厂日期", "发货日期"}, Kind::kDate},
        {"vin", {"vin", "底盘号", "车架号", "VIN"}},
        {"engine", {"engine", "发动机编号", "发动机号"}},
        {"plate", {"plate", "车号", "车牌号"}},
        {"config", {"config", "主要配置", "配置"}},
        {"terms", {"terms", "服务条款"}},
        {"contact", {"contact", "联系人"}},
        {"phone", {"phone", "电话", "联系电话"}},
        {"packing_list", {"packing_list", "发运装箱单", "装箱单"}},
        {"warranty_end", {"warranty_end", "保修截止日期", "保修到期"}, Kind::kDate},
        {"km", {"km", "里程", "行驶里程"}, Kind::kInteger},
    };
    return all;
  }

  RowOutcome upsert(const RowValues& v, FieldReader& reader) override {
    const std::string serial = check_code(reader, "serial", v[0].value_or(""));
    const std::optional<Unit> existing =
        reader.ok() ? ctx_.store.archive().find_unit(serial) : std::nullopt;
    if (existing) check_not_twice(serial, reader);
    Unit u = existing.value_or(Unit{});
    u.serial = serial;
    UnitFields fields = to_fields(v);
    // A customer named rather than coded: find the code by the name (unique).
    if (!fields.customer && v[3] && !trim(*v[3]).empty()) {
      fields.customer = customer_code_by_name(trim(*v[3]), reader);
    }
    if (!existing) {
      if (!fields.model) reader.add("model", "", "is missing; a new unit needs its model");
      if (!fields.customer && !(v[3] && !trim(*v[3]).empty())) {
        reader.add("customer", "", "is missing; a new unit needs its customer (code or name)");
      }
      if (!fields.shipped) reader.add("shipped", "", "is missing; a new unit needs its ship date");
    }
    read_unit_fields(ctx_, reader, fields, u);
    if (existing && reader.ok()) {
      if (std::string problem = unit_odometer_problem(ctx_, *existing, u); !problem.empty()) {
        reader.add("km", v[14].value_or(""), problem);
      }
    }
    if (reader.ok() && !ctx_.store.archive().find_model(u.model_code)) {
      reader.add(
          "model", u.model_code,
          fmt::format("model \"{}\" does not exist; import or add the model first", u.model_code));
    }
    if (reader.ok() && !ctx_.store.archive().find_customer(u.customer_code)) {
      reader.add("customer", u.customer_code,
                 fmt::format("customer \"{}\" does not exist; import or add the customer first",
                             u.customer_code));
    }
    if (!reader.ok()) return RowOutcome::kRejected;
    date_unit_completion(ctx_, existing, u);
    if (!existing) {
      ctx_.store.archive().insert_unit(u);
      return RowOutcome::kNew;
    }
    if (snapshot(u) == snapshot(*existing)) return unchanged(serial);
    keep_before(serial, before_snapshot(*existing));
    ctx_.store.archive().update_unit(u);
    return RowOutcome::kUpdated;
  }

  void restore(const std::string& key, const std::string& before) override {
    std::optional<Unit> u = ctx_.store.archive().find_unit(key);
    if (!u) return;
    const Unit current = *u;
    FieldReader reader;
    read_unit_fields(ctx_, reader, to_fields(values_of(before)), *u);
    // Reading km dates the reading today; the one put back keeps the date it had (values
    // before kept without km_on, by older binaries, leave it today).
    const nlohmann::json object = nlohmann::json::parse(before, nullptr, false);
    if (object.is_object() && object.contains("km_on") && object["km_on"].is_string()) {
      u->odometer_on = parse_date(object["km_on"].get<std::string>());
    }
    date_unit_completion(ctx_, current, *u);
    // An archive complete before the batch keeps the day it was completed (R21).
    if (u->completed_at && object.is_object() && object.contains("completed_at") &&
        object["completed_at"].is_number_integer()) {
      u->completed_at = Timestamp{object["completed_at"].get<std::int64_t>()};
    }
    ctx_.store.archive().update_unit(*u);
  }

  void remove(const std::string& key) override { ctx_.store.archive().remove_unit(key); }

 private:
  static UnitFields to_fields(const RowValues& v) {
    UnitFields f;
    f.model = v[1];
    f.customer = v[2];
    f.shipped = v[4];
    f.vin = v[5];
    f.engine = v[6];
    f.plate = v[7];
    f.config = v[8];
    f.terms = v[9];
    f.contact = v[10];
    f.phone = v[11];
    f.packing_list = v[12];
    f.warranty_end = v[13];
    f.km = v[14];
    return f;
  }

  std::string customer_code_by_name(const std::string& name, FieldReader& reader) {
    if (names_.empty()) {
      for (const Customer& c : ctx_.store.archive().list_customers()) {
        auto [at, added] = names_.emplace(c.name, c.code);
        if (!added) at->second.clear();  // two customers of that name: ambiguous
      }
    }
    const auto found = names_.find(name);
    if (found == names_.end()) {
      reader.add("customer_name", name,
                 fmt::format("no customer is named \"{}\"; import the customers first or give "
                             "the customer code",
                             name));
      return {};
    }
    if (found->second.empty()) {
      reader.add("customer_name", name,
                 fmt::format("several customers are named \"{}\"; give the customer code", name));
    }
    return found->second;
  }

  static std::string date_text(const std::optional<Date>& d) {
    return d ? format_date(*d) : std::string();
  }

  std::string snapshot(const Unit& u) const {
    return nlohmann::json{{"serial", u.serial},
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
                          {"warranty_end", date_text(u.contract_warranty_end)},
                          {"km", u.odometer_km ? std::to_string(*u.odometer_km) : std::string()}}
        .dump();
  }

  // The snapshot kept for a revert: also the date of the km reading and the time the archive
  // became complete, which are no fields of the file (and so no part of the comparison with
  // the row).
  std::string before_snapshot(const Unit& u) const {
    nlohmann::json object = nlohmann::json::parse(snapshot(u));
    object["km_on"] = date_text(u.odometer_on);
    if (u.completed_at) object["completed_at"] = u.completed_at->seconds;
    return object.dump();
  }

  std::unordered_map<std::string, std::string> names_;  // customer name -> code ("" if two)
};

}  // namespace

std::unique_ptr<EntityImporter> make_ticket_importer(Context& ctx, ImportSession* session);

std::unique_ptr<EntityImporter> make_entity_importer(ImportEntity entity, Context& ctx,
                                                     ImportSession* session) {
  switch (entity) {
    case ImportEntity::kCustomers:
      return std::make_unique<CustomerImporter>(ctx, session);
    case ImportEntity::kModels:
      return std::make_unique<ModelImporter>(ctx, session);
    case ImportEntity::kUnits:
      return std::make_unique<UnitImporter>(ctx, session);
    case ImportEntity::kTickets:
      return make_ticket_importer(ctx, session);
    case ImportEntity::kParts:
      return make_part_importer(ctx, session);
    case ImportEntity::kStock:
      return make_stock_importer(ctx, session);
    case ImportEntity::kVisits:
      return make_visit_importer(ctx, session);
    case ImportEntity::kSurveys:
      return make_survey_importer(ctx, session);
    case ImportEntity::kTraining:
      return make_training_importer(ctx, session);
  }
  return nullptr;
}

}  // namespace aftersales
