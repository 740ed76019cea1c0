// The escapes of SpreadsheetML strings (ST_Xstring): "_x000D_" is a carriage return, "_x005F_"
// an underscore that would otherwise start one.
#include "io/sheets/xlsx_reader.h"

#include <cstdint>
#include <string>
#include <utility>

namespace aftersales::xlsx {

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

}  // namespace aftersales::xlsx
