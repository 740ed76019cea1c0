// Excel 1900 date system serial numbers.
#include "aftersales/io/sheets/excel_date.h"

#include <cstdint>

namespace aftersales {
namespace {

constexpr std::int64_t kFirstSerial = 1;               // 1900-01-01
constexpr std::int64_t kPhantomLeapDay = 60;           // 1900-02-29, which Excel counts
constexpr std::int64_t kLastSerial = 2'958'465;        // 9999-12-31
constexpr std::int32_t kDayBeforeSerialOne = -25'568;  // 1899-12-31, days since 1970-01-01

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<Date> excel_serial_date(std::string_view text) {
  std::size_t i = 0;
  std::int64_t serial = 0;
  while (i < text.size() && is_digit(text[i])) {
    serial = serial * 10 + (text[i] - '0');
    if (serial > kLastSerial) return std::nullopt;  // also keeps long digit runs from overflowing
    ++i;
  }
  if (i == 0) return std::nullopt;
  if (i < text.size()) {
    // The time of day: a fraction of at least one digit, ignored.
    if (text[i] != '.' || i + 1 == text.size()) return std::nullopt;
    for (++i; i < text.size(); ++i) {
      if (!is_digit(text[i])) return std::nullopt;
    }
  }
  if (serial < kFirstSerial || serial == kPhantomLeapDay) return std::nullopt;
  const std::int64_t days_after_1899_12_31 = serial < kPhantomLeapDay ? serial : serial - 1;
  return Date{static_cast<std::int32_t>(kDayBeforeSerialOne + days_after_1899_12_31)};
}

std::optional<std::int64_t> excel_serial_of(Date date) {
  const std::int64_t days_after_1899_12_31 = std::int64_t{date.days} - kDayBeforeSerialOne;
  // Serials from 60 on count the 29 February 1900 that never was.
  const std::int64_t serial =
      days_after_1899_12_31 < kPhantomLeapDay ? days_after_1899_12_31 : days_after_1899_12_31 + 1;
  if (serial < kFirstSerial || serial > kLastSerial) return std::nullopt;
  return serial;
}

}  // namespace aftersales
