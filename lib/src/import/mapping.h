// How the columns of a file map to a record's fields (private to lib/src/import): built-in
// header names in English and the seed's Chinese, or a TOML mapping file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace aftersales {

struct Mapping {
  std::string source = "built-in";         // the mapping file's path
  int skip = 0;                            // lines (rows) before the header, or before the data
  bool header = true;                      // the first record after `skip` is a header
  std::vector<std::string> expect_header;  // when set, the header must be exactly this
  std::optional<bool> excel_dates;         // read plain numbers in date fields as Excel serials
                                           // (default: yes for .xlsx, no for CSV)
  char decimal_mark = '.';                 // '.' or ','; the other is a thousands separator
  // field -> header name or 1-based column number.
  std::map<std::string, std::variant<std::string, int>> columns;
};

// Reads a mapping file. `fields` are the entity's field names (an unknown one is an error).
// Throws Error(kUsage) listing every problem with line:column.
Mapping load_mapping(const std::string& path, const std::vector<std::string>& fields);

}  // namespace aftersales
