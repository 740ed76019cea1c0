// Dates as .xlsx files store them: a number of days in Excel's 1900 date system, which the
// reader hands over as written (e.g. "45000"). The importer turns them into dates here.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "aftersales/core/time.h"

namespace aftersales {

// The date of an Excel serial number in the 1900 date system: serial 1 is 1900-01-01, serial
// 59 is 1900-02-28, serial 61 is 1900-03-01 (Excel counts a 29 February 1900 that never
// existed, serial 60, and shifts every later serial by one day: 25569 is 1970-01-01, 45000 is
// 2023-03-15), serial 2958465 is 9999-12-31. Accepts the digits of an integer serial, or one
// with a fraction ("45000.75": the time of day is ignored). Returns nullopt for anything else:
// signs, exponents, spaces, serials outside 1..2958465, and serial 60 (no such day).
std::optional<Date> excel_serial_date(std::string_view text);

// The other way (for readers of formats that hand over dates as text, like .xls through
// libfreexl): the Excel 1900 serial of `date`, 1900-01-01 -> 1, 2023-03-15 -> 45000. Returns
// nullopt for dates before 1900-01-01 or after 9999-12-31, which have none.
std::optional<std::int64_t> excel_serial_of(Date date);

}  // namespace aftersales
