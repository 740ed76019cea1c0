// Reads a worksheet of an Excel 97-2003 .xls workbook (BIFF in an OLE2 compound file) with
// libfreexl, handing its cells over as the .xlsx reader does: numbers as written, dates as
// Excel serials, so that the importer's mapping (excel_dates) treats both workbooks alike.
//
// libfreexl parses the whole workbook when it opens it and then answers cell by cell; the
// format's own bounds (65,536 rows, 256 columns) and the file size check below bound what that
// costs. It decodes text (any code page, UTF-16) to UTF-8 and converts date cells (either date
// system) to "YYYY-MM-DD[ HH:MM:SS]" text, which is turned back into a 1900 serial here.
#include <freexl.h>
#include <sys/stat.h>

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aftersales/core/error.h"
#include "aftersales/core/time.h"
#include "aftersales/io/sheets/excel_date.h"
#include "aftersales/io/sheets/record_source.h"

namespace aftersales {
namespace {

constexpr const char* kResaveHint =
    "open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or CSV";

// libfreexl's handle, closed however the reader ends (also after a failed open, as it asks).
struct FreexlClose {
  void operator()(const void* handle) const { freexl_close(handle); }
};
using FreexlHandle = std::unique_ptr<const void, FreexlClose>;

// What libfreexl's error `code` means, for messages.
const char* describe_freexl(int code) {
  switch (code) {
    case FREEXL_FILE_NOT_FOUND:
      return "the file cannot be read";
    case FREEXL_INSUFFICIENT_MEMORY:
      return "out of memory";
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
    case FREEXL_CFBF_INVALID_SECTOR_SIZE:
    case FREEXL_CFBF_EMPTY_FAT_CHAIN:
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY:
    case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
    case FREEXL_INVALID_MINI_STREAM:
    case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR:
      return "its compound file structure is damaged";
    case FREEXL_BIFF_INVALID_BOF:
    case FREEXL_BIFF_INVALID_SST:
    case FREEXL_BIFF_ILLEGAL_SST_INDEX:
      return "its workbook records are damaged";
    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET:
      return "its text is in a code page that cannot be converted";
    case FREEXL_ILLEGAL_RK_VALUE:
      return "a number cannot be read";
    case FREEXL_CRAFTED_FILE:
      return "it is severely damaged, or crafted to harm its reader";
    default:
      return "libfreexl cannot read it";
  }
}

// The error for a workbook libfreexl refused to open.
Error open_failed(const std::string& file, int code) {
  if (code == FREEXL_BIFF_WORKBOOK_NOT_FOUND) {
    // An OLE2 file without a Workbook stream: Excel keeps a password-protected .xlsx in one.
    return Error(ErrorCode::kInvalidInput,
                 fmt::format("{} is an OLE2 compound file without an Excel workbook in it (a "
                             "password-protected .xlsx, or a Word or other Office document)",
                             file),
                 std::string(kResaveHint) + ", without a password");
  }
  return Error(ErrorCode::kInvalidInput,
               fmt::format("{} is an Excel 97-2003 .xls workbook that cannot be read: {} "
                           "(libfreexl error {})",
                           file, describe_freexl(code), code),
               kResaveHint);
}

// "C" for the 0-based column 2, "AB" for 27.
std::string column_letters(unsigned column) {
  std::string letters;
  for (unsigned n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

// The shortest decimal that reads back as `value`: "6102", "0.5", "1e+16".
std::string number_text(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return fmt::format("{}", static_cast<std::int64_t>(value));
  }
  return fmt::format("{}", value);
}

// The Excel serial of libfreexl's "YYYY-MM-DD" (a date cell) or "YYYY-MM-DD HH:MM:SS" (a date
// and time), as the .xlsx reader hands it over: "45717", "45717.75". nullopt when the text is
// neither or the date has no serial (before 1900).
std::optional<std::string> serial_of_date_text(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  const std::optional<Date> date = parse_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  const std::optional<std::int64_t> serial = excel_serial_of(*date);
  if (!serial) return std::nullopt;
  if (text.size() == 10) return std::to_string(*serial);
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  char tail = 0;
  const std::string clock(text.substr(10));
  if (std::sscanf(clock.c_str(), " %2d:%2d:%2d%c", &hours, &minutes, &seconds, &tail) != 3) {
    return std::nullopt;
  }
  return number_text(static_cast<double>(*serial) +
                     (hours * 3600 + minutes * 60 + seconds) / 86400.0);
}

// libfreexl's "HH:MM:SS" of a time cell as the fraction of a day the .xlsx reader gives: "0.75".
std::optional<std::string> fraction_of_time_text(const char* text) {
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  char tail = 0;
  if (std::sscanf(text, "%2d:%2d:%2d%c", &hours, &minutes, &seconds, &tail) != 3) {
    return std::nullopt;
  }
  return number_text((hours * 3600 + minutes * 60 + seconds) / 86400.0);
}

class XlsSource final : public RecordSource {
 public:
  XlsSource(const std::string& path, std::string file, const std::string& sheet,
            const XlsxLimits& limits)
      : file_(std::move(file)) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
      throw Error(ErrorCode::kInvalidInput, fmt::format("{}: cannot be read", file_),
                  "check the file name and its permissions");
    }
    total_bytes_ = static_cast<std::uint64_t>(status.st_size);
    // libfreexl holds the whole workbook: the bound of an .xlsx part holds for the file.
    if (total_bytes_ > limits.max_part_bytes) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("{} is {} bytes, over the limit of {} bytes for an .xls workbook "
                              "(import.xlsx_max_part_mb)",
                              file_, total_bytes_, limits.max_part_bytes),
                  "if the workbook is genuine, raise xlsx_max_part_mb in the rulebook's "
                  "[import] table, or save the sheet as CSV");
    }
    check_header(path, limits);

    const void* raw = nullptr;
    const int code = freexl_open(path.c_str(), &raw);
    handle_.reset(raw);
    if (code != FREEXL_OK) throw open_failed(file_, code);
    select_sheet(sheet);
  }

  bool next(SourceRecord& record) override {
    record.problem.clear();
    record.problem_column = 0;
    while (row_ < rows_) {
      const unsigned row = row_++;
      record.fields.clear();
      std::size_t used = 0;  // fields up to the last one with a value
      for (unsigned short column = 0; column < columns_; ++column) {
        record.fields.emplace_back();
        if (read_cell(row, column, record)) used = column + 1U;
      }
      record.fields.resize(used);
      if (used == 0 && record.problem.empty()) continue;  // a row without values: as if absent
      record.line = static_cast<std::int64_t>(row) + 1;
      record.record = ++records_;
      record.field_lines.assign(record.fields.size(), record.line);
      return true;
    }
    record.fields.clear();
    record.field_lines.clear();
    return false;
  }

  // libfreexl reads the file whole on opening; progress is the share of rows handed over.
  std::uint64_t bytes_read() const override {
    return rows_ == 0 ? total_bytes_ : total_bytes_ * row_ / rows_;
  }
  std::uint64_t total_bytes() const override { return total_bytes_; }
  std::string encoding() const override { return "xls"; }
  std::string format() const override { return "xls"; }

 private:
  // What libfreexl tells from the header alone: a password, and the count of strings the
  // workbook holds (bounded as an .xlsx's shared strings are).
  void check_header(const std::string& path, const XlsxLimits& limits) const {
    const void* raw = nullptr;
    const int code = freexl_open_info(path.c_str(), &raw);
    const FreexlHandle info(raw);
    if (code != FREEXL_OK) throw open_failed(file_, code);
    unsigned int value = 0;
    if (freexl_get_info(info.get(), FREEXL_BIFF_PASSWORD, &value) == FREEXL_OK &&
        value == FREEXL_BIFF_OBFUSCATED) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("{} is a password-protected .xls workbook", file_),
                  std::string(kResaveHint) + ", without a password");
    }
    if (freexl_get_info(info.get(), FREEXL_BIFF_STRING_COUNT, &value) == FREEXL_OK &&
        value != FREEXL_UNKNOWN && value > limits.max_shared_strings) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("{} holds {} strings, over the limit of {} "
                              "(import.xlsx_max_shared_strings)",
                              file_, value, limits.max_shared_strings),
                  "if the workbook is genuine, raise xlsx_max_shared_strings in the rulebook's "
                  "[import] table, or save the sheet as CSV");
    }
  }

  void select_sheet(const std::string& wanted) {
    unsigned int count = 0;
    if (freexl_get_info(handle_.get(), FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK ||
        count == 0) {
      throw Error(ErrorCode::kInvalidInput, fmt::format("{} has no worksheet", file_),
                  "put the data on a worksheet and save it as .xlsx (Excel Workbook)");
    }
    unsigned short index = 0;
    if (!wanted.empty()) {
      std::string names;
      bool found = false;
      for (unsigned short i = 0; i < count && !found; ++i) {
        const char* name = nullptr;
        if (freexl_get_worksheet_name(handle_.get(), i, &name) != FREEXL_OK || name == nullptr) {
          continue;
        }
        found = wanted == name;
        if (found) index = i;
        names += fmt::format("{}\"{}\"", names.empty() ? "" : ", ", name);
      }
      if (!found) {
        throw Error(ErrorCode::kInvalidInput,
                    fmt::format("{} has no worksheet named \"{}\"", file_, wanted),
                    fmt::format("its worksheets are {}; name one of them", names));
      }
    }
    int code = freexl_select_active_worksheet(handle_.get(), index);
    if (code == FREEXL_OK) code = freexl_worksheet_dimensions(handle_.get(), &rows_, &columns_);
    if (code != FREEXL_OK) throw open_failed(file_, code);
  }

  // Reads the cell into record.fields[column]; returns whether it holds a value. A cell that
  // cannot be read is the record's problem (its first one only).
  bool read_cell(unsigned row, unsigned short column, SourceRecord& record) const {
    std::string& text = record.fields[column];
    FreeXL_CellValue cell{};
    const int code = freexl_get_cell_value(handle_.get(), row, column, &cell);
    if (code != FREEXL_OK) {
      if (record.problem.empty()) {
        record.problem =
            fmt::format("cell {}{} cannot be read: {} (libfreexl error {}); {}",
                        column_letters(column), row + 1, describe_freexl(code), code, kResaveHint);
        record.problem_column = column + 1;
      }
      return true;
    }
    switch (cell.type) {
      case FREEXL_CELL_INT:
        text = std::to_string(cell.value.int_value);
        break;
      case FREEXL_CELL_DOUBLE:
        text = number_text(cell.value.double_value);
        break;
      case FREEXL_CELL_TEXT:
      case FREEXL_CELL_SST_TEXT:
        text = cell.value.text_value != nullptr ? cell.value.text_value : "";
        break;
      case FREEXL_CELL_DATE:
      case FREEXL_CELL_DATETIME:
        text = cell.value.text_value != nullptr ? cell.value.text_value : "";
        if (auto serial = serial_of_date_text(text)) text = *serial;
        break;
      case FREEXL_CELL_TIME:
        text = cell.value.text_value != nullptr ? cell.value.text_value : "";
        if (auto fraction = fraction_of_time_text(text.c_str())) text = *fraction;
        break;
      default:  // FREEXL_CELL_NULL
        break;
    }
    return !text.empty();
  }

  std::string file_;
  FreexlHandle handle_;
  unsigned int rows_ = 0;
  unsigned short columns_ = 0;
  unsigned int row_ = 0;  // the next row to read, 0-based
  std::int64_t records_ = 0;
  std::uint64_t total_bytes_ = 0;
};

}  // namespace

std::unique_ptr<RecordSource> open_xls(const std::string& path, const std::string& name,
                                       const std::string& sheet, const XlsxLimits& limits) {
  return std::make_unique<XlsSource>(path, name.empty() ? path : name, sheet, limits);
}

}  // namespace aftersales
