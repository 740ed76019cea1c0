// Trimming, decoding UTF-8 and telling the characters a terminal would obey.
#include "aftersales/core/text.h"

#include <fmt/format.h>

#include <cstdint>

namespace aftersales {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000, typed by Chinese IMEs

}  // namespace

std::string_view trim_view(std::string_view text) {
  for (bool changed = true; changed;) {
    changed = false;
    while (!text.empty() && is_ascii_space(text.front())) {
      text.remove_prefix(1);
      changed = true;
    }
    while (!text.empty() && is_ascii_space(text.back())) {
      text.remove_suffix(1);
      changed = true;
    }
    if (text.substr(0, 3) == kIdeographicSpace) {
      text.remove_prefix(3);
      changed = true;
    }
    if (text.size() >= 3 && text.substr(text.size() - 3) == kIdeographicSpace) {
      text.remove_suffix(3);
      changed = true;
    }
  }
  return text;
}

std::optional<DecodedUtf8> decode_utf8(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  if (lead < 0x80) return DecodedUtf8{lead, 1};
  std::size_t length = 0;
  char32_t code_point = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code_point = lead & 0x1F;
    minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code_point = lead & 0x0F;
    minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code_point = lead & 0x07;
    minimum = 0x10000;
  } else {
    return std::nullopt;
  }
  if (text.size() < length) return std::nullopt;
  for (std::size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) != 0x80) return std::nullopt;
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  if (code_point < minimum || code_point > 0x10FFFF) return std::nullopt;
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return std::nullopt;
  return DecodedUtf8{code_point, length};
}

bool is_valid_utf8(std::string_view text) {
  while (!text.empty()) {
    const std::optional<DecodedUtf8> decoded = decode_utf8(text);
    if (!decoded) return false;
    text.remove_prefix(decoded->length);
  }
  return true;
}

bool is_control_character(char32_t code_point) {
  return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F);
}

bool is_bidi_control(char32_t code_point) {
  return (code_point >= 0x202A && code_point <= 0x202E) ||
         (code_point >= 0x2066 && code_point <= 0x2069) || code_point == 0x200E ||
         code_point == 0x200F || code_point == 0x061C;
}

std::string code_point_label(char32_t code_point) {
  return fmt::format("U+{:04X}", static_cast<std::uint32_t>(code_point));
}

}  // namespace aftersales
