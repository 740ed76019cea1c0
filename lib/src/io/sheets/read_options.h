// How the .xlsx reader reads: its chunk size and its bounds, passed to every part it opens.
#pragma once

#include <cstddef>

#include "aftersales/io/sheets/record_source.h"

namespace aftersales::xlsx {

struct ReadOptions {
  // Bytes of XML read from the archive and handed to the XML parser at a time. The reader holds
  // one such chunk, the shared strings and one row, whatever the sheet's size.
  std::size_t chunk_bytes = 64 * 1024;
  // What a part may inflate to and how many shared strings the workbook may have.
  XlsxLimits limits;
};

}  // namespace aftersales::xlsx
