// The parts catalogue and its stock (DOMAIN.md Part): stock is the sum of audited moves and
// never goes negative, at the boundary (exactly what is on hand may leave, one more may not),
// and after 10,000 random operations.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <utility>

#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "aftersales/parts/parts.h"
#include "parts/stock_moves.h"
#include "support/test_store.h"

using namespace aftersales;
using testing::TestWorld;

namespace {

// A world whose warehouse keeper is "kuang".
struct PartsWorld : TestWorld {
  PartsWorld() { rules.users = {{"kuang", {"warehouse"}}, {"zhang", {"clerk"}}}; }

  Part add(const std::string& number, const std::string& price = "48.00") {
    Context ctx = context("kuang");
    PartFields fields;
    fields.name = "密封件 " + number;
    fields.price = price;
    return add_part(ctx, number, fields);
  }

  Part part(const std::string& number) {
    Context ctx = context("kuang");
    return get_part(ctx, number);
  }

  std::int64_t on_hand(const std::string& number, const std::string& warehouse = "main") {
    return store->parts().on_hand(part(number).id, warehouse);
  }
};

}  // namespace

TEST_CASE("a part is added by the warehouse with a name and a price, once") {
  PartsWorld world;
  const Part part = world.add("SEAL-1", "50.01");
  CHECK(part.unit_price == Money{5001});
  Context clerk = world.context("zhang");
  PartFields fields;
  fields.name = "x";
  fields.price = "1";
  CHECK_THROWS_AS(add_part(clerk, "SEAL-2", fields), Error);  // no warehouse role
  Context keeper = world.context("kuang");
  try {
    add_part(keeper, "SEAL-1", fields);
    FAIL("a duplicate part was added");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kConflict);
  }
  fields.price = "-1";
  CHECK_THROWS_AS(add_part(keeper, "SEAL-3", fields), Error);
}

TEST_CASE(
    "exactly what is on hand may leave, one more is refused naming part, warehouse and "
    "amounts") {
  PartsWorld world;
  world.add("SEAL-1");
  Context keeper = world.context("kuang");
  receive_part(keeper, "SEAL-1", "3", std::nullopt, "送货单 1");
  try {
    adjust_stock(keeper, "SEAL-1", "-4", std::nullopt, "盘亏");
    FAIL("stock went negative");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kRuleViolation);
    const std::string what = e.what();
    CHECK(what.find("SEAL-1") != std::string::npos);
    CHECK(what.find("warehouse main: 3 on hand, 4 asked") != std::string::npos);
  }
  CHECK(world.on_hand("SEAL-1") == 3);
  adjust_stock(keeper, "SEAL-1", "-3", std::nullopt, "盘亏");
  CHECK(world.on_hand("SEAL-1") == 0);
  // Another warehouse keeps its own stock.
  receive_part(keeper, "SEAL-1", "2", std::string("west"), "");
  CHECK(world.on_hand("SEAL-1", "west") == 2);
  CHECK(world.on_hand("SEAL-1") == 0);
}

TEST_CASE("quantities are whole numbers: receive over 0, adjust not 0, +N accepted") {
  PartsWorld world;
  world.add("SEAL-1");
  Context keeper = world.context("kuang");
  CHECK_THROWS_AS(receive_part(keeper, "SEAL-1", "0", std::nullopt, ""), Error);
  CHECK_THROWS_AS(receive_part(keeper, "SEAL-1", "1.5", std::nullopt, ""), Error);
  CHECK_THROWS_AS(adjust_stock(keeper, "SEAL-1", "0", std::nullopt, "x"), Error);
  CHECK_THROWS_AS(adjust_stock(keeper, "SEAL-1", "+2", std::nullopt, " "), Error);  // no reason
  adjust_stock(keeper, "SEAL-1", "+2", std::nullopt, "盘盈");
  CHECK(world.on_hand("SEAL-1") == 2);
}

TEST_CASE("every move is audited, and the catalogue lists the stock of all warehouses") {
  PartsWorld world;
  world.add("SEAL-1");
  world.add("PUMP-1", "4800.00");
  Context keeper = world.context("kuang");
  receive_part(keeper, "SEAL-1", "4", std::nullopt, "");
  receive_part(keeper, "SEAL-1", "1", std::string("west"), "");
  AuditQuery query;
  query.entity = "stock_move";
  CHECK(audit_log(keeper, query).size() == 2);
  std::vector<std::pair<std::string, std::int64_t>> listed;
  each_part(keeper, PartQuery{},
            [&](const Part& p, std::int64_t on_hand) { listed.emplace_back(p.number, on_hand); });
  CHECK(listed == std::vector<std::pair<std::string, std::int64_t>>{{"PUMP-1", 0}, {"SEAL-1", 5}});
}

TEST_CASE("part list --low: stock below the reorder level, not at it") {
  PartsWorld world;
  world.add("SEAL-1");
  Context keeper = world.context("kuang");
  PartFields fields;
  fields.reorder_level = "3";
  edit_part(keeper, "SEAL-1", fields);
  receive_part(keeper, "SEAL-1", "3", std::nullopt, "");
  int low = 0;
  each_part(keeper, PartQuery{true}, [&](const Part&, std::int64_t) { ++low; });
  CHECK(low == 0);
  adjust_stock(keeper, "SEAL-1", "-1", std::nullopt, "损坏");
  each_part(keeper, PartQuery{true}, [&](const Part&, std::int64_t) { ++low; });
  CHECK(low == 1);
}

TEST_CASE("after 10,000 random moves stock equals the sum of the moves and is never negative") {
  PartsWorld world;
  const std::vector<std::string> parts = {"P1", "P2", "P3"};
  const std::vector<std::string> warehouses = {"main", "west"};
  for (const std::string& p : parts) world.add(p);
  Context keeper = world.context("kuang");
  std::mt19937 random(20261130);
  std::map<std::pair<std::string, std::string>, std::int64_t> expected;
  int refused = 0;
  constexpr MoveKind kKinds[] = {MoveKind::kReceive, MoveKind::kIssue, MoveKind::kReturn,
                                 MoveKind::kAdjust, MoveKind::kShip};
  for (int i = 0; i < 10'000; ++i) {
    const std::string& p = parts[random() % parts.size()];
    const std::string& w = warehouses[random() % warehouses.size()];
    const MoveKind kind = kKinds[random() % 5];
    std::int64_t quantity = 1 + static_cast<std::int64_t>(random() % 5);
    if (kind == MoveKind::kIssue || kind == MoveKind::kShip ||
        (kind == MoveKind::kAdjust && random() % 2 == 0)) {
      quantity = -quantity;
    }
    try {
      keeper.store.write(
          [&] { move_stock(keeper, world.part(p), w, kind, quantity, "", "random"); });
      expected[{p, w}] += quantity;
    } catch (const Error& e) {
      REQUIRE(e.code() == ErrorCode::kRuleViolation);
      REQUIRE(quantity < 0);
      REQUIRE(expected[{p, w}] + quantity < 0);
      ++refused;
    }
    REQUIRE(expected[{p, w}] >= 0);
  }
  CHECK(refused > 0);
  std::map<std::pair<std::string, std::string>, std::int64_t> levels;
  each_stock_level(keeper, std::nullopt, [&](const StockLevel& level) {
    CHECK(level.on_hand >= 0);
    levels[{level.part.number, level.warehouse}] = level.on_hand;
  });
  for (const auto& [key, quantity] : expected) {
    CAPTURE(key.first);
    CAPTURE(key.second);
    CHECK(levels[key] == quantity);
  }
}

TEST_CASE("a count sets the stock to what was found by one adjust move, none when right") {
  PartsWorld world;
  world.add("SEAL-1");
  Context keeper = world.context("kuang");
  StockCountFields count;
  count.part = "SEAL-1";
  count.counted = "12";
  CountedStock done = count_stock(keeper, count);
  REQUIRE(done.move);
  CHECK(done.before == 0);
  CHECK(done.move->kind == MoveKind::kAdjust);
  CHECK(done.move->quantity == 12);
  CHECK(done.move->reason == "stock count");

  count.counted = "9";
  count.reason = "年终盘点";
  done = count_stock(keeper, count);
  REQUIRE(done.move);
  CHECK(done.before == 12);
  CHECK(done.move->quantity == -3);
  CHECK(world.on_hand("SEAL-1") == 9);

  done = count_stock(keeper, count);  // the same count again moves nothing
  CHECK_FALSE(done.move);
  CHECK(done.before == 9);

  count.counted = "0";
  CHECK(count_stock(keeper, count).move->quantity == -9);
  CHECK(world.on_hand("SEAL-1") == 0);
}

TEST_CASE("a count of -1, of an unknown part or by a clerk is refused and moves nothing") {
  PartsWorld world;
  world.add("SEAL-1");
  Context keeper = world.context("kuang");
  StockCountFields count;
  count.part = "SEAL-1";
  count.counted = "-1";
  CHECK_THROWS_AS(count_stock(keeper, count), Error);
  count.part = "NOPE";
  count.counted = "1";
  try {
    count_stock(keeper, count);
    FAIL("a count of an unknown part was written");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kNotFound);
  }
  count.part = "SEAL-1";
  Context clerk = world.context("zhang");
  CHECK_THROWS_AS(count_stock(clerk, count), Error);
  CHECK(world.on_hand("SEAL-1") == 0);
}
