// The cells of a worksheet part (<sheetData>), streamed a row at a time: expat is fed a chunk at
// a time and suspended at the end of each row, so memory is one chunk and one row, whatever the
// sheet's size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "aftersales/io/sheets/record_source.h"
#include "io/sheets/part_budget.h"
#include "io/sheets/shared_strings.h"
#include "io/sheets/zip_container.h"

namespace aftersales::xlsx {

class SheetHandler;
class XmlDriver;

class WorksheetReader {
 public:
  // Reads the worksheet part `part` within `budget`, named `where` in messages; its cells refer
  // to `shared_strings`, which must outlive the reader.
  WorksheetReader(ZipFile part, PartBudget budget, const SharedStrings& shared_strings,
                  std::string where, std::size_t chunk_bytes);
  ~WorksheetReader();
  WorksheetReader(const WorksheetReader&) = delete;
  WorksheetReader& operator=(const WorksheetReader&) = delete;

  // The next row that holds a value or a problem, as RecordSource::next gives it. Returns false
  // at the end of the sheet. Throws Error(kInvalidInput) when the XML is not well-formed or the
  // part cannot be inflated or inflates past its budget.
  bool next(SourceRecord& record);

  // Bytes of the part's uncompressed XML read so far.
  std::uint64_t bytes_read() const;

 private:
  std::unique_ptr<SheetHandler> handler_;  // outlives driver_, which refers to it
  std::unique_ptr<XmlDriver> driver_;
};

}  // namespace aftersales::xlsx
