// When messages need the C.UTF-8 fallback to reach the Chinese catalogue (core/translate.h):
// a fresh Debian 12 has no zh_CN locale, and glibc's gettext ignores LANGUAGE under plain C.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "aftersales/core/translate.h"

using aftersales::LocaleEnvironment;
using aftersales::needs_chinese_fallback;
using aftersales::requested_language;

TEST_CASE("the language asked for is the first non-empty of LANGUAGE, LC_ALL, LC_MESSAGES, LANG") {
  CHECK(requested_language({}) == "");
  CHECK(requested_language({"", "", "", "zh_CN.UTF-8"}) == "zh_CN.UTF-8");
  CHECK(requested_language({"", "", "C", "zh_CN.UTF-8"}) == "C");
  CHECK(requested_language({"", "en_US.UTF-8", "zh_CN.UTF-8", "zh_CN.UTF-8"}) == "en_US.UTF-8");
  CHECK(requested_language({"zh_CN:en", "C", "", ""}) == "zh_CN:en");
}

TEST_CASE("LANG=zh_CN.UTF-8 without a generated zh_CN locale falls back to C.UTF-8") {
  const LocaleEnvironment chinese{"", "", "", "zh_CN.UTF-8"};
  CHECK(needs_chinese_fallback(chinese, nullptr));  // setlocale failed: locale not generated
  CHECK(needs_chinese_fallback(chinese, "C"));
  CHECK(needs_chinese_fallback(chinese, "POSIX"));
  CHECK_FALSE(needs_chinese_fallback(chinese, "zh_CN.UTF-8"));  // the locale is there
  CHECK(needs_chinese_fallback({"", "", "", "zh_TW.UTF-8"}, nullptr));
}

TEST_CASE("a locale that does not ask for Chinese never falls back") {
  CHECK_FALSE(needs_chinese_fallback({}, "C"));
  CHECK_FALSE(needs_chinese_fallback({"", "", "", "C"}, "C"));
  CHECK_FALSE(needs_chinese_fallback({"", "", "", "en_US.UTF-8"}, nullptr));
  CHECK_FALSE(needs_chinese_fallback({"", "C", "", "zh_CN.UTF-8"}, "C"));  // LC_ALL=C wins
}

namespace {

// Each (msgid, msgstr) of a .po file, strings joined across lines, escapes left as they are.
std::vector<std::pair<std::string, std::string>> po_entries(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::pair<std::string, std::string>> entries;
  std::string* current = nullptr;
  for (std::string line; std::getline(in, line);) {
    const std::size_t open = line.find('"');
    if (line.rfind("msgid ", 0) == 0) {
      entries.emplace_back();
      current = &entries.back().first;
    } else if (line.rfind("msgstr ", 0) == 0 && !entries.empty()) {
      current = &entries.back().second;
    } else if (line.empty() || line[0] != '"') {
      current = nullptr;
      continue;
    }
    if (current != nullptr && open != std::string::npos) {
      *current += line.substr(open + 1, line.rfind('"') - open - 1);
    }
  }
  return entries;
}

std::size_t placeholders(const std::string& text) {
  std::size_t count = 0;
  for (std::size_t at = text.find("{}"); at != std::string::npos; at = text.find("{}", at + 2)) {
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("every translation in po/zh_CN.po keeps the placeholders of its English text") {
  const auto entries = po_entries(AFTERSALES_SOURCE_DIR "/po/zh_CN.po");
  REQUIRE(entries.size() > 30);
  for (const auto& [msgid, msgstr] : entries) {
    if (msgid.empty()) continue;  // the header
    INFO(msgid);
    CHECK_FALSE(msgstr.empty());
    CHECK(placeholders(msgstr) == placeholders(msgid));
    CHECK(std::count(msgstr.begin(), msgstr.end(), '{') == placeholders(msgstr));
    CHECK(std::count(msgstr.begin(), msgstr.end(), '}') == placeholders(msgstr));
  }
}
