// CSV as RFC 4180 has it: fields separated by commas, records by CRLF or LF, a field in double
// quotes may hold commas, quotes (doubled) and line breaks. TSV is the same parse with tabs for
// commas and no quoting (a quote is text), as IANA's text/tab-separated-values and our own
// `--format tsv` have it. What the RFC leaves open is decided
// here and reported as the record's problem rather than guessed: a quote inside an unquoted
// field or text after a closing quote, a carriage return alone outside quotes, a quote that
// never closes. A lone CR inside quotes is text. The empty line after the last line break is not
// a record; any other empty line is a record of one empty field.
#include "io/sheets/csv_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include "aftersales/core/text.h"
#include "io/sheets/text_decoder.h"

namespace aftersales {
namespace {

// The characters that end a run of text in an unquoted field: the delimiter, line breaks and,
// where quoting is on (CSV), the quote.
constexpr std::array<bool, 256> unquoted_stops(char delimiter, bool quoting) {
  std::array<bool, 256> stops{};
  stops[static_cast<unsigned char>(delimiter)] = true;
  stops[static_cast<unsigned char>('"')] = quoting;
  stops[static_cast<unsigned char>('\r')] = true;
  stops[static_cast<unsigned char>('\n')] = true;
  return stops;
}
constexpr std::array<bool, 256> kCsvStops = unquoted_stops(',', true);
constexpr std::array<bool, 256> kTsvStops = unquoted_stops('\t', false);

// The delimiter of a text whose first chunk is `text`: the first line that holds a tab or a
// comma outside quotes decides (a title line above the header holds neither); tabs and no comma
// make it TSV. A file whose first chunk has no such line is CSV.
Delimiter sniff_delimiter(std::string_view text) {
  bool quoted = false;
  std::size_t tabs = 0;
  std::size_t commas = 0;
  for (const char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (c == '\t') {
      ++tabs;
    } else if (c == ',') {
      ++commas;
    } else if (c == '\n' && tabs + commas > 0) {
      break;
    }
  }
  return tabs > 0 && commas == 0 ? Delimiter::kTab : Delimiter::kComma;
}

// What a field costs a record besides its text, for kMaxRecordBytes.
constexpr std::size_t kFieldOverhead = sizeof(std::string) + sizeof(std::int64_t);

class CsvReader final : public RecordSource {
 public:
  CsvReader(std::unique_ptr<ByteReader> bytes, TextEncoding encoding, Delimiter delimiter,
            std::size_t chunk_size)
      : decoder_(std::move(bytes), encoding, chunk_size) {
    use(delimiter);
  }

  bool next(SourceRecord& record) override;
  std::uint64_t bytes_read() const override { return decoder_.bytes_read(); }
  std::uint64_t total_bytes() const override { return decoder_.total_bytes(); }
  std::string encoding() const override { return decoder_.encoding(); }
  std::string format() const override { return delimiter_ == '\t' ? "tsv" : "csv"; }

 private:
  enum class State {
    kRecordStart,     // before the first character of a record
    kFieldStart,      // after a comma, or at the record's first character
    kUnquoted,        // in a field that does not start with a quote
    kQuoted,          // in a quoted field
    kAfterQuote,      // after a quote in a quoted field: it closes the field or is doubled
    kCarriageReturn,  // after a CR outside quotes: a line break if LF follows
    kEnd,             // the input is read
  };

  // Parses text_ from position_ up to `limit`; returns true when a record ended (position_ is
  // then right after it), false when the text up to `limit` is used up.
  bool parse(SourceRecord& record, std::size_t limit);
  bool finish(SourceRecord& record);
  void begin_record(SourceRecord& record);
  void begin_field(SourceRecord& record);
  void end_record(SourceRecord& record);
  void append(SourceRecord& record, const char* text, std::size_t size);
  void note_overflow(SourceRecord& record);
  void note_invalid(SourceRecord& record, const InvalidBytes& bad);
  // Keeps the record's first problem only: later ones are often its consequences.
  void note_problem(SourceRecord& record, std::string problem);

  void note_stray_quote(SourceRecord& record) {
    if (!record.problem.empty()) return;
    note_problem(record, fmt::format("stray quote in field {}: quote the whole field and double "
                                     "the quote inside (\"\")",
                                     fields_));
  }

  void note_lone_carriage_return(SourceRecord& record) {
    if (!record.problem.empty()) return;
    note_problem(record, fmt::format("carriage return alone in field {}: end lines with CRLF or "
                                     "LF, or quote the field",
                                     fields_));
  }

  // Reads with `delimiter`; kAuto waits for the first chunk of text to tell.
  void use(Delimiter delimiter) {
    sniffing_ = delimiter == Delimiter::kAuto;
    const bool tab = delimiter == Delimiter::kTab;
    delimiter_ = tab ? '\t' : ',';
    quoting_ = !tab;
    stops_ = tab ? &kTsvStops : &kCsvStops;
  }

  TextDecoder decoder_;
  char delimiter_ = ',';
  bool quoting_ = true;  // CSV: a field may be quoted; TSV: a quote is text
  bool sniffing_ = false;
  const std::array<bool, 256>* stops_ = &kCsvStops;
  std::string_view text_;  // the chunk being parsed
  std::size_t position_ = 0;
  std::size_t next_invalid_ = 0;  // index in decoder_.invalid() of the next bad bytes ahead
  State state_ = State::kRecordStart;
  std::int64_t line_ = 1;
  std::int64_t records_ = 0;
  std::size_t fields_ = 0;        // fields of the record so far; the last one is field_
  std::string* field_ = nullptr;  // in the record being read
  std::int64_t quote_line_ = 0;   // where the quoted field being read opened
  std::size_t record_bytes_ = 0;  // for kMaxRecordBytes
  bool overflow_ = false;         // the record keeps no more text
};

bool CsvReader::next(SourceRecord& record) {
  record.problem.clear();
  record.problem_column = 0;
  if (state_ == State::kEnd) {
    record.fields.clear();
    record.field_lines.clear();
    return false;
  }
  for (;;) {
    if (position_ == text_.size()) {
      if (!decoder_.next_chunk(text_)) return finish(record);
      if (sniffing_) use(sniff_delimiter(text_));
      position_ = 0;
      next_invalid_ = 0;
    }
    std::size_t limit = text_.size();
    const std::vector<InvalidBytes>& invalid = decoder_.invalid();
    if (next_invalid_ < invalid.size()) {
      if (invalid[next_invalid_].text_offset <= position_) {
        note_invalid(record, invalid[next_invalid_]);
        ++next_invalid_;
        continue;
      }
      limit = invalid[next_invalid_].text_offset;
    }
    if (parse(record, limit)) return true;
  }
}

bool CsvReader::parse(SourceRecord& record, std::size_t limit) {
  const char* const begin = text_.data();
  const char* p = begin + position_;
  const char* const end = begin + limit;
  const auto record_ends = [&] {
    ++line_;
    end_record(record);
    state_ = State::kRecordStart;
    position_ = static_cast<std::size_t>(p - begin);
    return true;
  };
  while (p < end) {
    switch (state_) {
      case State::kRecordStart:
        begin_record(record);
        state_ = State::kFieldStart;
        [[fallthrough]];
      case State::kFieldStart:
        if (*p == '"' && quoting_) {
          ++p;
          quote_line_ = line_;
          state_ = State::kQuoted;
          break;
        }
        state_ = State::kUnquoted;
        [[fallthrough]];
      case State::kUnquoted: {
        const char* const run = p;
        const std::array<bool, 256>& stops = *stops_;
        while (p < end && !stops[static_cast<unsigned char>(*p)]) ++p;
        append(record, run, static_cast<std::size_t>(p - run));
        if (p == end) break;
        const char c = *p++;
        if (c == delimiter_) {
          begin_field(record);
          state_ = State::kFieldStart;
        } else if (c == '\n') {
          return record_ends();
        } else if (c == '\r') {
          state_ = State::kCarriageReturn;
        } else {
          note_stray_quote(record);
          append(record, "\"", 1);
        }
        break;
      }
      case State::kQuoted: {
        const auto* quote =
            static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        const char* const stop = quote != nullptr ? quote : end;
        line_ += std::count(p, stop, '\n');
        append(record, p, static_cast<std::size_t>(stop - p));
        p = stop;
        if (quote != nullptr) {
          ++p;
          state_ = State::kAfterQuote;
        }
        break;
      }
      case State::kAfterQuote: {
        const char c = *p;
        if (c == '"') {
          ++p;
          append(record, "\"", 1);
          state_ = State::kQuoted;
        } else if (c == delimiter_) {  // only reached in CSV: TSV quotes nothing
          ++p;
          begin_field(record);
          state_ = State::kFieldStart;
        } else if (c == '\n') {
          ++p;
          return record_ends();
        } else if (c == '\r') {
          ++p;
          state_ = State::kCarriageReturn;
        } else {  // text after the closing quote: kept, with the quote, in the field
          note_stray_quote(record);
          append(record, "\"", 1);
          state_ = State::kUnquoted;
        }
        break;
      }
      case State::kCarriageReturn:
        if (*p == '\n') {
          ++p;
          return record_ends();
        }
        note_lone_carriage_return(record);
        append(record, "\r", 1);
        state_ = State::kUnquoted;
        break;
      case State::kEnd:
        p = end;
        break;
    }
  }
  position_ = limit;
  return false;
}

bool CsvReader::finish(SourceRecord& record) {
  const State state = std::exchange(state_, State::kEnd);
  switch (state) {
    case State::kRecordStart:
    case State::kEnd:
      record.fields.clear();
      record.field_lines.clear();
      return false;
    case State::kQuoted:
      if (record.problem.empty()) {
        note_problem(record, fmt::format("unterminated quoted field {}: the quote that opens it on "
                                         "line {} is never closed; close it with a quote (\")",
                                         fields_, quote_line_));
      }
      break;
    case State::kFieldStart:
    case State::kUnquoted:
    case State::kAfterQuote:
    case State::kCarriageReturn:  // a CR that ends the file ends its last line
      break;
  }
  end_record(record);
  return true;
}

void CsvReader::begin_record(SourceRecord& record) {
  ++records_;
  record.line = line_;
  record.record = records_;
  fields_ = 0;
  record_bytes_ = 0;
  overflow_ = false;
  begin_field(record);
}

void CsvReader::begin_field(SourceRecord& record) {
  if (overflow_) return;
  record_bytes_ += kFieldOverhead;
  if (record_bytes_ > kMaxRecordBytes) {
    note_overflow(record);
    return;
  }
  if (fields_ < record.fields.size()) {
    record.fields[fields_].clear();  // keeps its capacity for this record
  } else {
    record.fields.emplace_back();
  }
  if (fields_ < record.field_lines.size()) {
    record.field_lines[fields_] = line_;
  } else {
    record.field_lines.push_back(line_);
  }
  field_ = &record.fields[fields_];
  ++fields_;
}

void CsvReader::end_record(SourceRecord& record) {
  record.fields.resize(fields_);
  record.field_lines.resize(fields_);
}

void CsvReader::append(SourceRecord& record, const char* text, std::size_t size) {
  if (overflow_ || size == 0) return;
  record_bytes_ += size;
  if (record_bytes_ > kMaxRecordBytes) {
    note_overflow(record);
    return;
  }
  field_->append(text, size);
}

void CsvReader::note_overflow(SourceRecord& record) {
  overflow_ = true;
  // A run can end inside a character split by a chunk boundary: the field stays UTF-8.
  std::size_t last = field_->size();
  while (last > 0 && field_->size() - last < 4 &&
         (static_cast<unsigned char>((*field_)[last - 1]) & 0xC0) == 0x80) {
    --last;
  }
  if (last > 0 && !decode_utf8(std::string_view(*field_).substr(last - 1))) {
    field_->resize(last - 1);
  }
  if (!record.problem.empty()) return;
  note_problem(record, fmt::format("record longer than {} MiB: the rest of it is not read; is a "
                                   "quote never closed?",
                                   kMaxRecordBytes / (1024 * 1024)));
}

void CsvReader::note_invalid(SourceRecord& record, const InvalidBytes& bad) {
  if (state_ == State::kRecordStart) {  // the bad bytes start the next record
    begin_record(record);
    state_ = State::kFieldStart;
  }
  if (!record.problem.empty()) return;
  note_problem(record,
               fmt::format("bytes that are not {} text at byte {}: save the file as UTF-8, or "
                           "name its encoding",
                           decoder_.encoding_label(), bad.byte));
}

void CsvReader::note_problem(SourceRecord& record, std::string problem) {
  if (!record.problem.empty()) return;
  record.problem = std::move(problem);
  record.problem_column = static_cast<int>(fields_);
}

}  // namespace

std::unique_ptr<RecordSource> open_csv_bytes(std::unique_ptr<ByteReader> bytes,
                                             TextEncoding encoding, std::size_t chunk_size,
                                             Delimiter delimiter) {
  return std::make_unique<CsvReader>(std::move(bytes), encoding, delimiter, chunk_size);
}

std::unique_ptr<RecordSource> open_csv(const std::string& path, TextEncoding encoding,
                                       Delimiter delimiter) {
  return open_csv_bytes(open_byte_file(path), encoding, kDefaultChunkSize, delimiter);
}

}  // namespace aftersales
