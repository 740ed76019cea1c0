// Data for output: a table of typed cells, or one record made of fields and tables. Commands
// build these; io/render.h turns them into table, CSV, TSV, JSON or JSON Lines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "aftersales/core/money.h"
#include "aftersales/core/time.h"

namespace aftersales {

// A rate in hundredths of a percent (9800 is 98.00%), as reports show KPIs and shares.
struct Percent {
  std::int64_t bp = 0;
};

// A typed value. Dates print as YYYY-MM-DD; money as 1,234.50 in tables, 1234.50 in CSV/TSV,
// and in JSON as "KEY": "1234.50" plus "KEY_fen": 123450; a percent as 98.00%, and in JSON as
// "KEY": "98.00%" plus "KEY_bp": 9800; null as empty (JSON null).
using Cell = std::variant<std::monostate, std::string, std::int64_t, bool, Money, Date, Percent>;

inline Cell optional_cell(const std::optional<std::string>& v) { return v ? Cell{*v} : Cell{}; }
inline Cell optional_cell(const std::optional<Date>& v) { return v ? Cell{*v} : Cell{}; }
inline Cell optional_cell(const std::optional<std::int64_t>& v) { return v ? Cell{*v} : Cell{}; }

// The string of a text cell, to be filled: the one the cell holds already, whose memory is
// reused. A streamed list or export fills the same row again and again and so allocates nothing
// once its strings are as long as the longest seen.
inline std::string& text_cell(Cell& cell) {
  if (!std::holds_alternative<std::string>(cell)) cell = std::string();
  return std::get<std::string>(cell);
}

// What a column holds, declared up front so that rows can be written as they come
// (io/row_writer.h): JSON gives a money column `KEY_fen` and a percent column `KEY_bp` on every
// row, null ones included, so its keys are stable. kAuto, the default, judges from the cells:
// render(out, Table) looks at every row (a money cell anywhere makes a money column); a
// streaming writer treats it as text, apart from the cells that are money or percent.
enum class ColumnKind {
  kAuto,
  kText,
  kNumber,   // integers
  kMoney,    // Money cells: KEY and KEY_fen in JSON
  kPercent,  // Percent cells: KEY and KEY_bp in JSON
  kDate,
  kTime,  // an instant as ISO 8601 text
  kFlag,  // true / false
  // Text cells holding JSON (the audit log's before/after, an import batch's files): JSON and
  // JSON Lines nest the value as JSON, an empty text is null, and a text that does not parse
  // stays a string; every other format shows the text as it is.
  kJson,
};

struct Column {
  std::string key;    // stable machine name: JSON key and CSV header
  std::string title;  // header of the human table; the key when empty
  ColumnKind kind = ColumnKind::kAuto;
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // each row has one cell per column

  void add_row(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

// One record shown whole (`unit show`): named fields, then named tables (its history...).
// In JSON: an object of the fields, with each table as an array of objects under its key.
struct RecordView {
  struct Field {
    std::string key;
    std::string title;
    Cell value;
  };
  std::string title;  // heading of the human view, e.g. "产品出厂档案 (表1) 2023-001"
  std::vector<Field> fields;
  std::vector<std::pair<Column, Table>> tables;  // Column: key and heading of each table

  void add(std::string key, std::string title_text, Cell value) {
    fields.push_back(Field{std::move(key), std::move(title_text), std::move(value)});
  }
};

}  // namespace aftersales
