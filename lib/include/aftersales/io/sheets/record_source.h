// Records read from a spreadsheet file, whatever its kind: CSV (RFC 4180) in any supported
// encoding, or an .xlsx worksheet. The importer maps and validates them; a source only splits
// the file into records of text fields, in UTF-8, and says where each came from.
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
  // "utf-16be (BOM)", "gb18030", "xlsx".
  virtual std::string encoding() const = 0;
};

// The encoding to read a CSV file in: detected (BOM, then strict UTF-8, then GB18030) or forced.
enum class TextEncoding { kAuto, kUtf8, kGb18030 };

// Opens a CSV file (RFC 4180: quoted fields with embedded commas, quotes and line breaks; CRLF
// or LF). Throws Error(kInvalidInput) when it cannot be opened, naming the path.
// Detection reads the whole file once before the first record (a file is UTF-8 only if all of
// it is). The line break that ends the file makes no record; an empty line inside it is a record
// of one empty field. The record's `problem`, with its field in `problem_column`: a quote inside
// an unquoted field or text after a closing quote, a CR alone outside quotes (a CR inside quotes
// is text), a quoted field still open at the end (naming the line it opens on), bytes that are
// not text in the encoding (each shown as U+FFFD, "at byte N" counting from 1), a record over
// 16 MiB (the rest of it is not kept). Memory stays bounded whatever the file's size.
std::unique_ptr<RecordSource> open_csv(const std::string& path, TextEncoding encoding);

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

}  // namespace aftersales
