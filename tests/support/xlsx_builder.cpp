// .xlsx files for tests, made with libzip in memory.
#include "support/xlsx_builder.h"

#include <zip.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace aftersales::testing {
namespace {

constexpr char kMain[] = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr char kRelationships[] =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr char kPackageRelationships[] =
    "http://schemas.openxmlformats.org/package/2006/relationships";

std::string content_types(std::size_t sheets, bool shared_strings) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/xl/workbook.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/"
      ">";
  for (std::size_t i = 1; i <= sheets; ++i) {
    xml += "<Override PartName=\"/xl/worksheets/sheet" + std::to_string(i) +
           ".xml\" ContentType=\"application/"
           "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
  }
  if (shared_strings) {
    xml +=
        "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>";
  }
  return xml + "</Types>";
}

std::string package_relationships() {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") +
         "<Relationships xmlns=\"" + kPackageRelationships +
         "\"><Relationship Id=\"rId1\" Type=\"" + kRelationships +
         "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
}

std::string workbook(const std::vector<XlsxSheet>& sheets) {
  std::string xml = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") +
                    "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRelationships + "\"><sheets>";
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    xml += "<sheet name=\"" + xml_escaped(sheets[i].name) + "\" sheetId=\"" + n + "\" r:id=\"rId" +
           n + "\"/>";
  }
  return xml + "</sheets></workbook>";
}

std::string workbook_relationships(std::size_t sheets, bool shared_strings) {
  std::string xml = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") +
                    "<Relationships xmlns=\"" + kPackageRelationships + "\">";
  for (std::size_t i = 1; i <= sheets; ++i) {
    const std::string n = std::to_string(i);
    xml += "<Relationship Id=\"rId" + n + "\" Type=\"" + kRelationships +
           "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
  }
  if (shared_strings) {
    xml += "<Relationship Id=\"rId" + std::to_string(sheets + 1) + "\" Type=\"" + kRelationships +
           "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
  }
  return xml + "</Relationships>";
}

struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

}  // namespace

std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string shared_strings_xml(const std::vector<std::string>& strings) {
  std::string xml = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") +
                    "<sst xmlns=\"" + kMain + "\" count=\"" + std::to_string(strings.size()) +
                    "\" uniqueCount=\"" + std::to_string(strings.size()) + "\">";
  for (const std::string& text : strings) {
    xml += "<si><t xml:space=\"preserve\">" + xml_escaped(text) + "</t></si>";
  }
  return xml + "</sst>";
}

std::string worksheet_xml(std::string_view rows) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") +
         "<worksheet xmlns=\"" + kMain + "\" xmlns:r=\"" + kRelationships +
         "\"><dimension ref=\"A1\"/><sheetData>" + std::string(rows) +
         "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" "
         "header=\"0.3\" footer=\"0.3\"/></worksheet>";
}

ZipEntries xlsx_entries(const XlsxWorkbook& book) {
  const bool shared = book.shared_strings.has_value();
  ZipEntries entries;
  entries.emplace_back("[Content_Types].xml", content_types(book.sheets.size(), shared));
  entries.emplace_back("_rels/.rels", package_relationships());
  entries.emplace_back("xl/workbook.xml", book.workbook ? *book.workbook : workbook(book.sheets));
  entries.emplace_back("xl/_rels/workbook.xml.rels",
                       book.workbook_relationships
                           ? *book.workbook_relationships
                           : workbook_relationships(book.sheets.size(), shared));
  for (std::size_t i = 0; i < book.sheets.size(); ++i) {
    const XlsxSheet& sheet = book.sheets[i];
    entries.emplace_back("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml",
                         sheet.document ? *sheet.document : worksheet_xml(sheet.rows));
  }
  if (shared) entries.emplace_back("xl/sharedStrings.xml", *book.shared_strings);
  return entries;
}

std::string zip_bytes(const ZipEntries& entries, bool deflate) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) throw std::runtime_error("zip_bytes: no memory");
  std::unique_ptr<zip_t, ZipDiscard> archive(zip_open_from_source(buffer, ZIP_TRUNCATE, &error));
  if (!archive) {
    zip_source_free(buffer);
    throw std::runtime_error(std::string("zip_bytes: ") + zip_error_strerror(&error));
  }
  zip_source_keep(buffer);  // read back after zip_close
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive.get(), content.data(), content.size(), 0);
    const zip_int64_t index =
        source == nullptr ? -1
                          : zip_file_add(archive.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      zip_source_free(buffer);
      throw std::runtime_error("zip_bytes: cannot add " + name);
    }
    zip_set_file_compression(archive.get(), static_cast<zip_uint64_t>(index),
                             deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
  }
  if (zip_close(archive.get()) != 0) {
    zip_source_free(buffer);
    throw std::runtime_error("zip_bytes: cannot close the archive");
  }
  archive.release();  // closed

  std::string bytes;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0) {
    bytes.resize(static_cast<std::size_t>(stat.size));
    const zip_int64_t got = zip_source_read(buffer, bytes.data(), stat.size);
    zip_source_close(buffer);
    bytes.resize(got < 0 ? 0 : static_cast<std::size_t>(got));
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

void write_file(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

void write_xlsx(const std::string& path, const XlsxWorkbook& book) {
  write_file(path, zip_bytes(xlsx_entries(book)));
}

XlsxWorkbook two_units_workbook() {
  XlsxWorkbook book;
  book.shared_strings = shared_strings_xml(
      {"serial", "model", "customer", "shipped", "2025-001", "HYS5160", "C001", "2025-002"});
  book.sheets.push_back(
      {"Sheet1",
       "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
       "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
       "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" t=\"s\"><v>5</v></c>"
       "<c r=\"C2\" t=\"s\"><v>6</v></c><c r=\"D2\"><v>45717</v></c></row>"
       "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>7</v></c><c r=\"B3\" t=\"s\"><v>5</v></c>"
       "<c r=\"C3\" t=\"s\"><v>6</v></c><c r=\"D3\"><v>45823</v></c></row>",
       std::nullopt});
  return book;
}

}  // namespace aftersales::testing
