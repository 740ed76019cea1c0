// Typed and imported text (issue 8, finding 6): controls and bidi formatting are refused like C0
// always was, each named as U+XXXX, at the edges of their ranges.
#include "aftersales/core/validation.h"

#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "aftersales/core/text.h"

namespace aftersales {
namespace {

// The problem FieldReader::text finds in `value`, or "" when it accepts it.
std::string problem_of(std::string_view value) {
  FieldReader reader;
  reader.text("name", value);
  return reader.ok() ? std::string() : reader.problems().front().message;
}

}  // namespace

TEST_CASE("text refuses C0 controls, DEL and C1 controls, naming them, and accepts U+00A0") {
  CHECK(problem_of("a\x1b[2Jb") == "contains the control character U+001B; type plain text");
  CHECK(problem_of("a\x7f") == "contains the control character U+007F; type plain text");
  CHECK(problem_of("a\xC2\x80") == "contains the control character U+0080; type plain text");
  CHECK(problem_of("a\xC2\x9B"
                   "31mred") == "contains the control character U+009B; type plain text");
  CHECK(problem_of("a\xC2\x9D"
                   "8;;http://x\xC2\x9C") ==
        "contains the control character U+009D; type plain text");
  CHECK(problem_of("a\xC2\x9F") == "contains the control character U+009F; type plain text");
  CHECK(problem_of("~") == "");  // U+007E, the last printable ASCII
  CHECK(problem_of("a\xC2\xA0"
                   "b") == "");                      // U+00A0, no-break space
  CHECK(problem_of("长沙市环卫处 \xC2\xA9") == "");  // U+00A9 and CJK
}

TEST_CASE("text keeps tabs and line breaks but refuses a carriage return alone") {
  FieldReader reader;
  CHECK(reader.text("desc", "line 1\r\nline 2\tend") == "line 1\nline 2\tend");
  CHECK(reader.ok());
  CHECK(problem_of("over\rwritten") == "contains the control character U+000D; type plain text");
}

TEST_CASE("text refuses bidi overrides, isolates and marks, and accepts their neighbours") {
  const char* refused[][2] = {
      {"\xE2\x80\xAA", "U+202A"}, {"\xE2\x80\xAE", "U+202E"}, {"\xE2\x81\xA6", "U+2066"},
      {"\xE2\x81\xA9", "U+2069"}, {"\xE2\x80\x8E", "U+200E"}, {"\xE2\x80\x8F", "U+200F"},
      {"\xD8\x9C", "U+061C"},
  };
  for (const auto& [character, label] : refused) {
    CAPTURE(label);
    CHECK(problem_of(std::string("invoice") + character + "fdp.exe") ==
          std::string("contains the bidirectional formatting character ") + label +
              ", which shows text in another order than it is stored; type plain text");
  }
  CHECK(problem_of("a\xE2\x80\xA9"
                   "b") == "");  // U+2029 paragraph separator
  CHECK(problem_of("a\xE2\x80\xAF"
                   "b") == "");  // U+202F narrow no-break space
  CHECK(problem_of("a\xE2\x81\xA5"
                   "b") == "");  // U+2065, unassigned
  CHECK(problem_of("a\xE2\x81\xAA"
                   "b") == "");                                             // U+206A
  CHECK(problem_of("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x94\xA7") == "");  // ZWJ in an emoji
}

TEST_CASE("the first refused character is named once per field") {
  FieldReader reader;
  reader.text("name", "\xE2\x80\xAE\x1b");
  REQUIRE(reader.problems().size() == 1);
  CHECK(reader.problems()[0].to_string() ==
        "field \"name\": contains the bidirectional formatting character U+202E, which shows "
        "text in another order than it is stored; type plain text");
}

TEST_CASE("characters are named as U+ and at least four upper-case hex digits") {
  CHECK(code_point_label(0x1B) == "U+001B");
  CHECK(code_point_label(0x202E) == "U+202E");
  CHECK(code_point_label(0x1F600) == "U+1F600");
  CHECK(is_control_character(0x9F));
  CHECK_FALSE(is_control_character(0xA0));
  CHECK_FALSE(is_bidi_control(0x200D));
}

}  // namespace aftersales
