// Calendar dates, instants, the configured UTC offset and an injectable clock.
// Dates are local calendar dates of the configured zone (default Asia/Shanghai, UTC+8, no
// daylight saving); instants are printed as ISO 8601 with that offset.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aftersales {

// A calendar date, counted in days since 1970-01-01.
struct Date {
  std::int32_t days = 0;

  static Date from_ymd(int year, int month, int day);  // no validation: use parse_date
  int year() const;
  int month() const;
  int day() const;
  Date plus_days(int n) const { return Date{days + n}; }

  friend bool operator==(Date a, Date b) { return a.days == b.days; }
  friend bool operator!=(Date a, Date b) { return a.days != b.days; }
  friend bool operator<(Date a, Date b) { return a.days < b.days; }
  friend bool operator<=(Date a, Date b) { return a.days <= b.days; }
  friend bool operator>(Date a, Date b) { return a.days > b.days; }
  friend bool operator>=(Date a, Date b) { return a.days >= b.days; }
};

// Whether year-month-day names a real day of the proleptic Gregorian calendar.
bool is_valid_date(int year, int month, int day);

// Parses `2023-03-05`, `2023/3/5`, `2023-3-5`, `2023.3.5` and `2023年3月5日`. Returns nullopt and
// sets `why` for anything else, including days that do not exist (2023-02-29, 2023-13-01).
std::optional<Date> parse_date(std::string_view text, std::string* why = nullptr);

// `YYYY-MM-DD`.
std::string format_date(Date date);

// The day that ends a warranty of `months` starting on `start`, inclusive: the day before the
// same day `months` later; when that day does not exist (31st, 29 February) the anniversary is
// the first of the following month. 2025-03-01 + 12 months -> 2026-02-28 (DOMAIN.md).
Date warranty_end(Date start, int months);

// Minutes east of UTC (+480 for Asia/Shanghai).
struct UtcOffset {
  int minutes = 480;
};

// Parses `+08:00`, `+0800`, `-05:30`, `Z`. Returns nullopt when malformed.
std::optional<UtcOffset> parse_utc_offset(std::string_view text);
std::string format_utc_offset(UtcOffset offset);  // `+08:00`

// A local time of day, in seconds after midnight (0 to 86399).
struct TimeOfDay {
  int seconds = 0;
};

// Parses `09:00` or `09:00:30` (24-hour clock). Returns nullopt when malformed.
std::optional<TimeOfDay> parse_time_of_day(std::string_view text);
std::string format_time_of_day(TimeOfDay time);  // `09:00`, or `09:00:30` with seconds

// An instant, in seconds since 1970-01-01T00:00:00Z.
struct Timestamp {
  std::int64_t seconds = 0;

  friend bool operator==(Timestamp a, Timestamp b) { return a.seconds == b.seconds; }
  friend bool operator!=(Timestamp a, Timestamp b) { return a.seconds != b.seconds; }
  friend bool operator<(Timestamp a, Timestamp b) { return a.seconds < b.seconds; }
  friend bool operator<=(Timestamp a, Timestamp b) { return a.seconds <= b.seconds; }
  friend bool operator>(Timestamp a, Timestamp b) { return a.seconds > b.seconds; }
  friend bool operator>=(Timestamp a, Timestamp b) { return a.seconds >= b.seconds; }
};

// Parses ISO 8601 `2026-11-27T15:04`, `2026-11-27T15:04:05`, with `T` or a space, optionally
// followed by `Z` or an offset; a time without an offset is local (`zone`). Returns nullopt and
// sets `why` when malformed.
std::optional<Timestamp> parse_timestamp(std::string_view text, UtcOffset zone,
                                         std::string* why = nullptr);

// `2026-11-27T15:04:05+08:00`.
std::string format_timestamp(Timestamp at, UtcOffset zone);
// The same text appended to `out`, for the row paths that format millions of instants into
// buffers they reuse.
void append_timestamp(std::string& out, Timestamp at, UtcOffset zone);

// The local calendar date of an instant.
Date local_date(Timestamp at, UtcOffset zone);

// 00:00:00 and 23:59:59 local of a date.
Timestamp start_of_day(Date date, UtcOffset zone);
Timestamp end_of_day(Date date, UtcOffset zone);

// Parses the `--today` value of CLI.md: a DATE means the end of that day (23:59:59 local), an
// ISO 8601 TIME means exactly that instant.
std::optional<Timestamp> parse_today(std::string_view text, UtcOffset zone,
                                     std::string* why = nullptr);

// Where "now" comes from. The system clock in production; a fixed one in tests and in nightly
// runs with --today.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(Timestamp at) : at_(at) {}
  Timestamp now() const override { return at_; }
  void set(Timestamp at) { at_ = at; }

 private:
  Timestamp at_;
};

}  // namespace aftersales
