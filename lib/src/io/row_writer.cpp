// The row writers of io/row_writer.h, one per format, and the text rules they share
// (output_text.h): the only place that knows how a cell looks in a table, CSV, TSV or JSON.
#include "aftersales/io/row_writer.h"

#include "aftersales/core/error.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include <fmt/format.h>

#include "aftersales/core/ratio.h"
#include "aftersales/core/text.h"
#include "aftersales/core/translate.h"
#include "aftersales/io/cell_tone.h"
#include "aftersales/io/terminal.h"
#include "io/output_text.h"

namespace aftersales {
namespace output {

bool is_number(const Cell& cell) {
  return std::holds_alternative<std::int64_t>(cell) || std::holds_alternative<Money>(cell) ||
         std::holds_alternative<Percent>(cell);
}

const Cell& cell_at(const std::vector<Cell>& row, std::size_t column) {
  static const Cell null_cell;
  return column < row.size() ? row[column] : null_cell;
}

const std::string& heading_of(const Column& column) {
  return column.title.empty() ? column.key : column.title;
}

std::string shown_heading(const std::string& heading) { return single_line(tr(heading)); }

OutBuffer::OutBuffer(std::ostream& out) : out_(out) { text_.reserve(kChunk + kChunk / 4); }

OutBuffer::~OutBuffer() { flush(); }

void OutBuffer::flush() {
  if (text_.empty()) return;
  out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
  text_.clear();
}

bool is_plain_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte < 0x20 || byte == 0x7F) return false;
      ++i;
      continue;
    }
    const std::optional<DecodedUtf8> decoded = decode_utf8(text.substr(i));
    if (!decoded || is_control_character(decoded->code_point) ||
        is_bidi_control(decoded->code_point)) {
      return false;
    }
    i += decoded->length;
  }
  return true;
}

// A line break (CR LF counts as one) or a tab becomes one space, and every other control, C1 or
// bidi character shows escaped (terminal_safe).
std::string single_line(std::string_view text) {
  if (is_plain_text(text)) return std::string(text);
  std::string line;
  line.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    line += (ch == '\n' || ch == '\t') ? ' ' : ch;
  }
  return terminal_safe(line);
}

void append_single_line(std::string& out, std::string_view text) {
  if (is_plain_text(text)) {
    out += text;
  } else {
    out += single_line(text);
  }
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

// RFC 4180: a field with a comma, a double quote, CR or LF is quoted, its quotes doubled.
void append_csv_field(std::string& out, std::string_view text, std::string_view prefix) {
  const bool quoted = std::any_of(text.begin(), text.end(), [](char ch) {
    return ch == ',' || ch == '"' || ch == '\r' || ch == '\n';
  });
  if (!quoted) {
    out += prefix;
    out += text;
    return;
  }
  out += '"';
  out += prefix;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t quote = text.find('"', at);
    if (quote == std::string_view::npos) quote = text.size();
    out.append(text.data() + at, quote - at);
    if (quote < text.size()) out += "\"\"";
    at = quote + 1;
  }
  out += '"';
}

std::string csv_field(std::string_view text) {
  std::string field;
  append_csv_field(field, text);
  return field;
}

// TSV has no quoting: a tab or a line break (CR LF counts as one) in a cell becomes a space.
void append_tsv_field(std::string& out, std::string_view text, std::string_view prefix) {
  out += prefix;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += (ch == '\t' || ch == '\r' || ch == '\n') ? ' ' : ch;
  }
}

std::string tsv_field(std::string_view text) {
  std::string field;
  append_tsv_field(field, text);
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

Json nested_json(const std::string& text) {
  if (text.empty()) return nullptr;
  Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Json(text);
  return parsed;
}

// Money is `"KEY": "1234.50"` and `"KEY_fen": 123450` (CLI.md "Conventions"), a percent
// `"KEY": "98.00%"` and `"KEY_bp": 9800`.
void put_cell(Json& object, const std::string& key, const Cell& cell, ColumnKind kind) {
  if (const auto* money = std::get_if<Money>(&cell)) {
    object[key] = format_money(*money, false);
    object[key + "_fen"] = money->fen;
  } else if (const auto* percent = std::get_if<Percent>(&cell)) {
    object[key] = percent_text(percent->bp);
    object[key + "_bp"] = percent->bp;
  } else if (const auto* text = std::get_if<std::string>(&cell)) {
    object[key] = kind == ColumnKind::kJson ? nested_json(*text) : Json(*text);
  } else if (const auto* number = std::get_if<std::int64_t>(&cell)) {
    object[key] = *number;
  } else if (const auto* flag = std::get_if<bool>(&cell)) {
    object[key] = *flag;
  } else if (const auto* date = std::get_if<Date>(&cell)) {
    object[key] = format_date(*date);
  } else {
    object[key] = nullptr;
    if (kind == ColumnKind::kMoney) object[key + "_fen"] = nullptr;
    if (kind == ColumnKind::kPercent) object[key + "_bp"] = nullptr;
  }
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

// The escapes of nlohmann's dump for ensure_ascii false (its \b \t \n \f \r, \u00XX for the
// other C0 controls) and those of dump() for DEL, C1 and bidi characters.
void append_json_text(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t run = i;  // printable ASCII but the quote and the backslash, as it is
    while (run < text.size()) {
      const auto byte = static_cast<unsigned char>(text[run]);
      if (byte < 0x20 || byte >= 0x7F || byte == '"' || byte == '\\') break;
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const char ch = text[i];
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
      ++i;
      continue;
    }
    const std::optional<DecodedUtf8> decoded = decode_utf8(text.substr(i));
    if (!decoded) {  // invalid UTF-8: replaced as nlohmann replaces it
      out.resize(start);
      out += dump(Json(std::string(text)), -1);
      return;
    }
    const char32_t c = decoded->code_point;
    switch (c) {
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (is_control_character(c) || is_bidi_control(c)) {
          out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(c));
        } else {
          out.append(text.data() + i, decoded->length);
        }
    }
    i += decoded->length;
  }
  out += '"';
}

}  // namespace output

namespace {

using namespace output;

// ---- text table -------------------------------------------------------------------------------

struct TextCell {
  std::string text;
  bool right_aligned = false;
  Tone tone = Tone::kPlain;
};

// A cell as the table shows it, into `to` (whose memory is reused row after row); its tone
// (io/cell_tone.h) only when the table is coloured.
void set_text_cell(TextCell& to, const Cell& cell, std::string_view key, bool colour) {
  to.text.clear();
  if (const auto* text = std::get_if<std::string>(&cell)) {
    append_single_line(to.text, *text);
  } else {
    append_single_line(to.text, cell_text(cell, Format::kTable));
  }
  to.right_aligned = is_number(cell);
  to.tone = colour ? cell_tone(key, cell) : Tone::kPlain;
}

// Whether a column may be cut to fit a terminal: text and yes/no may; numbers, money, percents,
// dates and times, declared or found in a cell, may not (a cut number reads as another number).
bool cuttable_kind(ColumnKind kind) {
  return kind != ColumnKind::kNumber && kind != ColumnKind::kMoney &&
         kind != ColumnKind::kPercent && kind != ColumnKind::kDate && kind != ColumnKind::kTime;
}

bool cuttable_cell(const Cell& cell) {
  return std::holds_alternative<std::monostate>(cell) ||
         std::holds_alternative<std::string>(cell) || std::holds_alternative<bool>(cell);
}

// Header, a rule of '-' per column, then the rows; an empty table shows its header and rule, so
// that scripts and eyes see the same shape whether or not anything matched. The first
// `buffer_rows` rows are held to measure the widths and judge each header's alignment (right
// when every non-null cell held is a number); later rows are written at once with those widths.
// On a terminal (RenderOptions fit_width, colour) the widths are then fitted to the line width
// (fit_column_widths), each cut cell ends in "…" (cut_to_width), and trouble is coloured.
class TextTableWriter : public RowWriter {
 public:
  TextTableWriter(std::ostream& out, std::size_t buffer_rows, const RenderOptions& options)
      : out_(out),
        buffer_rows_(std::max<std::size_t>(buffer_rows, 1)),
        fit_width_(options.fit_width),
        colour_(options.colour) {}

  void begin(const std::vector<Column>& columns) override {
    header_.clear();
    widths_.clear();
    keys_.clear();
    for (const Column& column : columns) {
      header_.push_back(TextCell{shown_heading(heading_of(column)), false});
      widths_.push_back(display_width(header_.back().text));
      keys_.push_back(column.key);
    }
    any_number_.assign(columns.size(), false);
    all_numbers_.assign(columns.size(), true);
    cuttable_.clear();
    for (const Column& column : columns) cuttable_.push_back(cuttable_kind(column.kind));
    cells_.assign(columns.size(), TextCell{});
  }

  void row(const std::vector<Cell>& values) override {
    if (header_.empty()) return;
    if (flushed_) {
      for (std::size_t c = 0; c < cells_.size(); ++c) {
        set_text_cell(cells_[c], cell_at(values, c), keys_[c], colour_);
      }
      write_row(cells_);
      return;
    }
    std::vector<TextCell> cells(header_.size());
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const Cell& cell = cell_at(values, c);
      set_text_cell(cells[c], cell, keys_[c], colour_);
      widths_[c] = std::max(widths_[c], display_width(cells[c].text));
      if (!cuttable_cell(cell)) cuttable_[c] = false;
      if (std::holds_alternative<std::monostate>(cell)) continue;
      if (is_number(cell)) {
        any_number_[c] = true;
      } else {
        all_numbers_[c] = false;
      }
    }
    held_.push_back(std::move(cells));
    if (held_.size() >= buffer_rows_) flush();
  }

  void finish() override {
    if (!flushed_) flush();
    out_.flush();
  }

 private:
  void flush() {
    flushed_ = true;
    if (header_.empty()) return;
    for (std::size_t c = 0; c < header_.size(); ++c) {
      header_[c].right_aligned = any_number_[c] && all_numbers_[c];
    }
    if (fit_width_ > 0) widths_ = fit_column_widths(widths_, cuttable_, fit_width_);
    write_row(header_);
    std::string& rule = out_.text();
    const std::size_t start = rule.size();
    for (std::size_t c = 0; c < widths_.size(); ++c) {
      if (c > 0) rule += "  ";
      rule.append(widths_[c], '-');
    }
    end_line(start);
    for (const auto& cells : held_) write_row(cells);
    held_.clear();
    held_.shrink_to_fit();
  }

  void write_row(const std::vector<TextCell>& cells) {
    std::string& line = out_.text();
    const std::size_t start = line.size();
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) line += "  ";
      const TextCell& cell = cells[c];
      if (fit_width_ == 0 && cell.tone == Tone::kPlain) {
        append_padded(line, cell.text, widths_[c], cell.right_aligned);
        continue;
      }
      std::size_t width = display_width(cell.text);
      std::string cut;
      if (width > widths_[c] && cuttable_[c] && fit_width_ > 0) {
        cut = cut_to_width(cell.text, widths_[c]);
        width = display_width(cut);
      }
      const std::string& shown = cut.empty() ? cell.text : cut;
      const std::size_t fill = widths_[c] - std::min(widths_[c], width);
      if (cell.right_aligned) line.append(fill, ' ');
      if (cell.tone == Tone::kPlain) {
        line += shown;
      } else {
        line += tone_start(cell.tone);
        line += shown;
        line += kToneEnd;
      }
      if (!cell.right_aligned) line.append(fill, ' ');
    }
    end_line(start);
  }

  // Ends the line begun at `start` of the buffer without its trailing blanks.
  void end_line(std::size_t start) {
    std::string& text = out_.text();
    std::size_t end = text.size();
    while (end > start && text[end - 1] == ' ') --end;
    text.resize(end);
    text += '\n';
    out_.written();
  }

  OutBuffer out_;
  std::size_t buffer_rows_;
  std::size_t fit_width_;
  bool colour_;
  std::vector<TextCell> header_;
  std::vector<std::size_t> widths_;
  std::vector<std::string> keys_;
  std::vector<bool> cuttable_;
  std::vector<bool> any_number_;
  std::vector<bool> all_numbers_;
  std::vector<std::vector<TextCell>> held_;
  std::vector<TextCell> cells_;  // the row being written once the widths are known
  bool flushed_ = false;
};

// ---- CSV and TSV ------------------------------------------------------------------------------

// CSV (comma, CRLF as RFC 4180 says) or TSV (tab, LF). For Excel (--bom) a text cell that would
// start a formula is prefixed with ' (finding 7); numbers, money and dates are typed and never
// are.
class DelimitedWriter : public RowWriter {
 public:
  DelimitedWriter(std::ostream& out, bool csv, bool guard_formulas)
      : out_(out), csv_(csv), guard_formulas_(guard_formulas) {}

  void begin(const std::vector<Column>& columns) override {
    columns_ = columns.size();
    std::string& line = out_.text();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) line += separator();
      append_field(line, columns[i].key, {});
    }
    end_line();
  }

  void row(const std::vector<Cell>& cells) override {
    std::string& line = out_.text();
    for (std::size_t i = 0; i < columns_; ++i) {
      if (i > 0) line += separator();
      const Cell& cell = cell_at(cells, i);
      if (const auto* text = std::get_if<std::string>(&cell)) {
        const bool guarded = guard_formulas_ && starts_formula(*text);
        append_field(line, *text, guarded ? "'" : "");
      } else if (!std::holds_alternative<std::monostate>(cell)) {
        append_field(line, cell_text(cell, csv_ ? Format::kCsv : Format::kTsv), {});
      }
    }
    end_line();
  }

  void finish() override { out_.flush(); }

 private:
  char separator() const { return csv_ ? ',' : '\t'; }
  void append_field(std::string& line, std::string_view text, std::string_view prefix) {
    if (csv_) {
      append_csv_field(line, text, prefix);
    } else {
      append_tsv_field(line, text, prefix);
    }
  }
  void end_line() {
    out_.text() += csv_ ? "\r\n" : "\n";
    out_.written();
  }

  OutBuffer out_;
  bool csv_;
  bool guard_formulas_;
  std::size_t columns_ = 0;
};

// ---- JSON and JSON Lines ----------------------------------------------------------------------

Json row_object(const std::vector<Column>& columns, const std::vector<Cell>& row) {
  Json object = Json::object();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    put_cell(object, columns[c].key, cell_at(row, c), columns[c].kind);
  }
  return object;
}

// The keys of a column as written before its values: `"key": ` (or `"key":` compact), and the
// same for KEY_fen and KEY_bp.
struct JsonKeys {
  std::string plain;
  std::string fen;
  std::string bp;
};

// JSON: the array of objects as an indented dump of the whole would print it, written one
// element at a time; JSON Lines: one compact object per line. The objects are written here
// member by member, as nlohmann's dump (with dump()'s escapes) would write them, with the keys
// escaped once; only when two columns could write the same key (a later one then replaces the
// value of the earlier in place) is the row built as a nlohmann object and dumped.
class JsonWriter : public RowWriter {
 public:
  JsonWriter(std::ostream& out, bool lines) : out_(out), lines_(lines) {}

  void begin(const std::vector<Column>& columns) override {
    columns_ = columns;
    keys_.clear();
    std::vector<std::string> all;
    const std::string after = lines_ ? ":" : ": ";
    for (const Column& column : columns) {
      const auto key = [&](const std::string& name) {
        all.push_back(name);
        std::string text;
        append_json_text(text, name);
        return text + after;
      };
      keys_.push_back(JsonKeys{key(column.key), key(column.key + "_fen"), key(column.key + "_bp")});
    }
    std::sort(all.begin(), all.end());
    unique_keys_ = std::adjacent_find(all.begin(), all.end()) == all.end();
  }

  void row(const std::vector<Cell>& cells) override {
    std::string& text = out_.text();
    if (!lines_) text += rows_ == 0 ? "[\n  " : ",\n  ";
    if (unique_keys_) {
      write_object(text, cells);
    } else {
      append_dump(text, row_object(columns_, cells));
    }
    if (lines_) text += '\n';
    ++rows_;
    out_.written();
  }

  void finish() override {
    if (!lines_) out_.text() += rows_ == 0 ? "[]\n" : "\n]\n";
    out_.flush();
  }

 private:
  void write_object(std::string& text, const std::vector<Cell>& cells) {
    if (columns_.empty()) {
      text += "{}";
      return;
    }
    text += '{';
    bool first = true;
    const auto member = [&](const std::string& key) {
      if (lines_) {
        if (!first) text += ',';
      } else {
        text += first ? "\n    " : ",\n    ";
      }
      first = false;
      text += key;
    };
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const Cell& cell = cell_at(cells, c);
      const JsonKeys& keys = keys_[c];
      member(keys.plain);
      if (const auto* value = std::get_if<std::string>(&cell)) {
        if (columns_[c].kind == ColumnKind::kJson) {
          append_nested(text, nested_json(*value));
        } else {
          append_json_text(text, *value);
        }
      } else if (const auto* number = std::get_if<std::int64_t>(&cell)) {
        text += fmt::format_int(*number).str();
      } else if (const auto* flag = std::get_if<bool>(&cell)) {
        text += *flag ? "true" : "false";
      } else if (const auto* money = std::get_if<Money>(&cell)) {
        append_json_text(text, format_money(*money, false));
        member(keys.fen);
        text += fmt::format_int(money->fen).str();
      } else if (const auto* percent = std::get_if<Percent>(&cell)) {
        append_json_text(text, percent_text(percent->bp));
        member(keys.bp);
        text += fmt::format_int(percent->bp).str();
      } else if (const auto* date = std::get_if<Date>(&cell)) {
        append_json_text(text, format_date(*date));
      } else {
        text += "null";
        if (columns_[c].kind == ColumnKind::kMoney) {
          member(keys.fen);
          text += "null";
        } else if (columns_[c].kind == ColumnKind::kPercent) {
          member(keys.bp);
          text += "null";
        }
      }
    }
    text += lines_ ? "}" : "\n  }";
  }

  // A value nested in a row's object: compact in JSON Lines, else indented as a member of an
  // object in the array (two levels deep).
  void append_nested(std::string& text, const Json& value) const {
    if (lines_) {
      text += dump(value, -1);
      return;
    }
    for (const char ch : dump(value, 2)) {
      text += ch;
      if (ch == '\n') text += "    ";
    }
  }

  // The object dumped; indented one level deeper in an array (its line breaks are its own).
  void append_dump(std::string& text, const Json& object) const {
    if (lines_) {
      text += dump(object, -1);
      return;
    }
    for (const char ch : dump(object, 2)) {
      text += ch;
      if (ch == '\n') text += "  ";
    }
  }

  OutBuffer out_;
  bool lines_;
  std::vector<Column> columns_;
  std::vector<JsonKeys> keys_;
  bool unique_keys_ = true;
  std::size_t rows_ = 0;
};

}  // namespace

namespace output {
std::unique_ptr<RowWriter> make_delimited_writer(std::ostream& out, bool csv, bool guard_formulas) {
  return std::make_unique<DelimitedWriter>(out, csv, guard_formulas);
}
}  // namespace output

std::unique_ptr<RowWriter> make_row_writer(std::ostream& out, const RenderOptions& options,
                                           std::size_t table_buffer_rows) {
  const bool delimited = options.format == Format::kCsv || options.format == Format::kTsv;
  if (options.bom && delimited) out << kBom;
  switch (options.format) {
    case Format::kTable:
      return std::make_unique<TextTableWriter>(out, table_buffer_rows, options);
    case Format::kCsv:
    case Format::kTsv:
      return std::make_unique<DelimitedWriter>(out, options.format == Format::kCsv, options.bom);
    case Format::kJson:
    case Format::kJsonl:
      break;
    case Format::kXlsx:
    case Format::kHtml:
      throw Error(ErrorCode::kUsage, "an .xlsx workbook or an HTML page is not text for a stream",
                  "write it to a file with -o FILE");
  }
  return std::make_unique<JsonWriter>(out, options.format == Format::kJsonl);
}

}  // namespace aftersales
