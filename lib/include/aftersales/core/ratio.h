// A rate kept as two whole numbers (KPIs, satisfaction, pass rates): what was counted over what
// it was counted of; 0/0 when nothing was counted. Verdicts compare with integers, never a float.
#pragma once

#include <cstdint>
#include <string>

namespace aftersales {

struct Ratio {
  std::int64_t num = 0;
  std::int64_t den = 0;

  friend bool operator==(const Ratio& a, const Ratio& b) {
    return a.num == b.num && a.den == b.den;
  }
};

// num/den in hundredths of a percent (basis points), rounded half up; 0 when den is 0.
std::int64_t rate_bp(std::int64_t num, std::int64_t den);

// "98.00%": hundredths of a percent as text.
std::string percent_text(std::int64_t bp);

}  // namespace aftersales
