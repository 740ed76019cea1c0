// The annual customer satisfaction survey (顾客满意度调查表, 表9, form JL-8.1-01; the seed:
// 公司每年第四季度应对客户进行满意度调查, 填写《顾客满意度调查表》(见表9)): every customer
// is surveyed once a year in [survey] quarter (第四季度), on the five dimensions of 表2 with
// scores 1-5 and their suggestions. Who is surveyed: every customer owning at least one unit
// shipped by the quarter's last day (a customer with no product has nothing to rate; our
// decision). Recording needs [permissions] surveys.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/core/time.h"
#include "aftersales/core/validation.h"
#include "aftersales/customers/customer.h"
#include "aftersales/visits/scores.h"

namespace aftersales {

struct Survey {
  std::int64_t id = 0;
  std::string customer_code;
  std::string customer_name;
  int year = 0;
  Scores scores{};         // 1-5 each, in score_dimension_name's order
  std::string suggestion;  // 改进建议和要求
  Timestamp surveyed_at;   // business time
  std::string recorded_by;
};

// What `survey record` is given, as text.
struct SurveyFields {
  std::string customer;
  std::string year;
  std::string scores;      // "S1,S2,S3,S4,S5"
  std::string suggestion;  // optional
  std::string at;          // optional ISO 8601 time; empty: now
};

// Records the survey of a customer for a year: the time is not before the year's window opens
// nor in the future (a survey recorded after the quarter is kept, late). Needs [permissions]
// surveys. Error(kInvalidInput) for bad values (nothing written), Error(kNotFound) for an unknown
// customer, Error(kConflict) when the customer was surveyed for that year already,
// Error(kRuleViolation) for a role that may not record it.
Survey record_survey(Context& ctx, const SurveyFields& fields);

// A customer whose survey of a year is due and not recorded.
struct SurveyDue {
  Customer customer;
  int year = 0;
  Date opens;            // the quarter's first day
  Date closes;           // its last day
  bool overdue = false;  // today is after `closes`
  std::int64_t days_late = 0;
};

// The customers due for the survey of `year` (empty: today's year) as of today, by code;
// nothing before the window opens. Error(kInvalidInput) for a bad year.
std::vector<SurveyDue> surveys_due(Context& ctx, const std::string& year);

// The recorded surveys, by year and customer; with `year` only that year's.
std::vector<Survey> list_surveys(Context& ctx, const std::string& year);

}  // namespace aftersales
