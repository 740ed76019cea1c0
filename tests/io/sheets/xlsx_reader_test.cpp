// Reading .xlsx worksheets (issue 4: shared strings, dates stored as serials, empty cells) and
// Excel's 1900 date serials. The workbooks are built from XML text by support/xlsx_builder.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "aftersales/core/time.h"
#include "aftersales/io/sheets/excel_date.h"
#include "aftersales/io/sheets/record_source.h"
#include "io/sheets/xlsx_reader.h"
#include "support/expect_error.h"
#include "support/xlsx_builder.h"

namespace aftersales {
namespace {

namespace fs = std::filesystem;
using testing::expect_error;
using testing::XlsxSheet;
using testing::XlsxWorkbook;

// A fresh directory under the system's temporary directory, removed at the end.
struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("aftersales-xlsx-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

// Every record of `source` as "LINE#RECORD: a|b|c", with " !PROBLEM@COLUMN" when it has one.
std::vector<std::string> lines_of(RecordSource& source) {
  std::vector<std::string> lines;
  SourceRecord record;
  while (source.next(record)) {
    std::string line = std::to_string(record.line) + "#" + std::to_string(record.record) + ":";
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      line += (i == 0 ? " " : "|") + record.fields[i];
    }
    if (!record.problem.empty()) {
      line += " !" + record.problem + "@" + std::to_string(record.problem_column);
    }
    lines.push_back(line);
  }
  return lines;
}

// The records of the .xlsx made of `book`, written under `dir`, read from sheet `sheet`.
std::vector<std::string> read_book(const TempDir& dir, const XlsxWorkbook& book,
                                   const std::string& sheet = {}) {
  const std::string path = dir.file("book.xlsx");
  testing::write_xlsx(path, book);
  const auto source = open_xlsx(path, sheet);
  return lines_of(*source);
}

// A workbook of one sheet "Sheet1" with `rows` and the shared strings `strings`.
XlsxWorkbook one_sheet(std::string rows, std::vector<std::string> strings = {}) {
  XlsxWorkbook book;
  book.sheets.push_back(XlsxSheet{"Sheet1", std::move(rows), std::nullopt});
  if (!strings.empty()) book.shared_strings = testing::shared_strings_xml(strings);
  return book;
}

std::string date_of_serial(std::string_view serial) {
  const std::optional<Date> date = excel_serial_date(serial);
  return date ? format_date(*date) : "refused";
}

TEST_CASE("an .xlsx sheet with Chinese headers in shared strings reads as rows of text") {
  TempDir dir;
  const XlsxWorkbook book =
      one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
                R"(<c r="C1" t="s"><v>2</v></c></row>)"
                R"(<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c>)"
                R"(<c r="C2" s="1"><v>45000</v></c></row>)",
                {"出厂编号", "客户名称", "出厂日期", "HYS-2023-001", "长沙市环卫处"});
  CHECK(read_book(dir, book) == std::vector<std::string>{"1#1: 出厂编号|客户名称|出厂日期",
                                                         "2#2: HYS-2023-001|长沙市环卫处|45000"});
}

TEST_CASE("a date stored as an Excel serial reads as its serial and converts to the date") {
  TempDir dir;
  const std::string path = dir.file("dates.xlsx");
  testing::write_xlsx(path, one_sheet(R"(<row r="1"><c r="A1" s="2"><v>45000</v></c>)"
                                      R"(<c r="B1" s="3"><v>45000.75</v></c></row>)"));
  const auto source = open_xlsx(path);
  SourceRecord record;
  REQUIRE(source->next(record));
  REQUIRE(record.fields.size() == 2);
  CHECK(record.fields[0] == "45000");
  CHECK(format_date(*excel_serial_date(record.fields[0])) == "2023-03-15");
  CHECK(format_date(*excel_serial_date(record.fields[1])) == "2023-03-15");
}

TEST_CASE("numbers read as the file writes them") {
  TempDir dir;
  CHECK(read_book(dir, one_sheet(R"(<row r="1"><c r="A1"><v>12.5</v></c><c r="B1" t="n">)"
                                 R"(<v>1.0000000000000001E-3</v></c><c r="C1"><v>-7</v></c>)"
                                 R"(</row>)")) ==
        std::vector<std::string>{"1#1: 12.5|1.0000000000000001E-3|-7"});
}

TEST_CASE("cells skipped in the middle of a row read as empty fields, trailing ones are cut") {
  TempDir dir;
  const XlsxWorkbook book =
      one_sheet(R"(<row r="1"><c r="A1"><v>1</v></c><c r="D1"><v>4</v></c></row>)"
                R"(<row r="2"><c r="B2"><v>2</v></c><c r="C2" s="4"/><c r="E2" s="4"></c></row>)"
                R"(<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3"><v></v></c></row>)",
                {""});
  CHECK(read_book(dir, book) == std::vector<std::string>{"1#1: 1|||4", "2#2: |2"});
}

TEST_CASE("rows absent from the sheet are skipped and lines stay Excel's row numbers") {
  TempDir dir;
  const XlsxWorkbook book =
      one_sheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>出厂编号</t></is></c></row>)"
                R"(<row r="4"><c r="A4"><v>4</v></c></row>)"
                R"(<row r="5" spans="1:3" s="7" customFormat="1"><c r="A5" s="7"/></row>)"
                R"(<row r="9"><c r="A9"><v>9</v></c></row>)");
  CHECK(read_book(dir, book) == std::vector<std::string>{"1#1: 出厂编号", "4#2: 4", "9#3: 9"});
}

TEST_CASE("cells and rows without a reference follow the one before") {
  TempDir dir;
  const XlsxWorkbook book = one_sheet(R"(<row><c><v>1</v></c><c><v>2</v></c></row>)"
                                      R"(<row r="3"><c r="B3"><v>b</v></c><c><v>c</v></c></row>)"
                                      R"(<row><c><v>x</v></c></row>)");
  CHECK(read_book(dir, book) == std::vector<std::string>{"1#1: 1|2", "3#2: |b|c", "4#3: x"});
}

TEST_CASE("inline strings, formula results, booleans and errors read as their text") {
  TempDir dir;
  const XlsxWorkbook book =
      one_sheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>内联</t></is></c>)"
                R"(<c r="B1" t="str"><f>CONCAT("a","b")</f><v>ab</v></c>)"
                R"(<c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>)"
                R"(<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F1"><f>1+1</f><v>2</v></c>)"
                R"(<c r="G1" t="d"><v>2023-03-15T00:00:00</v></c></row>)");
  CHECK(read_book(dir, book) ==
        std::vector<std::string>{"1#1: 内联|ab|TRUE|FALSE|#DIV/0!|2|2023-03-15T00:00:00"});
}

TEST_CASE("rich text runs are joined and phonetic guides are left out") {
  TempDir dir;
  XlsxWorkbook book = one_sheet(
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
      R"(<c r="C1" t="inlineStr"><is><r><rPr><b/></rPr><t>粗</t></r><r><t xml:space="preserve"> 体</t></r></is></c>)"
      R"(</row>)");
  book.shared_strings =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">)"
      R"(<si><r><rPr><b/><sz val="11"/></rPr><t>客户</t></r><r><t>名称</t></r></si>)"
      R"(<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>)"
      R"(</sst>)";
  CHECK(read_book(dir, book) == std::vector<std::string>{"1#1: 客户名称|東京|粗 体"});
}

TEST_CASE("XML entities and Excel's _xHHHH_ escapes read as the characters they stand for") {
  TempDir dir;
  XlsxWorkbook book = one_sheet(
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
      R"(<c r="C1" t="inlineStr"><is><t>&quot;q&quot; &#x4E2D;&#25991;</t></is></c></row>)");
  book.shared_strings =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<si><t>R&amp;D &lt;2&gt;</t></si><si><t>a_x000D_&#10;b _x005F_x0041_</t></si></sst>)";
  CHECK(read_book(dir, book) == std::vector<std::string>{"1#1: R&D <2>|a\r\nb _x0041_|\"q\" 中文"});
}

TEST_CASE("spaces around a text are kept as written") {
  TempDir dir;
  CHECK(read_book(dir, one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)",
                                 {"  带空格 "})) == std::vector<std::string>{"1#1:   带空格 "});
}

TEST_CASE("the first worksheet is read unless one is named, and the name picks it") {
  TempDir dir;
  XlsxWorkbook book;
  book.sheets.push_back({"Units", R"(<row r="1"><c r="A1"><v>1</v></c></row>)", std::nullopt});
  book.sheets.push_back(
      {"工单 & 费用", R"(<row r="2"><c r="A2"><v>2</v></c></row>)", std::nullopt});
  CHECK(read_book(dir, book) == std::vector<std::string>{"1#1: 1"});
  CHECK(read_book(dir, book, "工单 & 费用") == std::vector<std::string>{"2#1: 2"});
  CHECK(read_book(dir, book, "units") == std::vector<std::string>{"1#1: 1"});
}

TEST_CASE("a sheet that is not there is refused naming the worksheets there are") {
  TempDir dir;
  XlsxWorkbook book;
  book.sheets.push_back({"Units", "", std::nullopt});
  book.sheets.push_back({"工单", "", std::nullopt});
  const std::string path = dir.file("book.xlsx");
  testing::write_xlsx(path, book);
  expect_error(ErrorCode::kInvalidInput,
               {"book.xlsx", "no worksheet named \"Tickets\"", "\"Units\", \"工单\""},
               [&] { open_xlsx(path, "Tickets"); });
}

TEST_CASE("a file that is not a zip archive is refused with the hint to save it as .xlsx") {
  TempDir dir;
  const std::string path = dir.file("units.xlsx");
  testing::write_file(path, "出厂编号,客户名称\nA,B\n");
  expect_error(ErrorCode::kInvalidInput,
               {"units.xlsx", "not an .xlsx workbook", "save it as .xlsx (Excel Workbook)"},
               [&] { open_xlsx(path); });
}

TEST_CASE("an Excel 97-2003 .xls file is refused as such") {
  TempDir dir;
  const std::string path = dir.file("old.xls");
  testing::write_file(path,
                      std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'));
  expect_error(ErrorCode::kInvalidInput, {"old.xls", "Excel 97-2003", "save it as .xlsx"},
               [&] { open_xlsx(path); });
}

TEST_CASE("a zip archive without a workbook is refused") {
  TempDir dir;
  const std::string path = dir.file("notes.xlsx");
  testing::write_file(path, testing::zip_bytes({{"readme.txt", "hello"}}));
  expect_error(ErrorCode::kInvalidInput,
               {"notes.xlsx", "without xl/workbook.xml", "save it as .xlsx (Excel Workbook)"},
               [&] { open_xlsx(path); });
}

TEST_CASE("a file that does not exist is refused naming the path") {
  TempDir dir;
  expect_error(ErrorCode::kInvalidInput, {"missing.xlsx", "no such file"},
               [&] { open_xlsx(dir.file("missing.xlsx")); });
}

TEST_CASE("a worksheet that is not well-formed XML is refused naming the part and the line") {
  TempDir dir;
  XlsxWorkbook book = one_sheet("");
  book.sheets[0].document =
      "<worksheet><sheetData>\n<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\n"
      "<row r=\"2\"><c r=\"A2\"><v>2</c></row></sheetData></worksheet>";
  const std::string path = dir.file("broken.xlsx");
  testing::write_xlsx(path, book);
  const auto source = open_xlsx(path);
  SourceRecord record;
  CHECK(source->next(record));  // the rows before the damage are read
  expect_error(ErrorCode::kInvalidInput,
               {"broken.xlsx", "xl/worksheets/sheet1.xml", "line 3", "mismatched tag"},
               [&] { source->next(record); });
}

TEST_CASE("a worksheet with a document type declaration is refused") {
  TempDir dir;
  XlsxWorkbook book = one_sheet("");
  book.sheets[0].document =
      R"(<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>)"
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c>)"
      R"(</row></sheetData></worksheet>)";
  const std::string path = dir.file("doctype.xlsx");
  testing::write_xlsx(path, book);
  const auto source = open_xlsx(path);
  SourceRecord record;
  expect_error(ErrorCode::kInvalidInput, {"doctype.xlsx", "document type declaration"},
               [&] { source->next(record); });
}

TEST_CASE("a cell naming a shared string the workbook lacks is a problem of its row") {
  TempDir dir;
  const XlsxWorkbook book = one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c>)"
                                      R"(<c r="B1" t="s"><v>7</v></c></row>)"
                                      R"(<row r="2"><c r="A2" t="s"><v>0</v></c></row>)",
                                      {"ok"});
  CHECK(read_book(dir, book) ==
        std::vector<std::string>{
            "1#1: ok !the cell refers to shared string \"7\", which the workbook does not have "
            "(it has 1)@2",
            "2#2: ok"});
}

TEST_CASE("a cell whose reference lies beyond column XFD is left out and its row says why") {
  TempDir dir;
  const XlsxWorkbook book =
      one_sheet(R"(<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>)");
  CHECK(read_book(dir, book) ==
        std::vector<std::string>{"1#1: 1 !cell reference \"XFE1\" is not a cell of A1 to "
                                 "XFD1048576@0"});
}

TEST_CASE("prefixed elements and absolute relationship targets are read like Excel's own") {
  TempDir dir;
  XlsxWorkbook book = one_sheet("");
  book.sheets[0].document =
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c>)"
      R"(</x:row></x:sheetData></x:worksheet>)";
  book.workbook =
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
      R"(<sheets><sheet name="Chart" sheetId="2" rel:id="rIdChart"/>)"
      R"(<sheet name="Data" sheetId="1" rel:id="rIdData"/></sheets></workbook>)";
  book.workbook_relationships =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rIdChart" Target="/xl/chartsheets/sheet1.xml" )"
      R"(Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet"/>)"
      R"(<Relationship Id="rIdData" Target="/xl/worksheets/sheet1.xml" )"
      R"(Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>)"
      R"(</Relationships>)";
  CHECK(read_book(dir, book) == std::vector<std::string>{"1#1: |前缀"});
  const std::string path = dir.file("book.xlsx");
  expect_error(ErrorCode::kInvalidInput, {"no worksheet named \"Chart\"", "chart", "\"Data\""},
               [&] { open_xlsx(path, "Chart"); });
}

TEST_CASE("a sheet read a byte at a time gives the same records") {
  TempDir dir;
  const XlsxWorkbook book = one_sheet(
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>)"
      R"(<row r="3"><c r="A3" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c>)"
      R"(<c r="B3" t="b"><v>1</v></c></row><row r="4"/><row r="5"><c r="A5"><v>5</v></c></row>)",
      {"出厂编号", "R&D"});
  const std::string path = dir.file("book.xlsx");
  testing::write_xlsx(path, book);
  const auto whole = open_xlsx(path);
  const auto bytewise = xlsx::open_file(path, {}, xlsx::ReadOptions{1, {}});
  const std::vector<std::string> expected = {"1#1: 出厂编号||R&D", "3#2: 富文本|TRUE", "5#3: 5"};
  CHECK(lines_of(*whole) == expected);
  CHECK(lines_of(*bytewise) == expected);
}

TEST_CASE("a large sheet is streamed: progress grows with the rows read") {
  std::string rows;
  for (int row = 1; row <= 20'000; ++row) {
    const std::string n = std::to_string(row);
    rows += "<row r=\"" + n + "\"><c r=\"A" + n + "\"><v>" + n + "</v></c><c r=\"B" + n +
            "\" t=\"s\"><v>0</v></c></row>";
  }
  TempDir dir;
  const std::string path = dir.file("large.xlsx");
  testing::write_xlsx(path, one_sheet(rows, {"长沙市环卫处"}));
  const auto source = open_xlsx(path);
  CHECK(source->encoding() == "xlsx");
  CHECK(source->total_bytes() > rows.size());
  SourceRecord record;
  REQUIRE(source->next(record));
  CHECK(source->bytes_read() > 0);
  CHECK(source->bytes_read() < source->total_bytes() / 4);
  std::int64_t count = 1;
  while (source->next(record)) ++count;
  CHECK(count == 20'000);
  CHECK(record.line == 20'000);
  CHECK(record.fields == std::vector<std::string>{"20000", "长沙市环卫处"});
  CHECK(record.field_lines == std::vector<std::int64_t>{20'000, 20'000});
  CHECK(source->bytes_read() == source->total_bytes());
}

// Sets the uncompressed size the archive states for `name`, in its local header and in the
// central directory, to `size`.
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

TEST_CASE("progress never passes the total when the archive understates the sheet's size") {
  std::string archive = testing::zip_bytes(testing::xlsx_entries(one_sheet(
      R"(<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>)")));
  state_size(archive, "xl/worksheets/sheet1.xml", 10);
  try {
    const auto source = xlsx::open_bytes(archive, "small.xlsx", {});
    SourceRecord record;
    while (source->next(record)) CHECK(source->bytes_read() <= source->total_bytes());
    CHECK(source->bytes_read() <= source->total_bytes());
  } catch (const Error& e) {
    MESSAGE("refused: " << e.what());  // libzip may also refuse the entry
  }
}

TEST_CASE("an .xlsx held in memory reads like the file") {
  const std::string bytes = testing::zip_bytes(
      testing::xlsx_entries(one_sheet(R"(<row r="2"><c r="A2"><v>2</v></c></row>)")), false);
  const auto source = xlsx::open_bytes(bytes, "memory.xlsx", {});
  CHECK(lines_of(*source) == std::vector<std::string>{"2#1: 2"});
  expect_error(ErrorCode::kInvalidInput, {"memory.xlsx", "not a zip archive"},
               [&] { xlsx::open_bytes("PK", "memory.xlsx", {}); });
}

TEST_CASE("cell references name 0-based columns from A to XFD") {
  CHECK(xlsx::column_of("A1") == 0);
  CHECK(xlsx::column_of("C7") == 2);
  CHECK(xlsx::column_of("Z9") == 25);
  CHECK(xlsx::column_of("AA10") == 26);
  CHECK(xlsx::column_of("xfd1048576") == 16'383);
  CHECK_FALSE(xlsx::column_of("XFE1").has_value());
  CHECK_FALSE(xlsx::column_of("ZZZZZZZZZZZZ1").has_value());
  CHECK_FALSE(xlsx::column_of("A").has_value());
  CHECK_FALSE(xlsx::column_of("7").has_value());
  CHECK_FALSE(xlsx::column_of("A1B").has_value());
  CHECK_FALSE(xlsx::column_of("").has_value());
}

TEST_CASE("escapes of SpreadsheetML strings decode to UTF-8, a lone surrogate to U+FFFD") {
  const auto decoded = [](std::string text) {
    xlsx::decode_escapes(text);
    return text;
  };
  CHECK(decoded("plain") == "plain");
  CHECK(decoded("a_x000D_b") == "a\rb");
  CHECK(decoded("_x4e2d__x6587_") == "中文");
  CHECK(decoded("_xD83D__xDE00_") == "\xF0\x9F\x98\x80");
  CHECK(decoded("_xD83D_x") ==
        "\xEF\xBF\xBD"
        "x");
  CHECK(decoded("_x005F_x000D_") == "_x000D_");
  CHECK(decoded("_x12_ _xZZZZ_ _x") == "_x12_ _xZZZZ_ _x");
}

TEST_CASE("Excel serials count days from 1900-01-01 with Excel's 29 February 1900") {
  CHECK(date_of_serial("1") == "1900-01-01");
  CHECK(date_of_serial("59") == "1900-02-28");
  CHECK(date_of_serial("60") == "refused");  // 1900-02-29, a day that never was
  CHECK(date_of_serial("61") == "1900-03-01");
  CHECK(date_of_serial("25569") == "1970-01-01");
  CHECK(date_of_serial("45000") == "2023-03-15");
  CHECK(date_of_serial("45000.75") == "2023-03-15");
  CHECK(date_of_serial("2958465") == "9999-12-31");
}

TEST_CASE("Excel serials outside 1 to 2958465 and text that is not a serial are refused") {
  for (const char* text : {"0", "2958466", "99999999999999999999999", "-1", "+45000", "4.5E4",
                           "45000.", ".5", " 45000", "45000 ", "", "2023-03-15", "45000.7x"}) {
    INFO("serial: " << text);
    CHECK(date_of_serial(text) == "refused");
  }
}

}  // namespace
}  // namespace aftersales
