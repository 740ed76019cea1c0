// libFuzzer target for the CSV reader (issue 4, robustness): any bytes, read in each encoding
// mode, must give records without a crash, a leak or undefined behaviour; every field is UTF-8,
// lines and record numbers only grow, and the records are the same whatever the chunk size.
//
// Build (see scripts/fuzz):
//   clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -Ilib/include -Ilib/src
//     tests/fuzz/csv_fuzz.cpp lib/src/io/sheets/csv_reader.cpp
//     lib/src/io/sheets/text_decoder.cpp lib/src/core/text.cpp -lfmt
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "aftersales/core/text.h"
#include "aftersales/io/sheets/record_source.h"
#include "io/sheets/csv_reader.h"
#include "io/sheets/text_decoder.h"

namespace {

using aftersales::RecordSource;
using aftersales::SourceRecord;
using aftersales::TextEncoding;

void check(bool condition) {
  if (!condition) std::abort();
}

// Reads all of `bytes` and checks each record against the contract; returns the records as
// text, to compare readings.
std::string read_all(std::string_view bytes, TextEncoding encoding, std::size_t chunk_size) {
  const std::unique_ptr<RecordSource> source =
      aftersales::open_csv_bytes(aftersales::byte_buffer(bytes), encoding, chunk_size);
  std::string shown = source->encoding() + "\n";
  check(source->total_bytes() == bytes.size());
  SourceRecord record;
  std::int64_t last_record = 0;
  std::int64_t last_line = 0;
  while (source->next(record)) {
    check(record.record == last_record + 1);
    check(record.line > last_line);
    last_record = record.record;
    last_line = record.line;
    check(!record.fields.empty());
    check(record.field_lines.size() == record.fields.size());
    check(record.problem.empty() == (record.problem_column == 0));
    check(record.problem_column >= 0 &&
          static_cast<std::size_t>(record.problem_column) <= record.fields.size());
    check(source->bytes_read() <= source->total_bytes());
    std::int64_t field_line = record.line;
    shown += std::to_string(record.line) + "/" + std::to_string(record.record);
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      check(aftersales::is_valid_utf8(record.fields[i]));
      check(record.field_lines[i] >= field_line);
      field_line = record.field_lines[i];
      shown += "|" + std::to_string(field_line) + ":" + record.fields[i];
    }
    shown += "|" + record.problem + "@" + std::to_string(record.problem_column) + "\n";
  }
  check(!source->next(record));
  check(source->bytes_read() == source->total_bytes());
  return shown;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Small chunks split every multibyte sequence, quote pair and CRLF somewhere.
  const std::size_t small_chunk = size == 0 ? 1 : 1 + data[size - 1] % 7;
  for (const TextEncoding encoding :
       {TextEncoding::kAuto, TextEncoding::kUtf8, TextEncoding::kGb18030}) {
    const std::string whole = read_all(bytes, encoding, size + 1);  // one chunk
    check(read_all(bytes, encoding, small_chunk) == whole);
  }
  return 0;
}
