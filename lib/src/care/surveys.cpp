// The annual satisfaction survey (顾客满意度调查表, 表9, JL-8.1-01): 每年第四季度 every customer
// with a product rates the five dimensions of 表2.
#include "aftersales/care/surveys.h"

#include <fmt/format.h>

#include <set>

#include "aftersales/care/care_rules.h"
#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/customers/customers.h"
#include "aftersales/identity/identity.h"
#include "aftersales/store/store.h"
#include "audit/audit_json.h"
#include "care/care_period.h"

namespace aftersales {
namespace {

AuditJson survey_json(const Survey& survey) {
  AuditJson json{{"customer", survey.customer_code}, {"year", survey.year}};
  for (int k = 0; k < kScoreDimensions; ++k) json[score_dimension_name(k)] = survey.scores[k];
  json["suggestion"] = survey.suggestion;
  json["surveyed_at"] = survey.surveyed_at.seconds;
  return json;
}

// The customers that own a unit shipped on or before `by`.
std::set<std::string> customers_with_units(Context& ctx, Date by) {
  std::set<std::string> codes;
  for (const Unit& unit : ctx.store.archive().list_units(UnitFilter{})) {
    if (unit.shipped_on <= by) codes.insert(unit.customer_code);
  }
  return codes;
}

}  // namespace

Survey record_survey(Context& ctx, const SurveyFields& fields) {
  require_role(ctx, ctx.rules.permissions.surveys, "recording a satisfaction survey (表9)");
  const UtcOffset zone = ctx.rules.general.utc_offset;
  FieldReader reader;
  const std::string customer = reader.text("customer", fields.customer, true);
  const auto year = reader.integer("year", trim(fields.year), 2000, 2999);
  const std::optional<Scores> scores = read_scores(reader, "scores", fields.scores);
  const std::string suggestion = reader.text("suggestion", fields.suggestion);
  Timestamp at = ctx.now();
  if (!trim(fields.at).empty()) {
    if (auto given = reader.time("at", fields.at, zone)) at = *given;
  }
  if (reader.ok()) {
    const Date day = local_date(at, zone);
    const Date opens = survey_window_opens(ctx.rules, static_cast<int>(*year));
    if (day < opens) {
      reader.add("at", trim(fields.at).empty() ? format_timestamp(at, zone) : fields.at,
                 fmt::format("the survey of {} opens on {} ([survey] quarter = {}); record it "
                             "from then on",
                             *year, format_date(opens), ctx.rules.survey.quarter));
    } else if (at > ctx.now()) {
      reader.add("at", fields.at,
                 fmt::format("is in the future (now is {})", format_timestamp(ctx.now(), zone)));
    }
  }
  reader.throw_if_any("survey");
  Survey survey;
  ctx.store.write([&] {
    const Customer owner = get_customer(ctx, customer);
    if (auto done = ctx.store.care().find_survey(owner.code, static_cast<int>(*year))) {
      throw Error(ErrorCode::kConflict,
                  fmt::format("customer {} was surveyed for {} already on {} (表9: once a year)",
                              owner.code, *year, format_date(local_date(done->surveyed_at, zone))),
                  "`aftersales survey list --year " + std::to_string(*year) + "` shows it");
    }
    survey.customer_code = owner.code;
    survey.customer_name = owner.name;
    survey.year = static_cast<int>(*year);
    survey.scores = *scores;
    survey.suggestion = suggestion;
    survey.surveyed_at = at;
    survey.recorded_by = ctx.actor.user;
    ctx.store.care().insert_survey(survey);
    record_addition(ctx, "survey", fmt::format("{}/{}", survey.customer_code, survey.year),
                    survey_json(survey));
  });
  return survey;
}

std::vector<SurveyDue> surveys_due(Context& ctx, const std::string& year_text) {
  const Date today = ctx.today();
  const int year =
      trim(year_text).empty() ? today.year() : care::read_year(year_text, "survey due");
  std::vector<SurveyDue> due;
  if (!survey_due(ctx.rules, year, today)) return due;
  const Date opens = survey_window_opens(ctx.rules, year);
  const Date closes = survey_window_closes(ctx.rules, year);
  const std::set<std::string> owners = customers_with_units(ctx, closes);
  std::set<std::string> surveyed;
  for (const Survey& survey : ctx.store.care().list_surveys(year)) {
    surveyed.insert(survey.customer_code);
  }
  for (const Customer& customer : ctx.store.archive().list_customers()) {
    if (owners.count(customer.code) == 0 || surveyed.count(customer.code) != 0) continue;
    SurveyDue item;
    item.customer = customer;
    item.year = year;
    item.opens = opens;
    item.closes = closes;
    item.overdue = survey_overdue(ctx.rules, year, today);
    item.days_late = item.overdue ? today.days - closes.days : 0;
    due.push_back(std::move(item));
  }
  return due;
}

std::vector<Survey> list_surveys(Context& ctx, const std::string& year) {
  std::optional<int> only;
  if (!trim(year).empty()) only = care::read_year(year, "survey list");
  return ctx.store.care().list_surveys(only);
}

}  // namespace aftersales
