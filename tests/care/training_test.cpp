// Handover training of delivered units (新车交接培训): passed or failed, not before shipping,
// a failed one retaken, nothing after a pass; a unit without a passed training is missing from
// the day after [training] within_days (day 10 on time, day 11 missing).
#include <doctest/doctest.h>

#include <algorithm>

#include "aftersales/audit/audit.h"
#include "aftersales/care/care_rules.h"
#include "aftersales/care/training.h"
#include "aftersales/store/store.h"
#include "care/care_world.h"
#include "support/expect_error.h"

using namespace aftersales;
using testing::CareWorld;
using testing::day;
using testing::expect_error;
using testing::kNewUnit;

namespace {

TrainingFields training_of(const std::string& serial, const std::string& date, bool passed) {
  TrainingFields fields;
  fields.serial = serial;
  fields.date = date;
  fields.trainer = "ma";
  fields.passed = passed;
  return fields;
}

bool missing(CareWorld& world, const std::string& serial) {
  Context ctx = world.context("zhang");
  const std::vector<TrainingMissing> all = missing_training(ctx, "");
  return std::any_of(all.begin(), all.end(),
                     [&](const TrainingMissing& m) { return m.serial == serial; });
}

}  // namespace

TEST_CASE("a unit without training is missing on day 11 and not on day 10") {
  CareWorld world;  // kNewUnit shipped 2026-11-10
  world.set_today("2026-11-20");
  CHECK_FALSE(missing(world, kNewUnit));
  world.set_today("2026-11-21");
  CHECK(missing(world, kNewUnit));
  Context ctx = world.context("zhang");
  const std::vector<TrainingMissing> shipped_in_november = missing_training(ctx, "2026-11");
  REQUIRE(shipped_in_november.size() == 1);
  CHECK(shipped_in_november[0].due_on == day("2026-11-20"));
  CHECK(shipped_in_november[0].days_late == 1);
  const Rules rules;
  CHECK(training_due_on(rules, day("2026-11-10")) == day("2026-11-20"));
}

TEST_CASE("a failed training is retaken and the passed one settles the unit") {
  CareWorld world;
  Context technician = world.context("ma");
  const TrainingRecord failed =
      record_training(technician, training_of(kNewUnit, "2026-11-12", false));
  CHECK_FALSE(failed.passed);
  CHECK(failed.customer_code == "C003");
  CHECK(missing(world, kNewUnit));  // as of 2026-11-27, a failed one does not settle it
  CHECK(missing_training(technician, "2026-11")[0].failed_on == day("2026-11-12"));
  expect_error(ErrorCode::kInvalidInput, {"its last training"},
               [&] { record_training(technician, training_of(kNewUnit, "2026-11-11", true)); });
  record_training(technician, training_of(kNewUnit, "2026-11-25", true));
  CHECK_FALSE(missing(world, kNewUnit));
  expect_error(ErrorCode::kRuleViolation, {"passed its handover training already on 2026-11-25"},
               [&] { record_training(technician, training_of(kNewUnit, "2026-11-26", false)); });
  CHECK(training_of_unit(technician, kNewUnit).size() == 2);
  CHECK(list_training(technician, "2026-11").size() == 2);
  CHECK(list_training(technician, "2026-10").empty());
  AuditQuery query;
  query.entity = "training";
  CHECK(audit_log(technician, query).size() == 2);
}

TEST_CASE("a training before shipping or in the future is refused and nothing is written") {
  CareWorld world;
  Context technician = world.context("ma");
  expect_error(ErrorCode::kInvalidInput, {"2026-11-10", "its ship date"},
               [&] { record_training(technician, training_of(kNewUnit, "2026-11-09", true)); });
  expect_error(ErrorCode::kInvalidInput, {"today (2026-11-27)"},
               [&] { record_training(technician, training_of(kNewUnit, "2026-11-28", true)); });
  expect_error(ErrorCode::kInvalidInput, {"date"},
               [&] { record_training(technician, training_of(kNewUnit, "2026-13-01", true)); });
  expect_error(ErrorCode::kNotFound, {"NO-SUCH"},
               [&] { record_training(technician, training_of("NO-SUCH", "2026-11-20", true)); });
  TrainingFields stranger = training_of(kNewUnit, "2026-11-20", true);
  stranger.trainer = "nobody";
  expect_error(ErrorCode::kInvalidInput, {"trainer", "[users]"},
               [&] { record_training(technician, stranger); });
  CHECK(list_training(technician, "").empty());
  // The ship day itself is allowed.
  CHECK(record_training(technician, training_of(kNewUnit, "2026-11-10", true)).passed);
}

TEST_CASE("only the roles of permissions.training record a training") {
  CareWorld world;
  Context clerk = world.context("zhang");
  expect_error(ErrorCode::kRuleViolation, {"training"},
               [&] { record_training(clerk, training_of(kNewUnit, "2026-11-20", true)); });
  Context manager = world.context("li");
  CHECK(record_training(manager, training_of(kNewUnit, "2026-11-20", true)).recorded_by == "li");
}
