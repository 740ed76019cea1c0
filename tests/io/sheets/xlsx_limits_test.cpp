// Bounds on an .xlsx (issue 8, finding 5): a few megabytes that inflate to gigabytes held the
// write lock for half a minute. Each bound is tested at its edge, on workbooks built in memory.
#include <cstdint>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "aftersales/io/sheets/record_source.h"
#include "aftersales/rules/rules.h"
#include "io/sheets/xlsx_reader.h"
#include "support/expect_error.h"
#include "support/xlsx_builder.h"

namespace aftersales {
namespace {

using testing::expect_error;
using testing::XlsxSheet;
using testing::XlsxWorkbook;

constexpr char kSheet[] = "xl/worksheets/sheet1.xml";

XlsxWorkbook one_sheet(std::string rows) {
  XlsxWorkbook book;
  book.sheets.push_back(XlsxSheet{"Sheet1", std::move(rows), std::nullopt});
  return book;
}

// A sheet of one inline string of `bytes` letters: deflate packs it about a thousand to one.
std::string bomb_rows(std::size_t bytes) {
  return R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)" + std::string(bytes, 'A') +
         "</t></is></c></row>";
}

// `rows` rows of the same few cells: an ordinary sheet, that compresses well.
std::string plain_rows(int rows) {
  std::string xml;
  for (int r = 1; r <= rows; ++r) {
    const std::string n = std::to_string(r);
    xml += "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"inlineStr\"><is><t>HYS-2023-" + n +
           "</t></is></c><c r=\"B" + n + "\"><v>45000</v></c></row>";
  }
  return xml;
}

std::string zipped(const XlsxWorkbook& book) {
  return testing::zip_bytes(testing::xlsx_entries(book));
}

// Every record's first field, read within `limits`.
std::vector<std::string> first_fields(const std::string& archive, const XlsxLimits& limits) {
  xlsx::ReadOptions options;
  options.limits = limits;
  const auto source = xlsx::open_bytes(archive, "book.xlsx", {}, options);
  std::vector<std::string> fields;
  SourceRecord record;
  while (source->next(record)) fields.push_back(record.fields.empty() ? "" : record.fields[0]);
  return fields;
}

std::uint32_t little_endian(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

// The compressed and uncompressed size the central directory states for `name`.
struct StatedSizes {
  std::uint64_t compressed = 0;
  std::uint64_t size = 0;
};
StatedSizes stated_sizes(const std::string& archive, const std::string& name) {
  for (std::size_t at = archive.find(name); at != std::string::npos;
       at = archive.find(name, at + 1)) {
    if (at >= 46 && archive.compare(at - 46, 4, "PK\x01\x02") == 0) {
      return {little_endian(archive, at - 46 + 20), little_endian(archive, at - 46 + 24)};
    }
  }
  FAIL("no central directory entry for " << name);
  return {};
}

// Sets the uncompressed size stated for `name`, in its local header and the central directory.
void state_size(std::string& archive, const std::string& name, std::uint32_t size) {
  const auto patch = [&](std::size_t at) {
    for (int i = 0; i < 4; ++i) archive[at + i] = static_cast<char>((size >> (8 * i)) & 0xFF);
  };
  for (std::size_t at = archive.find(name); at != std::string::npos;
       at = archive.find(name, at + 1)) {
    if (at >= 30 && archive.compare(at - 30, 4, "PK\x03\x04") == 0) patch(at - 30 + 22);
    if (at >= 46 && archive.compare(at - 46, 4, "PK\x01\x02") == 0) patch(at - 46 + 24);
  }
}

TEST_CASE("the bounds on an .xlsx default to the rulebook's and follow its [import] table") {
  const XlsxLimits defaults;
  const XlsxLimits from_rules = xlsx_limits_of(Rules{});
  CHECK(from_rules.max_part_bytes == defaults.max_part_bytes);
  CHECK(from_rules.max_shared_strings == defaults.max_shared_strings);
  CHECK(from_rules.max_compression_ratio == defaults.max_compression_ratio);
  CHECK(defaults.max_part_bytes == std::uint64_t{512} * 1024 * 1024);

  Rules rules;
  rules.import.xlsx_max_part_mb = 3;
  rules.import.xlsx_max_shared_strings = 7;
  rules.import.xlsx_max_compression_ratio = 40;
  const XlsxLimits raised = xlsx_limits_of(rules);
  CHECK(raised.max_part_bytes == 3 * 1024 * 1024);
  CHECK(raised.max_shared_strings == 7);
  CHECK(raised.max_compression_ratio == 40);
}

TEST_CASE("an ordinary workbook passes the rulebook's bounds") {
  const std::string archive = zipped(one_sheet(plain_rows(2000)));
  const std::vector<std::string> fields = first_fields(archive, xlsx_limits_of(Rules{}));
  REQUIRE(fields.size() == 2000);
  CHECK(fields.back() == "HYS-2023-2000");
}

TEST_CASE("a zip bomb sheet is refused for its compression ratio before it is inflated") {
  const std::string archive = zipped(one_sheet(bomb_rows(3 * 1024 * 1024)));
  const StatedSizes sizes = stated_sizes(archive, kSheet);
  REQUIRE(sizes.size > 3 * 1024 * 1024);
  REQUIRE(sizes.size / sizes.compressed > 100);  // what makes it a bomb
  expect_error(ErrorCode::kInvalidInput,
               {"book.xlsx (part xl/worksheets/sheet1.xml) inflates ", " MiB from ",
                "over the limit of 100:1 (import.xlsx_max_compression_ratio)",
                "raise xlsx_max_compression_ratio in the rulebook's [import] table"},
               [&] { first_fields(archive, XlsxLimits{}); });
}

TEST_CASE("a part's compression ratio just over the limit is refused, at or under it passes") {
  const std::string archive = zipped(one_sheet(plain_rows(400)));
  const StatedSizes sizes = stated_sizes(archive, kSheet);
  const std::uint64_t whole = sizes.size / sizes.compressed;
  INFO("sheet: " << sizes.size << " bytes from " << sizes.compressed);
  REQUIRE(whole > 5);  // far above the other parts' ratios, which the bound holds too
  REQUIRE(sizes.size % sizes.compressed != 0);

  XlsxLimits limits;
  limits.ratio_exempt_bytes = 0;
  limits.max_compression_ratio = whole + 1;  // the ratio is just under
  CHECK(first_fields(archive, limits).size() == 400);
  limits.max_compression_ratio = whole;  // the ratio is just over
  expect_error(
      ErrorCode::kInvalidInput,
      {"part xl/worksheets/sheet1.xml", fmt::format("over the limit of {}:1", whole).c_str()},
      [&] { first_fields(archive, limits); });

  // A small part is not held to the ratio: it cannot cost much.
  limits.ratio_exempt_bytes = sizes.size;
  CHECK(first_fields(archive, limits).size() == 400);
}

TEST_CASE("a sheet over the part size bound is refused, one at the bound passes") {
  const std::string archive = zipped(one_sheet(plain_rows(400)));
  const StatedSizes sizes = stated_sizes(archive, kSheet);
  XlsxLimits limits;
  limits.max_part_bytes = sizes.size;
  CHECK(first_fields(archive, limits).size() == 400);
  limits.max_part_bytes = sizes.size - 1;
  expect_error(
      ErrorCode::kInvalidInput,
      {"book.xlsx (part xl/worksheets/sheet1.xml) inflates to 0.", "over the limit of 0.",
       "(import.xlsx_max_part_mb)", "raise xlsx_max_part_mb in the rulebook's [import] table"},
      [&] { first_fields(archive, limits); });
}

TEST_CASE("a sheet that inflates past what the archive states is stopped while it is read") {
  std::string archive = zipped(one_sheet(bomb_rows(3 * 1024 * 1024)));
  state_size(archive, kSheet, 1000);  // the central directory lies
  XlsxLimits limits;
  limits.max_part_bytes = 1024 * 1024;
  limits.max_compression_ratio = 2000;  // so that the size is what stops it
  xlsx::ReadOptions options;
  options.limits = limits;
  try {
    const auto source = xlsx::open_bytes(archive, "forged.xlsx", {}, options);
    SourceRecord record;
    while (source->next(record)) {
    }
    FAIL("the forged sheet was read whole");
  } catch (const Error& e) {
    const std::string text = e.what();
    INFO(text);
    CHECK(static_cast<int>(e.code()) == static_cast<int>(ErrorCode::kInvalidInput));
    CHECK(text.find("forged.xlsx (part xl/worksheets/sheet1.xml) inflates to at least 1.") !=
          std::string::npos);
    CHECK(text.find("(import.xlsx_max_part_mb)") != std::string::npos);
  }
}

TEST_CASE("more shared strings than the bound are refused, as many as the bound pass") {
  XlsxWorkbook book = one_sheet(R"(<row r="1"><c r="A1" t="s"><v>2</v></c></row>)");
  book.shared_strings = testing::shared_strings_xml({"a", "b", "c"});
  XlsxLimits limits;
  limits.max_shared_strings = 3;
  CHECK(first_fields(zipped(book), limits) == std::vector<std::string>{"c"});

  limits.max_shared_strings = 2;  // the part states uniqueCount="3": refused before reading
  expect_error(ErrorCode::kInvalidInput,
               {"book.xlsx (part xl/sharedStrings.xml) states 3 shared strings, over the limit "
                "of 2 (import.xlsx_max_shared_strings)",
                "raise xlsx_max_shared_strings in the rulebook's [import] table"},
               [&] { first_fields(zipped(book), limits); });

  // Without uniqueCount (or with one that understates) the strings are counted as read.
  book.shared_strings =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="1">)"
      R"(<si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>)";
  expect_error(ErrorCode::kInvalidInput,
               {"(part xl/sharedStrings.xml) holds more than 2 shared strings",
                "(import.xlsx_max_shared_strings)"},
               [&] { first_fields(zipped(book), limits); });
}

}  // namespace
}  // namespace aftersales
