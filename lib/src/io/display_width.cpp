// Terminal column widths of UTF-8 text, so tables line up Chinese and Latin text alike.
// A small decoder of our own: no locale, no wcwidth (whose answers differ between systems).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "aftersales/core/text.h"
#include "aftersales/io/render.h"

namespace aftersales {
namespace {

struct CodePointRange {
  char32_t first;
  char32_t last;
};

// Combining marks and invisible format characters: they take no column of their own.
constexpr CodePointRange kZeroWidth[] = {
    {0x0300, 0x036F},    // combining diacritical marks
    {0x0483, 0x0489},    // Cyrillic combining marks
    {0x0591, 0x05BD},    // Hebrew points
    {0x0610, 0x061A},    // Arabic marks
    {0x064B, 0x065F},    // Arabic vowel marks
    {0x1AB0, 0x1AFF},    // combining diacritical marks extended
    {0x1DC0, 0x1DFF},    // combining diacritical marks supplement
    {0x200B, 0x200F},    // zero width space, non-joiner, joiner, direction marks
    {0x2060, 0x2064},    // word joiner and invisible operators
    {0x20D0, 0x20FF},    // combining marks for symbols
    {0x302A, 0x302D},    // ideographic tone marks
    {0x3099, 0x309A},    // combining kana voiced marks
    {0xFE00, 0xFE0F},    // variation selectors
    {0xFE20, 0xFE2F},    // combining half marks
    {0xFEFF, 0xFEFF},    // byte order mark / zero width no-break space
    {0xE0100, 0xE01EF},  // variation selectors supplement
};

// East Asian wide and full-width characters: two columns. U+303F (half fill space) is narrow.
constexpr CodePointRange kWide[] = {
    {0x1100, 0x115F},    // Hangul Jamo initial consonants
    {0x2E80, 0x303E},    // CJK radicals, punctuation, ideographic space
    {0x3040, 0xA4CF},    // kana, bopomofo, CJK unified ideographs, Yi
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFE30, 0xFE4F},    // CJK compatibility forms
    {0xFF00, 0xFF60},    // full-width forms
    {0xFFE0, 0xFFE6},    // full-width signs (￥ ￡)
    {0x1F300, 0x1F64F},  // pictographs, emoticons
    {0x1F900, 0x1F9FF},  // supplemental symbols and pictographs
    {0x20000, 0x3FFFD},  // CJK extension planes
};

template <std::size_t N>
bool in_ranges(char32_t code_point, const CodePointRange (&ranges)[N]) {
  for (const auto& range : ranges) {
    if (code_point >= range.first && code_point <= range.last) return true;
  }
  return false;
}

std::size_t code_point_width(char32_t code_point) {
  if (in_ranges(code_point, kZeroWidth)) return 0;
  if (in_ranges(code_point, kWide)) return 2;
  return 1;
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  while (!utf8.empty()) {
    if (static_cast<unsigned char>(utf8.front()) < 0x80) {  // ASCII, most of every table
      ++width;
      utf8.remove_prefix(1);
    } else if (const auto decoded = decode_utf8(utf8)) {
      width += code_point_width(decoded->code_point);
      utf8.remove_prefix(decoded->length);
    } else {
      width += 1;  // an invalid byte shows as one replacement character
      utf8.remove_prefix(1);
    }
  }
  return width;
}

}  // namespace aftersales
