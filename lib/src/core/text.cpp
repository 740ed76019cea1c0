#include "aftersales/core/text.h"

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

}  // namespace aftersales
