#include <xlsxwriter.h>

#include <stdexcept>

#include "table_writer.h"

namespace aftersales::bench {
namespace {

// 2026-01-01T00:00:00Z: the creation time written into every workbook (docProps/core.xml), so
// that the output depends on the arguments only.
constexpr time_t kCreated = 1767225600;
constexpr lxw_row_t kMaxRows = 1048576;  // Excel's row limit, header included

class XlsxWriter final : public TableWriter {
 public:
  XlsxWriter(const std::string& path, const XlsxOptions& options) : path_(path) {
    lxw_workbook_options workbook_options{};
    workbook_options.constant_memory = options.constant_memory ? LXW_TRUE : LXW_FALSE;
    workbook_ = workbook_new_opt(path.c_str(), &workbook_options);
    if (workbook_ == nullptr) throw std::runtime_error("cannot create workbook " + path);
    lxw_doc_properties properties{};
    properties.created = kCreated;
    workbook_set_properties(workbook_, &properties);
    worksheet_ = workbook_add_worksheet(workbook_, options.sheet.c_str());
    if (worksheet_ == nullptr) {
      workbook_close(workbook_);
      throw std::runtime_error("cannot add worksheet " + options.sheet);
    }
    header_format_ = workbook_add_format(workbook_);
    format_set_bold(header_format_);
    date_format_ = workbook_add_format(workbook_);
    format_set_num_format(date_format_, "yyyy-mm-dd");
    time_format_ = workbook_add_format(workbook_);
    format_set_num_format(time_format_, "yyyy-mm-dd hh:mm:ss");
  }

  ~XlsxWriter() override {
    // An unfinished workbook is closed (and written) anyway: libxlsxwriter has no abort.
    if (workbook_ != nullptr) workbook_close(workbook_);
  }

  void write_header(const std::vector<Column>& columns, HeaderLanguage language) override {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const auto column = static_cast<lxw_col_t>(i);
      check(worksheet_set_column(worksheet_, column, column, columns[i].width, nullptr));
      const char* name =
          language == HeaderLanguage::kChinese ? columns[i].chinese : columns[i].name;
      check(worksheet_write_string(worksheet_, 0, column, name, header_format_));
    }
    worksheet_freeze_panes(worksheet_, 1, 0);
    row_ = 1;
  }

  void write_row(const std::vector<Cell>& row) override {
    if (row_ >= kMaxRows) {
      throw std::runtime_error("an .xlsx worksheet holds at most 1048575 rows below its header");
    }
    for (std::size_t i = 0; i < row.size(); ++i) {
      const Cell& cell = row[i];
      if (cell.text.empty()) continue;
      const auto column = static_cast<lxw_col_t>(i);
      switch (cell.kind) {
        case CellKind::kText:
          check(worksheet_write_string(worksheet_, row_, column, cell.text.c_str(), nullptr));
          break;
        case CellKind::kInteger:
          check(worksheet_write_number(worksheet_, row_, column, cell.number, nullptr));
          break;
        case CellKind::kDate:
          check(worksheet_write_number(worksheet_, row_, column, cell.number, date_format_));
          break;
        case CellKind::kDateTime:
          check(worksheet_write_number(worksheet_, row_, column, cell.number, time_format_));
          break;
      }
    }
    ++row_;
  }

  void finish() override {
    lxw_workbook* workbook = workbook_;
    workbook_ = nullptr;
    const lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR) {
      throw std::runtime_error("cannot write " + path_ + ": " + lxw_strerror(error));
    }
  }

 private:
  void check(lxw_error error) const {
    if (error != LXW_NO_ERROR) {
      throw std::runtime_error("cannot write " + path_ + ": " + lxw_strerror(error));
    }
  }

  std::string path_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* worksheet_ = nullptr;
  lxw_format* header_format_ = nullptr;
  lxw_format* date_format_ = nullptr;
  lxw_format* time_format_ = nullptr;
  lxw_row_t row_ = 0;
};

}  // namespace

std::unique_ptr<TableWriter> make_xlsx_writer(const std::string& path, const XlsxOptions& options) {
  return std::make_unique<XlsxWriter>(path, options);
}

}  // namespace aftersales::bench
