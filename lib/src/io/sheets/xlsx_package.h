// The package of an .xlsx file (Open Packaging Conventions), found the way Excel finds it:
// _rels/.rels names the workbook part, the workbook lists its sheets in tab order and its
// relationships name each sheet's part and the shared strings.
#pragma once

#include <zip.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/sheets/read_options.h"

namespace aftersales::xlsx {

struct Relationship {
  std::string id;
  std::string type;
  std::string target;  // resolved: the part's name in the archive
};

struct SheetEntry {
  std::string name;
  std::string relationship_id;
};

// Whether a relationship type URI ends in `/kind` (transitional and strict OOXML differ in
// the rest).
bool is_type(const std::string& type, std::string_view kind);

// The part a relationship target names, relative to the folder of the part that holds it
// (`base`, "xl/"), or absolute from the package root.
std::string resolve_target(const std::string& base, std::string_view target);

// The folder of a part, with its slash: "xl/workbook.xml" -> "xl/".
std::string folder_of(const std::string& part);

// The .rels part of a part: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels".
std::string relationships_of(const std::string& part);

// Every internal <Relationship> of the .rels part `part` of `file`, targets resolved against
// `base`; none when the archive has no such part. Throws Error(kInvalidInput) when the part is
// damaged or over the bounds of `options`.
std::vector<Relationship> read_relationships(zip_t* archive, const std::string& file,
                                             const std::string& part, const std::string& base,
                                             const ReadOptions& options);

// The sheets of the workbook part `part` of `file`, in tab order; nullopt when the archive has
// no such part. Throws Error(kInvalidInput) when the part is damaged or over the bounds of
// `options`.
std::optional<std::vector<SheetEntry>> read_sheets(zip_t* archive, const std::string& file,
                                                   const std::string& part,
                                                   const ReadOptions& options);

}  // namespace aftersales::xlsx
