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

// Characters a terminal obeys rather than shows (issue 8, finding 6): the C0 controls
// U+0000-U+001F, DEL U+007F and the C1 controls U+0080-U+009F (U+009B is CSI, U+009D OSC, as
// ESC [ and ESC ] are). Typed and imported text refuses them (tab and line feed aside); a
// terminal is shown them escaped (io/terminal.h).
bool is_control_character(char32_t code_point);

// Bidirectional formatting characters, which make text display in another order than it is
// stored ("Trojan Source"): the embeddings and overrides U+202A-U+202E, the isolates
// U+2066-U+2069 and the marks U+200E, U+200F and U+061C. Refused and escaped like controls.
bool is_bidi_control(char32_t code_point);

// The character's name for messages: "U+009B", "U+202E", "U+1F600" (upper-case hex, at least
// four digits).
std::string code_point_label(char32_t code_point);

}  // namespace aftersales
