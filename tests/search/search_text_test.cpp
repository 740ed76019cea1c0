// What full-text search matches (issue 16, search/search_text.h): tokens, query phrases and
// highlights, engine-free. The engines' answers are checked against matches_all in
// search_test.cpp.
#include "aftersales/search/search_text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace aftersales::search {
namespace {

std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> out;
  for (const TextToken& token : text_tokens(text)) out.push_back(token.text);
  return out;
}

bool found(std::string_view text, std::string_view query) {
  return matches_all({text}, query_phrases(query));
}

std::vector<std::string> highlighted(std::string_view text, std::string_view query) {
  std::vector<std::string> out;
  for (const TextSpan& span : matched_spans(text, query_phrases(query))) {
    out.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return out;
}

}  // namespace

TEST_CASE("Chinese runs are indexed as character pairs and the run's last character") {
  CHECK(tokens_of("液压泵异响") == std::vector<std::string>{"液压", "压泵", "泵异", "异响", "响"});
  CHECK(tokens_of("泵") == std::vector<std::string>{"泵"});
  // Punctuation (CJK and ASCII) and spaces end a run.
  CHECK(tokens_of("油温高，异响。") ==
        std::vector<std::string>{"油温", "温高", "高", "异响", "响"});
}

TEST_CASE("words are lower-cased ASCII, full-width letters and digits read as ASCII") {
  CHECK(tokens_of("E3故障 Pump-Seal") ==
        std::vector<std::string>{"e3", "故障", "障", "pump", "seal"});
  CHECK(tokens_of("ＡＢＣ１２号") == std::vector<std::string>{"abc12", "号"});
}

TEST_CASE("the token's bytes point into the text, for highlighting") {
  const std::vector<TextToken> tokens = text_tokens("a 液压");
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[1].text == "液压");
  CHECK(tokens[1].begin == 2);
  CHECK(tokens[1].end == 8);
  CHECK(tokens[1].first_char_end == 5);
}

TEST_CASE("a record's fields are indexed apart, a record without text has no tokens") {
  CHECK(index_tokens({"液压", "泵"}) == "液压 压 \xe3\x80\x93 泵");
  CHECK(index_tokens({"", " ，"}).empty());
  // A phrase never spans two fields.
  CHECK_FALSE(matches_all({"液压", "泵异响"}, query_phrases("液压泵")));
  CHECK(matches_all({"液压", "泵异响"}, query_phrases("液压 泵")));
}

TEST_CASE("a query is terms split by spaces, each a phrase of its runs") {
  std::vector<QueryPhrase> phrases = query_phrases("异响");
  REQUIRE(phrases.size() == 1);
  CHECK(phrases[0].tokens == std::vector<std::string>{"异响"});
  CHECK_FALSE(phrases[0].last_is_prefix);

  phrases = query_phrases("液压泵　漏油 E3");  // an ideographic space separates too
  REQUIRE(phrases.size() == 3);
  CHECK(phrases[0].tokens == std::vector<std::string>{"液压", "压泵"});
  CHECK(phrases[1].tokens == std::vector<std::string>{"漏油"});
  CHECK(phrases[2].tokens == std::vector<std::string>{"e3"});
  CHECK(phrases[2].last_is_prefix);

  // A lone character at the end matches by its beginning; inside a term it is the run's end.
  phrases = query_phrases("泵");
  REQUIRE(phrases.size() == 1);
  CHECK(phrases[0].last_is_prefix);
  phrases = query_phrases("故障E3");
  REQUIRE(phrases.size() == 1);
  CHECK(phrases[0].tokens == std::vector<std::string>{"故障", "障", "e3"});

  CHECK(query_phrases("，。!? ").empty());
  CHECK(query_phrases("").empty());
}

TEST_CASE("one, two, three and more Chinese characters match as substrings") {
  // One
  CHECK(found("更换水泵", "泵"));  // the run's last character
  CHECK(found("泵体开裂", "泵"));  // the first of a pair
  CHECK_FALSE(found("更换水箱", "泵"));
  // Two: the common case (漏油, 异响, 断轴)
  CHECK(found("液压泵异响，油温高", "异响"));
  CHECK(found("左后桥断轴", "断轴"));
  CHECK(found("漏油", "漏油"));
  CHECK_FALSE(found("异常响声", "异响"));
  CHECK_FALSE(found("漏水 油多", "漏油"));
  // Three and more
  CHECK(found("检查液压泵漏油", "液压泵"));
  CHECK_FALSE(found("液压油泵", "液压泵"));
  CHECK(found("液压泵异响，更换轴承", "液压泵异响"));
  CHECK_FALSE(found("液压泵，异响", "液压泵异响"));  // punctuation ends the text's run
}

TEST_CASE("English words match whole, the last one of a term by its beginning") {
  CHECK(found("Hydraulic pumps replaced", "pump"));
  CHECK(found("hydraulic PUMP", "Pump"));
  CHECK_FALSE(found("hydraulic pump", "pumps"));
  CHECK_FALSE(found("sump pump", "ump"));
  CHECK(found("oil leak at the seal", "seal oil"));  // terms in any order
  CHECK_FALSE(found("oil at the seal", "oil leak"));
  CHECK(found("a", "a"));
  CHECK(found("valve stuck", "v"));  // one letter: any word that begins with it
}

TEST_CASE("mixed scripts and punctuation") {
  CHECK(found("E3故障码", "E3故障"));
  CHECK(found("E3 故障", "E3故障"));         // a space between runs is no matter
  CHECK(found("故障E30", "故障E3"));         // the last word by its beginning
  CHECK_FALSE(found("故障码E3", "故障E3"));  // 故障 must end its run before E3
  CHECK(found("3号泵异响", "3号泵"));
  CHECK(found("液压泵(左)异响", "泵（左）"));  // full-width and ASCII brackets alike
  CHECK(found("PTO取力器异响", "pto取力器"));
  CHECK(found("ＰＴＯ取力器", "PTO"));
}

TEST_CASE("matched spans cover what matched, merged when they overlap") {
  CHECK(highlighted("液压泵异响，更换液压泵", "液压泵") ==
        std::vector<std::string>{"液压泵", "液压泵"});
  CHECK(highlighted("更换水泵", "泵") == std::vector<std::string>{"泵"});
  CHECK(highlighted("pumps and pump", "pump") == std::vector<std::string>{"pumps", "pump"});
  CHECK(highlighted("液压泵异响", "液压 压泵") == std::vector<std::string>{"液压泵"});
  CHECK(highlighted("液压泵异响", "漏油").empty());
}

TEST_CASE("similar repairs compare pairs and words, not lone characters") {
  CHECK(distinct_terms({"液压泵异响", "泵"}) ==
        std::vector<std::string>{"压泵", "异响", "泵异", "液压"});
  CHECK(distinct_terms({"Pump pump"}) == std::vector<std::string>{"pump"});
}

}  // namespace aftersales::search
