// Driving expat over one part of an .xlsx archive, a chunk at a time. A handler is a struct
// derived from HandlerBase with start(name, attributes), end(name) and text(data, length); names
// come without their namespace prefix.
//
// No exception crosses expat: the handlers catch, stop the parser and the driver rethrows.
#pragma once

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "io/sheets/part_budget.h"
#include "io/sheets/read_options.h"
#include "io/sheets/zip_container.h"

namespace aftersales::xlsx {

struct ParserFree {
  void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};
using XmlParser = std::unique_ptr<XML_ParserStruct, ParserFree>;

// The name after any namespace prefix: "x:row" -> "row", "r:id" -> "id".
inline std::string_view local_name(const XML_Char* name) {
  std::string_view text(name);
  const std::size_t colon = text.rfind(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

// The value of attribute `name` (compared without prefix), or nullptr.
inline const XML_Char* attribute(const XML_Char** attributes, std::string_view name) {
  for (; attributes[0] != nullptr; attributes += 2) {
    if (local_name(attributes[0]) == name) return attributes[1];
  }
  return nullptr;
}

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

// Parses one part of the archive with `handler`, a chunk at a time, holding it to `budget`.
// The handler may suspend the parser (at the end of a row); `advance` then returns and
// continues where it stopped.
class XmlDriver {
 public:
  // `handler` must outlive the driver; `where` names the part in messages.
  template <typename Handler>
  XmlDriver(ZipFile file, PartBudget budget, Handler& handler, std::string where,
            std::size_t chunk_bytes)
      : file_(std::move(file)),
        budget_(std::move(budget)),
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
  // Throws Error(kInvalidInput) when the part is not well-formed XML, cannot be inflated or
  // inflates past its budget (before the chunk past it is parsed).
  bool advance();

  void run_to_end() {
    while (advance()) {
    }
  }

  std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  // Whether the parser is suspended; throws on errors, the handler's first.
  bool settle(XML_Status status);

  ZipFile file_;
  PartBudget budget_;
  XmlParser parser_;
  HandlerBase& handler_;
  std::string where_;
  std::size_t chunk_bytes_;
  std::uint64_t bytes_read_ = 0;
  bool suspended_ = false;
  bool final_chunk_ = false;
  bool finished_ = false;
};

// Parses a whole part with `handler`, within options.limits; false when the archive has no such
// part. Throws as PartBudget and XmlDriver::advance do.
template <typename Handler>
bool parse_part(zip_t* archive, const std::string& file, const std::string& part, Handler& handler,
                const ReadOptions& options) {
  const std::optional<zip_uint64_t> index = find_part(archive, part);
  if (!index) return false;
  const std::string where = part_of(file, part);
  PartBudget budget(archive, *index, where, options.limits);
  XmlDriver driver(open_part(archive, *index, where), std::move(budget), handler, where,
                   options.chunk_bytes);
  driver.run_to_end();
  return true;
}

}  // namespace aftersales::xlsx
