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
// What the human table shows over a column, and beside a record's field: its heading (title,
// else key) in the clerk's language (core/translate.h, keyed by the English heading). CSV, TSV,
// JSON and .xlsx keep the key or English heading whatever the language.
std::string shown_heading(const std::string& heading);

// Text for a stream, gathered in one buffer and written to it in large pieces: a stream write
// per cell (std::cout goes through C stdio, which takes a lock on every call) cost the row
// writers more than making the text. What is gathered is written when it passes 64 KiB, at
// flush() and at the latest when the buffer goes (so rows written before a failure still
// arrive).
class OutBuffer {
 public:
  explicit OutBuffer(std::ostream& out);
  ~OutBuffer();
  OutBuffer(const OutBuffer&) = delete;
  OutBuffer& operator=(const OutBuffer&) = delete;
  // The text not yet written: append to it, then call written().
  std::string& text() { return text_; }
  void written() {
    if (text_.size() >= kChunk) flush();
  }
  void flush();

 private:
  static constexpr std::size_t kChunk = 64 * 1024;
  std::ostream& out_;
  std::string text_;
};

// Whether the text is well-formed UTF-8 without control (C0, DEL, C1) or bidi characters: text
// every format shows as it is, the fast path of the escapes below.
bool is_plain_text(std::string_view text);

// A cell or title of the human table on one line with controls escaped (issue 8, finding 6).
std::string single_line(std::string_view text);
void append_single_line(std::string& out, std::string_view text);
void append_padded(std::string& line, const std::string& text, std::size_t width,
                   bool right_aligned);
// Writes the line without its trailing blanks, then a line feed.
void write_trimmed(std::ostream& out, std::string line);

// RFC 4180 quoting; TSV's spaces for tabs and line breaks; the formula guard of --bom. The
// append_ forms put `prefix` (the guard's ', or nothing) before the text, inside the quotes.
std::string csv_field(std::string_view text);
std::string tsv_field(std::string_view text);
void append_csv_field(std::string& out, std::string_view text, std::string_view prefix = {});
void append_tsv_field(std::string& out, std::string_view text, std::string_view prefix = {});
bool starts_formula(std::string_view text);

// A JSON string of the text, quoted, exactly as dump() writes it: the escapes of nlohmann's
// dump, then DEL, C1 and bidi characters as \u escapes; invalid UTF-8 goes through dump().
void append_json_text(std::string& out, std::string_view text);

// The JSON value a text cell of a kJson column stands for: the parsed value, null for an empty
// text, and the text itself as a JSON string when it does not parse.
Json nested_json(const std::string& text);

// Puts a cell under `key`: money as KEY and KEY_fen, a percent as KEY and KEY_bp; a null cell
// of a kMoney / kPercent column is null under both keys; a text cell of a kJson column is
// nested_json.
void put_cell(Json& object, const std::string& key, const Cell& cell, ColumnKind kind);

// A CSV (csv) or TSV writer without a BOM; guard_formulas prefixes formula-like text with '.
std::unique_ptr<RowWriter> make_delimited_writer(std::ostream& out, bool csv, bool guard_formulas);

// The JSON text with invalid UTF-8 replaced and C1/bidi characters escaped (render.h).
std::string dump(const Json& json, int indent);

}  // namespace aftersales::output
