// .xlsx workbooks for people (issue 12 "Formats"): the reports, the nightly workbook and the
// exports, written with libxlsxwriter. A workbook is written as a stream of sheets, and a sheet
// as a stream of rows: begin_sheet(name, columns), add_row(cells) row by row, end_sheet(). The
// workbook uses libxlsxwriter's constant_memory mode, so a sheet of a million rows costs one row
// of memory (its data goes to a temporary file beside the output until the workbook is done).
//
// Cells keep their type: integers are numbers, money a number in yuan with the format #,##0.00,
// a percent a number (9800 bp is 0.98) with 0.00%, a date an Excel date with yyyy-mm-dd, a flag
// a boolean, and text is always a string cell, never a formula, even when it starts with '='.
// The header row is bold and frozen; column widths follow the widest cell seen.
//
// The file appears atomically: everything goes to a temporary file beside `path`, renamed over
// it by commit(); a workbook destroyed without commit(), or a failed commit, leaves `path` as it
// was.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aftersales/core/time.h"
#include "aftersales/io/table.h"

namespace aftersales {

// The most rows of data a sheet takes below its header (Excel's 1,048,576 rows less one).
inline constexpr std::size_t kXlsxMaxDataRows = 1'048'575;

// A valid worksheet name made of `wanted`: each character Excel forbids ([ ] : * ? / \) becomes
// '_', apostrophes that begin or end it are dropped, and it is cut to 31 characters (code
// points, not bytes; invalid UTF-8 becomes U+FFFD). An empty result is "Sheet".
std::string xlsx_sheet_name(std::string_view wanted);

struct XlsxOptions {
  // The creation time stamped in docProps/core.xml. Unset: the current time, so two runs
  // differ; set it (the nightly run derives it from the month) for byte-identical files.
  std::optional<Timestamp> created;
  std::string title;  // docProps title; empty for none
};

// A chart drawn on the current sheet from the rows written to it so far (the 12 months).
struct XlsxChart {
  enum class Kind { kColumn, kLine };
  Kind kind = Kind::kColumn;
  std::string title;
  std::size_t category_column = 0;         // the labels of the x axis (the months)
  std::vector<std::size_t> value_columns;  // one series each, named by its column's title
  std::string y_axis_title;                // empty for none
};

class XlsxWriter {
 public:
  // Starts a workbook that commit() writes to `path`. Throws Error(kStorageUnavailable) when no
  // temporary file can be made beside `path` (missing or read-only directory).
  explicit XlsxWriter(std::string path, XlsxOptions options = {});
  // Without commit(): removes the temporary file; `path` is untouched.
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // Begins a sheet named xlsx_sheet_name(name) ("name (2)" and so on when that name is taken)
  // whose header row holds the columns' titles (the key when a title is empty). Ends the sheet
  // before it, if any. Returns the name the sheet got.
  std::string begin_sheet(std::string_view name, const std::vector<Column>& columns);
  // Appends a row to the current sheet: one cell per column (a short row ends in empty cells,
  // extra cells are ignored). Text over 32,767 characters is cut there. Throws
  // Error(kInvalidInput) past kXlsxMaxDataRows, std::logic_error outside a sheet, and
  // Error(kStorageUnavailable) when the temporary data cannot be written.
  void add_row(const std::vector<Cell>& cells);
  // Draws `chart` beside the current sheet's data, over the rows added so far. Call it after
  // the rows it shows. std::logic_error outside a sheet or for a column out of range.
  void add_chart(const XlsxChart& chart);
  // Ends the current sheet: sets its column widths. Does nothing outside a sheet.
  void end_sheet();
  // Rows added to the current sheet (the header not counted).
  std::size_t rows() const;

  // Ends the current sheet, writes the workbook to the temporary file and renames it over
  // `path`. Throws Error(kStorageUnavailable) when the file cannot be written or renamed, and
  // then `path` is untouched. A workbook without sheets gets one empty sheet.
  void commit();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One sheet of `table` written to `path` (-o FILE.xlsx): begin_sheet, each row, commit.
void write_xlsx_table(const std::string& path, std::string_view sheet_name, const Table& table,
                      const XlsxOptions& options = {});

}  // namespace aftersales
