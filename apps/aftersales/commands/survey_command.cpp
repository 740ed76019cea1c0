// aftersales survey due|record|list: the annual satisfaction survey (顾客满意度调查表, 表9,
// JL-8.1-01). The rules live in the core (care/surveys.h); this file parses, calls and renders.
#include "aftersales/care/surveys.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/care_view.h"

namespace aftersales::cli {
namespace {

struct YearRequest {
  std::string year;
};

}  // namespace

void attach_survey(CLI::App& family, Session& session) {
  add_verb<YearRequest>(
      family, session,
      {"due",
       "customers owning a unit and not yet surveyed this year, due from the first day of "
       "[survey] quarter (1 October), overdue after its last (31 December)",
       "aftersales survey due --year 2026 --format csv -o survey-due.csv", StoreUse::kReads},
      [](CLI::App& verb, YearRequest& r) {
        verb.add_option("--year", r.year, "the survey's year (default: this year)");
      },
      [](Session& s, const YearRequest& r) {
        s.emit(survey_due_table(surveys_due(s.context(), r.year)));
      });

  add_verb<SurveyFields>(
      family, session,
      {"record",
       "record a customer's annual survey (表9): five scores 1-5 (结构性能, 外观质量, 交货日期, "
       "产品价格, 售后服务); once per customer and year",
       "aftersales survey record --customer C001 --year 2026 --scores 5,4,4,3,5 --suggestion "
       "希望增加保养培训",
       StoreUse::kWrites},
      [](CLI::App& verb, SurveyFields& r) {
        verb.add_option("--customer", r.customer, "customer code")->required();
        verb.add_option("--year", r.year, "the survey's year")->required();
        verb.add_option("--scores", r.scores, "S1,S2,S3,S4,S5, each 1-5")->required();
        verb.add_option("--suggestion", r.suggestion, "improvement suggestions (改进建议和要求)");
        verb.add_option("--at", r.at, "when the customer answered (ISO 8601; default now)");
      },
      [](Session& s, const SurveyFields& r) {
        const Survey survey = record_survey(s.context(), r);
        s.emit_created(survey.customer_code + "/" + std::to_string(survey.year));
        s.note(survey_text(survey));
      });

  add_verb<YearRequest>(
      family, session,
      {"list", "recorded surveys (表9) with their scores",
       "aftersales survey list --year 2026 --format json", StoreUse::kReads},
      [](CLI::App& verb, YearRequest& r) { verb.add_option("--year", r.year, "only this year's"); },
      [](Session& s, const YearRequest& r) {
        s.emit(survey_table(list_surveys(s.context(), r.year), s.context().rules));
      });
}

}  // namespace aftersales::cli
