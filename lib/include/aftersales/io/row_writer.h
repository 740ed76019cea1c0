// Rows written as they come (issue 12, "every list streams"): a list or an export declares its
// columns, then hands over one row at a time, and the writer puts it out in the chosen format
// with memory that does not grow with the number of rows. render(out, Table) (io/render.h) is
// a thin wrapper over these writers, so each format has one home and the bytes are the same.
//
//   auto writer = make_row_writer(out, options);
//   writer->begin(columns);
//   for (...) writer->row(cells);
//   writer->finish();
//
// Another sink (the .xlsx sheet of io/xlsx_writer.h) implements the same three calls.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <vector>

#include "aftersales/io/render.h"
#include "aftersales/io/table.h"

namespace aftersales {

// Receives a table row by row. Calls come in the order begin, row..., finish, each once except
// row; a writer may throw what its sink throws (Error(kStorageUnavailable) for a file).
class RowWriter {
 public:
  virtual ~RowWriter() = default;
  // The columns, each with its key, title and kind (table.h); every later row has one cell per
  // column (a short row reads as nulls, extra cells are ignored).
  virtual void begin(const std::vector<Column>& columns) = 0;
  virtual void row(const std::vector<Cell>& cells) = 0;
  // Writes what is still held (the table's buffered rows, JSON's closing bracket). An empty
  // table is complete too: CSV/TSV a header, JSON `[]`, JSON Lines nothing, the human table its
  // header and rule.
  virtual void finish() = 0;
};

// How many rows the human table holds to measure its column widths before it writes any: the
// rows after them are written with those widths (a wider cell then pushes the rest of its line
// to the right) and a column's alignment is judged from the held rows.
inline constexpr std::size_t kTableBufferRows = 1000;

// A writer to `out` in options.format, with options.bom as render() has it (a UTF-8 BOM before
// CSV/TSV and formula-guarded text cells). CSV, TSV, JSON (an array written element by element)
// and JSON Lines keep one row in memory; the table holds at most `table_buffer_rows` rows.
// The stream is not flushed or checked: the caller does that after finish().
std::unique_ptr<RowWriter> make_row_writer(std::ostream& out, const RenderOptions& options,
                                           std::size_t table_buffer_rows = kTableBufferRows);

}  // namespace aftersales
