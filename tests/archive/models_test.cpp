#include <doctest/doctest.h>

#include "aftersales/models/models.h"
#include "support/expect_error.h"
#include "support/test_store.h"

using namespace aftersales;
using testing::expect_error;

TEST_CASE("a model takes the default warranty months when none are given") {
  testing::TestWorld world;
  world.rules.warranty.default_months = 18;
  Context ctx = world.context();
  ModelFields fields;
  fields.name = "洒水车";
  fields.category = "sanitation";
  CHECK(add_model(ctx, "HYS5250", fields).warranty_months == 18);
  CHECK_FALSE(get_model(ctx, "HYS5250").warranty_km.has_value());
}

TEST_CASE("a model category must be one of the configured categories") {
  testing::TestWorld world;
  Context ctx = world.context();
  ModelFields fields;
  fields.name = "x";
  fields.category = "spaceship";
  expect_error(ErrorCode::kInvalidInput, {"field \"category\"", "spaceship", "sanitation, fire"},
               [&] { add_model(ctx, "M1", fields); });
}

TEST_CASE("warranty months must be a whole number from 1 to 240") {
  testing::TestWorld world;
  Context ctx = world.context();
  ModelFields fields;
  fields.name = "x";
  fields.category = "fire";
  for (const char* bad : {"0", "241", "12.5", "twelve", "-3"}) {
    fields.warranty_months = bad;
    expect_error(ErrorCode::kInvalidInput, {"field \"warranty_months\"", bad},
                 [&] { add_model(ctx, "M1", fields); });
  }
  fields.warranty_months = "２４";  // full-width digits as typed by a Chinese input method
  CHECK(add_model(ctx, "M1", fields).warranty_months == 24);
}

TEST_CASE("editing a model can clear its km limit") {
  testing::TestWorld world;
  world.add_basics();
  Context ctx = world.context();
  ModelFields change;
  change.warranty_km = "";
  CHECK_FALSE(edit_model(ctx, "HYS5160", change).warranty_km.has_value());
  CHECK_FALSE(get_model(ctx, "HYS5160").warranty_km.has_value());
}
