// Reads a worksheet of an .xlsx file (Office Open XML SpreadsheetML) with libzip and expat.
//
// The package is found the way Excel finds it (xlsx_package.h): _rels/.rels names the workbook
// part, the workbook lists its sheets in tab order and its relationships name each sheet's part
// and the shared strings. The shared strings are loaded whole (cells refer to them by index); the
// worksheet is streamed (worksheet_reader.h), so memory is the shared strings, one chunk and one
// row, whatever the sheet's size.
#include "io/sheets/xlsx_reader.h"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "aftersales/core/error.h"
#include "aftersales/rules/rules.h"
#include "io/sheets/part_budget.h"
#include "io/sheets/shared_strings.h"
#include "io/sheets/worksheet_reader.h"
#include "io/sheets/xlsx_package.h"
#include "io/sheets/zip_container.h"

namespace aftersales {
namespace xlsx {
namespace {

// Names for messages: "Sheet1", "数据".
std::string quoted_names(const std::vector<SheetEntry>& sheets) {
  std::string names;
  for (const SheetEntry& sheet : sheets) {
    if (!names.empty()) names += ", ";
    names += '"' + sheet.name + '"';
  }
  return names;
}

bool same_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

class XlsxSource final : public RecordSource {
 public:
  // Takes the open archive (and the memory it reads from, if any) and finds the sheet.
  XlsxSource(std::unique_ptr<std::string> bytes, ZipArchive archive, std::string file,
             const std::string& sheet, ReadOptions options)
      : bytes_(std::move(bytes)), archive_(std::move(archive)), file_(std::move(file)) {
    const std::string workbook = workbook_part(options);
    const std::optional<std::vector<SheetEntry>> sheets =
        read_sheets(archive_.get(), file_, workbook, options);
    if (!sheets) throw not_a_workbook();
    const std::vector<Relationship> relationships = read_relationships(
        archive_.get(), file_, relationships_of(workbook), folder_of(workbook), options);

    const std::string sheet_part = choose_sheet(*sheets, relationships, sheet);
    read_shared_strings(relationships, folder_of(workbook), options);

    const std::optional<zip_uint64_t> index = find_part(archive_.get(), sheet_part);
    if (!index) {
      throw damaged(file_, fmt::format("the sheet's part {} is missing", sheet_part));
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive_.get(), *index, 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)) {
      total_bytes_ = stat.size;
    }
    const std::string where = part_of(file_, sheet_part);
    PartBudget budget(archive_.get(), *index, where, options.limits);
    worksheet_ = std::make_unique<WorksheetReader>(open_part(archive_.get(), *index, where),
                                                   std::move(budget), shared_strings_, where,
                                                   options.chunk_bytes);
  }

  bool next(SourceRecord& record) override { return worksheet_->next(record); }

  std::uint64_t bytes_read() const override { return worksheet_->bytes_read(); }
  // The size the archive states for the sheet; never less than what was read (a damaged
  // archive may state less).
  std::uint64_t total_bytes() const override {
    return std::max(total_bytes_, worksheet_->bytes_read());
  }
  std::string encoding() const override { return "xlsx"; }
  std::string format() const override { return "xlsx"; }

 private:
  Error not_a_workbook() const {
    const bool binary = find_part(archive_.get(), "xl/workbook.bin").has_value();
    return Error(ErrorCode::kInvalidInput,
                 fmt::format("{} is not an .xlsx workbook ({})", file_,
                             binary ? "it is an .xlsb binary workbook"
                                    : "it is a zip archive without xl/workbook.xml"),
                 "save it as .xlsx (Excel Workbook)");
  }

  // The workbook part named by the package's relationships, else the usual xl/workbook.xml.
  std::string workbook_part(const ReadOptions& options) {
    const std::vector<Relationship> package =
        read_relationships(archive_.get(), file_, "_rels/.rels", {}, options);
    for (const Relationship& relationship : package) {
      if (is_type(relationship.type, "officeDocument")) return relationship.target;
    }
    return "xl/workbook.xml";
  }

  std::string choose_sheet(const std::vector<SheetEntry>& sheets,
                           const std::vector<Relationship>& relationships,
                           const std::string& wanted) const {
    const auto relationship_of = [&](const SheetEntry& entry) -> const Relationship* {
      for (const Relationship& relationship : relationships) {
        if (relationship.id == entry.relationship_id) return &relationship;
      }
      return nullptr;
    };
    std::vector<SheetEntry> worksheets;
    for (const SheetEntry& entry : sheets) {
      const Relationship* relationship = relationship_of(entry);
      if (relationship != nullptr && is_type(relationship->type, "worksheet")) {
        worksheets.push_back(entry);
      }
    }
    if (worksheets.empty()) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("{} has no worksheet{}", file_,
                              sheets.empty() ? "" : " (only charts or macro sheets)"),
                  "put the data on a worksheet and save it as .xlsx (Excel Workbook)");
    }
    if (wanted.empty()) return relationship_of(worksheets.front())->target;
    for (const bool exact : {true, false}) {
      for (const SheetEntry& entry : worksheets) {
        if (exact ? entry.name == wanted : same_ignoring_ascii_case(entry.name, wanted)) {
          return relationship_of(entry)->target;
        }
      }
    }
    const bool is_chart = std::any_of(sheets.begin(), sheets.end(),
                                      [&](const SheetEntry& e) { return e.name == wanted; });
    throw Error(ErrorCode::kInvalidInput,
                fmt::format("{} has no worksheet named \"{}\"{}", file_, wanted,
                            is_chart ? " (it is a chart or macro sheet)" : ""),
                fmt::format("its worksheets are {}; name one of them", quoted_names(worksheets)));
  }

  // The shared strings the workbook's relationships name, else xl/sharedStrings.xml; none when
  // there is no such part.
  void read_shared_strings(const std::vector<Relationship>& relationships,
                           const std::string& folder, const ReadOptions& options) {
    std::string part = folder + "sharedStrings.xml";
    for (const Relationship& relationship : relationships) {
      if (is_type(relationship.type, "sharedStrings")) part = relationship.target;
    }
    shared_strings_ = xlsx::load_shared_strings(archive_.get(), file_, part, options);
  }

  std::unique_ptr<std::string> bytes_;  // what archive_ reads when read from memory
  ZipArchive archive_;
  std::string file_;
  SharedStrings shared_strings_;
  std::unique_ptr<WorksheetReader> worksheet_;  // refers to shared_strings_
  std::uint64_t total_bytes_ = 0;
};

}  // namespace

std::unique_ptr<RecordSource> open_file(const std::string& path, const std::string& sheet,
                                        ReadOptions options, const std::string& name) {
  const std::string& file = name.empty() ? path : name;
  int code = 0;
  ZipArchive archive(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (!archive) throw open_error(file, code, code == ZIP_ER_NOZIP ? head_of(path) : "");
  return std::make_unique<XlsxSource>(nullptr, std::move(archive), file, sheet, options);
}

std::unique_ptr<RecordSource> open_bytes(std::string bytes, const std::string& name,
                                         const std::string& sheet, ReadOptions options) {
  auto held = std::make_unique<std::string>(std::move(bytes));  // read in place by libzip
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(held->data(), held->size(), 0, &error);
  ZipArchive archive(source != nullptr ? zip_open_from_source(source, ZIP_RDONLY, &error)
                                       : nullptr);
  const int code = zip_error_code_zip(&error);
  zip_error_fini(&error);
  if (!archive) {
    zip_source_free(source);  // accepts nullptr
    throw open_error(name, code, *held);
  }
  return std::make_unique<XlsxSource>(std::move(held), std::move(archive), name, sheet, options);
}

}  // namespace xlsx

std::unique_ptr<RecordSource> open_xlsx(const std::string& path, const std::string& sheet,
                                        const XlsxLimits& limits) {
  xlsx::ReadOptions options;
  options.limits = limits;
  return xlsx::open_file(path, sheet, options);
}

std::unique_ptr<RecordSource> open_xlsx_named(const std::string& path, const std::string& name,
                                              const std::string& sheet, const XlsxLimits& limits) {
  xlsx::ReadOptions options;
  options.limits = limits;
  return xlsx::open_file(path, sheet, options, name);
}

XlsxLimits xlsx_limits_of(const Rules& rules) {
  const Rules::Import& bounds = rules.import;
  XlsxLimits limits;
  limits.max_part_bytes = static_cast<std::uint64_t>(bounds.xlsx_max_part_mb) << 20;
  limits.max_shared_strings = static_cast<std::uint64_t>(bounds.xlsx_max_shared_strings);
  limits.max_compression_ratio = static_cast<std::uint64_t>(bounds.xlsx_max_compression_ratio);
  return limits;
}

}  // namespace aftersales
