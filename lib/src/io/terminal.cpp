// Escaping what a terminal would obey; the characters are the ones typed text refuses
// (core/text.h), so a value stored before the refusal still shows harmlessly.
#include "aftersales/io/terminal.h"

#include <fmt/format.h>

#include <cstdint>
#include <optional>

#include "aftersales/core/text.h"

namespace aftersales {

std::string terminal_safe(std::string_view text) {
  std::string safe;
  safe.reserve(text.size());
  while (!text.empty()) {
    const std::optional<DecodedUtf8> decoded = decode_utf8(text);
    if (!decoded) {
      safe += fmt::format("\\x{:02x}", static_cast<unsigned char>(text.front()));
      text.remove_prefix(1);
      continue;
    }
    const char32_t c = decoded->code_point;
    if (c == '\t' || c == '\n') {
      safe += static_cast<char>(c);
    } else if (c < 0x80 && is_control_character(c)) {
      safe += fmt::format("\\x{:02x}", static_cast<std::uint32_t>(c));
    } else if (is_control_character(c) || is_bidi_control(c)) {
      safe += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(c));
    } else {
      safe.append(text.substr(0, decoded->length));
    }
    text.remove_prefix(decoded->length);
  }
  return safe;
}

}  // namespace aftersales
