// The CSV reader: RFC 4180 records, the file's problems as data, and encodings (BOM, strict
// UTF-8, GB18030) streamed in chunks.
#include <unistd.h>

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aftersales/core/text.h"
#include "aftersales/io/sheets/record_source.h"
#include "io/sheets/csv_reader.h"
#include "support/expect_error.h"

namespace aftersales {
namespace {

namespace fs = std::filesystem;

// 出厂编号 (serial number) and 客户名称 (customer name), the seed's headers, in GBK (a subset of
// GB18030) and in UTF-8.
constexpr std::string_view kSerialGbk = "\xb3\xf6\xb3\xa7\xb1\xe0\xba\xc5";
constexpr std::string_view kCustomerGbk = "\xbf\xcd\xbb\xa7\xc3\xfb\xb3\xc6";
constexpr std::string_view kSerial = "出厂编号";
constexpr std::string_view kCustomer = "客户名称";

// The chunk size of files (kDefaultChunkSize): a file larger than this is read in pieces.
constexpr std::size_t kChunk = 256 * 1024;

// A file under the temporary directory, removed at the end of the test.
class TempFile {
 public:
  TempFile(std::string_view name, std::string_view bytes)
      : path_(fs::temp_directory_path() /
              ("aftersales_csv_" + std::to_string(::getpid()) + "_" + std::string(name))) {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out.good());
  }
  ~TempFile() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

// A record as one line of text, for comparisons: "LINE/RECORD [field|field] problem@COLUMN".
std::string show(const SourceRecord& record) {
  std::string text = std::to_string(record.line) + "/" + std::to_string(record.record) + " [";
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    if (i > 0) text += "|";
    text += record.fields[i];
  }
  text += "]";
  if (!record.problem.empty()) {
    text += " " + record.problem + "@" + std::to_string(record.problem_column);
  }
  return text;
}

std::vector<SourceRecord> drain(RecordSource& source) {
  std::vector<SourceRecord> records;
  SourceRecord record;
  while (source.next(record)) {
    CHECK(record.field_lines.size() == record.fields.size());
    records.push_back(record);
  }
  CHECK_FALSE(source.next(record));  // the end stays the end
  return records;
}

// The records of `bytes` read from a file.
std::vector<SourceRecord> read_file(std::string_view bytes,
                                    TextEncoding encoding = TextEncoding::kAuto,
                                    std::string* detected = nullptr) {
  const TempFile file("read.csv", bytes);
  const std::unique_ptr<RecordSource> source = open_csv(file.path(), encoding);
  if (detected != nullptr) *detected = source->encoding();
  return drain(*source);
}

// The records of `bytes` read from memory in chunks of `chunk_size`.
std::vector<SourceRecord> read_buffer(std::string_view bytes, TextEncoding encoding,
                                      std::size_t chunk_size) {
  const std::unique_ptr<RecordSource> source =
      open_csv_bytes(byte_buffer(bytes), encoding, chunk_size);
  return drain(*source);
}

std::vector<std::string> shown(const std::vector<SourceRecord>& records) {
  std::vector<std::string> lines;
  for (const SourceRecord& record : records) lines.push_back(show(record));
  return lines;
}

// All records shown on one line each.
std::string show_all(const std::vector<SourceRecord>& records) {
  std::string text;
  for (const std::string& line : shown(records)) text += line + "\n";
  return text;
}

std::string encoding_of(std::string_view bytes, TextEncoding encoding = TextEncoding::kAuto) {
  std::string detected;
  read_file(bytes, encoding, &detected);
  return detected;
}

// `utf8` in UTF-16, little or big endian, without a BOM.
std::string utf16(std::string_view utf8, bool little_endian) {
  std::string bytes;
  const auto put = [&](char32_t unit) {
    const char high = static_cast<char>(unit >> 8);
    const char low = static_cast<char>(unit & 0xFF);
    bytes += little_endian ? low : high;
    bytes += little_endian ? high : low;
  };
  while (!utf8.empty()) {
    const std::optional<DecodedUtf8> decoded = decode_utf8(utf8);
    REQUIRE(decoded);
    char32_t code_point = decoded->code_point;
    if (code_point >= 0x10000) {
      code_point -= 0x10000;
      put(0xD800 + (code_point >> 10));
      put(0xDC00 + (code_point & 0x3FF));
    } else {
      put(code_point);
    }
    utf8.remove_prefix(decoded->length);
  }
  return bytes;
}

}  // namespace

TEST_CASE("quoted fields keep their commas, doubled quotes and line breaks") {
  const auto records =
      read_file("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\"\",\"\"\"\",plain\n");
  CHECK(show_all(records) ==
        "1/1 [a|b|c]\n"
        "2/2 [x, y|say \"hi\"|two\nlines]\n"
        "4/3 [|\"|plain]\n");
}

TEST_CASE("a record after a multi-line field starts on a later line than its number") {
  const auto records = read_file("serial,fault\nS1,\"one\ntwo\r\nthree\"\nS2,ok\n");
  REQUIRE(records.size() == 3);
  CHECK(records[1].line == 2);
  CHECK(records[1].record == 2);
  CHECK(records[1].fields[1] == "one\ntwo\r\nthree");
  CHECK(records[1].field_lines == std::vector<std::int64_t>{2, 2});
  CHECK(records[2].line == 5);
  CHECK(records[2].record == 3);
  CHECK(records[2].field_lines == std::vector<std::int64_t>{5, 5});
}

TEST_CASE("each field says the line it starts on") {
  const auto records = read_file("a,\"b\nb\",\"c\n\nc\",d\n");
  REQUIRE(records.size() == 1);
  CHECK(records[0].field_lines == std::vector<std::int64_t>{1, 1, 2, 4});
}

TEST_CASE("CRLF and LF both end records and a CR inside quotes is kept") {
  const auto records = read_file("a,b\r\nc,d\ne,\"f\rg\"\r\n");
  CHECK(show_all(records) ==
        "1/1 [a|b]\n"
        "2/2 [c|d]\n"
        "3/3 [e|f\rg]\n");
}

TEST_CASE("empty fields are read as empty text") {
  const auto records = read_file("a,,c\n,,\n\"\",x,\n");
  CHECK(show_all(records) ==
        "1/1 [a||c]\n"
        "2/2 [||]\n"
        "3/3 [|x|]\n");
}

TEST_CASE("a trailing line break does not make an extra record") {
  CHECK(shown(read_file("a,b\nc,d\n")) == shown(read_file("a,b\nc,d")));
  CHECK(read_file("a,b\r\nc,d\r\n").size() == 2);
  CHECK(read_file("").empty());
  CHECK(read_file("\xEF\xBB\xBF").empty());
}

TEST_CASE("an empty line inside the file is a record of one empty field") {
  CHECK(show_all(read_file("a,b\n\nc,d\n")) ==
        "1/1 [a|b]\n"
        "2/2 []\n"
        "3/3 [c|d]\n");
}

TEST_CASE("ragged rows are read as written, neither filled nor cut") {
  CHECK(show_all(read_file("a,b,c\n1,2\n1,2,3,4\n")) ==
        "1/1 [a|b|c]\n"
        "2/2 [1|2]\n"
        "3/3 [1|2|3|4]\n");
}

TEST_CASE("a stray quote inside an unquoted field is a problem of that field") {
  const auto records = read_file("a,b,c\n1,ab\"c,3\n4,5,6\n");
  REQUIRE(records.size() == 3);
  CHECK(records[1].fields == std::vector<std::string>{"1", "ab\"c", "3"});
  CHECK(records[1].problem ==
        "stray quote in field 2: quote the whole field and double the quote inside (\"\")");
  CHECK(records[1].problem_column == 2);
  CHECK(records[2].problem.empty());
  CHECK(records[2].problem_column == 0);
}

TEST_CASE("text after a closing quote is a stray quote") {
  const auto records = read_file("\"ab\"c,d\n");
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == std::vector<std::string>{"ab\"c", "d"});
  CHECK(records[0].problem.find("stray quote in field 1") == 0);
  CHECK(records[0].problem_column == 1);
}

TEST_CASE("an unterminated quoted field names the line it opens on") {
  const auto records = read_file("a,b\n1,2\n3,\"never\nclosed,4\n5,6\n");
  REQUIRE(records.size() == 3);
  CHECK(records[2].line == 3);
  CHECK(records[2].fields == std::vector<std::string>{"3", "never\nclosed,4\n5,6\n"});
  CHECK(records[2].problem ==
        "unterminated quoted field 2: the quote that opens it on line 3 is never closed; close it "
        "with a quote (\")");
  CHECK(records[2].problem_column == 2);
}

TEST_CASE("a carriage return alone outside quotes is a problem") {
  const auto records = read_file("a,b\rc\nd,e\r");
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields == std::vector<std::string>{"a", "b\rc"});
  CHECK(records[0].problem.find("carriage return alone in field 2") == 0);
  CHECK(records[1].fields == std::vector<std::string>{"d", "e"});  // a CR ending the file
  CHECK(records[1].problem.empty());
}

TEST_CASE("a UTF-8 BOM is not part of the first header") {
  std::string detected;
  const auto records = read_file("\xEF\xBB\xBF" + std::string(kSerial) + ",b\n1,2\n",
                                 TextEncoding::kAuto, &detected);
  CHECK(detected == "utf-8 (BOM)");
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields[0] == kSerial);
  CHECK(encoding_of("\xEF\xBB\xBF"
                    "a\n",
                    TextEncoding::kUtf8) == "utf-8 (BOM)");
  CHECK(read_file("\xEF\xBB\xBF"
                  "a\n",
                  TextEncoding::kUtf8)[0]
            .fields[0] == "a");
}

TEST_CASE("a UTF-16LE file with a BOM reads as UTF-8 text") {
  const std::string text =
      std::string(kSerial) + "," + std::string(kCustomer) + "\r\nS1,\"张三, 李四\"\r\nS2,𠀋\r\n";
  std::string detected;
  const auto records = read_file("\xFF\xFE" + utf16(text, true), TextEncoding::kAuto, &detected);
  CHECK(detected == "utf-16le (BOM)");
  CHECK(show_all(records) == "1/1 [出厂编号|客户名称]\n2/2 [S1|张三, 李四]\n3/3 [S2|𠀋]\n");
}

TEST_CASE("a UTF-16BE file with a BOM reads as UTF-8 text") {
  std::string detected;
  const auto records =
      read_file("\xFE\xFF" + utf16("出厂编号\n1\n", false), TextEncoding::kAuto, &detected);
  CHECK(detected == "utf-16be (BOM)");
  CHECK(show_all(records) == "1/1 [出厂编号]\n2/2 [1]\n");
}

TEST_CASE("a GB18030 file with Chinese headers is detected and read as UTF-8") {
  const std::string bytes = std::string(kSerialGbk) + "," + std::string(kCustomerGbk) +
                            "\r\nS1,\"\xd5\xc5\xc8\xfd, \xc0\xee\xcb\xc4\"\r\n";  // 张三, 李四
  std::string detected;
  const auto records = read_file(bytes, TextEncoding::kAuto, &detected);
  CHECK(detected == "gb18030");
  CHECK(show_all(records) == "1/1 [出厂编号|客户名称]\n2/2 [S1|张三, 李四]\n");
}

TEST_CASE("GB18030 four-byte characters and its own BOM are read") {
  // U+FEFF, then 𠀋 (U+2000B) as GB18030 writes them: 84 31 95 33, 95 32 83 37.
  const auto records = read_file(
      "\x84\x31\x95\x33"
      "a,\x95\x32\x83\x37\n");
  CHECK(show_all(records) == "1/1 [a|𠀋]\n");
}

TEST_CASE("a file that is valid UTF-8 is UTF-8 even when GB18030 could read it too") {
  // The UTF-8 bytes of 出厂编号 are also GB18030 text (鍑哄巶缂栧彿).
  std::string detected;
  const auto records = read_file(std::string(kSerial) + "\n", TextEncoding::kAuto, &detected);
  CHECK(detected == "utf-8");
  CHECK(records[0].fields[0] == kSerial);
  CHECK(encoding_of("serial,customer\nS1,C1\n") == "utf-8");
  CHECK(encoding_of("") == "utf-8");
}

TEST_CASE("one byte that is not UTF-8 anywhere in the file makes it GB18030") {
  std::string bytes(kChunk * 2, 'a');
  bytes += "\n" + std::string(kSerialGbk) + "\n";
  CHECK(encoding_of(bytes) == "gb18030");
}

TEST_CASE("a forced encoding skips detection") {
  std::string detected;
  const auto as_gb18030 = read_file(std::string(kSerial) + "\n", TextEncoding::kGb18030, &detected);
  CHECK(detected == "gb18030");
  CHECK(as_gb18030[0].fields[0] == "鍑哄巶缂栧彿");
  CHECK(as_gb18030[0].problem.empty());

  const auto as_utf8 = read_file(std::string(kSerialGbk) + ",x\n", TextEncoding::kUtf8, &detected);
  CHECK(detected == "utf-8");
  CHECK(as_utf8[0].fields[1] == "x");
  CHECK(as_utf8[0].problem ==
        "bytes that are not UTF-8 text at byte 1: save the file as UTF-8, or name its encoding");
  CHECK(as_utf8[0].problem_column == 1);
}

TEST_CASE("bytes that are not GB18030 text are reported with their offset, not dropped") {
  // 0xFF is never GB18030; the header is fine, the second record has it in field 2.
  const std::string bytes = std::string(kSerialGbk) + ",b\nS1,x\xFFy\nS2,z\n";
  const auto records = read_file(bytes);
  REQUIRE(records.size() == 3);
  CHECK(records[0].problem.empty());
  CHECK(records[1].fields[1] == "x\xEF\xBF\xBDy");  // U+FFFD in its place
  CHECK(records[1].problem ==
        "bytes that are not GB18030 text at byte 16: save the file as UTF-8, or name its "
        "encoding");
  CHECK(records[1].problem_column == 2);
  CHECK(records[2].problem.empty());
}

TEST_CASE("bad bytes at the start of a record belong to that record") {
  const auto records = read_file("a\n\x80x\n", TextEncoding::kGb18030);
  REQUIRE(records.size() == 2);
  CHECK(records[0].problem.empty());
  CHECK(records[1].problem.find("at byte 3") != std::string::npos);
  CHECK(records[1].problem_column == 1);
}

TEST_CASE("a GB18030 character cut short at the end of the file is reported") {
  const auto records = read_file(std::string(kSerialGbk) + "\n\xb3");
  REQUIRE(records.size() == 2);
  CHECK(records[1].fields[0] == "\xEF\xBF\xBD");
  CHECK(records[1].problem.find("not GB18030 text at byte 10") != std::string::npos);
}

TEST_CASE("a multibyte character split by a chunk boundary is read whole") {
  // The character starts a few bytes before the first chunk boundary, so each of its bytes but
  // the first falls past it in one case or another.
  for (std::size_t before = 1; before <= 4; ++before) {
    CAPTURE(before);
    const std::size_t filler = kChunk - before - 7;
    const std::string start = "h\nx,\"" + std::string(filler, 'y') + "\"\n";
    REQUIRE(start.size() == kChunk - before);
    const std::string utf8 = start + "𠀋\n客户,名称\n";
    for (const TextEncoding encoding : {TextEncoding::kAuto, TextEncoding::kUtf8}) {
      const auto records = read_file(utf8, encoding);
      REQUIRE(records.size() == 4);
      CHECK(records[1].fields[1].size() == filler);
      CHECK(records[2].fields == std::vector<std::string>{"𠀋"});
      CHECK(records[3].fields == std::vector<std::string>{"客户", "名称"});
      CHECK(records[2].problem.empty());
    }
    // GB18030: 客 (2 bytes) and 𠀋 (4 bytes) across the boundary.
    for (const std::string_view character :
         {std::string_view("\xbf\xcd"), std::string_view("\x95\x32\x83\x37")}) {
      const std::string gb = start + std::string(character) + "\n\xb3\xf6\n";
      const auto records = read_file(gb);
      REQUIRE(records.size() == 4);
      CHECK(records[2].fields == std::vector<std::string>{character.size() == 2 ? "客" : "𠀋"});
      CHECK(records[2].problem.empty());
      CHECK(records[3].fields == std::vector<std::string>{"出"});
    }
  }
}

TEST_CASE("records read the same whatever the chunk size") {
  const std::string utf8 =
      "\xEF\xBB\xBF" + std::string(kSerial) + ",\"a \"\"q\"\"\r\nb\"\r\n𠀋,x\"y\n\"open,\r\n";
  const std::string gb = std::string(kSerialGbk) + ",\"\x95\x32\x83\x37\n\xFF\xb3\"\r\nab\x81";
  const std::string utf16le =
      "\xFF\xFE" + utf16("出厂,\"编\n号\"\n𠀋\n", true) + std::string("\x00\xD8x", 3);
  for (const std::string* bytes : {&utf8, &gb, &utf16le}) {
    for (const TextEncoding encoding :
         {TextEncoding::kAuto, TextEncoding::kUtf8, TextEncoding::kGb18030}) {
      const std::string whole = show_all(read_buffer(*bytes, encoding, kDefaultChunkSize));
      for (std::size_t chunk_size = 1; chunk_size <= 9; ++chunk_size) {
        CAPTURE(chunk_size);
        CHECK(show_all(read_buffer(*bytes, encoding, chunk_size)) == whole);
      }
    }
  }
}

TEST_CASE("a record longer than the limit keeps no more text and says why") {
  const std::string bytes = "a,\"" + std::string(kMaxRecordBytes, 'z') + "\nb,c\n";
  const auto records = read_buffer(bytes, TextEncoding::kUtf8, kDefaultChunkSize);
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields[0] == "a");
  CHECK(records[0].fields[1].size() < kMaxRecordBytes);
  CHECK(records[0].problem.find("record longer than 16 MiB") == 0);
  CHECK(records[0].problem_column == 2);
}

TEST_CASE("a record cut at the limit inside a character stays UTF-8") {
  // "a," costs the record two fields (a string and a line each) and a byte; the first chunk ends
  // right after the first byte of 出, so the limit is reached inside it.
  const std::size_t room = kMaxRecordBytes - 2 * (sizeof(std::string) + sizeof(std::int64_t)) - 1;
  const std::string bytes = "a,\"" + std::string(room - 1, 'z') + "出zzz\n";
  const auto records = read_buffer(bytes, TextEncoding::kAuto, 3 + room);
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields[1] == std::string(room - 1, 'z'));
  CHECK(records[0].problem.find("record longer than 16 MiB") == 0);
}

TEST_CASE("progress counts the bytes read up to the file's size") {
  const std::string bytes = "a,b\n" + std::string(kChunk * 2, 'c') + "\n";
  const TempFile file("progress.csv", bytes);
  const std::unique_ptr<RecordSource> source = open_csv(file.path(), TextEncoding::kAuto);
  CHECK(source->total_bytes() == bytes.size());
  SourceRecord record;
  REQUIRE(source->next(record));
  CHECK(source->bytes_read() <= kChunk);
  while (source->next(record)) {
  }
  CHECK(source->bytes_read() == bytes.size());
}

TEST_CASE("a file that cannot be opened is an invalid-input error naming it") {
  testing::expect_error(ErrorCode::kInvalidInput, {"cannot open", "no-such-file.csv"}, [] {
    open_csv((fs::temp_directory_path() / "no-such-file.csv").string(), TextEncoding::kAuto);
  });
  testing::expect_error(ErrorCode::kInvalidInput, {"not a file"},
                        [] { open_csv(fs::temp_directory_path().string(), TextEncoding::kAuto); });
}

}  // namespace aftersales
