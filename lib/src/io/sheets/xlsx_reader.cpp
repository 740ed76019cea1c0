// Reads a worksheet of an .xlsx file (Office Open XML SpreadsheetML) with libzip and expat.
//
// The package is found the way Excel finds it: _rels/.rels names the workbook part, the
// workbook lists its sheets in tab order and its relationships name each sheet's part and the
// shared strings. The shared strings are loaded whole (cells refer to them by index); the
// worksheet is streamed: expat is fed a chunk at a time and suspended at the end of each row,
// so memory is the shared strings, one chunk and one row, whatever the sheet's size.
//
// No exception crosses expat: the handlers catch, stop the parser and the driver rethrows.
#include "io/sheets/xlsx_reader.h"

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <exception>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "aftersales/core/error.h"

namespace aftersales {
namespace xlsx {
namespace {

constexpr int kMaxColumns = 16'384;           // A..XFD
constexpr std::int64_t kMaxRows = 1'048'576;  // Excel's last row
constexpr int kNoColumn = -1;                 // a cell whose reference cannot be read
constexpr char kResaveHint[] = "open it in Excel and save it as .xlsx (Excel Workbook)";

// --- libzip and expat handles --------------------------------------------------------------

struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ZipArchive = std::unique_ptr<zip_t, ZipDiscard>;

struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using ZipFile = std::unique_ptr<zip_file_t, ZipFileClose>;

struct ParserFree {
  void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};
using XmlParser = std::unique_ptr<XML_ParserStruct, ParserFree>;

// "xl/worksheets/sheet1.xml" of `file`, for messages.
std::string part_of(const std::string& file, const std::string& part) {
  return fmt::format("{} (part {})", file, part);
}

Error damaged(const std::string& file, const std::string& why) {
  return Error(ErrorCode::kInvalidInput, fmt::format("{} is damaged: {}", file, why),
               "open it in Excel and save it again as .xlsx (Excel Workbook)");
}

// The name after any namespace prefix: "x:row" -> "row", "r:id" -> "id".
std::string_view local_name(const XML_Char* name) {
  std::string_view text(name);
  const std::size_t colon = text.rfind(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

// The value of attribute `name` (compared without prefix), or nullptr.
const XML_Char* attribute(const XML_Char** attributes, std::string_view name) {
  for (; attributes[0] != nullptr; attributes += 2) {
    if (local_name(attributes[0]) == name) return attributes[1];
  }
  return nullptr;
}

// --- Driving expat -------------------------------------------------------------------------

// What every handler shares: the parser to stop, and why it was stopped.
struct HandlerBase {
  XML_Parser parser = nullptr;
  std::exception_ptr failure;

  void fail(std::exception_ptr error) {
    if (!failure) failure = std::move(error);
    XML_StopParser(parser, XML_FALSE);
  }
};

template <typename Handler>
void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto* handler = static_cast<Handler*>(data);
  try {
    handler->start(local_name(name), attributes);
  } catch (...) {
    handler->fail(std::current_exception());
  }
}

template <typename Handler>
void XMLCALL on_end(void* data, const XML_Char* name) {
  auto* handler = static_cast<Handler*>(data);
  try {
    handler->end(local_name(name));
  } catch (...) {
    handler->fail(std::current_exception());
  }
}

template <typename Handler>
void XMLCALL on_text(void* data, const XML_Char* text, int length) {
  auto* handler = static_cast<Handler*>(data);
  try {
    handler->text(text, static_cast<std::size_t>(length));
  } catch (...) {
    handler->fail(std::current_exception());
  }
}

// SpreadsheetML has no document type declaration; refusing one keeps entity expansion out.
template <typename Handler>
void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* handler = static_cast<Handler*>(data);
  handler->fail(std::make_exception_ptr(
      std::runtime_error("has a document type declaration, which .xlsx parts never have")));
}

// Parses one part of the archive with `handler`, a chunk at a time. The handler may suspend
// the parser (at the end of a row); `advance` then returns and continues where it stopped.
class XmlDriver {
 public:
  template <typename Handler>
  XmlDriver(ZipFile file, Handler& handler, std::string where, std::size_t chunk_bytes)
      : file_(std::move(file)),
        parser_(XML_ParserCreate(nullptr)),
        handler_(handler),
        where_(std::move(where)),
        chunk_bytes_(std::clamp<std::size_t>(chunk_bytes, 1, 1 << 24)) {
    if (!parser_) throw std::bad_alloc();
    handler.parser = parser_.get();
    XML_SetUserData(parser_.get(), &handler);
    XML_SetElementHandler(parser_.get(), &on_start<Handler>, &on_end<Handler>);
    XML_SetCharacterDataHandler(parser_.get(), &on_text<Handler>);
    XML_SetStartDoctypeDeclHandler(parser_.get(), &on_doctype<Handler>);
  }

  // Parses until the handler suspends the parser (returns true) or the part ends (false).
  // Throws Error(kInvalidInput) when the part is not well-formed XML or cannot be inflated.
  bool advance() {
    if (finished_) return false;
    if (suspended_) {
      suspended_ = false;
      if (settle(XML_ResumeParser(parser_.get()))) return true;
    }
    while (!final_chunk_) {
      void* buffer = XML_GetBuffer(parser_.get(), static_cast<int>(chunk_bytes_));
      if (buffer == nullptr) {
        settle(XML_STATUS_ERROR);  // throws
        throw std::bad_alloc();
      }
      const zip_int64_t got = zip_fread(file_.get(), buffer, chunk_bytes_);
      if (got < 0) {
        throw damaged(where_, zip_error_strerror(zip_file_get_error(file_.get())));
      }
      bytes_read_ += static_cast<std::uint64_t>(got);
      final_chunk_ = got == 0;
      if (settle(XML_ParseBuffer(parser_.get(), static_cast<int>(got), final_chunk_))) {
        return true;
      }
    }
    finished_ = true;
    return false;
  }

  void run_to_end() {
    while (advance()) {
    }
  }

  std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  // Whether the parser is suspended; throws on errors, the handler's first.
  bool settle(XML_Status status) {
    if (handler_.failure) {
      finished_ = true;
      try {
        std::rethrow_exception(handler_.failure);
      } catch (const Error&) {
        throw;
      } catch (const std::bad_alloc&) {
        throw;
      } catch (const std::exception& e) {
        throw damaged(where_, e.what());
      }
    }
    if (status == XML_STATUS_SUSPENDED) {
      suspended_ = true;
      return true;
    }
    if (status == XML_STATUS_ERROR) {
      finished_ = true;
      throw damaged(where_, fmt::format("not well-formed XML at line {}, column {}: {}",
                                        XML_GetCurrentLineNumber(parser_.get()),
                                        XML_GetCurrentColumnNumber(parser_.get()) + 1,
                                        XML_ErrorString(XML_GetErrorCode(parser_.get()))));
    }
    return false;
  }

  ZipFile file_;
  XmlParser parser_;
  HandlerBase& handler_;
  std::string where_;
  std::size_t chunk_bytes_;
  std::uint64_t bytes_read_ = 0;
  bool suspended_ = false;
  bool final_chunk_ = false;
  bool finished_ = false;
};

// --- The package ---------------------------------------------------------------------------

// A part's index in the archive, or nullopt. Names are matched exactly, then ignoring case
// (some writers differ in case from their own relationships).
std::optional<zip_uint64_t> find_part(zip_t* archive, const std::string& name) {
  zip_int64_t index = zip_name_locate(archive, name.c_str(), 0);
  if (index < 0) index = zip_name_locate(archive, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  return static_cast<zip_uint64_t>(index);
}

ZipFile open_part(zip_t* archive, zip_uint64_t index, const std::string& where) {
  ZipFile file(zip_fopen_index(archive, index, 0));
  if (!file) throw damaged(where, zip_error_strerror(zip_get_error(archive)));
  return file;
}

// Parses a whole part with `handler`; false when the archive has no such part.
template <typename Handler>
bool parse_part(zip_t* archive, const std::string& file, const std::string& part, Handler& handler,
                std::size_t chunk_bytes) {
  const std::optional<zip_uint64_t> index = find_part(archive, part);
  if (!index) return false;
  const std::string where = part_of(file, part);
  XmlDriver driver(open_part(archive, *index, where), handler, where, chunk_bytes);
  driver.run_to_end();
  return true;
}

struct Relationship {
  std::string id;
  std::string type;
  std::string target;  // resolved: the part's name in the archive
};

// Whether a relationship type URI ends in `/kind` (transitional and strict OOXML differ in
// the rest).
bool is_type(const std::string& type, std::string_view kind) {
  return type.size() > kind.size() && type[type.size() - kind.size() - 1] == '/' &&
         std::string_view(type).substr(type.size() - kind.size()) == kind;
}

// The part a relationship target names, relative to the folder of the part that holds it
// (`base`, "xl/"), or absolute from the package root.
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

struct SheetEntry {
  std::string name;
  std::string relationship_id;
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

// The folder of a part, with its slash: "xl/workbook.xml" -> "xl/".
std::string folder_of(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// The .rels part of a part: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels".
std::string relationships_of(const std::string& part) {
  const std::string folder = folder_of(part);
  return folder + "_rels/" + part.substr(folder.size()) + ".rels";
}

// --- Shared strings ------------------------------------------------------------------------

// Every string of xl/sharedStrings.xml in one buffer: fewer allocations than one std::string
// each, which matters for a sheet of a million distinct texts.
class SharedStrings {
 public:
  std::size_t size() const { return ends_.size(); }
  std::string_view at(std::size_t index) const {
    const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(text_).substr(begin, ends_[index] - begin);
  }
  void add(std::string_view text) {
    text_ += text;
    ends_.push_back(text_.size());
  }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;
};

// Appends the runs of an <si> or <is>: its <t> and each rich text run's <t>, without the
// phonetic guides (<rPh>) East Asian Excel adds.
class RichTextCollector {
 public:
  // Returns whether `name` was part of the rich text.
  bool start(std::string_view name, int depth) {
    if (name == "rPh" && phonetic_depth_ == 0) {
      phonetic_depth_ = depth;
    } else if (name == "t" && phonetic_depth_ == 0) {
      in_text_ = true;
    } else {
      return false;
    }
    return true;
  }
  void end(std::string_view name, int depth) {
    if (depth == phonetic_depth_) phonetic_depth_ = 0;
    if (name == "t") in_text_ = false;
  }
  bool collecting() const { return in_text_; }
  void reset() {
    phonetic_depth_ = 0;
    in_text_ = false;
  }

 private:
  int phonetic_depth_ = 0;
  bool in_text_ = false;
};

struct SharedStringsHandler : HandlerBase {
  SharedStrings strings;
  std::string current;
  int depth = 0;
  int item_depth = 0;  // depth of the open <si>; 0 outside
  RichTextCollector rich_text;

  void start(std::string_view name, const XML_Char**) {
    ++depth;
    if (item_depth == 0) {
      if (name == "si") {
        item_depth = depth;
        current.clear();
        rich_text.reset();
      }
      return;
    }
    rich_text.start(name, depth);
  }
  void end(std::string_view name) {
    if (item_depth != 0) {
      if (depth == item_depth) {
        decode_escapes(current);
        strings.add(current);
        item_depth = 0;
      } else {
        rich_text.end(name, depth);
      }
    }
    --depth;
  }
  void text(const XML_Char* data, std::size_t length) {
    if (item_depth != 0 && rich_text.collecting()) current.append(data, length);
  }
};

// --- The worksheet -------------------------------------------------------------------------

enum class CellType {
  kNumber,
  kSharedString,
  kInlineString,
  kFormulaString,
  kBoolean,
  kError,
  kOther
};

CellType cell_type_of(const XML_Char* type) {
  if (type == nullptr) return CellType::kNumber;
  const std::string_view t(type);
  if (t == "n") return CellType::kNumber;
  if (t == "s") return CellType::kSharedString;
  if (t == "inlineStr") return CellType::kInlineString;
  if (t == "str") return CellType::kFormulaString;
  if (t == "b") return CellType::kBoolean;
  if (t == "e") return CellType::kError;
  return CellType::kOther;  // "d" (an ISO 8601 date) and anything new: the value as written
}

// A row number ("7"), or nullopt when not 1..1048576.
std::optional<std::int64_t> row_number_of(std::string_view text) {
  if (text.empty() || text.size() > 7) return std::nullopt;
  std::int64_t number = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + (c - '0');
  }
  if (number < 1 || number > kMaxRows) return std::nullopt;
  return number;
}

// The cells of <sheetData>, a row at a time. Suspends the parser after each row that holds a
// value or a problem, so the reader can hand it over before reading on.
class SheetHandler : public HandlerBase {
 public:
  explicit SheetHandler(const SharedStrings& shared_strings) : shared_strings_(shared_strings) {}

  // Rows finished and not yet handed over: usually none or one.
  std::deque<SourceRecord>& ready() { return ready_; }

  void start(std::string_view name, const XML_Char** attributes) {
    ++depth_;
    if (cell_depth_ != 0) {
      start_in_cell(name);
    } else if (row_depth_ != 0) {
      if (name == "c" && depth_ == row_depth_ + 1) start_cell(attributes);
    } else if (sheet_data_depth_ != 0) {
      if (name == "row" && depth_ == sheet_data_depth_ + 1) start_row(attributes);
    } else if (name == "sheetData") {
      sheet_data_depth_ = depth_;
    }
  }

  void end(std::string_view name) {
    if (cell_depth_ != 0) {
      if (depth_ == cell_depth_) {
        end_cell();
      } else if (depth_ == value_depth_) {
        value_depth_ = 0;
      } else if (depth_ == inline_depth_) {
        inline_depth_ = 0;
      } else if (inline_depth_ != 0) {
        rich_text_.end(name, depth_);
      }
    } else if (row_depth_ != 0 && depth_ == row_depth_) {
      end_row();
    } else if (depth_ == sheet_data_depth_) {
      sheet_data_depth_ = 0;
    }
    --depth_;
  }

  void text(const XML_Char* data, std::size_t length) {
    if (value_depth_ != 0) {
      value_.append(data, length);
    } else if (inline_depth_ != 0 && rich_text_.collecting()) {
      inline_text_.append(data, length);
    }
  }

 private:
  void start_row(const XML_Char** attributes) {
    row_depth_ = depth_;
    row_ = SourceRecord{};
    next_column_ = 0;
    const XML_Char* number = attribute(attributes, "r");
    const std::optional<std::int64_t> parsed =
        number != nullptr ? row_number_of(number) : std::nullopt;
    row_.line = parsed ? *parsed : last_row_ + 1;
    if (number != nullptr && !parsed) {
      add_problem(fmt::format("row number \"{}\" is not one of 1 to {}", number, kMaxRows), 0);
    }
  }

  void end_row() {
    row_depth_ = 0;
    last_row_ = row_.line;
    if (row_.fields.empty() && row_.problem.empty()) return;  // blank: as if absent
    row_.record = ++records_;
    row_.field_lines.assign(row_.fields.size(), row_.line);
    ready_.push_back(std::move(row_));
    XML_StopParser(parser, XML_TRUE);
  }

  void start_cell(const XML_Char** attributes) {
    cell_depth_ = depth_;
    cell_type_ = cell_type_of(attribute(attributes, "t"));
    value_.clear();
    inline_text_.clear();
    has_inline_ = false;
    cell_column_ = next_column_;
    const XML_Char* reference = attribute(attributes, "r");
    if (reference != nullptr) {
      const std::optional<int> column = column_of(reference);
      if (!column) {
        // Where the cell belongs is unknown: it is left out, and the row says why.
        add_problem(
            fmt::format("cell reference \"{}\" is not a cell of A1 to XFD{}", reference, kMaxRows),
            0);
        cell_column_ = kNoColumn;
        return;
      }
      cell_column_ = *column;
    }
    next_column_ = cell_column_ + 1;
  }

  void start_in_cell(std::string_view name) {
    if (depth_ == cell_depth_ + 1) {
      if (name == "v") {
        value_depth_ = depth_;
      } else if (name == "is") {
        inline_depth_ = depth_;
        has_inline_ = true;
        rich_text_.reset();
      }
    } else if (inline_depth_ != 0) {
      rich_text_.start(name, depth_);
    }
  }

  void end_cell() {
    cell_depth_ = 0;
    value_depth_ = 0;
    inline_depth_ = 0;
    if (cell_column_ == kNoColumn) return;
    if (cell_column_ >= kMaxColumns) {
      add_problem("a cell lies beyond column XFD, the last one Excel has", 0);
      return;
    }
    std::string text = cell_text();
    if (text.empty()) return;
    if (row_.fields.size() <= static_cast<std::size_t>(cell_column_)) {
      row_.fields.resize(static_cast<std::size_t>(cell_column_) + 1);
    }
    row_.fields[static_cast<std::size_t>(cell_column_)] = std::move(text);
  }

  // The text of the cell just closed, by its type.
  std::string cell_text() {
    switch (cell_type_) {
      case CellType::kSharedString:
        return shared_string();
      case CellType::kInlineString:
        if (has_inline_) {
          decode_escapes(inline_text_);
          return std::move(inline_text_);
        }
        decode_escapes(value_);
        return std::move(value_);
      case CellType::kFormulaString:
        decode_escapes(value_);
        return std::move(value_);
      case CellType::kBoolean:
        if (value_ == "1") return "TRUE";
        if (value_ == "0") return "FALSE";
        return std::move(value_);
      case CellType::kNumber:
      case CellType::kError:
      case CellType::kOther:
        break;
    }
    return std::move(value_);
  }

  std::string shared_string() {
    if (value_.empty()) return {};
    std::size_t index = 0;
    bool valid = value_.size() <= 18;
    for (const char c : value_) {
      valid = valid && c >= '0' && c <= '9';
      if (valid) index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    if (valid && index < shared_strings_.size()) return std::string(shared_strings_.at(index));
    add_problem(fmt::format("the cell refers to shared string \"{}\", which the workbook does "
                            "not have (it has {})",
                            value_.substr(0, 40), shared_strings_.size()),
                cell_column_ + 1);
    return {};
  }

  // Keeps the row's first problem; a file with one has usually many.
  void add_problem(std::string problem, int column) {
    if (!row_.problem.empty()) return;
    row_.problem = std::move(problem);
    row_.problem_column = column;
  }

  const SharedStrings& shared_strings_;
  std::deque<SourceRecord> ready_;
  SourceRecord row_;
  std::int64_t last_row_ = 0;
  std::int64_t records_ = 0;
  int depth_ = 0;
  int sheet_data_depth_ = 0;
  int row_depth_ = 0;
  int cell_depth_ = 0;
  int value_depth_ = 0;
  int inline_depth_ = 0;
  int next_column_ = 0;
  int cell_column_ = 0;
  CellType cell_type_ = CellType::kNumber;
  bool has_inline_ = false;
  std::string value_;
  std::string inline_text_;
  RichTextCollector rich_text_;
};

// --- The record source ---------------------------------------------------------------------

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
    WorkbookHandler sheets;
    if (!parse_part(archive_.get(), file_, workbook, sheets, options.chunk_bytes)) {
      throw not_a_workbook();
    }
    RelationshipsHandler relationships;
    relationships.base = folder_of(workbook);
    parse_part(archive_.get(), file_, relationships_of(workbook), relationships,
               options.chunk_bytes);

    const std::string sheet_part = choose_sheet(sheets.sheets, relationships.relationships, sheet);
    load_shared_strings(relationships.relationships, folder_of(workbook), options);

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
    sheet_handler_ = std::make_unique<SheetHandler>(shared_strings_);
    driver_ = std::make_unique<XmlDriver>(open_part(archive_.get(), *index, where), *sheet_handler_,
                                          where, options.chunk_bytes);
  }

  bool next(SourceRecord& record) override {
    std::deque<SourceRecord>& ready = sheet_handler_->ready();
    while (ready.empty()) {
      if (!driver_->advance()) break;
    }
    if (ready.empty()) return false;
    record = std::move(ready.front());
    ready.pop_front();
    return true;
  }

  std::uint64_t bytes_read() const override { return driver_->bytes_read(); }
  // The size the archive states for the sheet; never less than what was read (a damaged
  // archive may state less).
  std::uint64_t total_bytes() const override {
    return std::max(total_bytes_, driver_->bytes_read());
  }
  std::string encoding() const override { return "xlsx"; }

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
    RelationshipsHandler package;
    parse_part(archive_.get(), file_, "_rels/.rels", package, options.chunk_bytes);
    for (const Relationship& relationship : package.relationships) {
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

  void load_shared_strings(const std::vector<Relationship>& relationships,
                           const std::string& folder, const ReadOptions& options) {
    std::string part = folder + "sharedStrings.xml";
    for (const Relationship& relationship : relationships) {
      if (is_type(relationship.type, "sharedStrings")) part = relationship.target;
    }
    SharedStringsHandler handler;
    parse_part(archive_.get(), file_, part, handler, options.chunk_bytes);
    shared_strings_ = std::move(handler.strings);
  }

  std::unique_ptr<std::string> bytes_;  // what archive_ reads when read from memory
  ZipArchive archive_;
  std::string file_;
  SharedStrings shared_strings_;
  std::unique_ptr<SheetHandler> sheet_handler_;  // outlives driver_, which refers to it
  std::unique_ptr<XmlDriver> driver_;
  std::uint64_t total_bytes_ = 0;
};

// The first bytes of a file, to tell what it is when it is not a zip archive.
std::string head_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  in.read(head, sizeof head);
  return std::string(head, static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
}

// Whether a file starts like an OLE2 compound file: an .xls, or an encrypted .xlsx.
bool looks_like_ole2(std::string_view head) {
  static constexpr char kOle2[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  return head.substr(0, 8) == std::string_view(kOle2, 8);
}

// The error for libzip's `code` on opening `file`, whose first bytes are `head`.
Error open_error(const std::string& file, int code, std::string_view head) {
  switch (code) {
    case ZIP_ER_NOENT:
      return Error(ErrorCode::kInvalidInput, fmt::format("cannot open {}: no such file", file),
                   "check the path");
    case ZIP_ER_NOZIP:
      if (looks_like_ole2(head)) {
        return Error(ErrorCode::kInvalidInput,
                     fmt::format("{} is not an .xlsx workbook (it is an Excel 97-2003 .xls file "
                                 "or a password-protected workbook)",
                                 file),
                     std::string(kResaveHint) + ", without a password");
      }
      return Error(ErrorCode::kInvalidInput,
                   fmt::format("{} is not an .xlsx workbook (it is not a zip archive)", file),
                   "save it as .xlsx (Excel Workbook), or import it as CSV if it is one");
    case ZIP_ER_INCONS:
    case ZIP_ER_CRC:
    case ZIP_ER_COMPNOTSUPP:
    case ZIP_ER_ENCRNOTSUPP:
      return Error(ErrorCode::kInvalidInput,
                   fmt::format("{} is not a readable .xlsx workbook (the zip archive is damaged or "
                               "uses a method not supported)",
                               file),
                   kResaveHint);
    default: {
      zip_error_t error;
      zip_error_init_with_code(&error, code);
      std::string why = zip_error_strerror(&error);
      zip_error_fini(&error);
      return Error(ErrorCode::kInvalidInput, fmt::format("cannot open {}: {}", file, why));
    }
  }
}

}  // namespace

std::optional<int> column_of(std::string_view reference) {
  std::size_t i = 0;
  int column = 0;
  while (i < reference.size()) {
    char c = reference[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
    ++i;
  }
  if (i == 0 || i == reference.size()) return std::nullopt;
  for (std::size_t j = i; j < reference.size(); ++j) {
    if (reference[j] < '0' || reference[j] > '9') return std::nullopt;
  }
  return column - 1;
}

void decode_escapes(std::string& text) {
  std::size_t at = text.find("_x");
  if (at == std::string::npos) return;
  const auto hex_value = [&](std::size_t from) -> int {  // "_xHHHH_" at `from`, or -1
    if (from + 7 > text.size() || text[from] != '_' || text[from + 1] != 'x' ||
        text[from + 6] != '_') {
      return -1;
    }
    int value = 0;
    for (std::size_t k = from + 2; k < from + 6; ++k) {
      const char c = text[k];
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) return -1;
      value = value * 16 + digit;
    }
    return value;
  };
  const auto append_utf8 = [](std::string& out, std::uint32_t code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  };
  std::string out = text.substr(0, at);
  std::size_t i = at;
  while (i < text.size()) {
    const int unit = text[i] == '_' ? hex_value(i) : -1;
    if (unit < 0) {
      out += text[i++];
      continue;
    }
    i += 7;
    std::uint32_t code = static_cast<std::uint32_t>(unit);
    if (code >= 0xD800 && code <= 0xDBFF) {
      const int low = hex_value(i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        code = 0x10000 + ((code - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
        i += 7;
      } else {
        code = 0xFFFD;
      }
    } else if (code >= 0xDC00 && code <= 0xDFFF) {
      code = 0xFFFD;
    }
    append_utf8(out, code);
  }
  text = std::move(out);
}

std::unique_ptr<RecordSource> open_file(const std::string& path, const std::string& sheet,
                                        ReadOptions options) {
  int code = 0;
  ZipArchive archive(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (!archive) throw open_error(path, code, code == ZIP_ER_NOZIP ? head_of(path) : "");
  return std::make_unique<XlsxSource>(nullptr, std::move(archive), path, sheet, options);
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

std::unique_ptr<RecordSource> open_xlsx(const std::string& path, const std::string& sheet) {
  return xlsx::open_file(path, sheet, xlsx::ReadOptions{});
}

}  // namespace aftersales
