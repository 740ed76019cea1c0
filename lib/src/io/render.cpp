// The one output layer: tables and records as an aligned text table, CSV, TSV, JSON or JSON
// Lines (CLI.md "Global options", "Conventions"). Keys and headers are the columns' stable
// keys; only the human table uses titles.
#include "aftersales/io/render.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aftersales/core/error.h"
#include "aftersales/core/ratio.h"
#include "aftersales/core/text.h"
#include "aftersales/io/terminal.h"

namespace aftersales {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kColumnGap = "  ";

bool is_number(const Cell& cell) {
  return std::holds_alternative<std::int64_t>(cell) || std::holds_alternative<Money>(cell) ||
         std::holds_alternative<Percent>(cell);
}

// What a column holds, judged from its cells: a column is numeric when every cell that is not
// null is a number or money (its header is then right-aligned too), and money when any cell is
// money (JSON then gives every row, null ones included, both KEY and KEY_fen: stable keys).
struct ColumnKind {
  bool numeric = false;
  bool money = false;
  bool percent = false;
};

// Each row should have one cell per column; a short row reads as nulls, extra cells are ignored.
const Cell& cell_at(const std::vector<Cell>& row, std::size_t column, const Cell& null_cell) {
  return column < row.size() ? row[column] : null_cell;
}

std::vector<ColumnKind> column_kinds(const Table& table) {
  std::vector<ColumnKind> kinds(table.columns.size());
  const Cell null_cell;
  for (std::size_t c = 0; c < kinds.size(); ++c) {
    bool any_number = false;
    bool all_numbers = true;
    for (const auto& row : table.rows) {
      const Cell& cell = cell_at(row, c, null_cell);
      if (std::holds_alternative<std::monostate>(cell)) continue;
      if (std::holds_alternative<Money>(cell)) kinds[c].money = true;
      if (std::holds_alternative<Percent>(cell)) kinds[c].percent = true;
      if (is_number(cell)) {
        any_number = true;
      } else {
        all_numbers = false;
      }
    }
    kinds[c].numeric = any_number && all_numbers;
  }
  return kinds;
}

const std::string& heading_of(const Column& column) {
  return column.title.empty() ? column.key : column.title;
}

// ---- text table -------------------------------------------------------------------------------

// A cell or title of the human table stays on one line and sends nothing the terminal would obey
// (issue 8, finding 6): a line break (CR LF counts as one) or a tab becomes one space, and every
// other control, C1 or bidi character shows escaped (terminal_safe).
std::string single_line(std::string_view text) {
  std::string line;
  line.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    line += (ch == '\n' || ch == '\t') ? ' ' : ch;
  }
  return terminal_safe(line);
}

void append_padded(std::string& line, const std::string& text, std::size_t width,
                   bool right_aligned) {
  const std::size_t fill = width - std::min(width, display_width(text));
  if (right_aligned) line.append(fill, ' ');
  line += text;
  if (!right_aligned) line.append(fill, ' ');
}

void write_trimmed(std::ostream& out, std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);  // npos + 1 == 0 clears an all-blank line
  out << line << '\n';
}

struct TextCell {
  std::string text;
  bool right_aligned = false;
};

void write_text_row(std::ostream& out, const std::vector<TextCell>& cells,
                    const std::vector<std::size_t>& widths) {
  std::string line;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (c > 0) line += kColumnGap;
    append_padded(line, cells[c].text, widths[c], cells[c].right_aligned);
  }
  write_trimmed(out, std::move(line));
}

// Header, a rule of '-' per column, then the rows; an empty table shows its header and rule,
// so that scripts and eyes see the same shape whether or not anything matched.
void render_text_table(std::ostream& out, const Table& table) {
  const std::size_t column_count = table.columns.size();
  if (column_count == 0) return;
  const auto kinds = column_kinds(table);
  const Cell null_cell;

  std::vector<TextCell> header(column_count);
  std::vector<std::size_t> widths(column_count);
  for (std::size_t c = 0; c < column_count; ++c) {
    header[c] = TextCell{single_line(heading_of(table.columns[c])), kinds[c].numeric};
    widths[c] = display_width(header[c].text);
  }
  std::vector<std::vector<TextCell>> body;
  body.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    std::vector<TextCell> cells(column_count);
    for (std::size_t c = 0; c < column_count; ++c) {
      const Cell& cell = cell_at(row, c, null_cell);
      cells[c] = TextCell{single_line(cell_text(cell, Format::kTable)), is_number(cell)};
      widths[c] = std::max(widths[c], display_width(cells[c].text));
    }
    body.push_back(std::move(cells));
  }

  write_text_row(out, header, widths);
  std::string rule;
  for (std::size_t c = 0; c < column_count; ++c) {
    if (c > 0) rule += kColumnGap;
    rule.append(widths[c], '-');
  }
  write_trimmed(out, std::move(rule));
  for (const auto& cells : body) write_text_row(out, cells, widths);
}

// A heading line, `title: value` lines with the values aligned, then each table under its
// heading after a blank line.
void render_text_record(std::ostream& out, const RecordView& record) {
  bool wrote_any = false;
  if (!record.title.empty()) {
    out << single_line(record.title) << '\n';
    wrote_any = true;
  }
  std::vector<std::string> labels;
  std::size_t label_width = 0;
  for (const auto& field : record.fields) {
    labels.push_back(single_line(field.title.empty() ? field.key : field.title) + ":");
    label_width = std::max(label_width, display_width(labels.back()));
  }
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    std::string line;
    append_padded(line, labels[i], label_width, false);
    line += ' ';
    line += single_line(cell_text(record.fields[i].value, Format::kTable));
    write_trimmed(out, std::move(line));
    wrote_any = true;
  }
  for (const auto& [column, table] : record.tables) {
    if (wrote_any) out << '\n';
    out << single_line(heading_of(column)) << '\n';
    render_text_table(out, table);
    wrote_any = true;
  }
}

// ---- CSV and TSV ------------------------------------------------------------------------------

// RFC 4180: a field with a comma, a double quote, CR or LF is quoted, its quotes doubled.
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char ch : text) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  quoted += '"';
  return quoted;
}

// TSV has no quoting: a tab or a line break (CR LF counts as one) in a cell becomes a space.
std::string tsv_field(std::string_view text) {
  std::string field;
  field.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    field += (ch == '\t' || ch == '\r' || ch == '\n') ? ' ' : ch;
  }
  return field;
}

// Whether a text cell would start a formula in a spreadsheet (OWASP "CSV injection"): it begins
// with = + - @, a tab or a CR, and is not a plain number such as -5 or +12.50, which Excel reads
// as that number (no formula runs, and a quote would turn it into text).
bool starts_formula(std::string_view text) {
  if (text.empty() || std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos) {
    return false;
  }
  if (text.front() != '+' && text.front() != '-') return true;
  std::size_t digits = 0;
  bool seen_point = false;
  for (const char ch : text.substr(1)) {
    if (ch >= '0' && ch <= '9') {
      ++digits;
    } else if (ch == '.' && !seen_point) {
      seen_point = true;
    } else {
      return true;
    }
  }
  return digits == 0;
}

// Writes the lines of a delimited file: CSV (comma, CRLF as RFC 4180 says) or TSV (tab, LF).
// For Excel (--bom) a text cell that would start a formula is prefixed with ' (finding 7);
// numbers, money and dates are typed and never are.
class DelimitedWriter {
 public:
  DelimitedWriter(std::ostream& out, const RenderOptions& options)
      : out_(out), csv_(options.format == Format::kCsv), guard_formulas_(options.bom) {}

  void write_row(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out_ << (csv_ ? ',' : '\t');
      out_ << (csv_ ? csv_field(fields[i]) : tsv_field(fields[i]));
    }
    end_line();
  }
  void end_line() { out_ << (csv_ ? "\r\n" : "\n"); }

  void write_table(const Table& table) {
    std::vector<std::string> fields;
    for (const auto& column : table.columns) fields.push_back(column.key);
    write_row(fields);
    const Cell null_cell;
    const Format format = csv_ ? Format::kCsv : Format::kTsv;
    for (const auto& row : table.rows) {
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        fields[c] = field_text(cell_at(row, c, null_cell), format);
      }
      write_row(fields);
    }
  }

  // `field,value` rows of the record's keys, then each table after a blank line and its key.
  void write_record(const RecordView& record) {
    const Format format = csv_ ? Format::kCsv : Format::kTsv;
    write_row({"field", "value"});
    for (const auto& field : record.fields) write_row({field.key, field_text(field.value, format)});
    for (const auto& [column, table] : record.tables) {
      end_line();
      write_row({column.key});
      write_table(table);
    }
  }

 private:
  std::string field_text(const Cell& cell, Format format) const {
    std::string text = cell_text(cell, format);
    if (guard_formulas_ && std::holds_alternative<std::string>(cell) && starts_formula(text)) {
      text.insert(0, 1, '\'');
    }
    return text;
  }

  std::ostream& out_;
  bool csv_;
  bool guard_formulas_;
};

// ---- JSON -------------------------------------------------------------------------------------

// Money is `"KEY": "1234.50"` and `"KEY_fen": 123450` (CLI.md "Conventions"), a percent
// `"KEY": "98.00%"` and `"KEY_bp": 9800`; a null cell of such a column is null under both keys.
void put_cell(Json& object, const std::string& key, const Cell& cell, const ColumnKind& kind) {
  if (const auto* money = std::get_if<Money>(&cell)) {
    object[key] = format_money(*money, false);
    object[key + "_fen"] = money->fen;
  } else if (const auto* percent = std::get_if<Percent>(&cell)) {
    object[key] = percent_text(percent->bp);
    object[key + "_bp"] = percent->bp;
  } else if (const auto* text = std::get_if<std::string>(&cell)) {
    object[key] = *text;
  } else if (const auto* number = std::get_if<std::int64_t>(&cell)) {
    object[key] = *number;
  } else if (const auto* flag = std::get_if<bool>(&cell)) {
    object[key] = *flag;
  } else if (const auto* date = std::get_if<Date>(&cell)) {
    object[key] = format_date(*date);
  } else {
    object[key] = nullptr;
    if (kind.money) object[key + "_fen"] = nullptr;
    if (kind.percent) object[key + "_bp"] = nullptr;
  }
}

Json row_object(const Table& table, const std::vector<Cell>& row,
                const std::vector<ColumnKind>& kinds) {
  Json object = Json::object();
  const Cell null_cell;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    put_cell(object, table.columns[c].key, cell_at(row, c, null_cell), kinds[c]);
  }
  return object;
}

Json table_array(const Table& table) {
  const auto kinds = column_kinds(table);
  Json array = Json::array();
  for (const auto& row : table.rows) array.push_back(row_object(table, row, kinds));
  return array;
}

Json record_object(const RecordView& record) {
  Json object = Json::object();
  for (const auto& field : record.fields) put_cell(object, field.key, field.value, ColumnKind{});
  for (const auto& [column, table] : record.tables) object[column.key] = table_array(table);
  return object;
}

// Invalid UTF-8 in stored text must not abort the output: it is replaced by U+FFFD. nlohmann
// escapes C0 controls; DEL, C1 controls and bidi characters are escaped here too (\u009b), so
// JSON read on a terminal is as safe as a table while a parser still gets the exact text. The
// dump is well-formed UTF-8, so their byte sequences occur only as those characters; ASCII
// below DEL is left alone (the indented dump's own line breaks).
std::string dump(const Json& json, int indent) {
  const std::string text = json.dump(indent, ' ', false, Json::error_handler_t::replace);
  std::string safe;
  safe.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (byte == 0x7F || byte >= 0xC0) {
      const std::optional<DecodedUtf8> decoded = decode_utf8(std::string_view(text).substr(i));
      if (decoded) {
        length = decoded->length;
        const char32_t c = decoded->code_point;
        if (is_control_character(c) || is_bidi_control(c)) {
          safe += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(c));
          i += length;
          continue;
        }
      }
    }
    safe.append(text, i, length);
    i += length;
  }
  return safe;
}

void write_bom_if_asked(std::ostream& out, const RenderOptions& options) {
  const bool delimited = options.format == Format::kCsv || options.format == Format::kTsv;
  if (options.bom && delimited) out << kBom;
}

[[noreturn]] void throw_not_text(Format format) {
  throw Error(ErrorCode::kUsage,
              std::string(format == Format::kXlsx ? "an .xlsx workbook" : "an HTML page") +
                  " is a file, not text for standard output",
              "write it to a file with -o FILE");
}

std::string lower_case(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

}  // namespace

Format parse_format(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "csv") return Format::kCsv;
  if (name == "tsv") return Format::kTsv;
  if (name == "json") return Format::kJson;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "xlsx") return Format::kXlsx;
  if (name == "html") return Format::kHtml;
  throw Error(ErrorCode::kUsage,
              "unknown --format \"" + std::string(name) +
                  "\": use table, csv, tsv, json, jsonl, xlsx or html (these two with -o FILE)",
              "for example --format csv");
}

Format format_for_path(const std::string& path) {
  const std::string extension = lower_case(std::filesystem::path(path).extension().string());
  if (extension == ".csv") return Format::kCsv;
  if (extension == ".tsv") return Format::kTsv;
  if (extension == ".json") return Format::kJson;
  if (extension == ".jsonl") return Format::kJsonl;
  if (extension == ".txt") return Format::kTable;
  if (extension == ".xlsx") return Format::kXlsx;
  if (extension == ".html" || extension == ".htm") return Format::kHtml;
  throw Error(ErrorCode::kUsage,
              "cannot tell the output format of \"" + path +
                  "\" from its extension: use .csv, .tsv, .json, .jsonl, .xlsx, .html or .txt",
              "write .xlsx or .csv (Excel opens it; add --bom for Chinese text) or .json");
}

std::string cell_text(const Cell& cell, Format format) {
  const bool human = format == Format::kTable;
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&cell)) return std::to_string(*number);
  if (const auto* flag = std::get_if<bool>(&cell)) {
    if (human) return *flag ? "yes" : "no";
    return *flag ? "true" : "false";
  }
  if (const auto* money = std::get_if<Money>(&cell)) return format_money(*money, human);
  if (const auto* date = std::get_if<Date>(&cell)) return format_date(*date);
  if (const auto* percent = std::get_if<Percent>(&cell)) return percent_text(percent->bp);
  return {};
}

void render(std::ostream& out, const Table& table, const RenderOptions& options) {
  write_bom_if_asked(out, options);
  switch (options.format) {
    case Format::kTable:
      render_text_table(out, table);
      break;
    case Format::kCsv:
    case Format::kTsv:
      DelimitedWriter(out, options).write_table(table);
      break;
    case Format::kJson:
      out << dump(table_array(table), 2) << '\n';
      break;
    case Format::kJsonl: {
      const auto kinds = column_kinds(table);
      for (const auto& row : table.rows) out << dump(row_object(table, row, kinds), -1) << '\n';
      break;
    }
    case Format::kXlsx:
    case Format::kHtml:
      throw_not_text(options.format);
  }
}

void render(std::ostream& out, const RecordView& record, const RenderOptions& options) {
  write_bom_if_asked(out, options);
  switch (options.format) {
    case Format::kTable:
      render_text_record(out, record);
      break;
    case Format::kCsv:
    case Format::kTsv:
      DelimitedWriter(out, options).write_record(record);
      break;
    case Format::kJson:
      out << dump(record_object(record), 2) << '\n';
      break;
    case Format::kJsonl:
      out << dump(record_object(record), -1) << '\n';
      break;
    case Format::kXlsx:
    case Format::kHtml:
      throw_not_text(options.format);
  }
}

}  // namespace aftersales
