// The .xlsx writer (issue 12 "Formats"): what it writes is read back with the project's own
// reader (open_xlsx) and, for what the reader does not show (formats, frozen header, chart), from
// the parts of the zip archive.
#include "aftersales/io/xlsx_writer.h"

#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "aftersales/core/error.h"
#include "aftersales/io/sheets/record_source.h"

namespace aftersales {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() / ("aftersales-xlsx-writer-" + std::to_string(::getpid()) +
                                        "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

std::vector<std::vector<std::string>> read_sheet(const std::string& path,
                                                 const std::string& sheet = {}) {
  auto source = open_xlsx(path, sheet);
  std::vector<std::vector<std::string>> rows;
  SourceRecord record;
  while (source->next(record)) rows.push_back(record.fields);
  return rows;
}

// The text of one part of the archive ("xl/styles.xml"); empty when it is missing.
std::string part(const std::string& path, const std::string& name) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  std::string text;
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  if (file != nullptr) {
    char buffer[4096];
    zip_int64_t got = 0;
    while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) {
      text.append(buffer, static_cast<std::size_t>(got));
    }
    zip_fclose(file);
  }
  zip_discard(archive);
  return text;
}

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool contains(const std::string& text, const std::string& fragment) {
  return text.find(fragment) != std::string::npos;
}

Table typed_table() {
  Table table;
  table.columns = {{"part", "配件"},    {"qty", "数量"}, {"price", "单价"}, {"rate", "达成"},
                   {"shipped", "出厂"}, {"note", ""},    {"major", "major"}};
  table.add_row({Cell{std::string("液压泵")}, Cell{std::int64_t{3}}, Cell{Money{123450}},
                 Cell{Percent{9850}}, Cell{Date::from_ymd(2023, 3, 15)}, Cell{std::string("=1+1")},
                 Cell{true}});
  table.add_row({Cell{std::string("@SUM(A1)")}, Cell{}, Cell{Money{-5}}, Cell{Percent{10000}},
                 Cell{}, Cell{std::string("+86 10 1234")}, Cell{false}});
  return table;
}

}  // namespace

TEST_CASE("an xlsx sheet keeps the header and the cells' types, text never a formula") {
  TempDir dir;
  const std::string path = dir.file("typed.xlsx");
  write_xlsx_table(path, "配件", typed_table());
  const auto rows = read_sheet(path);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] ==
        std::vector<std::string>{"配件", "数量", "单价", "达成", "出厂", "note", "major"});
  CHECK(rows[1] ==
        std::vector<std::string>{"液压泵", "3", "1234.5", "0.985", "45000", "=1+1", "TRUE"});
  CHECK(rows[2] ==
        std::vector<std::string>{"@SUM(A1)", "", "-0.05", "1", "", "+86 10 1234", "FALSE"});

  const std::string sheet = part(path, "xl/worksheets/sheet1.xml");
  CHECK_FALSE(contains(sheet, "<f>"));  // no formula anywhere
  CHECK(contains(sheet, "=1+1"));
  // The header row is frozen (a pane split below row 1) and the columns have widths.
  CHECK(contains(sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\""));
  CHECK(contains(sheet, "<cols>"));
  const std::string styles = part(path, "xl/styles.xml");
  CHECK(contains(styles, "formatCode=\"#,##0.00\""));
  CHECK(contains(styles, "formatCode=\"0.00%\""));
  CHECK(contains(styles, "formatCode=\"yyyy-mm-dd\""));
  CHECK(contains(styles, "<b/>"));  // the bold header
  CHECK(contains(part(path, "xl/workbook.xml"), "name=\"配件\""));
}

TEST_CASE("xlsx sheet names lose the characters Excel forbids and stop at 31 characters") {
  CHECK(xlsx_sheet_name("a/b[c]:d*e?f\\g") == "a_b_c__d_e_f_g");
  CHECK(xlsx_sheet_name("'quoted'") == "quoted");
  CHECK(xlsx_sheet_name("") == "Sheet");
  CHECK(xlsx_sheet_name("[]") == "__");
  const std::string long_cjk = "客户服务部维修统计及费用月报表客户服务部维修统计及费用月报表附表";
  const std::string cut = xlsx_sheet_name(long_cjk);
  CHECK(cut == long_cjk.substr(0, 31 * 3));  // 31 characters of 3 bytes each
  CHECK(xlsx_sheet_name("a\xFF") == "a\xEF\xBF\xBD");
}

TEST_CASE("a workbook streams sheets row by row and names a repeated sheet apart") {
  TempDir dir;
  const std::string path = dir.file("book.xlsx");
  XlsxWriter book(path);
  CHECK(book.begin_sheet("data", {{"n", "n"}, {"text", "text"}}) == "data");
  for (std::int64_t i = 0; i < 3000; ++i) {
    book.add_row({Cell{i}, Cell{std::string("行") + std::to_string(i)}});
  }
  CHECK(book.rows() == 3000);
  CHECK(book.begin_sheet("DATA", {{"k", "k"}}) == "DATA (2)");
  book.add_row({Cell{std::string("only")}});
  book.commit();

  const auto first = read_sheet(path, "data");
  REQUIRE(first.size() == 3001);
  CHECK(first[3000] == std::vector<std::string>{"2999", "行2999"});
  const auto second = read_sheet(path, "DATA (2)");
  CHECK(second == std::vector<std::vector<std::string>>{{"k"}, {"only"}});
}

TEST_CASE("a chart sheet references its own cells for the 12 months") {
  TempDir dir;
  const std::string path = dir.file("chart.xlsx");
  XlsxWriter book(path);
  book.begin_sheet("近12个月", {{"month", "月份"}, {"warranty", "保修期内"}, {"paid", "保修期外"}});
  for (int m = 1; m <= 12; ++m) {
    book.add_row({Cell{"2026-" + std::string(m < 10 ? "0" : "") + std::to_string(m)},
                  Cell{std::int64_t{m}}, Cell{std::int64_t{12 - m}}});
  }
  book.add_chart({XlsxChart::Kind::kColumn, "保修期内与保修期外", 0, {1, 2}, "次数"});
  book.commit();
  const std::string chart = part(path, "xl/charts/chart1.xml");
  REQUIRE_FALSE(chart.empty());
  CHECK(contains(chart, "<c:barChart>"));
  CHECK(contains(chart, "'近12个月'!$A$2:$A$13"));
  CHECK(contains(chart, "'近12个月'!$B$2:$B$13"));
  CHECK(contains(chart, "'近12个月'!$C$2:$C$13"));
  CHECK(contains(chart, "保修期内与保修期外"));
}

TEST_CASE("the same rows and creation time give the same bytes") {
  TempDir dir;
  XlsxOptions options;
  options.created = Timestamp{1790000000};
  write_xlsx_table(dir.file("a.xlsx"), "t", typed_table(), options);
  write_xlsx_table(dir.file("b.xlsx"), "t", typed_table(), options);
  CHECK(bytes_of(dir.file("a.xlsx")) == bytes_of(dir.file("b.xlsx")));
  CHECK(contains(part(dir.file("a.xlsx"), "docProps/core.xml"), "2026-09-21T"));
}

TEST_CASE("an xlsx write that does not commit or cannot be written leaves the old file") {
  TempDir dir;
  const std::string path = dir.file("keep.xlsx");
  write_xlsx_table(path, "old", typed_table());
  const std::string before = bytes_of(path);
  {
    XlsxWriter abandoned(path);
    abandoned.begin_sheet("new", {{"a", "a"}});
    abandoned.add_row({Cell{std::string("half")}});
  }  // destroyed without commit()
  CHECK(bytes_of(path) == before);
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);

  try {
    write_xlsx_table(dir.file("missing/out.xlsx"), "t", typed_table());
    FAIL("wrote into a missing directory");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::kStorageUnavailable);
    CHECK(contains(error.what(), "missing/out.xlsx"));
  }
}

}  // namespace aftersales
