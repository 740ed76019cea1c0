// The archive's port: customers, models, units and their history, by natural key.
#include <doctest/doctest.h>

#include "aftersales/core/error.h"
#include "aftersales/store/store.h"
#include "support/expect_error.h"
#include "support/test_store.h"

using namespace aftersales;
using testing::expect_error;

namespace {

Customer customer(const std::string& code, const std::string& name) {
  Customer c;
  c.code = code;
  c.name = name;
  return c;
}

Model model(const std::string& code) {
  Model m;
  m.code = code;
  m.name = "洗扫车";
  m.category = "sanitation";
  m.warranty_months = 12;
  m.warranty_km = 100000;
  return m;
}

Unit unit(const std::string& serial, const std::string& model_code,
          const std::string& customer_code) {
  Unit u;
  u.serial = serial;
  u.model_code = model_code;
  u.customer_code = customer_code;
  u.shipped_on = *parse_date("2025-03-01");
  return u;
}

// An archive with customers C001 and C002, models HYS5160 and HYS5250.
struct ArchiveWorld : testing::TestWorld {
  ArchiveStore& archive = store->archive();
  ArchiveWorld() {
    store->write([&] {
      Customer a = customer("C001", "鞍山市环卫处");
      Customer b = customer("C002", "本溪市消防支队");
      archive.insert_customer(a);
      archive.insert_customer(b);
      Model m = model("HYS5160");
      Model n = model("HYS5250");
      archive.insert_model(m);
      archive.insert_model(n);
    });
  }
  // Inserts `u`; returns it with its id.
  Unit insert(Unit u) {
    store->write([&] { archive.insert_unit(u); });
    return u;
  }
};

}  // namespace

TEST_CASE("a customer is found by code, listed by code and updated in place") {
  ArchiveWorld world;
  Customer c = customer("B001", "大连市环卫局");
  world.archive.insert_customer(c);
  CHECK(c.id > 0);
  CHECK_FALSE(world.archive.find_customer("B002").has_value());
  std::vector<std::string> codes;
  for (const Customer& each : world.archive.list_customers()) codes.push_back(each.code);
  CHECK(codes == std::vector<std::string>{"B001", "C001", "C002"});

  c.phone = "0411-1234567";
  c.key = true;
  world.archive.update_customer(c);
  const std::optional<Customer> found = world.archive.find_customer("B001");
  REQUIRE(found.has_value());
  CHECK(found->id == c.id);
  CHECK(found->phone == "0411-1234567");
  CHECK(found->key);
}

TEST_CASE("a second customer, model or unit with the same key is a conflict") {
  ArchiveWorld world;
  Customer c = customer("C001", "another");
  expect_error(ErrorCode::kConflict, {"C001"}, [&] { world.archive.insert_customer(c); });
  Model m = model("HYS5160");
  expect_error(ErrorCode::kConflict, {"HYS5160"}, [&] { world.archive.insert_model(m); });
  world.insert(unit("2025-001", "HYS5160", "C001"));
  Unit u = unit("2025-001", "HYS5250", "C002");
  expect_error(ErrorCode::kConflict, {"2025-001"}, [&] { world.archive.insert_unit(u); });
  CHECK(world.archive.find_unit("2025-001")->model_code == "HYS5160");
}

TEST_CASE("a model keeps its optional terms absent or set") {
  ArchiveWorld world;
  Model m = model("HYS9000");
  m.warranty_km.reset();
  m.maintenance_days = 90;
  world.archive.insert_model(m);
  const std::optional<Model> found = world.archive.find_model("HYS9000");
  REQUIRE(found.has_value());
  CHECK_FALSE(found->warranty_km.has_value());
  CHECK(found->maintenance_days == 90);
  CHECK_FALSE(found->maintenance_km.has_value());
  m.warranty_months = 24;
  m.maintenance_km = 5000;
  world.archive.update_model(m);
  CHECK(world.archive.find_model("HYS9000")->warranty_months == 24);
  CHECK(world.archive.find_model("HYS9000")->maintenance_km == 5000);
  CHECK(world.archive.list_models().size() == 3);
}

TEST_CASE("a unit of a model or customer that does not exist is not found") {
  ArchiveWorld world;
  Unit no_model = unit("2025-001", "NOPE", "C001");
  expect_error(ErrorCode::kNotFound, {"model NOPE does not exist"},
               [&] { world.archive.insert_unit(no_model); });
  Unit no_customer = unit("2025-001", "HYS5160", "C999");
  expect_error(ErrorCode::kNotFound, {"customer C999 does not exist"},
               [&] { world.archive.insert_unit(no_customer); });
  CHECK_FALSE(world.archive.find_unit("2025-001").has_value());

  world.insert(unit("2025-001", "HYS5160", "C001"));
  Unit moved = *world.archive.find_unit("2025-001");
  moved.customer_code = "C999";
  expect_error(ErrorCode::kNotFound, {"customer C999"}, [&] { world.archive.update_unit(moved); });
  CHECK(world.archive.find_unit("2025-001")->customer_code == "C001");
}

TEST_CASE("a unit keeps every field of its archive") {
  ArchiveWorld world;
  Unit u = unit("2025-001", "HYS5160", "C001");
  u.vin = "LZZ1BLSF5FD123401";
  u.configuration = "8吨洗扫, 东风底盘";
  u.contract_warranty_end = parse_date("2027-02-28");
  u.odometer_km = 0;
  u.odometer_on = parse_date("2025-03-01");
  CHECK(world.insert(u).id > 0);
  const std::optional<Unit> found = world.archive.find_unit("2025-001");
  REQUIRE(found.has_value());
  CHECK(found->vin == u.vin);
  CHECK(found->configuration == u.configuration);
  CHECK(found->contract_warranty_end == u.contract_warranty_end);
  CHECK(found->odometer_km == 0);  // zero is a reading, not an absent one
  CHECK_FALSE(found->accepted_on.has_value());

  Unit changed = *found;
  changed.customer_code = "C002";
  changed.contract_warranty_end.reset();
  world.archive.update_unit(changed);
  CHECK(world.archive.find_unit("2025-001")->customer_code == "C002");
  CHECK_FALSE(world.archive.find_unit("2025-001")->contract_warranty_end.has_value());
}

TEST_CASE("units are listed by serial, filtered by model and customer") {
  ArchiveWorld world;
  world.insert(unit("2025-003", "HYS5160", "C002"));
  world.insert(unit("2025-001", "HYS5160", "C001"));
  world.insert(unit("2025-002", "HYS5250", "C001"));
  const auto serials = [&](const UnitFilter& filter) {
    std::vector<std::string> all;
    for (const Unit& u : world.archive.list_units(filter)) all.push_back(u.serial);
    return all;
  };
  CHECK(serials({}) == std::vector<std::string>{"2025-001", "2025-002", "2025-003"});
  CHECK(serials({std::string("HYS5160"), std::nullopt}) ==
        std::vector<std::string>{"2025-001", "2025-003"});
  CHECK(serials({std::nullopt, std::string("C001")}) ==
        std::vector<std::string>{"2025-001", "2025-002"});
  CHECK(serials({std::string("HYS5250"), std::string("C002")}).empty());
}

TEST_CASE("a unit's history is kept oldest first, and a missing unit has none to add to") {
  ArchiveWorld world;
  world.insert(unit("2025-001", "HYS5160", "C001"));
  UnitNote first;
  first.serial = "2025-001";
  first.kind = NoteKind::kQuality;
  first.text = "液压泵渗油";
  first.at = testing::test_now();
  first.actor = "zhang";
  world.archive.insert_unit_note(first);
  UnitNote second = first;
  second.kind = NoteKind::kPartReplacement;
  second.text = "更换液压泵";
  world.archive.insert_unit_note(second);
  CHECK(second.id > first.id);
  const std::vector<UnitNote> notes = world.archive.list_unit_notes("2025-001");
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].kind == NoteKind::kQuality);
  CHECK(notes[1].text == "更换液压泵");
  CHECK(notes[1].at == testing::test_now());
  CHECK(world.archive.list_unit_notes("2025-999").empty());

  UnitNote orphan = first;
  orphan.serial = "2025-999";
  expect_error(ErrorCode::kNotFound, {"unit 2025-999 does not exist"},
               [&] { world.archive.insert_unit_note(orphan); });
}

TEST_CASE("a customer or model that units refer to cannot be removed") {
  ArchiveWorld world;
  world.insert(unit("2025-001", "HYS5160", "C001"));
  expect_error(ErrorCode::kRuleViolation, {"customer C001 is referred to by other records"},
               [&] { world.archive.remove_customer("C001"); });
  expect_error(ErrorCode::kRuleViolation, {"model HYS5160 is referred to by other records"},
               [&] { world.archive.remove_model("HYS5160"); });
  CHECK(world.archive.find_customer("C001").has_value());
  // Those nobody refers to go.
  world.archive.remove_customer("C002");
  world.archive.remove_model("HYS5250");
  CHECK_FALSE(world.archive.find_customer("C002").has_value());
  CHECK_FALSE(world.archive.find_model("HYS5250").has_value());
}

TEST_CASE("a unit with history typed onto it cannot be removed, one without can") {
  ArchiveWorld world;
  world.insert(unit("2025-001", "HYS5160", "C001"));
  world.insert(unit("2025-002", "HYS5160", "C001"));
  UnitNote note;
  note.serial = "2025-001";
  note.text = "runs well";
  note.at = testing::test_now();
  note.actor = "zhang";
  world.archive.insert_unit_note(note);
  expect_error(ErrorCode::kRuleViolation, {"unit 2025-001 has work typed since"},
               [&] { world.archive.remove_unit("2025-001"); });
  world.archive.remove_unit("2025-002");
  CHECK(world.archive.find_unit("2025-001").has_value());
  CHECK_FALSE(world.archive.find_unit("2025-002").has_value());
}
