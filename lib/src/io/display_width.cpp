// Terminal column widths of UTF-8 text, so tables line up Chinese and Latin text alike, and
// text cut to a width on a terminal. The width of each code point comes from utf8proc's Unicode
// tables (Debian's libutf8proc, kept up to date with Unicode: emoji two columns, combining
// marks none), not from the locale's wcwidth, whose answers differ between systems.
#include <cstddef>
#include <string>
#include <string_view>

#include <utf8proc.h>

#include "aftersales/io/render.h"

namespace aftersales {
namespace {

// The next character of `text` at `at`: its length in bytes and its width. An invalid byte is
// one byte one column wide (it shows as one replacement character).
struct Glyph {
  std::size_t length = 1;
  std::size_t width = 1;
};

Glyph glyph_at(std::string_view text, std::size_t at) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  if (bytes[at] < 0x80) return {};  // ASCII, most of every table
  utf8proc_int32_t code_point = 0;
  const utf8proc_ssize_t length =
      utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(text.size() - at), &code_point);
  if (length <= 0) return {};
  const int columns = utf8proc_charwidth(code_point);
  return Glyph{static_cast<std::size_t>(length),
               columns > 0 ? static_cast<std::size_t>(columns) : std::size_t{0}};
}

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026 "…", one column

}  // namespace

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t at = 0; at < utf8.size();) {
    const Glyph glyph = glyph_at(utf8, at);
    width += glyph.width;
    at += glyph.length;
  }
  return width;
}

std::string cut_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  const std::size_t room = width - 1;  // the ellipsis takes the last column
  std::size_t used = 0;
  std::size_t end = 0;
  while (end < text.size()) {
    const Glyph glyph = glyph_at(text, end);
    if (used + glyph.width > room) break;
    used += glyph.width;
    end += glyph.length;
  }
  std::string cut(text.substr(0, end));
  cut += kEllipsis;
  return cut;
}

}  // namespace aftersales
