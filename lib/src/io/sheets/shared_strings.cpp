// Loading xl/sharedStrings.xml: each <si> is one string, the text of its runs.
#include "io/sheets/shared_strings.h"

#include <cstdint>

#include "io/sheets/part_budget.h"

#include "io/sheets/xlsx_reader.h"
#include "io/sheets/xml_driver.h"

namespace aftersales::xlsx {
namespace {

// The count a uniqueCount attribute states; 0 when absent or unreadable.
std::uint64_t stated_count(const XML_Char* text) {
  if (text == nullptr) return 0;
  std::uint64_t count = 0;
  for (const char* c = text; *c != '\0'; ++c) {
    if (*c < '0' || *c > '9' || count > 1'000'000'000'000) return 0;
    count = count * 10 + static_cast<std::uint64_t>(*c - '0');
  }
  return count;
}

struct SharedStringsHandler : HandlerBase {
  SharedStrings strings;
  std::string current;
  int depth = 0;
  int item_depth = 0;  // depth of the open <si>; 0 outside
  RichTextCollector rich_text;
  std::string where;
  XlsxLimits limits;

  void start(std::string_view name, const XML_Char** attributes) {
    ++depth;
    if (depth == 1 && name == "sst") {
      const std::uint64_t stated = stated_count(attribute(attributes, "uniqueCount"));
      if (stated > limits.max_shared_strings) {
        throw too_many_shared_strings(where, stated, limits);
      }
    }
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
        if (strings.size() >= limits.max_shared_strings) {
          throw too_many_shared_strings(where, 0, limits);
        }
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

}  // namespace

SharedStrings load_shared_strings(zip_t* archive, const std::string& file, const std::string& part,
                                  const ReadOptions& options) {
  SharedStringsHandler handler;
  handler.where = part_of(file, part);
  handler.limits = options.limits;
  parse_part(archive, file, part, handler, options);
  return std::move(handler.strings);
}

}  // namespace aftersales::xlsx
