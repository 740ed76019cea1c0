// Where a cell is: Excel's limits, and the row numbers of <row r="7">. Column letters are read by
// column_of() (xlsx_reader.h), which the tests reach.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace aftersales::xlsx {

constexpr int kMaxColumns = 16'384;           // A..XFD
constexpr std::int64_t kMaxRows = 1'048'576;  // Excel's last row

// A row number ("7"), or nullopt when not 1..1048576.
std::optional<std::int64_t> row_number_of(std::string_view text);

}  // namespace aftersales::xlsx
