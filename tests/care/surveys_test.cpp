// The annual satisfaction survey (表9, JL-8.1-01, 每年第四季度): due from 1 October (not on 30
// September), overdue after 31 December, once per customer and year, five scores 1-5.
#include <doctest/doctest.h>

#include <algorithm>

#include "aftersales/audit/audit.h"
#include "aftersales/care/care_rules.h"
#include "aftersales/care/surveys.h"
#include "aftersales/store/store.h"
#include "care/care_world.h"
#include "support/expect_error.h"

using namespace aftersales;
using testing::CareWorld;
using testing::day;
using testing::expect_error;

namespace {

std::vector<std::string> due_codes(CareWorld& world, const std::string& year = "") {
  Context ctx = world.context("zhang");
  std::vector<std::string> codes;
  for (const SurveyDue& due : surveys_due(ctx, year)) codes.push_back(due.customer.code);
  return codes;
}

SurveyFields survey_of(const std::string& customer, const std::string& scores) {
  SurveyFields fields;
  fields.customer = customer;
  fields.year = "2026";
  fields.scores = scores;
  return fields;
}

}  // namespace

TEST_CASE("the survey window is the fourth quarter of the year") {
  const Rules rules;
  CHECK(survey_window_opens(rules, 2026) == day("2026-10-01"));
  CHECK(survey_window_closes(rules, 2026) == day("2026-12-31"));
  CHECK_FALSE(survey_due(rules, 2026, day("2026-09-30")));
  CHECK(survey_due(rules, 2026, day("2026-10-01")));
  CHECK_FALSE(survey_overdue(rules, 2026, day("2026-12-31")));
  CHECK(survey_overdue(rules, 2026, day("2027-01-01")));
  Rules second;
  second.survey.quarter = 2;
  CHECK(survey_window_opens(second, 2026) == day("2026-04-01"));
  CHECK(survey_window_closes(second, 2026) == day("2026-06-30"));
}

TEST_CASE("a customer with a unit is due for the survey on 1 October and not on 30 September") {
  CareWorld world;
  world.set_today("2026-09-30");
  CHECK(due_codes(world).empty());
  world.set_today("2026-10-01");
  // C002 owns no unit: nothing to rate.
  CHECK(due_codes(world) == std::vector<std::string>{"C001", "C003"});
  Context ctx = world.context("zhang");
  const std::vector<SurveyDue> due = surveys_due(ctx, "");
  CHECK(due[0].opens == day("2026-10-01"));
  CHECK(due[0].closes == day("2026-12-31"));
  CHECK_FALSE(due[0].overdue);
}

TEST_CASE("a survey not recorded by 31 December is overdue from 1 January") {
  CareWorld world;
  world.set_today("2026-12-31");
  Context ctx = world.context("zhang");
  CHECK_FALSE(surveys_due(ctx, "2026")[0].overdue);
  world.set_today("2027-01-01");
  Context later = world.context("zhang");
  const std::vector<SurveyDue> due = surveys_due(later, "2026");
  REQUIRE(due.size() == 2);
  CHECK(due[0].overdue);
  CHECK(due[0].days_late == 1);
  // 2027's own window has not opened yet.
  CHECK(surveys_due(later, "").empty());
}

TEST_CASE("a recorded survey settles the customer's year and is audited") {
  CareWorld world;
  Context clerk = world.context("zhang");
  SurveyFields fields = survey_of("C001", "5,4,4,3,5");
  fields.suggestion = "希望增加保养培训";
  const Survey survey = record_survey(clerk, fields);
  CHECK(survey.scores == Scores{5, 4, 4, 3, 5});
  CHECK(survey.customer_name == "鞍山市环卫处");
  CHECK(survey.recorded_by == "zhang");
  CHECK(due_codes(world) == std::vector<std::string>{"C003"});
  const std::vector<Survey> listed = list_surveys(clerk, "2026");
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].suggestion == "希望增加保养培训");
  CHECK(list_surveys(clerk, "2025").empty());
  AuditQuery query;
  query.entity = "survey";
  const std::vector<AuditEntry> log = audit_log(clerk, query);
  REQUIRE(log.size() == 1);
  CHECK(log[0].entity_id == "C001/2026");
}

TEST_CASE("a second survey of a customer in one year is a conflict") {
  CareWorld world;
  Context clerk = world.context("zhang");
  record_survey(clerk, survey_of("C001", "5,5,5,5,5"));
  expect_error(ErrorCode::kConflict, {"C001", "2026", "once a year"},
               [&] { record_survey(clerk, survey_of("C001", "4,4,4,4,4")); });
  CHECK(list_surveys(clerk, "").size() == 1);
}

TEST_CASE("scores 0 and 6 and a wrong count are refused and nothing is written") {
  CareWorld world;
  Context clerk = world.context("zhang");
  expect_error(ErrorCode::kInvalidInput, {"scores", "score 1 (结构性能)", "\"0\""},
               [&] { record_survey(clerk, survey_of("C001", "0,4,4,4,4")); });
  expect_error(ErrorCode::kInvalidInput, {"score 5 (售后服务)", "\"6\""},
               [&] { record_survey(clerk, survey_of("C001", "4,4,4,4,6")); });
  expect_error(ErrorCode::kInvalidInput, {"4 scores given"},
               [&] { record_survey(clerk, survey_of("C001", "4,4,4,4")); });
  CHECK(list_surveys(clerk, "").empty());
  // Scores 1 and 5 and a full-width comma are read.
  CHECK(record_survey(clerk, survey_of("C001", "1，5，1，5，1")).scores == Scores{1, 5, 1, 5, 1});
}

TEST_CASE("a survey answered before its window opens or in the future is refused") {
  CareWorld world;
  Context clerk = world.context("zhang");
  SurveyFields early = survey_of("C001", "5,5,5,5,5");
  early.at = "2026-09-30T23:59:59";
  expect_error(ErrorCode::kInvalidInput, {"opens on 2026-10-01"},
               [&] { record_survey(clerk, early); });
  SurveyFields future = survey_of("C001", "5,5,5,5,5");
  future.at = "2026-11-28T09:00:00";
  expect_error(ErrorCode::kInvalidInput, {"in the future"}, [&] { record_survey(clerk, future); });
  SurveyFields first_day = survey_of("C001", "5,5,5,5,5");
  first_day.at = "2026-10-01T00:00:00";
  CHECK(record_survey(clerk, first_day).year == 2026);
}

TEST_CASE("only the roles of permissions.surveys record a survey") {
  CareWorld world;
  Context technician = world.context("ma");
  expect_error(ErrorCode::kRuleViolation, {"survey"},
               [&] { record_survey(technician, survey_of("C001", "5,5,5,5,5")); });
  Context sales = world.context("xu");
  CHECK(record_survey(sales, survey_of("C001", "5,5,5,5,5")).recorded_by == "xu");
  Context clerk = world.context("zhang");
  expect_error(ErrorCode::kNotFound, {"C999"},
               [&] { record_survey(clerk, survey_of("C999", "5,5,5,5,5")); });
}
