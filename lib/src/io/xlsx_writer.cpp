// .xlsx output with libxlsxwriter in constant_memory mode: rows go to a temporary file as they
// come, and workbook_close() zips the workbook into a temporary file beside the output, which
// commit() renames over it.
#include "aftersales/io/xlsx_writer.h"

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/io/render.h"

namespace aftersales {
namespace {

constexpr std::size_t kMaxSheetNameChars = 31;  // Excel's limit (LXW_SHEETNAME_MAX)
constexpr std::size_t kMaxCellChars = 32'767;   // Excel's limit of a text cell
constexpr double kMinColumnWidth = 8;
constexpr double kMaxColumnWidth = 60;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

Error storage_error(const std::string& what, const std::string& path, const std::string& why) {
  return Error(ErrorCode::kStorageUnavailable, "cannot " + what + " \"" + path + "\": " + why,
               "check that the directory exists and is writable and that the disk is not full");
}

Error library_error(const std::string& path, lxw_error error) {
  return storage_error("write", path, lxw_strerror(error));
}

// `text` as well-formed UTF-8 of at most `max_chars` code points (invalid bytes become U+FFFD,
// each one character).
std::string clean_text(std::string_view text, std::size_t max_chars) {
  std::string clean;
  clean.reserve(std::min(text.size(), max_chars * 4));
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size() && chars < max_chars; ++chars) {
    const auto decoded = decode_utf8(text.substr(i));
    if (decoded) {
      clean.append(text.substr(i, decoded->length));
      i += decoded->length;
    } else {
      clean.append(kReplacement);
      ++i;
    }
  }
  return clean;
}

std::string lower_ascii(std::string text) {
  for (char& ch : text) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return text;
}

// The temporary file beside `path` that libxlsxwriter writes: PATH.tmp.PID[.N], made
// exclusively so that no existing file or link is followed, then handed over by name.
std::string reserve_temporary(const std::string& path) {
  const std::string base = path + ".tmp." + std::to_string(::getpid());
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name = attempt == 0 ? base : base + "." + std::to_string(attempt);
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      return name;
    }
    if (errno != EEXIST) throw storage_error("write", path, std::strerror(errno));
  }
  throw storage_error("write", path, std::strerror(EEXIST));
}

std::string parent_directory(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

void fsync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::string xlsx_sheet_name(std::string_view wanted) {
  std::string name = clean_text(wanted, kMaxSheetNameChars * 4);
  for (char& ch : name) {
    if (std::string_view("[]:*?/\\").find(ch) != std::string_view::npos) ch = '_';
  }
  while (!name.empty() && name.front() == '\'') name.erase(0, 1);
  name = clean_text(name, kMaxSheetNameChars);
  while (!name.empty() && name.back() == '\'') name.pop_back();
  return name.empty() ? "Sheet" : name;
}

struct XlsxWriter::State {
  std::string path;
  std::string temporary;
  std::string directory;
  lxw_workbook* workbook = nullptr;
  lxw_format* header = nullptr;
  lxw_format* money = nullptr;
  lxw_format* percent = nullptr;
  lxw_format* date = nullptr;
  std::set<std::string> taken;         // sheet names, lower-cased (Excel compares them so)
  std::deque<std::string> keep_alive;  // text libxlsxwriter may hold by pointer until close
  bool committed = false;

  // The current sheet.
  lxw_worksheet* sheet = nullptr;
  std::string sheet_name;
  std::size_t columns = 0;
  std::vector<std::string> titles;
  std::vector<double> widths;
  std::size_t rows = 0;
  bool charted = false;

  void check(lxw_error error) const {
    if (error != LXW_NO_ERROR) throw library_error(path, error);
  }

  void widen(std::size_t column, const std::string& text) {
    if (widths[column] >= kMaxColumnWidth) return;
    const double width = static_cast<double>(display_width(text)) + 2;
    widths[column] = std::max(widths[column], std::min(width, kMaxColumnWidth));
  }

  void write_text(lxw_row_t row, lxw_col_t column, const std::string& text, lxw_format* format) {
    // Always a string cell: worksheet_write_string never reads text as a formula. Most text is
    // short valid UTF-8 and goes as it is.
    const bool as_is = text.size() <= kMaxCellChars && is_valid_utf8(text);
    check(worksheet_write_string(sheet, row, column,
                                 as_is ? text.c_str() : clean_text(text, kMaxCellChars).c_str(),
                                 format));
  }

  void write_cell(lxw_row_t row, lxw_col_t column, const Cell& cell) {
    if (const auto* text = std::get_if<std::string>(&cell)) {
      write_text(row, column, *text, nullptr);
    } else if (const auto* number = std::get_if<std::int64_t>(&cell)) {
      check(worksheet_write_number(sheet, row, column, static_cast<double>(*number), nullptr));
    } else if (const auto* money_value = std::get_if<Money>(&cell)) {
      check(worksheet_write_number(sheet, row, column,
                                   static_cast<double>(money_value->fen) / 100.0, money));
    } else if (const auto* rate = std::get_if<Percent>(&cell)) {
      check(worksheet_write_number(sheet, row, column, static_cast<double>(rate->bp) / 10000.0,
                                   percent));
    } else if (const auto* day = std::get_if<Date>(&cell)) {
      lxw_datetime value{day->year(), day->month(), day->day(), 0, 0, 0.0};
      check(worksheet_write_datetime(sheet, row, column, &value, date));
    } else if (const auto* flag = std::get_if<bool>(&cell)) {
      check(worksheet_write_boolean(sheet, row, column, *flag ? 1 : 0, nullptr));
    } else {
      return;  // null: an empty cell
    }
    widen(column, cell_text(cell, Format::kTable));
  }
};

XlsxWriter::XlsxWriter(std::string path, XlsxOptions options) : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.path = std::move(path);
  s.directory = parent_directory(s.path);
  s.temporary = reserve_temporary(s.path);

  lxw_workbook_options workbook_options{};
  workbook_options.constant_memory = LXW_TRUE;
  // The row data goes beside the output (same disk), not to a /tmp that may live in memory.
  s.keep_alive.push_back(s.directory);
  workbook_options.tmpdir = s.keep_alive.back().data();
  s.workbook = workbook_new_opt(s.temporary.c_str(), &workbook_options);
  if (s.workbook == nullptr) {
    ::unlink(s.temporary.c_str());
    throw storage_error("write", s.path, "the workbook could not be created (out of memory?)");
  }

  lxw_doc_properties properties{};
  if (options.created) properties.created = static_cast<time_t>(options.created->seconds);
  std::string title = clean_text(options.title, 255);
  if (!title.empty()) properties.title = title.data();
  s.check(workbook_set_properties(s.workbook, &properties));

  s.header = workbook_add_format(s.workbook);
  format_set_bold(s.header);
  s.money = workbook_add_format(s.workbook);
  format_set_num_format(s.money, "#,##0.00");
  s.percent = workbook_add_format(s.workbook);
  format_set_num_format(s.percent, "0.00%");
  s.date = workbook_add_format(s.workbook);
  format_set_num_format(s.date, "yyyy-mm-dd");
}

XlsxWriter::~XlsxWriter() {
  if (!state_) return;
  State& s = *state_;
  if (!s.committed) {
    // workbook_close is the only way to free it; its output goes to the temporary file, which
    // is removed at once.
    if (s.workbook != nullptr) workbook_close(s.workbook);
    ::unlink(s.temporary.c_str());
  }
}

std::string XlsxWriter::begin_sheet(std::string_view name, const std::vector<Column>& columns) {
  end_sheet();
  State& s = *state_;
  if (columns.size() > LXW_COL_MAX) {
    throw Error(ErrorCode::kInvalidInput, fmt::format("a sheet takes at most {} columns, not {}",
                                                      LXW_COL_MAX, columns.size()));
  }
  const std::string base = xlsx_sheet_name(name);
  std::string chosen = base;
  for (int n = 2; s.taken.count(lower_ascii(chosen)) > 0; ++n) {
    const std::string suffix = fmt::format(" ({})", n);
    chosen = clean_text(base, kMaxSheetNameChars - suffix.size()) + suffix;
  }
  s.taken.insert(lower_ascii(chosen));
  s.sheet = workbook_add_worksheet(s.workbook, chosen.c_str());
  if (s.sheet == nullptr) throw storage_error("write", s.path, "the sheet could not be added");
  s.sheet_name = chosen;
  s.columns = columns.size();
  s.titles.clear();
  s.widths.assign(columns.size(), kMinColumnWidth);
  s.rows = 0;
  s.charted = false;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::string& title = columns[c].title.empty() ? columns[c].key : columns[c].title;
    s.titles.push_back(title);
    s.write_text(0, static_cast<lxw_col_t>(c), title, s.header);
    s.widen(c, title);
  }
  worksheet_freeze_panes(s.sheet, 1, 0);
  return chosen;
}

void XlsxWriter::add_row(const std::vector<Cell>& cells) {
  State& s = *state_;
  if (s.sheet == nullptr) throw std::logic_error("XlsxWriter::add_row outside a sheet");
  if (s.rows >= kXlsxMaxDataRows) {
    throw Error(ErrorCode::kInvalidInput,
                fmt::format("sheet \"{}\" is full: a sheet holds at most {} rows below its header",
                            s.sheet_name, kXlsxMaxDataRows),
                "narrow the rows (--month, --since) or write CSV, which has no such limit");
  }
  const auto row = static_cast<lxw_row_t>(s.rows + 1);
  const std::size_t count = std::min(cells.size(), s.columns);
  for (std::size_t c = 0; c < count; ++c) s.write_cell(row, static_cast<lxw_col_t>(c), cells[c]);
  ++s.rows;
}

void XlsxWriter::add_chart(const XlsxChart& chart) {
  State& s = *state_;
  if (s.sheet == nullptr) throw std::logic_error("XlsxWriter::add_chart outside a sheet");
  auto in_range = [&](std::size_t column) { return column < s.columns; };
  if (!in_range(chart.category_column) ||
      !std::all_of(chart.value_columns.begin(), chart.value_columns.end(), in_range)) {
    throw std::logic_error("XlsxWriter::add_chart: a column out of range");
  }
  lxw_chart* drawn = workbook_add_chart(
      s.workbook, chart.kind == XlsxChart::Kind::kLine ? LXW_CHART_LINE : LXW_CHART_COLUMN);
  if (drawn == nullptr) throw storage_error("write", s.path, "the chart could not be added");
  const auto first = static_cast<lxw_row_t>(1);
  const auto last = static_cast<lxw_row_t>(std::max<std::size_t>(s.rows, 1));
  const auto category = static_cast<lxw_col_t>(chart.category_column);
  for (const std::size_t column : chart.value_columns) {
    lxw_chart_series* series = chart_add_series(drawn, nullptr, nullptr);
    const auto value = static_cast<lxw_col_t>(column);
    chart_series_set_categories(series, s.sheet_name.c_str(), first, category, last, category);
    chart_series_set_values(series, s.sheet_name.c_str(), first, value, last, value);
    chart_series_set_name_range(series, s.sheet_name.c_str(), 0, value);
  }
  s.keep_alive.push_back(clean_text(chart.title, 255));
  if (!s.keep_alive.back().empty()) chart_title_set_name(drawn, s.keep_alive.back().c_str());
  s.keep_alive.push_back(clean_text(chart.y_axis_title, 255));
  if (!s.keep_alive.back().empty()) {
    chart_axis_set_name(drawn->y_axis, s.keep_alive.back().c_str());
  }
  chart_legend_set_position(drawn, LXW_CHART_LEGEND_BOTTOM);
  // Below the other charts of the sheet, two columns right of its data.
  const auto anchor_row = static_cast<lxw_row_t>(s.charted ? 18 : 1);
  s.check(
      worksheet_insert_chart(s.sheet, anchor_row, static_cast<lxw_col_t>(s.columns + 1), drawn));
  s.charted = true;
}

void XlsxWriter::end_sheet() {
  State& s = *state_;
  if (s.sheet == nullptr) return;
  for (std::size_t c = 0; c < s.columns; ++c) {
    const auto column = static_cast<lxw_col_t>(c);
    s.check(worksheet_set_column(s.sheet, column, column, s.widths[c], nullptr));
  }
  s.sheet = nullptr;
}

std::size_t XlsxWriter::rows() const { return state_->rows; }

void XlsxWriter::commit() {
  State& s = *state_;
  if (s.committed) return;
  end_sheet();
  if (s.taken.empty()) {
    begin_sheet("Sheet", {});
    end_sheet();
  }
  lxw_workbook* workbook = s.workbook;
  s.workbook = nullptr;  // workbook_close frees it whatever it returns
  const lxw_error closed = workbook_close(workbook);
  if (closed != LXW_NO_ERROR) {
    ::unlink(s.temporary.c_str());
    s.committed = true;  // nothing left for the destructor to do
    throw library_error(s.path, closed);
  }
  fsync_path(s.temporary, O_RDONLY);
  if (::rename(s.temporary.c_str(), s.path.c_str()) != 0) {
    const int error = errno;
    ::unlink(s.temporary.c_str());
    s.committed = true;
    throw storage_error("replace", s.path, std::strerror(error));
  }
  s.committed = true;
  fsync_path(s.directory, O_RDONLY | O_DIRECTORY);
}

void write_xlsx_table(const std::string& path, std::string_view sheet_name, const Table& table,
                      const XlsxOptions& options) {
  XlsxWriter writer(path, options);
  writer.begin_sheet(sheet_name, table.columns);
  for (const auto& row : table.rows) writer.add_row(row);
  writer.commit();
}

}  // namespace aftersales
