// The pieces of text every output format is made of, shared by the row writers
// (row_writer.cpp) and the record view (render.cpp): one home for each rule.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "aftersales/io/row_writer.h"
#include "aftersales/io/table.h"

namespace aftersales::output {

using Json = nlohmann::ordered_json;

inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Whether a cell is an integer, money or a percent (right-aligned in the table).
bool is_number(const Cell& cell);

// Each row should have one cell per column; a short row reads as nulls.
const Cell& cell_at(const std::vector<Cell>& row, std::size_t column);

const std::string& heading_of(const Column& column);

// A cell or title of the human table on one line with controls escaped (issue 8, finding 6).
std::string single_line(std::string_view text);
void append_padded(std::string& line, const std::string& text, std::size_t width,
                   bool right_aligned);
// Writes the line without its trailing blanks, then a line feed.
void write_trimmed(std::ostream& out, std::string line);

// RFC 4180 quoting; TSV's spaces for tabs and line breaks; the formula guard of --bom.
std::string csv_field(std::string_view text);
std::string tsv_field(std::string_view text);
bool starts_formula(std::string_view text);

// Puts a cell under `key`: money as KEY and KEY_fen, a percent as KEY and KEY_bp; a null cell
// of a kMoney / kPercent column is null under both keys.
void put_cell(Json& object, const std::string& key, const Cell& cell, ColumnKind kind);

// A CSV (csv) or TSV writer without a BOM; guard_formulas prefixes formula-like text with '.
std::unique_ptr<RowWriter> make_delimited_writer(std::ostream& out, bool csv, bool guard_formulas);

// The JSON text with invalid UTF-8 replaced and C1/bidi characters escaped (render.h).
std::string dump(const Json& json, int indent);

}  // namespace aftersales::output
