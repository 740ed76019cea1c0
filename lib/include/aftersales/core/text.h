// Small text helpers shared by the core's readers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aftersales {

// `text` without ASCII whitespace and ideographic spaces (U+3000) at either end.
std::string_view trim_view(std::string_view text);

// The same, as a string.
inline std::string trim(std::string_view text) { return std::string(trim_view(text)); }

struct DecodedUtf8 {
  char32_t code_point;
  std::size_t length;  // bytes
};

// Decodes one well-formed UTF-8 sequence at the start of `text` (not empty). Returns nullopt
// for a stray continuation byte, a truncated sequence, an overlong form, a surrogate or a
// value beyond U+10FFFF.
std::optional<DecodedUtf8> decode_utf8(std::string_view text);

// Whether all of `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

}  // namespace aftersales
