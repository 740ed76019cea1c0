// Small text helpers shared by the core's readers.
#pragma once

#include <string>
#include <string_view>

namespace aftersales {

// `text` without ASCII whitespace and ideographic spaces (U+3000) at either end.
std::string_view trim_view(std::string_view text);

// The same, as a string.
inline std::string trim(std::string_view text) { return std::string(trim_view(text)); }

}  // namespace aftersales
