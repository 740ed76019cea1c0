// Small pieces of text the views share: lists, fixed-point numbers, durations, optional times.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/time.h"
#include "aftersales/io/table.h"

namespace aftersales::cli {

// `a, b, c`; empty for no items.
std::string joined(const std::vector<std::string>& items);

// A fixed-point number as decimal text without trailing zeros: (1500, 1000) -> "1.5".
// `scale` is a power of ten.
std::string decimal_text(std::int64_t scaled, std::int64_t scale);

// `24h`, `3h 20m`, `0m`.
std::string duration_text(std::int64_t seconds);

// A time in the configured zone (ISO 8601 with offset), or an empty cell.
Cell optional_time(const std::optional<Timestamp>& at, UtcOffset zone);

// A yes/no, or an empty cell when not known yet.
Cell optional_flag(const std::optional<bool>& flag);

}  // namespace aftersales::cli
