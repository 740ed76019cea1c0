// Reading the package's relationships and the workbook's list of sheets.
#include "io/sheets/xlsx_package.h"

#include "io/sheets/xml_driver.h"

namespace aftersales::xlsx {
namespace {

// A .rels part: every internal <Relationship>.
struct RelationshipsHandler : HandlerBase {
  std::string base;
  std::vector<Relationship> relationships;

  void start(std::string_view name, const XML_Char** attributes) {
    if (name != "Relationship") return;
    const XML_Char* id = attribute(attributes, "Id");
    const XML_Char* type = attribute(attributes, "Type");
    const XML_Char* target = attribute(attributes, "Target");
    const XML_Char* mode = attribute(attributes, "TargetMode");
    if (id == nullptr || target == nullptr) return;
    if (mode != nullptr && std::string_view(mode) == "External") return;
    relationships.push_back(
        {id, type != nullptr ? type : "", resolve_target(base, std::string_view(target))});
  }
  void end(std::string_view) {}
  void text(const XML_Char*, std::size_t) {}
};

// xl/workbook.xml: the sheets in tab order.
struct WorkbookHandler : HandlerBase {
  std::vector<SheetEntry> sheets;

  void start(std::string_view name, const XML_Char** attributes) {
    if (name != "sheet") return;
    const XML_Char* sheet_name = attribute(attributes, "name");
    const XML_Char* id = attribute(attributes, "id");
    if (sheet_name == nullptr || id == nullptr) return;
    sheets.push_back({sheet_name, id});
  }
  void end(std::string_view) {}
  void text(const XML_Char*, std::size_t) {}
};

}  // namespace

bool is_type(const std::string& type, std::string_view kind) {
  return type.size() > kind.size() && type[type.size() - kind.size() - 1] == '/' &&
         std::string_view(type).substr(type.size() - kind.size()) == kind;
}

std::string resolve_target(const std::string& base, std::string_view target) {
  std::string joined = !target.empty() && target[0] == '/' ? std::string(target.substr(1))
                                                           : base + std::string(target);
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string resolved;
  for (const std::string& segment : segments) {
    if (!resolved.empty()) resolved += '/';
    resolved += segment;
  }
  return resolved;
}

std::string folder_of(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string relationships_of(const std::string& part) {
  const std::string folder = folder_of(part);
  return folder + "_rels/" + part.substr(folder.size()) + ".rels";
}

std::vector<Relationship> read_relationships(zip_t* archive, const std::string& file,
                                             const std::string& part, const std::string& base,
                                             const ReadOptions& options) {
  RelationshipsHandler handler;
  handler.base = base;
  parse_part(archive, file, part, handler, options);
  return std::move(handler.relationships);
}

std::optional<std::vector<SheetEntry>> read_sheets(zip_t* archive, const std::string& file,
                                                   const std::string& part,
                                                   const ReadOptions& options) {
  WorkbookHandler handler;
  if (!parse_part(archive, file, part, handler, options)) return std::nullopt;
  return std::move(handler.sheets);
}

}  // namespace aftersales::xlsx
