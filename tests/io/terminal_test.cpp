// Text bound for a terminal (issue 8, finding 6): what the terminal would obey shows escaped.
#include "aftersales/io/terminal.h"

#include <string>

#include <doctest/doctest.h>

namespace aftersales {
namespace {

TEST_CASE("terminal_safe escapes C0 controls and DEL as \\x and keeps tab and line feed") {
  CHECK(terminal_safe("\x1b]0;owned\x07title") == "\\x1b]0;owned\\x07title");
  CHECK(terminal_safe("a\rb") == "a\\x0db");
  CHECK(terminal_safe(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(terminal_safe("a\x7f") == "a\\x7f");
  CHECK(terminal_safe("line 1\n\tline 2") == "line 1\n\tline 2");
}

TEST_CASE("terminal_safe escapes C1 controls and bidi characters as \\u at their edges") {
  CHECK(terminal_safe("\x7e") == "~");            // U+007E kept
  CHECK(terminal_safe("\xC2\x80") == "\\u0080");  // first C1
  CHECK(terminal_safe("\xC2\x9B"
                      "2J") == "\\u009b2J");       // CSI
  CHECK(terminal_safe("\xC2\x9F") == "\\u009f");   // last C1
  CHECK(terminal_safe("\xC2\xA0") == "\xC2\xA0");  // U+00A0 kept
  CHECK(terminal_safe("abc\xE2\x80\xAE"
                      "cod.exe") == "abc\\u202ecod.exe");
  CHECK(terminal_safe("\xE2\x81\xA6\xE2\x81\xA9\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C") ==
        "\\u2066\\u2069\\u200e\\u200f\\u061c");
  CHECK(terminal_safe("\xE2\x80\xA9") == "\xE2\x80\xA9");  // U+2029 kept
}

TEST_CASE("terminal_safe escapes bytes that are not UTF-8 and keeps ordinary text unchanged") {
  CHECK(terminal_safe("a\x9b"
                      "b\xff") == "a\\x9bb\\xff");
  CHECK(terminal_safe("\xE4\xB8") == "\\xe4\\xb8");  // a truncated 中
  const std::string plain = "长沙市环卫处 HYS-2023-001 C:\\temp 😀";
  CHECK(terminal_safe(plain) == plain);
  CHECK(terminal_safe("") == "");
}

}  // namespace
}  // namespace aftersales
