// Reading <sheetData>: each <row> becomes a record of its cells' text, by the cell's type (shared
// string, inline string, number as written, boolean); a cell that cannot be placed is the row's
// problem.
#include "io/sheets/worksheet_reader.h"

#include <fmt/format.h>

#include <deque>
#include <optional>
#include <string_view>
#include <utility>

#include "io/sheets/cell_reference.h"
#include "io/sheets/xlsx_reader.h"
#include "io/sheets/xml_driver.h"

namespace aftersales::xlsx {
namespace {

constexpr int kNoColumn = -1;  // a cell whose reference cannot be read

enum class CellType {
  kNumber,
  kSharedString,
  kInlineString,
  kFormulaString,
  kBoolean,
  kError,
  kOther
};

CellType cell_type_of(const XML_Char* type) {
  if (type == nullptr) return CellType::kNumber;
  const std::string_view t(type);
  if (t == "n") return CellType::kNumber;
  if (t == "s") return CellType::kSharedString;
  if (t == "inlineStr") return CellType::kInlineString;
  if (t == "str") return CellType::kFormulaString;
  if (t == "b") return CellType::kBoolean;
  if (t == "e") return CellType::kError;
  return CellType::kOther;  // "d" (an ISO 8601 date) and anything new: the value as written
}

}  // namespace

// The cells of <sheetData>, a row at a time. Suspends the parser after each row that holds a
// value or a problem, so the reader can hand it over before reading on.
class SheetHandler : public HandlerBase {
 public:
  explicit SheetHandler(const SharedStrings& shared_strings) : shared_strings_(shared_strings) {}

  // Rows finished and not yet handed over: usually none or one.
  std::deque<SourceRecord>& ready() { return ready_; }

  void start(std::string_view name, const XML_Char** attributes) {
    ++depth_;
    if (cell_depth_ != 0) {
      start_in_cell(name);
    } else if (row_depth_ != 0) {
      if (name == "c" && depth_ == row_depth_ + 1) start_cell(attributes);
    } else if (sheet_data_depth_ != 0) {
      if (name == "row" && depth_ == sheet_data_depth_ + 1) start_row(attributes);
    } else if (name == "sheetData") {
      sheet_data_depth_ = depth_;
    }
  }

  void end(std::string_view name) {
    if (cell_depth_ != 0) {
      if (depth_ == cell_depth_) {
        end_cell();
      } else if (depth_ == value_depth_) {
        value_depth_ = 0;
      } else if (depth_ == inline_depth_) {
        inline_depth_ = 0;
      } else if (inline_depth_ != 0) {
        rich_text_.end(name, depth_);
      }
    } else if (row_depth_ != 0 && depth_ == row_depth_) {
      end_row();
    } else if (depth_ == sheet_data_depth_) {
      sheet_data_depth_ = 0;
    }
    --depth_;
  }

  void text(const XML_Char* data, std::size_t length) {
    if (value_depth_ != 0) {
      value_.append(data, length);
    } else if (inline_depth_ != 0 && rich_text_.collecting()) {
      inline_text_.append(data, length);
    }
  }

 private:
  void start_row(const XML_Char** attributes) {
    row_depth_ = depth_;
    row_ = SourceRecord{};
    next_column_ = 0;
    const XML_Char* number = attribute(attributes, "r");
    const std::optional<std::int64_t> parsed =
        number != nullptr ? row_number_of(number) : std::nullopt;
    row_.line = parsed ? *parsed : last_row_ + 1;
    if (number != nullptr && !parsed) {
      add_problem(fmt::format("row number \"{}\" is not one of 1 to {}", number, kMaxRows), 0);
    }
  }

  void end_row() {
    row_depth_ = 0;
    last_row_ = row_.line;
    if (row_.fields.empty() && row_.problem.empty()) return;  // blank: as if absent
    row_.record = ++records_;
    row_.field_lines.assign(row_.fields.size(), row_.line);
    ready_.push_back(std::move(row_));
    XML_StopParser(parser, XML_TRUE);
  }

  void start_cell(const XML_Char** attributes) {
    cell_depth_ = depth_;
    cell_type_ = cell_type_of(attribute(attributes, "t"));
    value_.clear();
    inline_text_.clear();
    has_inline_ = false;
    cell_column_ = next_column_;
    const XML_Char* reference = attribute(attributes, "r");
    if (reference != nullptr) {
      const std::optional<int> column = column_of(reference);
      if (!column) {
        // Where the cell belongs is unknown: it is left out, and the row says why.
        add_problem(
            fmt::format("cell reference \"{}\" is not a cell of A1 to XFD{}", reference, kMaxRows),
            0);
        cell_column_ = kNoColumn;
        return;
      }
      cell_column_ = *column;
    }
    next_column_ = cell_column_ + 1;
  }

  void start_in_cell(std::string_view name) {
    if (depth_ == cell_depth_ + 1) {
      if (name == "v") {
        value_depth_ = depth_;
      } else if (name == "is") {
        inline_depth_ = depth_;
        has_inline_ = true;
        rich_text_.reset();
      }
    } else if (inline_depth_ != 0) {
      rich_text_.start(name, depth_);
    }
  }

  void end_cell() {
    cell_depth_ = 0;
    value_depth_ = 0;
    inline_depth_ = 0;
    if (cell_column_ == kNoColumn) return;
    if (cell_column_ >= kMaxColumns) {
      add_problem("a cell lies beyond column XFD, the last one Excel has", 0);
      return;
    }
    std::string text = cell_text();
    if (text.empty()) return;
    if (row_.fields.size() <= static_cast<std::size_t>(cell_column_)) {
      row_.fields.resize(static_cast<std::size_t>(cell_column_) + 1);
    }
    row_.fields[static_cast<std::size_t>(cell_column_)] = std::move(text);
  }

  // The text of the cell just closed, by its type.
  std::string cell_text() {
    switch (cell_type_) {
      case CellType::kSharedString:
        return shared_string();
      case CellType::kInlineString:
        if (has_inline_) {
          decode_escapes(inline_text_);
          return std::move(inline_text_);
        }
        decode_escapes(value_);
        return std::move(value_);
      case CellType::kFormulaString:
        decode_escapes(value_);
        return std::move(value_);
      case CellType::kBoolean:
        if (value_ == "1") return "TRUE";
        if (value_ == "0") return "FALSE";
        return std::move(value_);
      case CellType::kNumber:
      case CellType::kError:
      case CellType::kOther:
        break;
    }
    return std::move(value_);
  }

  std::string shared_string() {
    if (value_.empty()) return {};
    std::size_t index = 0;
    bool valid = value_.size() <= 18;
    for (const char c : value_) {
      valid = valid && c >= '0' && c <= '9';
      if (valid) index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    if (valid && index < shared_strings_.size()) return std::string(shared_strings_.at(index));
    add_problem(fmt::format("the cell refers to shared string \"{}\", which the workbook does "
                            "not have (it has {})",
                            value_.substr(0, 40), shared_strings_.size()),
                cell_column_ + 1);
    return {};
  }

  // Keeps the row's first problem; a file with one has usually many.
  void add_problem(std::string problem, int column) {
    if (!row_.problem.empty()) return;
    row_.problem = std::move(problem);
    row_.problem_column = column;
  }

  const SharedStrings& shared_strings_;
  std::deque<SourceRecord> ready_;
  SourceRecord row_;
  std::int64_t last_row_ = 0;
  std::int64_t records_ = 0;
  int depth_ = 0;
  int sheet_data_depth_ = 0;
  int row_depth_ = 0;
  int cell_depth_ = 0;
  int value_depth_ = 0;
  int inline_depth_ = 0;
  int next_column_ = 0;
  int cell_column_ = 0;
  CellType cell_type_ = CellType::kNumber;
  bool has_inline_ = false;
  std::string value_;
  std::string inline_text_;
  RichTextCollector rich_text_;
};

WorksheetReader::WorksheetReader(ZipFile part, PartBudget budget,
                                 const SharedStrings& shared_strings, std::string where,
                                 std::size_t chunk_bytes)
    : handler_(std::make_unique<SheetHandler>(shared_strings)),
      driver_(std::make_unique<XmlDriver>(std::move(part), std::move(budget), *handler_,
                                          std::move(where), chunk_bytes)) {}

WorksheetReader::~WorksheetReader() = default;

bool WorksheetReader::next(SourceRecord& record) {
  std::deque<SourceRecord>& ready = handler_->ready();
  while (ready.empty()) {
    if (!driver_->advance()) break;
  }
  if (ready.empty()) return false;
  record = std::move(ready.front());
  ready.pop_front();
  return true;
}

std::uint64_t WorksheetReader::bytes_read() const { return driver_->bytes_read(); }

}  // namespace aftersales::xlsx
