// Cell references: "C7" is column 2 (0-based) of row 7.
#include "io/sheets/cell_reference.h"

#include "io/sheets/xlsx_reader.h"

namespace aftersales::xlsx {

std::optional<int> column_of(std::string_view reference) {
  std::size_t i = 0;
  int column = 0;
  while (i < reference.size()) {
    char c = reference[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
    ++i;
  }
  if (i == 0 || i == reference.size()) return std::nullopt;
  for (std::size_t j = i; j < reference.size(); ++j) {
    if (reference[j] < '0' || reference[j] > '9') return std::nullopt;
  }
  return column - 1;
}

std::optional<std::int64_t> row_number_of(std::string_view text) {
  if (text.empty() || text.size() > 7) return std::nullopt;
  std::int64_t number = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + (c - '0');
  }
  if (number < 1 || number > kMaxRows) return std::nullopt;
  return number;
}

}  // namespace aftersales::xlsx
