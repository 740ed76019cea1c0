// Calendar arithmetic for the generator: proleptic Gregorian days counted from 1970-01-01
// (Hinnant's days_from_civil), ISO 8601 text and Excel serial numbers. Local time only: every
// instant the generator writes is in Asia/Shanghai (UTC+8, no daylight saving).
#pragma once

#include <cstdint>
#include <string>

namespace aftersales::bench {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Days from 1970-01-01 to the date (negative before it).
constexpr std::int64_t days_from_civil(int year, int month, int day) {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

// The date `days` days after 1970-01-01.
constexpr CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int doe = static_cast<int>(days - era * 146097);
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int day = doy - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  const int year = static_cast<int>(yoe + era * 400) + (month <= 2 ? 1 : 0);
  return CivilDate{year, month, day};
}

// Excel's serial number of a day (1900 date system): 1970-01-01 is 25569. Right for every date
// after 1900-02-28, which is all the generator writes.
constexpr double excel_serial(std::int64_t days, int seconds_of_day = 0) {
  return static_cast<double>(days + 25569) + seconds_of_day / 86400.0;
}

// Appends `value` as decimal digits, zero-padded to at least `width`; value >= 0.
inline void append_digits(std::string& out, std::uint64_t value, int width) {
  char digits[24];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (int i = count; i < width; ++i) out += '0';
  while (count > 0) out += digits[--count];
}

// Appends YYYY-MM-DD.
inline void append_date(std::string& out, std::int64_t days) {
  const CivilDate date = civil_from_days(days);
  append_digits(out, static_cast<std::uint64_t>(date.year), 4);
  out += '-';
  append_digits(out, static_cast<std::uint64_t>(date.month), 2);
  out += '-';
  append_digits(out, static_cast<std::uint64_t>(date.day), 2);
}

// Appends YYYY-MM-DDTHH:MM:SS+08:00, the local time `seconds_of_day` after midnight of `days`.
inline void append_local_time(std::string& out, std::int64_t days, int seconds_of_day) {
  append_date(out, days);
  out += 'T';
  append_digits(out, static_cast<std::uint64_t>(seconds_of_day / 3600), 2);
  out += ':';
  append_digits(out, static_cast<std::uint64_t>(seconds_of_day / 60 % 60), 2);
  out += ':';
  append_digits(out, static_cast<std::uint64_t>(seconds_of_day % 60), 2);
  out += "+08:00";
}

}  // namespace aftersales::bench
