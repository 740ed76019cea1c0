// The columns of an imported file: header names -> fields, and cells -> field values.
#include "import/column_map.h"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/io/sheets/excel_date.h"

namespace aftersales {
namespace {

std::string lower_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

ColumnMap::ColumnMap(std::string path, const Mapping& mapping,
                     const std::vector<ImportField>& fields, bool excel_dates)
    : path_(std::move(path)), mapping_(mapping), fields_(fields), excel_dates_(excel_dates) {}

void ColumnMap::read_header(const SourceRecord& record, const char* entity,
                            std::vector<std::string>& warnings) {
  if (!record.problem.empty()) {
    throw Error(
        ErrorCode::kInvalidInput,
        fmt::format("{}:{}: the header row cannot be read: {}", path_, record.line, record.problem),
        "correct the header row of the file");
  }
  header_ = record.fields;
  if (!mapping_.expect_header.empty() && header_ != mapping_.expect_header) {
    throw Error(
        ErrorCode::kInvalidInput,
        fmt::format("{}:{}: the header is not the agreed one: found {}; expected {}", path_,
                    record.line, fmt::join(header_, ","), fmt::join(mapping_.expect_header, ",")),
        "use the agreed template, or change expect_header in the mapping");
  }
  column_of_.assign(fields_.size(), -1);
  std::vector<bool> used(header_.size(), false);
  for (std::size_t f = 0; f < fields_.size(); ++f) {
    const auto mapped = mapping_.columns.find(fields_[f].name);
    if (mapped != mapping_.columns.end()) {
      if (const int* position = std::get_if<int>(&mapped->second)) {
        column_of_[f] = *position - 1;
      } else {
        const std::string& name = std::get<std::string>(mapped->second);
        for (std::size_t c = 0; c < header_.size(); ++c) {
          if (trim(header_[c]) == name) column_of_[f] = static_cast<int>(c);
        }
        if (column_of_[f] < 0) {
          throw Error(
              ErrorCode::kInvalidInput,
              fmt::format("{}:{}: the mapping's column \"{}\" for field \"{}\" is not in "
                          "the header ({})",
                          path_, record.line, name, fields_[f].name, fmt::join(header_, ",")),
              "fix [columns] in the mapping, or the header of the file");
        }
      }
      continue;
    }
    for (std::size_t c = 0; c < header_.size() && column_of_[f] < 0; ++c) {
      const std::string name = lower_ascii(trim(header_[c]));
      for (const std::string& alias : fields_[f].headers) {
        if (!used[c] && name == lower_ascii(alias)) {
          column_of_[f] = static_cast<int>(c);
          used[c] = true;
          break;
        }
      }
    }
  }
  for (std::size_t c = 0; c < header_.size(); ++c) {
    if (used[c] || trim(header_[c]).empty()) continue;
    bool mapped = false;
    for (int column : column_of_) mapped = mapped || column == static_cast<int>(c);
    if (!mapped) {
      warnings.push_back(fmt::format("{}:{}:{}: column \"{}\" is not a field of {}s; ignored",
                                     path_, record.line, c + 1, header_[c], entity));
    }
  }
  if (column_of_[0] < 0 && !fields_[0].key_may_be_absent) {
    throw Error(ErrorCode::kInvalidInput,
                fmt::format("{}:{}: no column for the key field \"{}\" ({}); the header is {}",
                            path_, record.line, fields_[0].name,
                            fmt::join(fields_[0].headers, " / "), fmt::join(header_, ",")),
                "did you forget skip (lines above the header)? Or name the column in the "
                "mapping's [columns]");
  }
}

void ColumnMap::columns_by_position() {
  column_of_.assign(fields_.size(), -1);
  for (std::size_t f = 0; f < fields_.size(); ++f) {
    const auto mapped = mapping_.columns.find(fields_[f].name);
    if (mapped != mapping_.columns.end()) {
      if (const int* position = std::get_if<int>(&mapped->second)) column_of_[f] = *position - 1;
    } else if (mapping_.columns.empty()) {
      column_of_[f] = static_cast<int>(f);
    }
  }
  for (const ImportField& field : fields_) header_.push_back(field.name);
}

RowValues ColumnMap::values_of(const std::vector<std::string>& cells) const {
  RowValues values(fields_.size());
  for (std::size_t f = 0; f < fields_.size(); ++f) {
    const int column = column_of_[f];
    if (column < 0) continue;
    values[f] = static_cast<std::size_t>(column) < cells.size()
                    ? normalized(fields_[f], cells[column])
                    : std::string();
  }
  return values;
}

std::string ColumnMap::header_of_column(int column) const {
  return column > 0 && static_cast<std::size_t>(column) <= header_.size() ? header_[column - 1]
                                                                          : std::string();
}

FieldColumn ColumnMap::column_of_field(const std::string& name) const {
  FieldColumn found{0, name};
  for (std::size_t f = 0; f < fields_.size(); ++f) {
    if (fields_[f].name == name && column_of_[f] >= 0) {
      found.column = column_of_[f] + 1;
      if (static_cast<std::size_t>(column_of_[f]) < header_.size()) {
        found.header = header_[column_of_[f]];
      }
    }
  }
  return found;
}

std::string ColumnMap::normalized(const ImportField& field, const std::string& raw) const {
  const std::string text = trim(raw);
  const bool numeric = !text.empty() && text.find_first_not_of("0123456789.") == std::string::npos;
  if (excel_dates_ && numeric && field.kind == ImportField::Kind::kDate) {
    if (auto date = excel_serial_date(text)) return format_date(*date);
  }
  if (excel_dates_ && numeric && field.kind == ImportField::Kind::kTime) {
    if (auto date = excel_serial_date(text)) {
      const auto dot = text.find('.');
      // A whole serial is a date cell without a time: left date-only for the entity to time.
      if (dot == std::string::npos) return format_date(*date);
      long seconds = 0;
      if (dot != std::string::npos) {
        seconds = std::lround(std::stod("0" + text.substr(dot)) * 86400.0);
        seconds = std::min(seconds, 86399L);
      }
      return fmt::format("{}T{:02}:{:02}:{:02}", format_date(*date), seconds / 3600,
                         seconds / 60 % 60, seconds % 60);
    }
  }
  if (field.kind == ImportField::Kind::kInteger) {
    const char grouping = mapping_.decimal_mark == '.' ? ',' : '.';
    std::string digits;
    for (char c : text) {
      if (c != grouping) digits += c;
    }
    return digits;
  }
  return raw;
}

}  // namespace aftersales
