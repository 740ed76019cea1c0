// Finding a unit by any of its numbers (出厂编号, 底盘号/VIN, 车号, 发动机编号): `unit show X`
// exactly, `unit find TEXT` by part.
#include <doctest/doctest.h>

#include "aftersales/store/store.h"
#include "aftersales/units/units.h"
#include "support/expect_error.h"
#include "support/test_store.h"

using namespace aftersales;
using testing::expect_error;

namespace {

struct NumberedWorld : testing::TestWorld {
  NumberedWorld() {
    add_basics();
    Context ctx = context();
    add("2025-001", "LZZ1BLSF5FD123401", "辽C12345", "WP10-2501");
    add("2025-002", "LZZ1BLSF5FD123402", "辽C67890", "WP10-2502");
    // A unit whose serial is another unit's plate, and two units sharing an engine no.
    add("辽C67890", "LZZ9", "", "WP12-7");
    add("2025-004", "LZZ4", "", "WP12-7");
  }

  void add(const std::string& serial, const std::string& vin, const std::string& plate,
           const std::string& engine) {
    Context ctx = context();
    UnitFields f;
    f.model = "HYS5160";
    f.customer = "C001";
    f.shipped = "2025-03-01";
    f.vin = vin;
    f.plate = plate;
    f.engine = engine;
    add_unit(ctx, serial, f);
  }

  std::vector<UnitNumberHit> find(const std::string& text) {
    Context ctx = context();
    std::vector<UnitNumberHit> hits;
    find_units(ctx, text, [&](const UnitNumberHit& hit) { hits.push_back(hit); });
    return hits;
  }
};

std::vector<std::string> serials(const std::vector<UnitNumberHit>& hits) {
  std::vector<std::string> all;
  for (const UnitNumberHit& hit : hits) all.push_back(hit.unit.serial);
  return all;
}

}  // namespace

TEST_CASE("a unit is found by its serial, VIN, plate or engine no., trimmed") {
  NumberedWorld world;
  Context ctx = world.context();
  CHECK(find_unit_by_number(ctx, "2025-001").serial == "2025-001");
  CHECK(find_unit_by_number(ctx, " LZZ1BLSF5FD123401 ").serial == "2025-001");
  CHECK(find_unit_by_number(ctx, "辽C12345").serial == "2025-001");
  CHECK(find_unit_by_number(ctx, "WP10-2502").serial == "2025-002");
}

TEST_CASE("the serial wins over another unit's plate") {
  NumberedWorld world;
  Context ctx = world.context();
  CHECK(find_unit_by_number(ctx, "辽C67890").serial == "辽C67890");
}

TEST_CASE("a number several units carry is refused naming their serials") {
  NumberedWorld world;
  Context ctx = world.context();
  expect_error(ErrorCode::kInvalidInput,
               {"2 units carry the number WP12-7", "2025-004, 辽C67890", "serial no."},
               [&] { find_unit_by_number(ctx, "WP12-7"); });
}

TEST_CASE("a number no unit carries is not found, pointing to unit find, exact match only") {
  NumberedWorld world;
  Context ctx = world.context();
  expect_error(ErrorCode::kNotFound, {"LZZ1BLSF5FD1234", "aftersales unit find"},
               [&] { find_unit_by_number(ctx, "LZZ1BLSF5FD1234"); });
  expect_error(ErrorCode::kInvalidInput, {"empty"}, [&] { find_unit_by_number(ctx, "  "); });
}

TEST_CASE("unit find matches part of any number, ASCII letters in any case, naming the field") {
  NumberedWorld world;
  std::vector<UnitNumberHit> hits = world.find("fd1234");
  CHECK(serials(hits) == std::vector<std::string>{"2025-001", "2025-002"});
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].matched == std::vector<UnitNumber>{UnitNumber::kVin});
  CHECK(hits[0].customer_name == "鞍山市环卫处");

  hits = world.find("67890");  // one unit's plate is the other's serial
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].unit.serial == "2025-002");
  CHECK(hits[0].matched == std::vector<UnitNumber>{UnitNumber::kPlate});
  CHECK(hits[1].matched == std::vector<UnitNumber>{UnitNumber::kSerial});

  CHECK(serials(world.find("wp12")) == std::vector<std::string>{"2025-004", "辽C67890"});
  CHECK(serials(world.find("辽c")).size() == 3);  // the ASCII C folds
  CHECK(world.find("ｌｚｚ").empty());            // full-width letters do not

  CHECK(world.find("%").empty());  // no pattern characters
  CHECK(world.find("nothing-like-it").empty());
}

TEST_CASE("unit find refuses an empty text") {
  NumberedWorld world;
  Context ctx = world.context();
  expect_error(ErrorCode::kInvalidInput, {"text"},
               [&] { find_units(ctx, " ", [](const UnitNumberHit&) {}); });
}
