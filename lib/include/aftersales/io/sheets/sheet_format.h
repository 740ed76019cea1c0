// What a spreadsheet file is, told by its first bytes rather than its name: a workbook saved
// under the wrong extension (an .xlsx named .csv, a legacy .xls named .xlsx) is still read as
// what it is.
#pragma once

#include <string>

namespace aftersales {

enum class SheetFormat {
  kText,  // CSV or TSV, in any encoding the text reader knows
  kXlsx,  // a zip archive: "PK\x03\x04" (or the "PK\x05\x06" of an empty one)
  kXls,   // an OLE2 compound file, D0 CF 11 E0 A1 B1 1A E1: an Excel 97-2003 workbook
};

// The format of the file at `path` by its first eight bytes; a shorter file is text. `name`
// stands for the file in messages. Throws Error(kInvalidInput) when it cannot be read.
SheetFormat sniff_sheet_format(const std::string& path, const std::string& name);

// "text", "xlsx" or "xls".
const char* sheet_format_name(SheetFormat format);

}  // namespace aftersales
