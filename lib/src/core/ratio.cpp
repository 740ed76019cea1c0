// Rates as whole numbers, and as the text reports print.
#include "aftersales/core/ratio.h"

#include <fmt/format.h>

#include <cstdlib>

namespace aftersales {

std::int64_t rate_bp(std::int64_t num, std::int64_t den) {
  if (den <= 0) return 0;
  return (num * 20000 + den) / (2 * den);
}

std::string percent_text(std::int64_t bp) {
  return fmt::format("{}{}.{:02}%", bp < 0 ? "-" : "", std::abs(bp) / 100, std::abs(bp) % 100);
}

}  // namespace aftersales
