// Calendar dates, instants and UTC offsets: the proleptic Gregorian calendar counted in days
// since 1970-01-01, instants in seconds since the epoch, and reading the date forms that
// spreadsheets and clerks use (DOMAIN.md "Money, time, text").
#include "aftersales/core/time.h"

#include <fmt/format.h>

#include "aftersales/core/text.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

namespace aftersales {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::string_view kDateForm = "write YYYY-MM-DD, like 2023-03-05";
constexpr std::string_view kTimeForm = "write YYYY-MM-DDTHH:MM[:SS][+08:00], like 2026-11-27T15:04";

// Floor division, so that instants before 1970 fall on the right day.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

struct CivilDate {
  int year = 1970;
  int month = 1;
  int day = 1;
};

// Days since 1970-01-01 of a proleptic Gregorian date: the days-from-civil algorithm of Howard
// Hinnant ("chrono-Compatible Low-Level Date Algorithms"). Years are counted from March so that
// the leap day ends the year; eras are 400-year cycles of 146097 days.
std::int64_t days_from_civil(std::int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = floor_div(year, 400);
  const std::int64_t year_of_era = year - era * 400;                            // [0, 399]
  const std::int64_t month_from_march = month > 2 ? month - 3 : month + 9;      // [0, 11]
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;  // [0, 365]
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
  return era * 146'097 + day_of_era - 719'468;  // 719468: days from 0000-03-01 to 1970-01-01
}

// The inverse of days_from_civil.
CivilDate civil_from_days(std::int64_t days) {
  days += 719'468;
  const std::int64_t era = floor_div(days, 146'097);
  const std::int64_t day_of_era = days - era * 146'097;  // [0, 146096]
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36'524 - day_of_era / 146'096) /
      365;  // [0, 399]
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // [0, 365]
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;           // [0, 11]
  CivilDate civil;
  civil.day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  civil.month =
      static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  civil.year = static_cast<int>(year_of_era + era * 400 + (civil.month <= 2 ? 1 : 0));
  return civil;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Full-width digits and marks (typed with a Chinese input method) as their ASCII counterparts;
// other text unchanged.
std::string to_ascii_forms(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\xEF' && i + 2 < text.size() && text[i + 1] == '\xBC') {
      const unsigned char last = static_cast<unsigned char>(text[i + 2]);
      // U+FF01..U+FF5E mirror ASCII 0x21..0x7E; only digits and the marks of dates and times
      // are mapped, so that other full-width text is still reported as written.
      const char ascii = static_cast<char>(last - 0x80 + 0x20);
      if ((ascii >= '0' && ascii <= '9') || ascii == '-' || ascii == '/' || ascii == '.' ||
          ascii == ':' || ascii == '+') {
        out += ascii;
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// A cursor over text being parsed.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool at_end() const { return text_.empty(); }
  std::string_view rest() const { return text_; }
  char peek() const { return text_.empty() ? '\0' : text_.front(); }

  // Consumes `literal` when the text starts with it.
  bool take(std::string_view literal) {
    if (text_.substr(0, literal.size()) != literal) return false;
    text_.remove_prefix(literal.size());
    return true;
  }

  // Consumes exactly `count` ASCII digits, whatever follows them (`+0800`); nullopt when there
  // are fewer (nothing is consumed then).
  std::optional<int> fixed_digits(std::size_t count) {
    int value = 0;
    for (std::size_t k = 0; k < count; ++k) {
      if (k >= text_.size() || text_[k] < '0' || text_[k] > '9') return std::nullopt;
      value = value * 10 + (text_[k] - '0');
    }
    text_.remove_prefix(count);
    return value;
  }

  // Consumes a run of ASCII digits; nullopt when there are fewer than `min` or more than `max`
  // (nothing is consumed then).
  std::optional<int> number(std::size_t min, std::size_t max) {
    std::size_t count = 0;
    while (count < text_.size() && text_[count] >= '0' && text_[count] <= '9') ++count;
    if (count < min || count > max) return std::nullopt;
    int value = 0;
    for (std::size_t k = 0; k < count; ++k) value = value * 10 + (text_[k] - '0');
    text_.remove_prefix(count);
    return value;
  }

 private:
  std::string_view text_;
};

template <typename T>
std::optional<T> refuse(std::string* why, std::string reason) {
  if (why != nullptr) *why = std::move(reason);
  return std::nullopt;
}

// A non-negative number with at least two digits: `05`, `23`, `123`.
std::string two_digits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

// Reads a date at the scanner in one of the forms of parse_date; leaves what follows. `why` gets
// what is wrong only: the caller adds how to write it, which depends on what it reads.
std::optional<Date> scan_date(Scanner& scanner, std::string* why) {
  const auto refuse_date = [why](std::string reason) { return refuse<Date>(why, reason); };
  if (scanner.at_end()) return refuse_date("the date is empty");
  const std::optional<int> year = scanner.number(4, 4);
  if (!year) return refuse_date("the year must have four digits");

  // `2023-3-5`, `2023/3/5` and `2023.3.5` use one separator twice; `2023年3月5日` its own marks.
  std::string_view after_month = "";
  std::string_view after_day = "";
  for (const std::string_view separator : {"-", "/", "."}) {
    if (scanner.take(separator)) {
      after_month = separator;
      break;
    }
  }
  if (after_month.empty()) {
    if (!scanner.take("年")) return refuse_date("the year must be followed by -, /, . or 年");
    after_month = "月";
    after_day = "日";
  }
  const std::optional<int> month = scanner.number(1, 2);
  if (!month) return refuse_date("the month must have one or two digits");
  if (!scanner.take(after_month)) {
    return refuse_date("the month must be followed by \"" + std::string(after_month) + "\"");
  }
  const std::optional<int> day = scanner.number(1, 2);
  if (!day) return refuse_date("the day must have one or two digits");
  if (!after_day.empty() && !scanner.take(after_day)) {
    return refuse_date("the day must be followed by 日");
  }

  if (*month < 1 || *month > 12) {
    return refuse_date("there is no month " + std::to_string(*month));
  }
  if (!is_valid_date(*year, *month, *day)) {
    return refuse_date("there is no day " + std::to_string(*day) + " in " + std::to_string(*year) +
                       "-" + two_digits(*month) + " (it has " +
                       std::to_string(days_in_month(*year, *month)) + " days)");
  }
  return Date::from_ymd(*year, *month, *day);
}

// Reads an offset at the scanner: `Z`, `+08:00`, `+0800` or `+08`; leaves what follows.
std::optional<UtcOffset> scan_utc_offset(Scanner& scanner) {
  if (scanner.take("Z") || scanner.take("z")) return UtcOffset{0};
  int sign = 0;
  if (scanner.take("+")) {
    sign = 1;
  } else if (scanner.take("-") || scanner.take("\xE2\x88\x92")) {  // also − U+2212
    sign = -1;
  } else {
    return std::nullopt;
  }
  const std::optional<int> hours = scanner.fixed_digits(2);
  if (!hours || *hours > 23) return std::nullopt;
  int minutes = 0;
  if (!scanner.at_end()) {
    scanner.take(":");  // `+08:00` and `+0800` are both ISO 8601
    const std::optional<int> read = scanner.fixed_digits(2);
    if (!read || *read > 59) return std::nullopt;
    minutes = *read;
  }
  return UtcOffset{sign * (*hours * 60 + minutes)};
}

}  // namespace

Date Date::from_ymd(int year, int month, int day) {
  return Date{static_cast<std::int32_t>(days_from_civil(year, month, day))};
}

int Date::year() const { return civil_from_days(days).year; }
int Date::month() const { return civil_from_days(days).month; }
int Date::day() const { return civil_from_days(days).day; }

bool is_valid_date(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<Date> parse_date(std::string_view text, std::string* why) {
  const std::string ascii = to_ascii_forms(trim_view(text));
  Scanner scanner(ascii);
  std::string reason;
  const std::optional<Date> date = scan_date(scanner, &reason);
  if (!date) return refuse<Date>(why, reason + "; " + std::string(kDateForm));
  if (!scanner.at_end()) {
    return refuse<Date>(why, "unexpected \"" + std::string(scanner.rest()) + "\" after the date; " +
                                 std::string(kDateForm));
  }
  return date;
}

std::string format_date(Date date) {
  const CivilDate civil = civil_from_days(date.days);
  return fmt::format("{:04}-{:02}-{:02}", civil.year, civil.month, civil.day);
}

Date warranty_end(Date start, int months) {
  const CivilDate civil = civil_from_days(start.days);
  const std::int64_t month_index = static_cast<std::int64_t>(civil.year) * 12 + (civil.month - 1) +
                                   months;  // months since year 0, January
  const int year = static_cast<int>(floor_div(month_index, 12));
  const int month = static_cast<int>(month_index - static_cast<std::int64_t>(year) * 12) + 1;
  // The anniversary; when the start's day does not exist in that month (31st, 29 February) it
  // is the first of the following month, so the warranty ends on that month's last day.
  const Date anniversary =
      is_valid_date(year, month, civil.day)
          ? Date::from_ymd(year, month, civil.day)
          : Date::from_ymd(year, month, days_in_month(year, month)).plus_days(1);
  return anniversary.plus_days(-1);
}

std::optional<UtcOffset> parse_utc_offset(std::string_view text) {
  const std::string ascii = to_ascii_forms(trim_view(text));
  Scanner scanner(ascii);
  const std::optional<UtcOffset> offset = scan_utc_offset(scanner);
  if (!offset || !scanner.at_end()) return std::nullopt;
  return offset;
}

std::string format_utc_offset(UtcOffset offset) {
  const int magnitude = offset.minutes < 0 ? -offset.minutes : offset.minutes;
  return std::string(offset.minutes < 0 ? "-" : "+") + two_digits(magnitude / 60) + ":" +
         two_digits(magnitude % 60);
}

std::optional<TimeOfDay> parse_time_of_day(std::string_view text) {
  const std::string ascii = to_ascii_forms(trim_view(text));
  Scanner scanner(ascii);
  const std::optional<int> hour = scanner.number(1, 2);
  if (!hour || !scanner.take(":")) return std::nullopt;
  const std::optional<int> minute = scanner.number(2, 2);
  if (!minute) return std::nullopt;
  int second = 0;
  if (scanner.take(":")) {
    const std::optional<int> read = scanner.number(2, 2);
    if (!read) return std::nullopt;
    second = *read;
  }
  if (!scanner.at_end() || *hour > 23 || *minute > 59 || second > 59) return std::nullopt;
  return TimeOfDay{*hour * 3600 + *minute * 60 + second};
}

std::string format_time_of_day(TimeOfDay time) {
  const int second = time.seconds % 60;
  std::string text = two_digits(time.seconds / 3600) + ":" + two_digits(time.seconds / 60 % 60);
  if (second != 0) text += ":" + two_digits(second);
  return text;
}

std::optional<Timestamp> parse_timestamp(std::string_view text, UtcOffset zone, std::string* why) {
  const auto refuse_time = [why](std::string reason) {
    return refuse<Timestamp>(why, reason + "; " + std::string(kTimeForm));
  };
  const std::string ascii = to_ascii_forms(trim_view(text));
  Scanner scanner(ascii);
  std::string date_reason;
  const std::optional<Date> date = scan_date(scanner, &date_reason);
  if (!date) return refuse_time(date_reason);
  if (scanner.at_end()) return refuse_time("the time of day is missing");
  if (!scanner.take("T") && !scanner.take("t") && !scanner.take(" ")) {
    return refuse_time("the date must be followed by T or a space and the time");
  }

  const std::optional<int> hour = scanner.number(1, 2);
  if (!hour || !scanner.take(":")) return refuse_time("the time must start with hours and a colon");
  const std::optional<int> minute = scanner.number(2, 2);
  if (!minute) return refuse_time("the minutes must have two digits");
  int second = 0;
  if (scanner.take(":")) {
    const std::optional<int> read = scanner.number(2, 2);
    if (!read) return refuse_time("the seconds must have two digits");
    second = *read;
    // Fractions of a second, which other systems may write, are dropped: instants are whole
    // seconds here.
    if (scanner.take(".") || scanner.take(",")) {
      if (!scanner.number(1, 9)) return refuse_time("a decimal mark needs digits after it");
    }
  }
  if (*hour > 23 || *minute > 59 || second > 59) {
    return refuse_time("there is no time " + two_digits(*hour) + ":" + two_digits(*minute) + ":" +
                       two_digits(second));
  }

  UtcOffset offset = zone;
  if (!scanner.at_end()) {
    scanner.take(" ");  // `2026-11-27 15:04 +08:00`
    const std::string_view offset_text = scanner.rest();
    const std::optional<UtcOffset> read = scan_utc_offset(scanner);
    if (!read || !scanner.at_end()) {
      return refuse_time("unexpected \"" + std::string(offset_text) +
                         "\" after the time (an offset is Z, +08:00 or +0800)");
    }
    offset = *read;
  }
  const std::int64_t local_seconds =
      static_cast<std::int64_t>(date->days) * kSecondsPerDay + *hour * 3600 + *minute * 60 + second;
  return Timestamp{local_seconds - static_cast<std::int64_t>(offset.minutes) * 60};
}

namespace {

// Appends a non-negative `value` with at least `width` digits, as %0*d prints it.
void append_digits(std::string& out, int value, int width) {
  char digits[12];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = count; i < width; ++i) out += '0';
  while (count > 0) out += digits[--count];
}

}  // namespace

void append_timestamp(std::string& out, Timestamp at, UtcOffset zone) {
  const std::int64_t local_seconds = at.seconds + static_cast<std::int64_t>(zone.minutes) * 60;
  const std::int64_t days = floor_div(local_seconds, kSecondsPerDay);
  const int second_of_day = static_cast<int>(local_seconds - days * kSecondsPerDay);
  const CivilDate civil = civil_from_days(days);
  if (civil.year >= 0) {
    append_digits(out, civil.year, 4);
    out += '-';
    append_digits(out, civil.month, 2);
    out += '-';
    append_digits(out, civil.day, 2);
  } else {
    out += format_date(Date{static_cast<std::int32_t>(days)});
  }
  out += 'T';
  append_digits(out, second_of_day / 3600, 2);
  out += ':';
  append_digits(out, second_of_day / 60 % 60, 2);
  out += ':';
  append_digits(out, second_of_day % 60, 2);
  const int magnitude = zone.minutes < 0 ? -zone.minutes : zone.minutes;
  out += zone.minutes < 0 ? '-' : '+';
  append_digits(out, magnitude / 60, 2);
  out += ':';
  append_digits(out, magnitude % 60, 2);
}

std::string format_timestamp(Timestamp at, UtcOffset zone) {
  std::string text;
  text.reserve(25);
  append_timestamp(text, at, zone);
  return text;
}

Date local_date(Timestamp at, UtcOffset zone) {
  const std::int64_t local_seconds = at.seconds + static_cast<std::int64_t>(zone.minutes) * 60;
  return Date{static_cast<std::int32_t>(floor_div(local_seconds, kSecondsPerDay))};
}

Timestamp start_of_day(Date date, UtcOffset zone) {
  return Timestamp{static_cast<std::int64_t>(date.days) * kSecondsPerDay -
                   static_cast<std::int64_t>(zone.minutes) * 60};
}

Timestamp end_of_day(Date date, UtcOffset zone) {
  return Timestamp{start_of_day(date, zone).seconds + kSecondsPerDay - 1};
}

std::optional<Timestamp> parse_today(std::string_view text, UtcOffset zone, std::string* why) {
  // A text that is a date and nothing more is the end of that day; a date followed by more is
  // read as an instant, so that its errors speak of times.
  const std::string ascii = to_ascii_forms(trim_view(text));
  Scanner scanner(ascii);
  std::string date_reason;
  const std::optional<Date> date = scan_date(scanner, &date_reason);
  if (!date) {
    return refuse<Timestamp>(why, date_reason +
                                      "; write a date like 2026-11-27 or a time like "
                                      "2026-11-27T15:04:05+08:00");
  }
  if (scanner.at_end()) return end_of_day(*date, zone);
  return parse_timestamp(text, zone, why);
}

Timestamp SystemClock::now() const {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Timestamp{std::chrono::floor<std::chrono::seconds>(since_epoch).count()};
}

}  // namespace aftersales
