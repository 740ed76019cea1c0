// Loading xl/sharedStrings.xml: each <si> is one string, the text of its runs.
#include "io/sheets/shared_strings.h"

#include "io/sheets/xlsx_reader.h"
#include "io/sheets/xml_driver.h"

namespace aftersales::xlsx {
namespace {

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

}  // namespace

SharedStrings load_shared_strings(zip_t* archive, const std::string& file, const std::string& part,
                                  std::size_t chunk_bytes) {
  SharedStringsHandler handler;
  parse_part(archive, file, part, handler, chunk_bytes);
  return std::move(handler.strings);
}

}  // namespace aftersales::xlsx
