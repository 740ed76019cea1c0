#include <doctest/doctest.h>

#include "aftersales/customers/customers.h"
#include "aftersales/models/models.h"
#include "aftersales/store/store.h"
#include "aftersales/units/units.h"
#include "support/expect_error.h"
#include "support/test_store.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::expect_error;

namespace {

UnitFields complete_unit(const std::string& shipped) {
  UnitFields f;
  f.model = "HYS5160";
  f.customer = "C001";
  f.shipped = shipped;
  f.vin = "LZZ1BLSF5FD123401";
  f.engine = "WP10-2501";
  f.config = "8吨洗扫";
  f.terms = "整车12个月或10万公里";
  return f;
}

Date date(const char* text) { return *parse_date(text); }

}  // namespace

TEST_CASE("a unit's warranty runs the model's months from shipping, end inclusive") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  add_unit(ctx, "2025-001", complete_unit("2025-03-01"));
  world.set_today("2026-02-28");
  UnitArchive archive = unit_archive(ctx, "2025-001");
  CHECK(archive.warranty.start == date("2025-03-01"));
  CHECK(archive.warranty.end == date("2026-02-28"));
  CHECK(archive.warranty.covered);
  world.set_today("2026-03-01");
  CHECK_FALSE(unit_archive(ctx, "2025-001").warranty.covered);
}

TEST_CASE("acceptance moves the warranty start to the acceptance date") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  add_unit(ctx, "2025-001", complete_unit("2025-03-01"));
  accept_unit(ctx, "2025-001", "2025-03-10", "王明");
  const UnitArchive archive = unit_archive(ctx, "2025-001");
  CHECK(archive.warranty.start == date("2025-03-10"));
  CHECK(archive.warranty.end == date("2026-03-09"));
  CHECK(archive.unit.accepted_by == "王明");
}

TEST_CASE("acceptance before shipping or after today is refused") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  add_unit(ctx, "2025-001", complete_unit("2025-03-01"));
  expect_error(ErrorCode::kInvalidInput, {"before the ship date"},
               [&] { accept_unit(ctx, "2025-001", "2025-02-28", "王明"); });
  expect_error(ErrorCode::kInvalidInput, {"after today"},
               [&] { accept_unit(ctx, "2025-001", "2026-11-28", "王明"); });
  expect_error(ErrorCode::kInvalidInput, {"field \"signer\""},
               [&] { accept_unit(ctx, "2025-001", "2025-03-02", ""); });
  CHECK_FALSE(get_unit(ctx, "2025-001").accepted_on.has_value());
}

TEST_CASE("a unit's own contract end wins over the model's months") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  UnitFields fields = complete_unit("2025-03-01");
  fields.warranty_end = "2027-02-28";
  add_unit(ctx, "2025-001", fields);
  const UnitArchive archive = unit_archive(ctx, "2025-001");
  CHECK(archive.warranty.end == date("2027-02-28"));
  CHECK(archive.warranty.end_from_contract);
  CHECK(archive.warranty.covered);
}

TEST_CASE("a unit over the model's km limit is out of warranty whatever the date") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  UnitFields fields = complete_unit("2026-06-01");
  fields.km = "100000";
  add_unit(ctx, "2026-001", fields);
  CHECK(unit_archive(ctx, "2026-001").warranty.covered);
  UnitFields more;
  more.km = "100001";
  edit_unit(ctx, "2026-001", more);
  const UnitArchive archive = unit_archive(ctx, "2026-001");
  CHECK(archive.warranty.within_date);
  CHECK_FALSE(archive.warranty.covered);
  CHECK(archive.warranty.reason.find("100,001 of 100,000 km") != std::string::npos);
}

TEST_CASE("an archive is listed as incomplete only after the 2-day filing window") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  UnitFields fields = complete_unit("2026-11-20");
  fields.vin = "";
  fields.terms = "";
  add_unit(ctx, "2026-009", fields);
  UnitQuery incomplete;
  incomplete.incomplete = true;

  world.set_today("2026-11-22");  // shipped 2 days ago: still within the window (表1: 2日内)
  CHECK(list_units(ctx, incomplete).empty());
  world.set_today("2026-11-23");  // 3 days: overdue
  const auto listed = list_units(ctx, incomplete);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].missing == std::vector<std::string>{"vin", "terms"});
  CHECK(unit_archive(ctx, "2026-009").filing_overdue);
}

TEST_CASE("the contact and phone of the archive may come from the customer") {
  testing::TestWorld world;
  world.add_basics();  // C001 has a contact and a phone
  Context ctx = world.context();
  add_unit(ctx, "2025-001", complete_unit("2025-03-01"));
  CHECK(unit_archive(ctx, "2025-001").missing.empty());
}

TEST_CASE("a serial number that exists already is refused") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  add_unit(ctx, "2025-001", complete_unit("2025-03-01"));
  expect_error(ErrorCode::kConflict, {"2025-001 exists already"},
               [&] { add_unit(ctx, "2025-001", complete_unit("2025-04-01")); });
}

TEST_CASE("an unknown model or customer is not found and nothing is written") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  UnitFields fields = complete_unit("2025-03-01");
  fields.model = "NOPE";
  expect_error(ErrorCode::kNotFound, {"model NOPE does not exist"},
               [&] { add_unit(ctx, "2025-001", fields); });
  fields = complete_unit("2025-03-01");
  fields.customer = "C404";
  expect_error(ErrorCode::kNotFound, {"customer C404"}, [&] { add_unit(ctx, "2025-001", fields); });
  CHECK(list_units(ctx, UnitQuery{}).empty());
}

TEST_CASE("a ship date that does not exist or lies in the future is refused") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  expect_error(ErrorCode::kInvalidInput, {"field \"shipped\"", "2023-02-29"},
               [&] { add_unit(ctx, "X1", complete_unit("2023-02-29")); });
  expect_error(ErrorCode::kInvalidInput, {"after today"},
               [&] { add_unit(ctx, "X1", complete_unit("2026-11-28")); });
  CHECK_NOTHROW(add_unit(ctx, "X1", complete_unit("2026-11-27")));
}

TEST_CASE("a change of owner is audited as such") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  CustomerFields other;
  other.name = "沈阳市消防救援支队";
  add_customer(ctx, "C002", other);
  add_unit(ctx, "2025-001", complete_unit("2025-03-01"));
  UnitFields change;
  change.customer = "C002";
  edit_unit(ctx, "2025-001", change);
  const UnitArchive archive = unit_archive(ctx, "2025-001");
  CHECK(archive.customer.code == "C002");
  REQUIRE(archive.changes.size() == 2);
  CHECK(archive.changes[1].action == "change-owner");
  CHECK(archive.changes[1].before == R"({"customer":"C001"})");
}

TEST_CASE("history notes are filed into the archive in order") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context("ma");
  add_unit(ctx, "2025-001", complete_unit("2025-03-01"));
  add_unit_note(ctx, "2025-001", "quality", "液压泵异响");
  add_unit_note(ctx, "2025-001", "part-replacement", "更换液压泵");
  const UnitArchive archive = unit_archive(ctx, "2025-001");
  REQUIRE(archive.notes.size() == 2);
  CHECK(archive.notes[0].kind == NoteKind::kQuality);
  CHECK(archive.notes[1].text == "更换液压泵");
  CHECK(archive.notes[1].actor == "ma");
  expect_error(ErrorCode::kInvalidInput, {"field \"kind\"", "gossip"},
               [&] { add_unit_note(ctx, "2025-001", "gossip", "x"); });
}

TEST_CASE("units in warranty today are listed by filter") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  add_unit(ctx, "2024-001", complete_unit("2024-01-10"));  // ended 2025-01-09
  add_unit(ctx, "2026-001", complete_unit("2026-01-10"));
  UnitQuery query;
  query.in_warranty = true;
  const auto listed = list_units(ctx, query);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].unit.serial == "2026-001");
  query.model = "NOPE";
  expect_error(ErrorCode::kNotFound, {"model NOPE"}, [&] { list_units(ctx, query); });
}

TEST_CASE("regression: an odometer reading with too many digits is refused, not overflowed") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  add_unit(ctx, "2025-001", complete_unit("2025-03-01"));
  UnitFields change;
  change.km = "9999999999999999999999";
  expect_error(ErrorCode::kInvalidInput, {"field \"km\"", "whole number"},
               [&] { edit_unit(ctx, "2025-001", change); });
  CHECK_FALSE(get_unit(ctx, "2025-001").odometer_km.has_value());
}

TEST_CASE("odometer readings never go backwards: a lower one after a higher one is caught") {
  const Timestamp mar5 = testing::at("2026-03-05T10:00:00");
  const std::vector<OdometerReading> readings = {
      {100'001, mar5, ""}, {80'000, testing::at("2026-02-01T09:00:00"), "SR-2026-000001"}};
  const auto above = odometer_conflict(readings, 90'000, testing::at("2026-03-12T10:00:00"));
  REQUIRE(above.has_value());
  CHECK(above->reading.km == 100'001);
  CHECK(above->reading.ticket.empty());
  CHECK_FALSE(above->later);
  CHECK_FALSE(odometer_conflict(readings, 100'001, testing::at("2026-03-12T10:00:00")));
  // At the same second the earlier reading counts; an equal reading is fine.
  CHECK(odometer_conflict(readings, 100'000, mar5));
  CHECK_FALSE(odometer_conflict(readings, 100'001, mar5));
  // Before the 100,001 reading: at most 100,001, at least 80,000.
  const Timestamp before = testing::at("2026-03-05T09:59:59");
  CHECK_FALSE(odometer_conflict(readings, 90'000, before));
  CHECK_FALSE(odometer_conflict(readings, 100'001, before));
  const auto later = odometer_conflict(readings, 100'002, before);
  REQUIRE(later.has_value());
  CHECK(later->later);
  CHECK(later->reading.km == 100'001);
  CHECK(odometer_conflict_text(*later, 100'002, UtcOffset{480}) ==
        "100002 km is above the reading of 100001 km taken later, on 2026-03-05 (unit record); "
        "odometer readings never go backwards");
  const auto below_ticket = odometer_conflict(readings, 79'999, before);
  REQUIRE(below_ticket.has_value());
  CHECK(odometer_conflict_text(*below_ticket, 79'999, UtcOffset{480}) ==
        "79999 km is below the reading of 80000 km taken at 2026-02-01T09:00:00+08:00 (ticket "
        "SR-2026-000001); odometer readings never go backwards");
}

TEST_CASE("a unit's reading taken after a report is not used for that earlier report") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  add_unit(ctx, "2026-001", complete_unit("2026-06-01"));
  UnitFields more;
  more.km = "100001";  // read today, 2026-11-27
  edit_unit(ctx, "2026-001", more);
  const UnitArchive archive = unit_archive(ctx, "2026-001");
  const Unit& unit = archive.unit;
  const Model& model = archive.model;
  CHECK_FALSE(warranty_on(unit, model, Date::from_ymd(2026, 11, 27)).covered);
  CHECK(warranty_on(unit, model, Date::from_ymd(2026, 11, 26)).covered);
}
