// The numbers of customer care for the reports (issue 12): survey satisfaction per dimension and
// overall, complaints opened, closed, on time and overdue at the period's end, training pass
// rate, as whole-number ratios.
#include <doctest/doctest.h>

#include "aftersales/care/care_metrics.h"
#include "aftersales/care/complaints.h"
#include "aftersales/care/training.h"
#include "care/care_world.h"
#include "support/expect_error.h"

using namespace aftersales;
using testing::CareWorld;
using testing::day;
using testing::expect_error;
using testing::kInWarranty;
using testing::kNewUnit;

namespace {

void survey(Context& ctx, const std::string& customer, const std::string& scores,
            const std::string& at) {
  SurveyFields fields;
  fields.customer = customer;
  fields.year = "2026";
  fields.scores = scores;
  fields.at = at;
  record_survey(ctx, fields);
}

std::string complaint(Context& ctx, const std::string& at, const std::string& kind = "") {
  ComplaintFields fields;
  fields.customer = "C001";
  fields.category = "配件";
  fields.text = "配件到货慢";
  fields.kind = kind;
  fields.at = at;
  return open_complaint(ctx, fields).number;
}

void training(Context& ctx, const std::string& serial, const std::string& date, bool passed) {
  TrainingFields fields;
  fields.serial = serial;
  fields.date = date;
  fields.trainer = "ma";
  fields.passed = passed;
  record_training(ctx, fields);
}

}  // namespace

TEST_CASE("satisfaction counts scores of 4 and 5 per dimension and overall") {
  CareWorld world;
  Context clerk = world.context("zhang");
  survey(clerk, "C001", "5,4,3,2,1", "2026-11-02T10:00:00");
  survey(clerk, "C003", "4,4,4,4,4", "2026-11-03T10:00:00");
  const CareMetrics november = care_metrics_for_month(clerk, "2026-11");
  CHECK(november.surveys == 2);
  CHECK(november.satisfied[0] == Ratio{2, 2});
  CHECK(november.satisfied[1] == Ratio{2, 2});
  CHECK(november.satisfied[2] == Ratio{1, 2});
  CHECK(november.satisfied[3] == Ratio{1, 2});
  CHECK(november.satisfied[4] == Ratio{1, 2});
  CHECK(november.satisfied_overall == Ratio{7, 10});
  CHECK(care_metrics_for_month(clerk, "2026-10").surveys == 0);
  CHECK(care_metrics_for_year(clerk, "2026").satisfied_overall == Ratio{7, 10});
  // The threshold is the rulebook's.
  world.rules.visits.satisfied_min_score = 5;
  Context strict = world.context("zhang");
  CHECK(care_metrics_for_month(strict, "2026-11").satisfied_overall == Ratio{1, 10});
}

TEST_CASE("complaints opened, closed on time and overdue at the month's end") {
  CareWorld world;
  Context clerk = world.context("zhang");
  const std::string on_time = complaint(clerk, "2026-10-20T09:00:00");
  const std::string late = complaint(clerk, "2026-10-28T09:00:00");  // due 2026-11-04
  complaint(clerk, "2026-10-29T09:00:00", "suggestion");
  close_complaint(clerk, on_time, "已补发配件", "王明", "2026-10-27T17:00:00");  // day 7
  close_complaint(clerk, late, "已补发配件", "王明", "2026-11-05T17:00:00");     // day 8

  const CareMetrics october = care_metrics_for_month(clerk, "2026-10");
  CHECK(october.complaints_opened == 2);
  CHECK(october.suggestions_opened == 1);
  CHECK(october.complaints_closed == 1);
  CHECK(october.complaints_closed_on_time == 1);
  CHECK(october.complaints_overdue == 0);  // `late` is still within its deadline on 10-31

  const CareMetrics november = care_metrics_for_month(clerk, "2026-11");
  CHECK(november.complaints_opened == 0);
  CHECK(november.complaints_closed == 1);
  CHECK(november.complaints_closed_on_time == 0);
  CHECK(november.complaints_overdue == 0);  // closed by the month's end

  // Open past its deadline at a period's end.
  const std::string open = complaint(clerk, "2026-11-01T09:00:00");  // due 2026-11-08
  CHECK(care_metrics(clerk, day("2026-11-01"), day("2026-11-08")).complaints_overdue == 0);
  CHECK(care_metrics(clerk, day("2026-11-01"), day("2026-11-09")).complaints_overdue == 1);
  CHECK(!open.empty());
}

TEST_CASE("the training pass rate counts units trained and passed in the period") {
  CareWorld world;
  Context technician = world.context("ma");
  training(technician, kNewUnit, "2026-11-12", false);
  training(technician, kNewUnit, "2026-11-20", true);
  training(technician, kInWarranty, "2026-11-21", false);
  const CareMetrics november = care_metrics_for_month(technician, "2026-11");
  CHECK(november.units_trained == 2);
  CHECK(november.units_passed == 1);
  CHECK(november.pass_rate == Ratio{1, 2});
  CHECK(care_metrics_for_month(technician, "2026-12").pass_rate == Ratio{0, 0});
  expect_error(ErrorCode::kInvalidInput, {"month"},
               [&] { care_metrics_for_month(technician, "2026-13"); });
}
