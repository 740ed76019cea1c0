#include "care/care_period.h"

#include <fmt/format.h>

#include "aftersales/core/text.h"
#include "aftersales/core/validation.h"

namespace aftersales::care {

Date read_month(const std::string& text, const std::string& subject) {
  const std::string month = trim(text);
  const std::optional<Date> first = parse_date(month + "-01");
  if (!first || month.size() != 7) {
    FieldReader reader;
    reader.add("month", text,
               fmt::format("cannot read \"{}\" as a month: write YYYY-MM, like 2026-11", text));
    reader.throw_if_any(subject);
  }
  return *first;
}

Date last_day_of_month(Date first) {
  const int year = first.year() + (first.month() == 12 ? 1 : 0);
  const int month = first.month() == 12 ? 1 : first.month() + 1;
  return Date::from_ymd(year, month, 1).plus_days(-1);
}

int read_year(const std::string& text, const std::string& subject) {
  FieldReader reader;
  const auto year = reader.integer("year", trim(text), 2000, 2999);
  reader.throw_if_any(subject);
  return static_cast<int>(*year);
}

}  // namespace aftersales::care
