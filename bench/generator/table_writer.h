// Writers of a generated table: CSV (RFC 4180) in UTF-8 or GB18030, and .xlsx (libxlsxwriter).
// Both stream: a row is written when it is given, so a million rows never sit in memory.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "datasets.h"

namespace aftersales::bench {

enum class HeaderLanguage { kEnglish, kChinese };

class TableWriter {
 public:
  virtual ~TableWriter() = default;

  // Writes the header row: each column's English or Chinese name. Once, before any row.
  virtual void write_header(const std::vector<Column>& columns, HeaderLanguage language) = 0;

  // Writes one data row (as many cells as columns). Throws std::runtime_error on a write error.
  virtual void write_row(const std::vector<Cell>& row) = 0;

  // Flushes and closes the file. Throws std::runtime_error on a write error; a writer that
  // was not finished leaves an incomplete file (the caller removes it).
  virtual void finish() = 0;
};

enum class TextEncoding { kUtf8, kGb18030 };

struct CsvOptions {
  TextEncoding encoding = TextEncoding::kUtf8;
  bool bom = false;  // start with the UTF-8 BOM, as Excel's "CSV UTF-8" does (UTF-8 only)
  bool crlf = true;  // CRLF after each record (RFC 4180); LF when false. A line break inside
                     // a field is written as it is in the text (LF, as Excel writes it)
};

// A CSV file at `path` ("-" for standard output). Fields are quoted only when they hold a
// comma, a double quote, CR or LF; a double quote inside is doubled. GB18030 goes through glibc
// iconv. Throws std::runtime_error when the file cannot be opened.
std::unique_ptr<TableWriter> make_csv_writer(const std::string& path, const CsvOptions& options);

struct XlsxOptions {
  std::string sheet = "Sheet1";
  // libxlsxwriter's constant_memory mode: each row goes to a temporary file as it is written,
  // and strings are written inline (<is>) instead of into the shared string table.
  bool constant_memory = false;
};

// An .xlsx workbook at `path` with one worksheet. Integers are numbers, dates and times are
// Excel serial numbers formatted yyyy-mm-dd (hh:mm:ss), empty cells are left out. The document
// properties carry a fixed creation time, so the same rows give the same bytes. At most
// 1,048,575 data rows (Excel's limit). Throws std::runtime_error when the workbook cannot be
// created.
std::unique_ptr<TableWriter> make_xlsx_writer(const std::string& path, const XlsxOptions& options);

}  // namespace aftersales::bench
