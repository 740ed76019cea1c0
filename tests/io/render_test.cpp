// The output layer: every format of CLI.md "Global options", display widths, atomic files.
#include "aftersales/io/render.h"

#include <unistd.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "aftersales/core/error.h"

namespace aftersales {
namespace {

std::string rendered(const Table& table, Format format, bool bom = false) {
  std::ostringstream out;
  render(out, table, RenderOptions{format, bom});
  return out.str();
}

std::string rendered(const RecordView& record, Format format) {
  std::ostringstream out;
  render(out, record, RenderOptions{format, false});
  return out.str();
}

Table parts_table() {
  Table table;
  table.columns = {{"part_no", "零件号"}, {"name", "名称"}, {"qty", "数量"}, {"price", "单价"}};
  table.add_row({std::string("P-1"), std::string("滤清器"), std::int64_t{12}, Money{123450}});
  table.add_row({std::string("P-22"), std::string("oil"), std::int64_t{3}, Money{50}});
  return table;
}

// A scratch directory of its own, removed afterwards.
class ScratchDirectory {
 public:
  ScratchDirectory()
      : path_(std::filesystem::temp_directory_path() /
              ("aftersales_render_test_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDirectory() { std::filesystem::remove_all(path_); }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::size_t entry_count() const {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(path_),
                                                  std::filesystem::directory_iterator()));
  }

 private:
  std::filesystem::path path_;
};

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("table format aligns Chinese text by display width and right-aligns numbers") {
  CHECK(rendered(parts_table(), Format::kTable) ==
        "零件号  名称    数量      单价\n"
        "------  ------  ----  --------\n"
        "P-1     滤清器    12  1,234.50\n"
        "P-22    oil        3      0.50\n");
}

TEST_CASE("table format prints yes/no, dates, nulls and leaves no trailing spaces") {
  Table table;
  table.columns = {{"serial", ""}, {"accepted", "验收"}, {"shipped", "出厂"}, {"note", "备注"}};
  table.add_row({std::string("2023-001"), true, Date::from_ymd(2023, 3, 5), Cell{}});
  table.add_row({std::string("2023-002"), false, Cell{}, std::string("line\r\nbreak")});
  CHECK(rendered(table, Format::kTable) ==
        "serial    验收  出厂        备注\n"
        "--------  ----  ----------  ----------\n"
        "2023-001  yes   2023-03-05\n"
        "2023-002  no                line break\n");
}

TEST_CASE("an empty table in table format prints just its header and rule") {
  Table table = parts_table();
  table.rows.clear();
  CHECK(rendered(table, Format::kTable) ==
        "零件号  名称  数量  单价\n"
        "------  ----  ----  ----\n");
}

TEST_CASE("CSV quotes fields with a comma, a quote or a line break and ends lines with CRLF") {
  Table table;
  table.columns = {{"code", "编码"}, {"text", "内容"}, {"amount", "金额"}, {"ok", "是否"}};
  table.add_row({std::string("C1"), std::string("a,b"), Money{123450}, true});
  table.add_row({std::string("C2"), std::string("say \"hi\""), Money{-5}, false});
  table.add_row({std::string("C3"), std::string("two\nlines"), Cell{}, Cell{}});
  table.add_row({std::string("C4"), std::string("cr\rhere"), Money{0}, true});
  CHECK(rendered(table, Format::kCsv) ==
        "code,text,amount,ok\r\n"
        "C1,\"a,b\",1234.50,true\r\n"
        "C2,\"say \"\"hi\"\"\",-0.05,false\r\n"
        "C3,\"two\nlines\",,\r\n"
        "C4,\"cr\rhere\",0.00,true\r\n");
}

TEST_CASE("--bom starts CSV and TSV with a UTF-8 BOM and nothing else") {
  const std::string bom = "\xEF\xBB\xBF";
  const Table table = parts_table();
  CHECK(rendered(table, Format::kCsv, true).rfind(bom + "part_no,name,qty,price\r\n", 0) == 0);
  CHECK(rendered(table, Format::kTsv, true).rfind(bom + "part_no\tname\tqty\tprice\n", 0) == 0);
  CHECK(rendered(table, Format::kCsv, false).rfind(bom, 0) == std::string::npos);
  CHECK(rendered(table, Format::kJson, true).rfind(bom, 0) == std::string::npos);
  CHECK(rendered(table, Format::kJsonl, true).rfind(bom, 0) == std::string::npos);
  CHECK(rendered(table, Format::kTable, true).rfind(bom, 0) == std::string::npos);
}

TEST_CASE("TSV replaces tabs and line breaks in cells with a space") {
  Table table;
  table.columns = {{"code", ""}, {"text", ""}};
  table.add_row({std::string("A"), std::string("x\ty\nz\r\nw")});
  table.add_row({std::string("B"), std::string("\"quoted\", as is")});
  CHECK(rendered(table, Format::kTsv) ==
        "code\ttext\n"
        "A\tx y z w\n"
        "B\t\"quoted\", as is\n");
}

TEST_CASE("JSON gives money as a string and in fen, dates as YYYY-MM-DD, keys in column order") {
  Table table;
  table.columns = {{"zeta", ""}, {"amount", ""}, {"shipped", ""}, {"ok", ""}, {"alpha", ""}};
  table.add_row(
      {std::string("中文"), Money{123450}, Date::from_ymd(2024, 2, 29), true, std::int64_t{7}});
  table.add_row({Cell{}, Cell{}, Cell{}, false, std::int64_t{-1}});
  CHECK(rendered(table, Format::kJson) ==
        "[\n"
        "  {\n"
        "    \"zeta\": \"中文\",\n"
        "    \"amount\": \"1234.50\",\n"
        "    \"amount_fen\": 123450,\n"
        "    \"shipped\": \"2024-02-29\",\n"
        "    \"ok\": true,\n"
        "    \"alpha\": 7\n"
        "  },\n"
        "  {\n"
        "    \"zeta\": null,\n"
        "    \"amount\": null,\n"
        "    \"amount_fen\": null,\n"
        "    \"shipped\": null,\n"
        "    \"ok\": false,\n"
        "    \"alpha\": -1\n"
        "  }\n"
        "]\n");
}

TEST_CASE("JSON of an empty table is an empty array and JSON Lines prints nothing") {
  Table table = parts_table();
  table.rows.clear();
  CHECK(rendered(table, Format::kJson) == "[]\n");
  CHECK(rendered(table, Format::kJsonl).empty());
}

TEST_CASE("JSON Lines prints one compact object per row") {
  CHECK(rendered(parts_table(), Format::kJsonl) ==
        "{\"part_no\":\"P-1\",\"name\":\"滤清器\",\"qty\":12,\"price\":\"1234.50\","
        "\"price_fen\":123450}\n"
        "{\"part_no\":\"P-22\",\"name\":\"oil\",\"qty\":3,\"price\":\"0.50\",\"price_fen\":50}\n");
}

TEST_CASE("JSON replaces invalid UTF-8 instead of failing") {
  Table table;
  table.columns = {{"text", ""}};
  table.add_row({std::string("a\xFF")});
  CHECK(rendered(table, Format::kJsonl) == "{\"text\":\"a\xEF\xBF\xBD\"}\n");
}

// Issue 8, finding 6: text from a CSV or a clerk printed raw by `customer list`.
TEST_CASE("a table shows control, C1 and bidi characters of cells and titles escaped") {
  Table table;
  table.columns = {{"name", "名称\x1b[31m"}, {"note", ""}};
  table.add_row({std::string("evil\x1b]0;pwned\x07"), std::string("tab\there")});
  table.add_row({std::string("csi\xC2\x9B"
                             "2J"),
                 std::string("abc\xE2\x80\xAE"
                             "cod.exe")});
  table.add_row({std::string("del\x7f"), std::string("nbsp\xC2\xA0ok")});
  CHECK(rendered(table, Format::kTable) ==
        "名称\\x1b[31m          note\n"
        "--------------------  ----------------\n"
        "evil\\x1b]0;pwned\\x07  tab here\n"
        "csi\\u009b2J           abc\\u202ecod.exe\n"
        "del\\x7f               nbsp\xC2\xA0ok\n");
}

TEST_CASE("a record in table format shows its title, labels and values escaped") {
  RecordView record;
  record.title =
      "客户 \xE2\x80\xAE"
      "C-1";
  record.add("name", "名称\xC2\x9D", std::string("a\x1b[2Jb"));
  CHECK(rendered(record, Format::kTable) ==
        "客户 \\u202eC-1\n"
        "名称\\u009d: a\\x1b[2Jb\n");
}

TEST_CASE("JSON writes DEL, C1 and bidi characters as \\u escapes of the same text") {
  Table table;
  table.columns = {{"text", ""}};
  table.add_row({std::string("\x1b\x7f\xC2\x9B\xE2\x80\xAE\xE2\x81\xA6\xD8\x9C\xC2\xA0中")});
  CHECK(rendered(table, Format::kJsonl) ==
        "{\"text\":\"\\u001b\\u007f\\u009b\\u202e\\u2066\\u061c\xC2\xA0中\"}\n");
}

TEST_CASE("CSV and TSV keep control and bidi characters as they are") {
  Table table;
  table.columns = {{"text", ""}};
  table.add_row({std::string("a\x1b[31m\xC2\x9B\xE2\x80\xAE")});
  CHECK(rendered(table, Format::kCsv) == "text\r\na\x1b[31m\xC2\x9B\xE2\x80\xAE\r\n");
  CHECK(rendered(table, Format::kTsv) == "text\na\x1b[31m\xC2\x9B\xE2\x80\xAE\n");
}

// Issue 8, finding 7: =HYPERLINK(...), +cmd|..., @SUM in a name came out as formulas in Excel.
namespace {

Table formula_table() {
  Table table;
  table.columns = {{"name", ""}, {"amount", ""}, {"qty", ""}};
  table.add_row({std::string("=HYPERLINK(\"http://x\",\"y\")"), Money{-500}, std::int64_t{-5}});
  table.add_row({std::string("+cmd|' /C calc'!A0"), Money{500}, std::int64_t{5}});
  table.add_row({std::string("-cmd"), Cell{}, Cell{}});
  table.add_row({std::string("@SUM(A1:A9)"), Cell{}, Cell{}});
  table.add_row({std::string("\t=1+2"), Cell{}, Cell{}});
  table.add_row({std::string("\r=1+2"), Cell{}, Cell{}});
  table.add_row({std::string("-5"), Cell{}, Cell{}});
  table.add_row({std::string("+12.50"), Cell{}, Cell{}});
  table.add_row({std::string("-"), Cell{}, Cell{}});
  table.add_row({std::string("+86 411 8888 0000"), Cell{}, Cell{}});
  table.add_row({std::string("a=b"), Cell{}, Cell{}});
  return table;
}

}  // namespace

TEST_CASE("CSV for Excel (--bom) prefixes text cells that would start a formula with a quote") {
  CHECK(rendered(formula_table(), Format::kCsv, true) ==
        "\xEF\xBB\xBF"
        "name,amount,qty\r\n"
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5.00,-5\r\n"
        "'+cmd|' /C calc'!A0,5.00,5\r\n"
        "'-cmd,,\r\n"
        "'@SUM(A1:A9),,\r\n"
        "'\t=1+2,,\r\n"
        "\"'\r=1+2\",,\r\n"
        "-5,,\r\n"
        "+12.50,,\r\n"
        "'-,,\r\n"
        "'+86 411 8888 0000,,\r\n"
        "a=b,,\r\n");
}

TEST_CASE("TSV for Excel prefixes formulas too, and without --bom the data stays exact") {
  const std::string tsv = rendered(formula_table(), Format::kTsv, true);
  CHECK(tsv.find("\n'+cmd|' /C calc'!A0\t5.00\t5\n") != std::string::npos);
  CHECK(tsv.find("\n'  =1+2\t\t\n") == std::string::npos);
  CHECK(tsv.find("\n' =1+2\t\t\n") != std::string::npos);  // the tab became a space
  CHECK(tsv.find("\n-5\t\t\n") != std::string::npos);

  const std::string csv = rendered(formula_table(), Format::kCsv, false);
  CHECK(csv.find('\'' + std::string("=HYPERLINK")) == std::string::npos);
  CHECK(csv.find("\r\n+cmd|' /C calc'!A0,5.00,5\r\n") != std::string::npos);
  CHECK(csv.find("\r\n-cmd,,\r\n") != std::string::npos);
  CHECK(rendered(formula_table(), Format::kTsv, false).find("\n@SUM(A1:A9)\t\t\n") !=
        std::string::npos);
}

TEST_CASE("a record in CSV for Excel prefixes a formula value but not negative money") {
  RecordView record;
  record.add("name", "名称", std::string("=1+2"));
  record.add("balance", "余额", Money{-123450});
  std::ostringstream out;
  render(out, record, RenderOptions{Format::kCsv, true});
  CHECK(out.str() ==
        "\xEF\xBB\xBF"
        "field,value\r\n"
        "name,'=1+2\r\n"
        "balance,-1234.50\r\n");
}

namespace {

RecordView unit_record() {
  RecordView record;
  record.title = "产品出厂档案 (表1) 2023-001";
  record.add("serial", "出厂编号", std::string("2023-001"));
  record.add("shipped", "出厂日期", Date::from_ymd(2023, 3, 5));
  record.add("price", "price", Money{1234567});
  record.add("vin", "车架号", Cell{});
  Table history;
  history.columns = {{"date", "日期"}, {"kind", "类别"}};
  history.add_row({Date::from_ymd(2023, 4, 1), std::string("quality")});
  record.tables.push_back({Column{"history", "历史记录"}, history});
  return record;
}

}  // namespace

TEST_CASE("a record in table format shows its title, aligned fields and tables") {
  CHECK(rendered(unit_record(), Format::kTable) ==
        "产品出厂档案 (表1) 2023-001\n"
        "出厂编号: 2023-001\n"
        "出厂日期: 2023-03-05\n"
        "price:    12,345.67\n"
        "车架号:\n"
        "\n"
        "历史记录\n"
        "日期        类别\n"
        "----------  -------\n"
        "2023-04-01  quality\n");
}

TEST_CASE("a record in JSON is one object with its tables as arrays under their keys") {
  CHECK(rendered(unit_record(), Format::kJson) ==
        "{\n"
        "  \"serial\": \"2023-001\",\n"
        "  \"shipped\": \"2023-03-05\",\n"
        "  \"price\": \"12345.67\",\n"
        "  \"price_fen\": 1234567,\n"
        "  \"vin\": null,\n"
        "  \"history\": [\n"
        "    {\n"
        "      \"date\": \"2023-04-01\",\n"
        "      \"kind\": \"quality\"\n"
        "    }\n"
        "  ]\n"
        "}\n");
  CHECK(rendered(unit_record(), Format::kJsonl) ==
        "{\"serial\":\"2023-001\",\"shipped\":\"2023-03-05\",\"price\":\"12345.67\","
        "\"price_fen\":1234567,\"vin\":null,\"history\":[{\"date\":\"2023-04-01\","
        "\"kind\":\"quality\"}]}\n");
}

TEST_CASE("a record in CSV lists field,value rows, then each table under its key") {
  CHECK(rendered(unit_record(), Format::kCsv) ==
        "field,value\r\n"
        "serial,2023-001\r\n"
        "shipped,2023-03-05\r\n"
        "price,12345.67\r\n"
        "vin,\r\n"
        "\r\n"
        "history\r\n"
        "date,kind\r\n"
        "2023-04-01,quality\r\n");
  CHECK(rendered(unit_record(), Format::kTsv) ==
        "field\tvalue\n"
        "serial\t2023-001\n"
        "shipped\t2023-03-05\n"
        "price\t12345.67\n"
        "vin\t\n"
        "\n"
        "history\n"
        "date\tkind\n"
        "2023-04-01\tquality\n");
}

TEST_CASE("cell text groups money and says yes/no only in tables") {
  CHECK(cell_text(Money{-123456789}, Format::kTable) == "-1,234,567.89");
  CHECK(cell_text(Money{-123456789}, Format::kCsv) == "-1234567.89");
  CHECK(cell_text(true, Format::kTable) == "yes");
  CHECK(cell_text(false, Format::kTsv) == "false");
  CHECK(cell_text(Cell{}, Format::kCsv).empty());
  CHECK(cell_text(std::int64_t{-42}, Format::kTable) == "-42");
}

TEST_CASE("display width counts ASCII as one column and CJK and full-width forms as two") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc 123") == 7);
  CHECK(display_width("滤清器") == 6);
  CHECK(display_width("，。") == 4);              // full-width punctuation
  CHECK(display_width("ＡＢ１") == 6);            // full-width Latin and digits
  CHECK(display_width("￥12") == 4);              // full-width yen sign
  CHECK(display_width("表1 型号A") == 9);         // mixed
  CHECK(display_width("한국") == 4);              // Hangul syllables
  CHECK(display_width("\xF0\xA0\x80\x80") == 2);  // U+20000, CJK extension B
  CHECK(display_width("\xF0\x9F\x98\x80") == 2);  // U+1F600, an emoji
  CHECK(display_width("\xE3\x80\xBF") == 1);      // U+303F, the narrow exception
}

TEST_CASE("display width gives combining marks none and invalid bytes one each") {
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute accent
  CHECK(display_width("a\xE2\x80\x8B"
                      "b") == 2);             // zero width space
  CHECK(display_width("\xFF\xFE") == 2);      // bytes that never start UTF-8
  CHECK(display_width("a\x80z") == 3);        // a stray continuation byte
  CHECK(display_width("\xE6\xBB") == 2);      // a truncated CJK character
  CHECK(display_width("\xC0\xAF") == 2);      // an overlong '/'
  CHECK(display_width("\xED\xA0\x80") == 3);  // a UTF-16 surrogate
  CHECK(display_width("\xE6\xBB"
                      "中") == 4);  // truncated, then a valid character
}

TEST_CASE("display width takes emoji, CJK and combining marks from the Unicode tables") {
  CHECK(display_width("\xF0\x9F\x9A\x80") == 2);    // U+1F680 rocket, outside the old hand list
  CHECK(display_width("\xE2\x9A\xA1") == 2);        // U+26A1 high voltage, an emoji of the BMP
  CHECK(display_width("ok\xF0\x9F\x91\x8D") == 4);  // "ok" and a thumbs up
  CHECK(display_width("维修单") == 6);
  CHECK(display_width("\xE0\xA4\x95\xE0\xA5\x8D") == 1);  // Devanagari ka + virama (a mark)
  CHECK(display_width("a\xCC\x81\xCC\xA7") == 1);         // a with two combining marks
  CHECK(display_width("\xE2\x80\xA6") == 1);              // the ellipsis that ends a cut cell
}

TEST_CASE("parse_format accepts the formats and refuses others as a usage error") {
  CHECK(parse_format("table") == Format::kTable);
  CHECK(parse_format("csv") == Format::kCsv);
  CHECK(parse_format("tsv") == Format::kTsv);
  CHECK(parse_format("json") == Format::kJson);
  CHECK(parse_format("jsonl") == Format::kJsonl);
  try {
    parse_format("xml");
    FAIL("xml was accepted");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::kUsage);
    CHECK(std::string(error.what()).find("table, csv, tsv, json, jsonl") != std::string::npos);
  }
}

TEST_CASE("format_for_path infers the format from the extension, in any case") {
  CHECK(format_for_path("out.csv") == Format::kCsv);
  CHECK(format_for_path("dir.v2/OUT.CSV") == Format::kCsv);
  CHECK(format_for_path("out.tsv") == Format::kTsv);
  CHECK(format_for_path("out.json") == Format::kJson);
  CHECK(format_for_path("/tmp/out.jsonl") == Format::kJsonl);
  CHECK(format_for_path("out.txt") == Format::kTable);
}

TEST_CASE("format_for_path takes .xlsx and .html, which the session writes as files") {
  CHECK(format_for_path("monthly.xlsx") == Format::kXlsx);
  CHECK(format_for_path("report.html") == Format::kHtml);
  CHECK(format_for_path("REPORT.HTM") == Format::kHtml);
  CHECK(parse_format("xlsx") == Format::kXlsx);
  CHECK(parse_format("html") == Format::kHtml);
  std::ostringstream out;
  try {
    render(out, Table{}, RenderOptions{Format::kXlsx, false});
    FAIL("rendered a workbook as text");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::kUsage);
    CHECK(error.hint().find("-o") != std::string::npos);
  }
}

TEST_CASE("format_for_path refuses an unknown or missing extension, naming the accepted ones") {
  for (const std::string path : {"out.dat", "out", "dir.csv/out"}) {
    CAPTURE(path);
    try {
      format_for_path(path);
      FAIL("accepted");
    } catch (const Error& error) {
      CHECK(error.code() == ErrorCode::kUsage);
      CHECK(std::string(error.what()).find(".csv, .tsv, .json, .jsonl, .xlsx, .html or .txt") !=
            std::string::npos);
    }
  }
}

TEST_CASE("an atomic write creates the file and leaves no temporary beside it") {
  ScratchDirectory scratch;
  const auto path = scratch.path() / "out.csv";
  write_file_atomically(path.string(), [](std::ostream& out) { out << "a,b\r\n"; });
  CHECK(read_whole(path) == "a,b\r\n");
  CHECK(scratch.entry_count() == 1);
}

TEST_CASE("an atomic write replaces the old content whole") {
  ScratchDirectory scratch;
  const auto path = scratch.path() / "out.json";
  write_file_atomically(path.string(), [](std::ostream& out) { out << std::string(100000, 'x'); });
  write_file_atomically(path.string(), [](std::ostream& out) { out << "[]\n"; });
  CHECK(read_whole(path) == "[]\n");
  CHECK(scratch.entry_count() == 1);
}

TEST_CASE("an atomic write into a missing directory throws a storage error and leaves nothing") {
  ScratchDirectory scratch;
  const auto path = scratch.path() / "missing" / "out.csv";
  try {
    write_file_atomically(path.string(), [](std::ostream& out) { out << "x"; });
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::kStorageUnavailable);
    CHECK(std::string(error.what()).find(path.string()) != std::string::npos);
    CHECK(std::string(error.what()).find("No such file or directory") != std::string::npos);
    CHECK_FALSE(error.hint().empty());
  }
  CHECK_FALSE(std::filesystem::exists(path.parent_path()));
  CHECK(scratch.entry_count() == 0);
}

TEST_CASE("an atomic write whose writer throws keeps the old file and removes the temporary") {
  ScratchDirectory scratch;
  const auto path = scratch.path() / "out.txt";
  write_file_atomically(path.string(), [](std::ostream& out) { out << "old\n"; });
  CHECK_THROWS_AS(write_file_atomically(path.string(),
                                        [](std::ostream& out) {
                                          out << "half";
                                          throw std::runtime_error("interrupted");
                                        }),
                  std::runtime_error);
  CHECK(read_whole(path) == "old\n");
  CHECK(scratch.entry_count() == 1);
}

}  // namespace aftersales

namespace aftersales {

TEST_CASE("cut_to_width ends a cut text with an ellipsis and never splits a character") {
  CHECK(cut_to_width("short", 10) == "short");
  CHECK(cut_to_width("abcdefgh", 5) == "abcd…");
  CHECK(cut_to_width("滤清器总成", 6) == "滤清…");        // 2+2 columns, then the ellipsis
  CHECK(cut_to_width("滤清器总成", 5) == "滤清…");        // a wide character never half shown
  CHECK(cut_to_width("e\xCC\x81zz", 2) == "e\xCC\x81…");  // the mark stays with its e
  CHECK(cut_to_width("\xF0\x9F\x9A\x80\xF0\x9F\x9A\x80x", 4) == "\xF0\x9F\x9A\x80…");
  CHECK(cut_to_width("abc", 0).empty());
  CHECK(display_width(cut_to_width("鞍山市环卫处东区作业站", 9)) <= 9);
}

TEST_CASE("fitting a table narrows the widest cuttable column first, down to a minimum") {
  // 10 + 2 + 40 + 2 + 8 = 62 columns into 40: the 40 gives 22.
  CHECK(fit_column_widths({10, 40, 8}, {true, true, true}, 40) ==
        std::vector<std::size_t>{10, 18, 8});
  // Two wide columns shrink alike.
  CHECK(fit_column_widths({30, 30}, {true, true}, 42) == std::vector<std::size_t>{20, 20});
  // Numbers are never cut; text stops at kMinCutWidth, and a line may then stay too wide.
  CHECK(fit_column_widths({12, 40}, {false, true}, 10) ==
        std::vector<std::size_t>{12, kMinCutWidth});
  CHECK(fit_column_widths({4, 3}, {true, true}, 5) == std::vector<std::size_t>{4, 3});
  CHECK(fit_column_widths({10, 20}, {true, true}, 80) == std::vector<std::size_t>{10, 20});
}

}  // namespace aftersales
