#include "views/text.h"

#include <fmt/format.h>

namespace aftersales::cli {

std::string joined(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, ", "));
}

std::string decimal_text(std::int64_t scaled, std::int64_t scale) {
  const bool negative = scaled < 0;
  const std::int64_t magnitude = negative ? -scaled : scaled;
  std::string text = std::to_string(magnitude / scale);
  std::int64_t fraction = magnitude % scale;
  if (fraction != 0) {
    std::string digits;
    for (std::int64_t unit = scale / 10; unit > 0; unit /= 10) {
      digits += static_cast<char>('0' + fraction / unit);
      fraction %= unit;
    }
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  return negative ? "-" + text : text;
}

std::string duration_text(std::int64_t seconds) {
  const std::int64_t minutes = seconds / 60;
  const std::int64_t hours = minutes / 60;
  if (hours == 0) return fmt::format("{}m", minutes);
  if (minutes % 60 == 0) return fmt::format("{}h", hours);
  return fmt::format("{}h {}m", hours, minutes % 60);
}

Cell optional_time(const std::optional<Timestamp>& at, UtcOffset zone) {
  return at ? Cell{format_timestamp(*at, zone)} : Cell{};
}

Cell optional_flag(const std::optional<bool>& flag) { return flag ? Cell{*flag} : Cell{}; }

}  // namespace aftersales::cli
