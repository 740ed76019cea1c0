// Periods of customer care read from text (private to lib/src/care).
#pragma once

#include <string>

#include "aftersales/core/time.h"

namespace aftersales::care {

// The first day of a month written YYYY-MM; Error(kInvalidInput) naming `subject` otherwise.
Date read_month(const std::string& text, const std::string& subject);
// The last day of the month that starts on `first`.
Date last_day_of_month(Date first);
// A year written YYYY (2000-2999); Error(kInvalidInput) naming `subject` otherwise.
int read_year(const std::string& text, const std::string& subject);

}  // namespace aftersales::care
