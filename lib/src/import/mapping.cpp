// The TOML mapping file of an import (toml++ stays in this file).
#define TOML_HEADER_ONLY 0
#include "import/mapping.h"

#include <fmt/format.h>
#include <toml++/toml.h>
#include <algorithm>

#include "aftersales/core/error.h"

namespace aftersales {
namespace {

std::string where(const std::string& path, const toml::node& node) {
  const toml::source_region& at = node.source();
  return fmt::format("{}:{}:{}", path, at.begin.line, at.begin.column);
}

}  // namespace

Mapping load_mapping(const std::string& path, const std::vector<std::string>& fields) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    throw Error(ErrorCode::kUsage,
                fmt::format("{}:{}:{}: {}", path, at.line, at.column, e.description()),
                "fix the mapping file (TOML); see docs/import-mapping.md");
  }
  Mapping mapping;
  mapping.source = path;
  std::vector<std::string> problems;
  const auto problem = [&](const toml::node& node, const std::string& text) {
    problems.push_back(fmt::format("{}: {}", where(path, node), text));
  };
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    if (name == "skip") {
      const auto value = node.value<std::int64_t>();
      if (!value || *value < 0 || *value > 1000) {
        problem(node, "skip is the number of lines before the header: 0 to 1000");
      } else {
        mapping.skip = static_cast<int>(*value);
      }
    } else if (name == "header") {
      if (auto value = node.value<bool>()) {
        mapping.header = *value;
      } else {
        problem(node, "header is true or false");
      }
    } else if (name == "excel_dates") {
      if (auto value = node.value<bool>()) {
        mapping.excel_dates = *value;
      } else {
        problem(node, "excel_dates is true or false");
      }
    } else if (name == "decimal_mark") {
      const auto value = node.value<std::string>();
      if (!value || (*value != "." && *value != ",")) {
        problem(node, "decimal_mark is \".\" or \",\"");
      } else {
        mapping.decimal_mark = (*value)[0];
      }
    } else if (name == "expect_header") {
      const toml::array* items = node.as_array();
      if (items == nullptr) {
        problem(node, "expect_header is a list of the header's names, in order");
        continue;
      }
      for (const toml::node& item : *items) {
        if (auto text = item.value<std::string>()) {
          mapping.expect_header.push_back(*text);
        } else {
          problem(item, "expect_header holds text only");
        }
      }
    } else if (name == "columns") {
      const toml::table* columns = node.as_table();
      if (columns == nullptr) {
        problem(node, "[columns] maps each field to a header name or a column number");
        continue;
      }
      for (const auto& [field_key, source] : *columns) {
        const std::string field(field_key.str());
        if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
          problem(source, fmt::format("\"{}\" is not a field; the fields are {}", field,
                                      fmt::join(fields, ", ")));
        } else if (auto header = source.value<std::string>()) {
          mapping.columns[field] = *header;
        } else if (auto position = source.value<std::int64_t>(); position && *position >= 1) {
          mapping.columns[field] = static_cast<int>(*position);
        } else {
          problem(source, fmt::format("columns.{} is a header name (text) or a column number "
                                      "from 1",
                                      field));
        }
      }
    } else {
      problem(node, fmt::format("unknown key \"{}\"; the keys are skip, header, expect_header, "
                                "excel_dates, decimal_mark and [columns]",
                                name));
    }
  }
  if (!problems.empty()) {
    throw Error(ErrorCode::kUsage, fmt::format("{}", fmt::join(problems, "\n")),
                "fix the mapping file; see docs/import-mapping.md");
  }
  return mapping;
}

}  // namespace aftersales
