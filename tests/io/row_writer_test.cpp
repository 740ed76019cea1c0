// The streaming row writers (io/row_writer.h): each format writes, row by row, the bytes a whole
// table rendered at once gives (the render tests pin those), JSON's array is complete at every
// size, declared money and percent columns keep their companions, and the human table holds a
// bounded number of rows.
#include "aftersales/io/row_writer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace aftersales {
namespace {

Table mixed_table() {
  Table table;
  table.columns = {{"part_no", "零件号"}, {"name", "名称"}, {"qty", "数量"},
                   {"price", "单价"},     {"rate", ""},     {"on", ""}};
  table.add_row({std::string("P-1"), std::string("滤清器, \"大\""), std::int64_t{12}, Money{123450},
                 Percent{9800}, Date::from_ymd(2026, 11, 3)});
  table.add_row({std::string("=SUM(A1)"), std::string("two\nlines\tand tab"), Cell{}, Cell{},
                 Cell{}, Cell{}});
  table.add_row(
      {std::string("P-22"), std::string("oil"), std::int64_t{3}, Money{50}, Percent{5}, true});
  return table;
}

std::string streamed(const Table& table, Format format, bool bom = false,
                     std::size_t buffer = kTableBufferRows) {
  std::ostringstream out;
  const auto writer = make_row_writer(out, RenderOptions{format, bom}, buffer);
  std::vector<Column> columns = table.columns;
  writer->begin(columns);
  for (const auto& row : table.rows) writer->row(row);
  writer->finish();
  return out.str();
}

std::string rendered(const Table& table, Format format, bool bom = false) {
  std::ostringstream out;
  render(out, table, RenderOptions{format, bom});
  return out.str();
}

// The table of mixed_table() with the kinds declared that render() judges from its cells.
Table declared(Table table) {
  table.columns[3].kind = ColumnKind::kMoney;
  table.columns[4].kind = ColumnKind::kPercent;
  return table;
}

}  // namespace

TEST_CASE("every format streams the bytes of the whole table rendered at once") {
  const Table table = declared(mixed_table());
  for (const Format format :
       {Format::kTable, Format::kCsv, Format::kTsv, Format::kJson, Format::kJsonl}) {
    CAPTURE(static_cast<int>(format));
    CHECK(streamed(table, format) == rendered(mixed_table(), format));
    CHECK(streamed(table, format, true) == rendered(mixed_table(), format, true));
  }
}

TEST_CASE("CSV rows are RFC 4180 with CRLF and the formula guard only with --bom") {
  const Table table = declared(mixed_table());
  CHECK(streamed(table, Format::kCsv) ==
        "part_no,name,qty,price,rate,on\r\n"
        "P-1,\"滤清器, \"\"大\"\"\",12,1234.50,98.00%,2026-11-03\r\n"
        "=SUM(A1),\"two\nlines\tand tab\",,,,\r\n"
        "P-22,oil,3,0.50,0.05%,true\r\n");
  CHECK(streamed(table, Format::kCsv, true)
            .rfind("\xEF\xBB\xBF"
                   "part_no,",
                   0) == 0);
  CHECK(streamed(table, Format::kCsv, true).find("'=SUM(A1)") != std::string::npos);
  CHECK(streamed(table, Format::kTsv).find("two lines and tab") != std::string::npos);
}

TEST_CASE("a JSON array of no rows is an empty array and JSON Lines writes nothing") {
  Table empty;
  empty.columns = {{"number", ""}, {"amount", "", ColumnKind::kMoney}};
  CHECK(streamed(empty, Format::kJson) == "[]\n");
  CHECK(streamed(empty, Format::kJsonl) == "");
  CHECK(streamed(empty, Format::kCsv) == "number,amount\r\n");
  CHECK(streamed(empty, Format::kTable) == "number  amount\n------  ------\n");
}

TEST_CASE("a JSON array is written element by element as an indented dump would print it") {
  Table table;
  table.columns = {{"number", ""}, {"amount", "", ColumnKind::kMoney}};
  table.add_row({std::string("S-1"), Money{100}});
  table.add_row({std::string("S-2"), Cell{}});
  CHECK(streamed(table, Format::kJson) ==
        "[\n"
        "  {\n"
        "    \"number\": \"S-1\",\n"
        "    \"amount\": \"1.00\",\n"
        "    \"amount_fen\": 100\n"
        "  },\n"
        "  {\n"
        "    \"number\": \"S-2\",\n"
        "    \"amount\": null,\n"
        "    \"amount_fen\": null\n"
        "  }\n"
        "]\n");
}

TEST_CASE("declared money and percent columns give null companions even when no row has a value") {
  Table table;
  table.columns = {{"amount", "", ColumnKind::kMoney},
                   {"rate", "", ColumnKind::kPercent},
                   {"note", "", ColumnKind::kText}};
  table.add_row({Cell{}, Cell{}, Cell{}});
  CHECK(streamed(table, Format::kJsonl) ==
        "{\"amount\":null,\"amount_fen\":null,\"rate\":null,\"rate_bp\":null,\"note\":null}\n");
  // An undeclared (auto) column streamed without any money in it has no companion.
  Table plain;
  plain.columns = {{"amount", ""}};
  plain.add_row({Cell{}});
  CHECK(streamed(plain, Format::kJsonl) == "{\"amount\":null}\n");
}

TEST_CASE("JSON rows escape text as nlohmann's dump with dump()'s escapes does") {
  // The reference: the same value as a record, which render() builds as a nlohmann object.
  const std::vector<std::string> texts = {"plain",
                                          "",
                                          "滤清器, \"大\"",
                                          "back\\slash",
                                          "tab\tline\nfeed\r\bf\f",
                                          std::string("nul\0x", 5),
                                          "\x01\x1f",
                                          "del\x7f",
                                          "c1 \xC2\x9B",
                                          "bidi \xE2\x80\xAE",
                                          "emoji \xF0\x9F\x98\x80",
                                          "cut \xE6\xBB",
                                          "lone \x9B here",
                                          "overlong \xC0\xAF",
                                          "surrogate \xED\xA0\x80",
                                          "high \xF4\x90\x80\x80",
                                          "\xFF\xFE",
                                          "end \xE2\x80"};
  for (const std::string& text : texts) {
    CAPTURE(text);
    Table table;
    table.columns = {{"v", ""}};
    table.add_row({text});
    RecordView record;
    record.add("v", "", text);
    std::ostringstream lines;
    render(lines, record, RenderOptions{Format::kJsonl});
    CHECK(streamed(table, Format::kJsonl) == lines.str());
    std::ostringstream indented;
    render(indented, record, RenderOptions{Format::kJson});
    std::string nested = "[\n  ";  // the record one level deeper, as an element of the array
    for (const char ch : indented.str().substr(0, indented.str().size() - 1)) {
      nested += ch;
      if (ch == '\n') nested += "  ";
    }
    CHECK(streamed(table, Format::kJson) == nested + "\n]\n");
  }
}

TEST_CASE("a JSON row whose columns share a key keeps the key's first place and last value") {
  Table table;
  table.columns = {{"a", ""}, {"b", ""}, {"a", ""}, {"c", "", ColumnKind::kMoney}, {"c_fen", ""}};
  table.add_row({std::int64_t{1}, std::int64_t{2}, std::int64_t{3}, Money{100}, std::int64_t{5}});
  CHECK(streamed(table, Format::kJsonl) == "{\"a\":3,\"b\":2,\"c\":\"1.00\",\"c_fen\":5}\n");
}

TEST_CASE("a guarded CSV cell that needs quotes has the guard inside them") {
  Table table;
  table.columns = {{"v", ""}};
  table.add_row({std::string("=A1,\"B\"")});
  table.add_row({std::string("@x\ty")});
  CHECK(streamed(table, Format::kCsv, true) == "\xEF\xBB\xBFv\r\n\"'=A1,\"\"B\"\"\"\r\n'@x\ty\r\n");
  CHECK(streamed(table, Format::kTsv, true) == "\xEF\xBB\xBFv\n'=A1,\"B\"\n'@x y\n");
}

TEST_CASE("the human table measures its widths on the buffered rows and streams the rest") {
  Table table;
  table.columns = {{"n", ""}, {"name", ""}};
  table.add_row({std::int64_t{1}, std::string("ab")});
  table.add_row({std::int64_t{2}, std::string("abc")});
  table.add_row({std::int64_t{300}, std::string("a much longer name")});
  // Two rows held: widths from them, the third overflows its column instead of re-aligning.
  CHECK(streamed(table, Format::kTable, false, 2) ==
        "n  name\n"
        "-  ----\n"
        "1  ab\n"
        "2  abc\n"
        "300  a much longer name\n");
  // With room for every row it is the table render() prints.
  CHECK(streamed(table, Format::kTable, false, 3) == rendered(table, Format::kTable));
}

}  // namespace aftersales

namespace aftersales {
namespace {

// A kJson column: an object, an array, text that is not JSON, and an empty text.
Table json_table() {
  Table table;
  table.columns = {{"id", "", ColumnKind::kNumber}, {"change", "", ColumnKind::kJson}};
  table.add_row({std::int64_t{1}, std::string(R"({"phone":"0412","qty":2})")});
  table.add_row({std::int64_t{2}, std::string(R"(["a.csv","b.csv"])")});
  table.add_row({std::int64_t{3}, std::string("not {json")});
  table.add_row({std::int64_t{4}, std::string()});
  return table;
}

}  // namespace

TEST_CASE("a JSON column nests objects and arrays and keeps text that does not parse a string") {
  CHECK(streamed(json_table(), Format::kJsonl) ==
        "{\"id\":1,\"change\":{\"phone\":\"0412\",\"qty\":2}}\n"
        "{\"id\":2,\"change\":[\"a.csv\",\"b.csv\"]}\n"
        "{\"id\":3,\"change\":\"not {json\"}\n"
        "{\"id\":4,\"change\":null}\n");
  const std::string json = streamed(json_table(), Format::kJson);
  CHECK(json.rfind("[\n  {\n    \"id\": 1,\n    \"change\": {\n      \"phone\": \"0412\",\n"
                   "      \"qty\": 2\n    }\n  },\n",
                   0) == 0);
  CHECK(json == rendered(json_table(), Format::kJson));
}

TEST_CASE("a JSON column shows its text as it is in CSV, TSV and the human table") {
  CHECK(streamed(json_table(), Format::kCsv) ==
        "id,change\r\n1,\"{\"\"phone\"\":\"\"0412\"\",\"\"qty\"\":2}\"\r\n"
        "2,\"[\"\"a.csv\"\",\"\"b.csv\"\"]\"\r\n3,not {json\r\n4,\r\n");
  CHECK(streamed(json_table(), Format::kTable).find(R"({"phone":"0412","qty":2})") !=
        std::string::npos);
}

}  // namespace aftersales

namespace aftersales {

TEST_CASE("a terminal table is cut to its width and colours trouble, a plain one is neither") {
  Table table;
  table.columns = {{"number", ""}, {"name", ""}, {"state", ""}, {"days_late", "days late"}};
  table.add_row({std::string("T-1"), std::string("鞍山市环卫处东区作业站维修车间备件仓库"),
                 std::string("rejected"), std::int64_t{3}});
  table.add_row({std::string("T-2"), std::string("oil"), std::string("open"), std::int64_t{0}});
  RenderOptions terminal{Format::kTable, false};
  terminal.fit_width = 40;
  terminal.colour = true;
  std::ostringstream out;
  render(out, table, terminal);
  const std::string text = out.str();
  CHECK(text.find("\x1b[31mrejected\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[33m3\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[33m0") == std::string::npos);  // none late: plain
  CHECK(text.find("…") != std::string::npos);
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    for (const std::string_view escape : {"\x1b[31m", "\x1b[33m", "\x1b[0m"}) {
      for (auto at = line.find(escape); at != std::string::npos; at = line.find(escape)) {
        line.erase(at, escape.size());
      }
    }
    CHECK(display_width(line) <= 40);
  }
  const std::string plain = rendered(table, Format::kTable);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(plain.find("鞍山市环卫处东区作业站维修车间备件仓库") != std::string::npos);
}

TEST_CASE("a terminal record cuts its values and colours its trouble fields") {
  RecordView record;
  record.title = "T-1";
  record.add("state", "state", std::string("refused"));
  record.add("note", "note", std::string(80, 'x'));
  RenderOptions terminal{Format::kTable, false};
  terminal.fit_width = 30;
  terminal.colour = true;
  std::ostringstream out;
  render(out, record, terminal);
  CHECK(out.str().find("\x1b[31mrefused\x1b[0m") != std::string::npos);
  CHECK(out.str().find("note:  " + std::string(22, 'x') + "…\n") != std::string::npos);
}

}  // namespace aftersales
