// Records read from a spreadsheet file, whatever its kind: CSV (RFC 4180) or TSV in any
// supported encoding, an .xlsx worksheet or an Excel 97-2003 .xls one. The importer maps and
// validates them; a source only splits the file into records of text fields, in UTF-8, and says
// where each came from.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace aftersales {

struct SourceRecord {
  std::vector<std::string> fields;  // UTF-8 text, as written (no trimming); a BOM is never kept
  std::int64_t line = 0;            // 1-based line (CSV) or row (xlsx) where the record starts
  std::int64_t record = 0;          // 1-based record number (the header is record 1); differs from
                                    // `line` after a quoted field that spans lines
  std::vector<std::int64_t> field_lines;  // CSV: the line each field starts on (same size)
  // A problem of the file itself at this record (a stray quote, an unterminated quoted field,
  // bytes that are not text in the detected encoding); empty when none. The fields are what
  // could be read.
  std::string problem;
  int problem_column = 0;  // 1-based field number the problem is in; 0 when unknown
};

class RecordSource {
 public:
  virtual ~RecordSource() = default;

  // Reads the next record into `record`. Returns false at the end of the file. Throws
  // Error(kInvalidInput) when the file cannot be read at all (not a zip, no worksheet...).
  virtual bool next(SourceRecord& record) = 0;

  // For progress: bytes of the file consumed so far, and the file's size.
  virtual std::uint64_t bytes_read() const = 0;
  virtual std::uint64_t total_bytes() const = 0;

  // What the file turned out to be: "utf-8", "utf-8 (BOM)", "utf-16le (BOM)",
  // "utf-16be (BOM)", "gb18030", "xlsx", "xls".
  virtual std::string encoding() const = 0;

  // What kind of sheet it is: "csv", "tsv", "xlsx" or "xls". A text source whose delimiter is
  // still to be sniffed says "csv" until its first record has been read.
  virtual std::string format() const = 0;
};

// The encoding to read a CSV file in: detected (BOM, then strict UTF-8, then GB18030) or forced.
enum class TextEncoding { kAuto, kUtf8, kGb18030 };

// What separates the fields of a text file. kAuto sniffs the first line that holds a tab or a
// comma outside double quotes: tabs and no comma make it TSV, anything else CSV.
enum class Delimiter { kAuto, kComma, kTab };

// Opens a CSV file (RFC 4180: quoted fields with embedded commas, quotes and line breaks; CRLF
// or LF). Throws Error(kInvalidInput) when it cannot be opened, naming the path.
// Detection reads the whole file once before the first record (a file is UTF-8 only if all of
// it is). The line break that ends the file makes no record; an empty line inside it is a record
// of one empty field. The record's `problem`, with its field in `problem_column`: a quote inside
// an unquoted field or text after a closing quote, a CR alone outside quotes (a CR inside quotes
// is text), a quoted field still open at the end (naming the line it opens on), bytes that are
// not text in the encoding (each shown as U+FFFD, "at byte N" counting from 1), a record over
// 16 MiB (the rest of it is not kept). Memory stays bounded whatever the file's size.
// With Delimiter::kTab (or kAuto finding tabs) the file is TSV as the IANA text/tab-separated-
// values type has it and `--format tsv` writes it: fields split at tabs, records at LF or CRLF,
// and no quoting at all (a double quote is text).
std::unique_ptr<RecordSource> open_csv(const std::string& path, TextEncoding encoding,
                                       Delimiter delimiter = Delimiter::kComma);

struct Rules;

// Bounds on what an .xlsx may inflate to (issue 8, finding 5): a few megabytes of deflate can
// stand for gigabytes of XML. Each part the reader opens (the sheet, the shared strings, the
// workbook and its relationships) is checked against the sizes the zip's central directory
// states before it is inflated, and against what it really inflates to while it is read, since
// a forged archive may state less. The defaults are the rulebook's ([import], rules.h).
struct XlsxLimits {
  std::uint64_t max_part_bytes = std::uint64_t{512} << 20;  // import.xlsx_max_part_mb, as bytes
  std::uint64_t max_shared_strings = 5'000'000;             // import.xlsx_max_shared_strings
  std::uint64_t max_compression_ratio = 100;  // import.xlsx_max_compression_ratio: size / packed
  // A part up to this size is not held to the ratio: small XML compresses well and costs
  // nothing to read. Not a rulebook key; tests lower it to reach the ratio with small parts.
  std::uint64_t ratio_exempt_bytes = std::uint64_t{1} << 20;
};

// The bounds the rulebook sets in its [import] table.
XlsxLimits xlsx_limits_of(const Rules& rules);

// Opens the first worksheet of an .xlsx file (or the one named `sheet`). Cells come as text:
// shared and inline strings, numbers as written in the file (a date is its Excel serial
// number, e.g. "45000"), booleans as "TRUE"/"FALSE", empty cells as "". Throws
// Error(kInvalidInput) when the file is not an .xlsx workbook or has no such sheet.
// A record is a row that holds a value: `line` is its Excel row number, rows without any value
// are left out (they do not count as records), and its fields end at its last value. A damaged
// cell (a shared string that does not exist, a reference past XFD) is the record's `problem`;
// XML that is not well-formed throws. Progress counts the worksheet's uncompressed XML.
// Memory: the shared strings, 64 KiB of XML and one row, whatever the number of rows.
// A part over a bound of `limits` throws Error(kInvalidInput) naming the part, its size, ratio
// or count of shared strings, the bound and the rulebook key that sets it: here when the
// central directory tells, else from next() as soon as the sheet inflates past the bound (a
// chunk at most); rows read before then are the caller's to undo.
std::unique_ptr<RecordSource> open_xlsx(const std::string& path, const std::string& sheet = {},
                                        const XlsxLimits& limits = {});
// The same, naming the file `name` in its messages (a spool of standard input is "<stdin>").
std::unique_ptr<RecordSource> open_xlsx_named(const std::string& path, const std::string& name,
                                              const std::string& sheet, const XlsxLimits& limits);

// Opens the first worksheet of an Excel 97-2003 .xls workbook (BIFF, read by libfreexl), or the
// one named `sheet`, in messages named `name` (the path when empty). Cells come as the .xlsx
// reader gives them: text in UTF-8, numbers as their shortest decimal ("6102", "0.5"), a date
// or time cell as its Excel 1900 serial ("45717", "45717.75"; the 1904 system is converted),
// empty cells as "". Rows without any value are left out; `line` is the row's number. A cell
// libfreexl cannot read is the record's `problem`. libfreexl reads the workbook whole (the
// format holds at most 65,536 rows of 256 columns): the file may be no larger than
// `limits.max_part_bytes` and hold no more than `limits.max_shared_strings` strings. Throws
// Error(kInvalidInput) naming the file when it is not an .xls workbook libfreexl can read, is
// password-protected, or has no such sheet.
std::unique_ptr<RecordSource> open_xls(const std::string& path, const std::string& name = {},
                                       const std::string& sheet = {},
                                       const XlsxLimits& limits = {});

}  // namespace aftersales
