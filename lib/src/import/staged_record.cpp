#include "import/staged_record.h"

#include <charconv>

#include "aftersales/core/error.h"

namespace aftersales {
namespace {

void append_number(std::string& out, std::int64_t number) {
  char digits[24];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, number);
  out.append(digits, end);
}

// Reads the number before `stop` at `at`, moving past the stop.
std::int64_t read_number(std::string_view text, std::size_t& at, char stop) {
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(text.data() + at, text.data() + text.size(), number);
  const std::size_t next = static_cast<std::size_t>(end - text.data());
  if (error != std::errc() || next >= text.size() || text[next] != stop) {
    throw Error(ErrorCode::kStorageUnavailable, "a staged import row cannot be read back",
                "run the import again");
  }
  at = next + 1;
  return number;
}

}  // namespace

// Per field: the lines after the record's first line it starts on, ':', its length, ':', its
// bytes. Most fields start on the record's line, so the text is the fields and a few digits.
std::string encode_record(const SourceRecord& record) {
  std::string out;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const std::int64_t line = i < record.field_lines.size() ? record.field_lines[i] : record.line;
    append_number(out, line - record.line);
    out += ':';
    append_number(out, static_cast<std::int64_t>(record.fields[i].size()));
    out += ':';
    out += record.fields[i];
  }
  return out;
}

SourceRecord decode_record(std::string_view text, std::int64_t line, std::int64_t record_number) {
  SourceRecord record;
  record.line = line;
  record.record = record_number;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::int64_t below = read_number(text, at, ':');
    const std::int64_t size = read_number(text, at, ':');
    if (size < 0 || static_cast<std::size_t>(size) > text.size() - at) {
      throw Error(ErrorCode::kStorageUnavailable, "a staged import row cannot be read back",
                  "run the import again");
    }
    record.field_lines.push_back(line + below);
    record.fields.emplace_back(text.substr(at, static_cast<std::size_t>(size)));
    at += static_cast<std::size_t>(size);
  }
  return record;
}

}  // namespace aftersales
