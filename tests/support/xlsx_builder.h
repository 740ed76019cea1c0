// Builds .xlsx files from XML text with libzip, so the tests need no binary fixtures: a
// workbook of named worksheets, each given as the rows of its <sheetData>, and optionally the
// shared strings part.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aftersales::testing {

struct XlsxSheet {
  std::string name;  // the tab name, as Excel shows it (escaped here)
  std::string rows;  // the XML inside <sheetData>: <row r="1"><c r="A1"><v>1</v></c></row>...
  // The whole worksheet document instead, when set (rows is then ignored).
  std::optional<std::string> document;
};

struct XlsxWorkbook {
  std::vector<XlsxSheet> sheets;
  // The whole xl/sharedStrings.xml (see shared_strings_xml); none: the part is absent.
  std::optional<std::string> shared_strings;
  // xl/workbook.xml and its relationships instead of the ones made from `sheets`, when set.
  std::optional<std::string> workbook;
  std::optional<std::string> workbook_relationships;
};

// Entries of a zip archive, in order: name and content.
using ZipEntries = std::vector<std::pair<std::string, std::string>>;

// `text` with &, <, > and " escaped for XML.
std::string xml_escaped(std::string_view text);

// xl/sharedStrings.xml of plain strings (escaped, spaces preserved), index 0 first.
std::string shared_strings_xml(const std::vector<std::string>& strings);

// A worksheet document around `rows`, the content of its <sheetData>.
std::string worksheet_xml(std::string_view rows);

// The parts of an .xlsx package: [Content_Types].xml, _rels/.rels, xl/workbook.xml,
// xl/_rels/workbook.xml.rels, xl/worksheets/sheetN.xml and xl/sharedStrings.xml.
ZipEntries xlsx_entries(const XlsxWorkbook& book);

// The bytes of a zip archive of `entries`, deflated or stored.
std::string zip_bytes(const ZipEntries& entries, bool deflate = true);

// Writes `bytes` to `path`, replacing it.
void write_file(const std::string& path, std::string_view bytes);

// Writes the .xlsx of `book` to `path`.
void write_xlsx(const std::string& path, const XlsxWorkbook& book);

// A workbook of units to import: the header serial, model, customer, shipped and two units of
// model HYS5160 for customer C001, 2025-001 shipped 2025-03-01 and 2025-002 shipped 2025-06-15
// (date cells).
XlsxWorkbook two_units_workbook();

}  // namespace aftersales::testing
