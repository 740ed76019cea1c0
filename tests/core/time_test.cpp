// Calendar dates, warranty ends, instants and offsets (DOMAIN.md "Money, time, text").
#include "aftersales/core/time.h"

#include <string>

#include <doctest/doctest.h>

namespace aftersales {
namespace {

constexpr UtcOffset kShanghai{480};

// `YYYY-MM-DD` of `text` read as a date, or `refused: <why>`.
std::string read_date(std::string_view text) {
  std::string why;
  const std::optional<Date> date = parse_date(text, &why);
  return date ? format_date(*date) : "refused: " + why;
}

Date ymd(int year, int month, int day) { return Date::from_ymd(year, month, day); }

// The minutes of `text` read as an offset, or kRefused.
constexpr int kRefused = -99'999;
int offset_minutes(std::string_view text) {
  const std::optional<UtcOffset> offset = parse_utc_offset(text);
  return offset ? offset->minutes : kRefused;
}

std::string end_of_warranty(int year, int month, int day, int months) {
  return format_date(warranty_end(ymd(year, month, day), months));
}

// The instant of `text` printed in Shanghai time, or `refused: <why>`.
std::string read_time(std::string_view text, UtcOffset zone = kShanghai) {
  std::string why;
  const std::optional<Timestamp> at = parse_timestamp(text, zone, &why);
  return at ? format_timestamp(*at, kShanghai) : "refused: " + why;
}

}  // namespace

TEST_CASE("the epoch is day zero and its neighbours are one day away") {
  CHECK(ymd(1970, 1, 1).days == 0);
  CHECK(ymd(1970, 1, 2).days == 1);
  CHECK(ymd(1969, 12, 31).days == -1);
  CHECK(ymd(2000, 3, 1).days == 11017);
  CHECK(ymd(2026, 11, 27).days == 20784);
}

TEST_CASE("dates round-trip through year, month and day over twenty thousand years") {
  // Every day from 8000 BC to AD 12000 is one more than the day before, and reads back as the
  // year, month and day it was made from.
  Date previous = ymd(-8000, 1, 1).plus_days(-1);
  for (int year = -8000; year <= 12000; ++year) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= 31 && is_valid_date(year, month, day); ++day) {
        const Date date = ymd(year, month, day);
        if (date.days != previous.days + 1 || date.year() != year || date.month() != month ||
            date.day() != day) {
          FAIL("day ", year, "-", month, "-", day, " is ", date.days, " after ", previous.days);
        }
        previous = date;
      }
    }
  }
  CHECK(previous == ymd(12000, 12, 31));
}

TEST_CASE("leap years follow the Gregorian rule") {
  CHECK(is_valid_date(2024, 2, 29));
  CHECK(is_valid_date(2000, 2, 29));
  CHECK_FALSE(is_valid_date(2023, 2, 29));
  CHECK_FALSE(is_valid_date(1900, 2, 29));
  CHECK_FALSE(is_valid_date(2023, 4, 31));
  CHECK(is_valid_date(2023, 12, 31));
  CHECK_FALSE(is_valid_date(2023, 13, 1));
  CHECK_FALSE(is_valid_date(2023, 0, 1));
  CHECK_FALSE(is_valid_date(2023, 1, 0));
}

TEST_CASE("dates read in the forms spreadsheets and clerks write") {
  CHECK(read_date("2023-03-05") == "2023-03-05");
  CHECK(read_date("2023-3-5") == "2023-03-05");
  CHECK(read_date("2023/3/5") == "2023-03-05");
  CHECK(read_date("2023/03/05") == "2023-03-05");
  CHECK(read_date("2023.3.5") == "2023-03-05");
  CHECK(read_date("2023年3月5日") == "2023-03-05");
  CHECK(read_date("２０２３年３月５日") == "2023-03-05");
  CHECK(read_date("２０２３－０３－０５") == "2023-03-05");
  CHECK(read_date("  2023-03-05 ") == "2023-03-05");
}

TEST_CASE("the 29th of February reads only in a leap year") {
  CHECK(read_date("2024-02-29") == "2024-02-29");
  CHECK(read_date("2023-02-29") ==
        "refused: there is no day 29 in 2023-02 (it has 28 days); write YYYY-MM-DD, like "
        "2023-03-05");
}

TEST_CASE("a thirteenth month is refused") {
  CHECK(read_date("2023-13-01") ==
        "refused: there is no month 13; write YYYY-MM-DD, like 2023-03-05");
  CHECK(read_date("2023-00-01").find("refused: there is no month 0") == 0);
  CHECK(read_date("2023-01-00").find("refused: there is no day 0") == 0);
}

TEST_CASE("a date with trailing text is refused") {
  CHECK(read_date("2023-03-05x") ==
        "refused: unexpected \"x\" after the date; write YYYY-MM-DD, like 2023-03-05");
  CHECK(read_date("2023-03-05 12:00").find("refused: unexpected") == 0);
  CHECK(read_date("2023年3月5日号").find("refused:") == 0);
}

TEST_CASE("malformed dates are refused") {
  CHECK(read_date("").find("refused: the date is empty") == 0);
  CHECK(read_date("23-03-05").find("refused: the year must have four digits") == 0);
  CHECK(read_date("2023-03/05").find("refused:") == 0);  // mixed separators
  CHECK(read_date("2023-003-05").find("refused:") == 0);
  CHECK(read_date("2023-03-005").find("refused:") == 0);
  CHECK(read_date("2023年3月5").find("refused:") == 0);
  CHECK(read_date("2023年3-5").find("refused:") == 0);
  CHECK(read_date("March 5, 2023").find("refused:") == 0);
  CHECK(read_date("45000").find("refused:") == 0);
}

TEST_CASE("a refused date can be read without asking why") {
  CHECK_FALSE(parse_date("2023-02-29").has_value());
}

TEST_CASE("a twelve-month warranty from the first of March ends on the last of February") {
  CHECK(end_of_warranty(2025, 3, 1, 12) == "2026-02-28");
  CHECK(end_of_warranty(2023, 3, 1, 12) == "2024-02-29");
}

TEST_CASE("a warranty whose anniversary does not exist ends on the last day of the month") {
  CHECK(end_of_warranty(2024, 1, 31, 1) == "2024-02-29");
  CHECK(end_of_warranty(2023, 1, 31, 1) == "2023-02-28");
  CHECK(end_of_warranty(2024, 2, 29, 12) == "2025-02-28");
  CHECK(end_of_warranty(2024, 2, 29, 48) == "2028-02-28");
  CHECK(end_of_warranty(2023, 3, 31, 1) == "2023-04-30");
}

TEST_CASE("a warranty ends the day before its anniversary") {
  CHECK(end_of_warranty(2023, 3, 5, 12) == "2024-03-04");
  CHECK(end_of_warranty(2023, 3, 5, 24) == "2025-03-04");
  CHECK(end_of_warranty(2023, 12, 15, 1) == "2024-01-14");
  CHECK(end_of_warranty(2023, 1, 1, 12) == "2023-12-31");
  CHECK(end_of_warranty(2023, 3, 5, 0) == "2023-03-04");
}

TEST_CASE("utc offsets read in the ISO 8601 forms") {
  CHECK(offset_minutes("+08:00") == 480);
  CHECK(offset_minutes("+0800") == 480);
  CHECK(offset_minutes("+08") == 480);
  CHECK(offset_minutes("-05:30") == -330);
  CHECK(offset_minutes("Z") == 0);
  CHECK(offset_minutes("") == kRefused);
  CHECK(offset_minutes("08:00") == kRefused);
  CHECK(offset_minutes("+8:00") == kRefused);
  CHECK(offset_minutes("+08:60") == kRefused);
  CHECK(offset_minutes("+24:00") == kRefused);
  CHECK(offset_minutes("+08:00x") == kRefused);
  CHECK(offset_minutes("+08:0") == kRefused);
  CHECK(offset_minutes("+08000") == kRefused);
}

TEST_CASE("utc offsets print as sign, hours and minutes") {
  CHECK(format_utc_offset(UtcOffset{480}) == "+08:00");
  CHECK(format_utc_offset(UtcOffset{0}) == "+00:00");
  CHECK(format_utc_offset(UtcOffset{-330}) == "-05:30");
  CHECK(format_utc_offset(UtcOffset{345}) == "+05:45");
}

TEST_CASE("a time without an offset is local to the configured zone") {
  CHECK(read_time("2026-11-27T15:04:05") == "2026-11-27T15:04:05+08:00");
  CHECK(parse_timestamp("2026-11-27T00:00:00", UtcOffset{0}).value().seconds == 20784LL * 86400);
  CHECK(parse_timestamp("2026-11-27T08:00:00", kShanghai).value().seconds == 20784LL * 86400);
}

TEST_CASE("a time with an offset or Z is that instant whatever the zone") {
  CHECK(read_time("2026-11-27T07:04:05Z") == "2026-11-27T15:04:05+08:00");
  CHECK(read_time("2026-11-27T02:04:05-05:00") == "2026-11-27T15:04:05+08:00");
  CHECK(read_time("2026-11-27T15:04:05+0800", UtcOffset{-300}) == "2026-11-27T15:04:05+08:00");
  CHECK(read_time("2026-11-27 15:04 +08:00", UtcOffset{0}) == "2026-11-27T15:04:00+08:00");
}

TEST_CASE("a time may use a space for T and leave out the seconds") {
  CHECK(read_time("2026-11-27 15:04:05") == "2026-11-27T15:04:05+08:00");
  CHECK(read_time("2026-11-27T15:04") == "2026-11-27T15:04:00+08:00");
  CHECK(read_time("2026-11-27 9:30") == "2026-11-27T09:30:00+08:00");
  CHECK(read_time("2026/11/27 15:04") == "2026-11-27T15:04:00+08:00");
  CHECK(read_time("2026-11-27T15:04:05.750Z") == "2026-11-27T23:04:05+08:00");
}

TEST_CASE("malformed times are refused") {
  CHECK(read_time("2026-11-27").find("refused: the time of day is missing") == 0);
  CHECK(read_time("2026-11-27T").find("refused:") == 0);
  CHECK(read_time("2026-11-27T15").find("refused:") == 0);
  CHECK(read_time("2026-11-27T15:4").find("refused:") == 0);
  CHECK(read_time("2026-11-27T24:00").find("refused: there is no time 24:00:00") == 0);
  CHECK(read_time("2026-11-27T15:60").find("refused:") == 0);
  CHECK(read_time("2026-11-27T15:04:61").find("refused:") == 0);
  CHECK(read_time("2026-11-27T15:04:05+8").find("refused:") == 0);
  CHECK(read_time("2026-11-27T15:04:05 PM").find("refused: unexpected \"PM\"") == 0);
  CHECK(read_time("2026-02-30T15:04").find("refused: there is no day 30") == 0);
  CHECK(read_time("2026-11-27X15:04").find("refused:") == 0);
  CHECK(read_time("15:04").find("refused:") == 0);
}

TEST_CASE("instants print in ISO 8601 with the zone's offset") {
  const Timestamp at = parse_timestamp("2026-11-27T07:04:05Z", kShanghai).value();
  CHECK(format_timestamp(at, kShanghai) == "2026-11-27T15:04:05+08:00");
  CHECK(format_timestamp(at, UtcOffset{0}) == "2026-11-27T07:04:05+00:00");
  CHECK(format_timestamp(at, UtcOffset{-300}) == "2026-11-27T02:04:05-05:00");
  CHECK(format_timestamp(Timestamp{0}, kShanghai) == "1970-01-01T08:00:00+08:00");
  std::string text = "at ";
  append_timestamp(text, at, UtcOffset{-570});
  CHECK(text == "at 2026-11-26T21:34:05-09:30");
  CHECK(format_timestamp(Timestamp{-1}, UtcOffset{0}) == "1969-12-31T23:59:59+00:00");
}

TEST_CASE("the local date of an instant turns at local midnight, not at UTC midnight") {
  // 16:00Z is midnight in Shanghai.
  const Timestamp before = parse_timestamp("2026-11-27T15:59:59Z", kShanghai).value();
  const Timestamp after = parse_timestamp("2026-11-27T16:00:00Z", kShanghai).value();
  CHECK(format_date(local_date(before, kShanghai)) == "2026-11-27");
  CHECK(format_date(local_date(after, kShanghai)) == "2026-11-28");
  CHECK(format_date(local_date(after, UtcOffset{0})) == "2026-11-27");
  CHECK(format_date(local_date(Timestamp{-1}, UtcOffset{0})) == "1969-12-31");
}

TEST_CASE("a day starts at 00:00:00 and ends at 23:59:59 local") {
  const Date day = ymd(2026, 11, 27);
  CHECK(format_timestamp(start_of_day(day, kShanghai), kShanghai) == "2026-11-27T00:00:00+08:00");
  CHECK(format_timestamp(end_of_day(day, kShanghai), kShanghai) == "2026-11-27T23:59:59+08:00");
  CHECK(format_timestamp(start_of_day(day, kShanghai), UtcOffset{0}) ==
        "2026-11-26T16:00:00+00:00");
  CHECK(end_of_day(day, kShanghai).seconds - start_of_day(day, kShanghai).seconds == 86399);
  CHECK(local_date(start_of_day(day, kShanghai), kShanghai) == day);
  CHECK(local_date(end_of_day(day, kShanghai), kShanghai) == day);
}

TEST_CASE("today given as a date means the end of that day") {
  const std::optional<Timestamp> today = parse_today("2026-11-27", kShanghai);
  REQUIRE(today.has_value());
  CHECK(*today == end_of_day(ymd(2026, 11, 27), kShanghai));
  CHECK(format_timestamp(*today, kShanghai) == "2026-11-27T23:59:59+08:00");
  CHECK(parse_today("2026/11/27", kShanghai) == today);
}

TEST_CASE("today given as a time means exactly that instant") {
  CHECK(parse_today("2026-11-27T09:15:00+08:00", kShanghai) ==
        parse_timestamp("2026-11-27T09:15:00+08:00", kShanghai));
  CHECK(format_timestamp(parse_today("2026-11-27T09:15", kShanghai).value(), kShanghai) ==
        "2026-11-27T09:15:00+08:00");
}

TEST_CASE("a malformed today is refused with the reason") {
  std::string why;
  CHECK_FALSE(parse_today("2026-13-27", kShanghai, &why).has_value());
  CHECK(why.find("there is no month 13") == 0);
  CHECK(why.find("; write a date like 2026-11-27 or a time like") != std::string::npos);
  CHECK_FALSE(parse_today("2026-11-27T25:00", kShanghai, &why).has_value());
  CHECK(why.find("there is no time 25:00:00") == 0);
  CHECK_FALSE(parse_today("tomorrow", kShanghai, &why).has_value());
  CHECK_FALSE(why.empty());
  CHECK_FALSE(parse_today("", kShanghai).has_value());
}

TEST_CASE("a fixed clock tells the time it was set to") {
  FixedClock clock(Timestamp{1'800'000'000});
  const Clock& as_clock = clock;
  CHECK(as_clock.now() == Timestamp{1'800'000'000});
  clock.set(Timestamp{42});
  CHECK(as_clock.now() == Timestamp{42});
}

TEST_CASE("the system clock tells a time after this code was written") {
  CHECK(SystemClock().now() > parse_timestamp("2024-01-01T00:00:00Z", kShanghai).value());
}

}  // namespace aftersales
