// libFuzzer target for the .xlsx reader (issue 4, robustness): it must never crash, leak or
// run into undefined behaviour, whatever the workbook holds; a file it cannot read is an
// aftersales::Error, and every field it gives is UTF-8.
//
// Raw bytes fed as a zip archive would mostly stop at libzip, so the input is mostly XML:
//   byte 0     mode: bit 7 set: the rest is the archive itself (zip layer, package errors);
//              bits 0-5: the read size, 1 to 63 bytes (0: the default 64 KiB), to cut the
//              worksheet at every place between the parser's chunks
//   the rest   parts separated by "\n@@\n": the worksheet document, xl/sharedStrings.xml,
//              then optionally xl/workbook.xml, its relationships and the sheet name to open
// The parts are packed into an .xlsx in memory (stored, not deflated) with the test builder.
//
// Build (see scripts/fuzz):
//   clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -Ilib/include -Ilib/src
//     -Itests tests/fuzz/xlsx_fuzz.cpp lib/src/io/sheets/{xlsx_reader,zip_container,xml_driver,
//     xlsx_package,shared_strings,cell_reference,string_escapes,worksheet_reader,excel_date}.cpp
//     tests/support/xlsx_builder.cpp -lzip -lexpat -lfmt
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "aftersales/core/error.h"
#include "aftersales/io/sheets/excel_date.h"
#include "aftersales/io/sheets/record_source.h"
#include "io/sheets/xlsx_reader.h"
#include "support/xlsx_builder.h"

namespace {

using aftersales::Error;
using aftersales::SourceRecord;

constexpr std::string_view kSeparator = "\n@@\n";

std::vector<std::string> split_parts(std::string_view text) {
  std::vector<std::string> parts;
  while (true) {
    const std::size_t at = text.find(kSeparator);
    parts.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + kSeparator.size());
  }
}

// Whether `text` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool is_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (byte < 0x80) {
      ++i;
      continue;
    } else if ((byte & 0xE0) == 0xC0) {
      length = 2;
      code = byte & 0x1F;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
      code = byte & 0x0F;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
      code = byte & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    const std::uint32_t smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

void read_all(aftersales::RecordSource& source) {
  SourceRecord record;
  std::int64_t last_record = 0;
  while (source.next(record)) {
    // The contract: records are numbered from 1 without gaps, rows are Excel's, a problem
    // column is a field or 0, fields are UTF-8 and a row never ends with an empty cell.
    if (record.record != last_record + 1 || record.line < 1) std::abort();
    last_record = record.record;
    if (record.problem_column < 0 || record.problem_column > 16'384) std::abort();
    if (record.problem.empty() && record.fields.empty()) std::abort();
    if (!record.fields.empty() && record.fields.back().empty()) std::abort();
    if (record.field_lines.size() != record.fields.size()) std::abort();
    for (const std::string& field : record.fields) {
      if (!is_utf8(field)) std::abort();
      (void)aftersales::excel_serial_date(field);
    }
    if (source.bytes_read() > source.total_bytes()) std::abort();
  }
  if (source.encoding() != "xlsx") std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  aftersales::xlsx::ReadOptions options;
  if ((mode & 0x3F) != 0) options.chunk_bytes = mode & 0x3F;

  std::string archive;
  std::string sheet_name;
  if ((mode & 0x80) != 0) {
    archive = std::string(rest);
  } else {
    const std::vector<std::string> parts = split_parts(rest);
    aftersales::testing::XlsxWorkbook book;
    book.sheets.push_back({"Sheet1", "", parts[0]});
    if (parts.size() > 1) book.shared_strings = parts[1];
    if (parts.size() > 2) book.workbook = parts[2];
    if (parts.size() > 3) book.workbook_relationships = parts[3];
    if (parts.size() > 4) sheet_name = parts[4];
    archive = aftersales::testing::zip_bytes(aftersales::testing::xlsx_entries(book), false);
  }
  try {
    const auto source =
        aftersales::xlsx::open_bytes(std::move(archive), "fuzz.xlsx", sheet_name, options);
    read_all(*source);
  } catch (const Error&) {
    // A workbook it cannot read: refused, as it should be.
  }
  return 0;
}
