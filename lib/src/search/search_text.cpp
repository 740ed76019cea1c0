// Text into the tokens both engines index, and queries into the phrases they look for (issue
// 16; search_text.h says what matches).
#include "aftersales/search/search_text.h"

#include <algorithm>
#include <optional>
#include <set>

#include "aftersales/core/text.h"

namespace aftersales::search {
namespace {

// A word keeps at most this many characters: a longer one (a pasted hash, a VIN run together
// with text) is indexed and looked for by its beginning.
constexpr std::size_t kMaxWordLength = 64;

enum class CharClass { kWord, kSeparator, kGram };

// The class of a character, and for a word character its ASCII lower-case form.
CharClass classify(char32_t c, char* word_char) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII: Ａ１ read as A1
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      *word_char = static_cast<char>(c);
      return CharClass::kWord;
    }
    return CharClass::kSeparator;
  }
  const bool separator =
      c <= 0xBF || c == 0xD7 || c == 0xF7  // C1 controls, Latin-1 punctuation, × ÷
      || (c >= 0x2000 && c <= 0x2BFF)      // punctuation, symbols, arrows, shapes
      || (c >= 0x3000 && c <= 0x303F)      // CJK symbols and punctuation, 、。「」
      || (c >= 0xFE00 && c <= 0xFE6F)      // variation selectors, CJK compatibility forms
      || (c >= 0xFF00 && c <= 0xFF65)      // full-width punctuation left after the map
      || (c >= 0xFFE0 && c <= 0xFFFF)      // full-width symbols, specials
      || (c >= 0x1F000 && c <= 0x1FAFF);   // emoji and pictographs
  return separator ? CharClass::kSeparator : CharClass::kGram;
}

struct Char {
  std::size_t begin;
  std::size_t end;
  char word_char;  // for a word's character
};

struct Run {
  bool word;
  std::vector<Char> chars;
};

// The runs of words and of indexed characters in `text`, separators dropped. Bytes that are
// not UTF-8 separate, one by one.
std::vector<Run> runs_of(std::string_view text) {
  std::vector<Run> runs;
  std::optional<CharClass> current;
  for (std::size_t at = 0; at < text.size();) {
    const std::optional<DecodedUtf8> decoded = decode_utf8(text.substr(at));
    const std::size_t length = decoded ? decoded->length : 1;
    char word_char = 0;
    const CharClass kind =
        decoded ? classify(decoded->code_point, &word_char) : CharClass::kSeparator;
    if (kind == CharClass::kSeparator) {
      current.reset();
    } else {
      if (current != kind) runs.push_back(Run{kind == CharClass::kWord, {}});
      current = kind;
      runs.back().chars.push_back(Char{at, at + length, word_char});
    }
    at += length;
  }
  return runs;
}

std::string word_of(const Run& run) {
  std::string word;
  for (std::size_t i = 0; i < run.chars.size() && i < kMaxWordLength; ++i) {
    word += run.chars[i].word_char;
  }
  return word;
}

std::string chars_of(std::string_view text, const Char& first, const Char& last) {
  return std::string(text.substr(first.begin, last.end - first.begin));
}

bool is_word_token(std::string_view token) {
  const char c = token.empty() ? 0 : token.front();
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Whether `phrase` matches `tokens` from `at`.
bool matches_at(const std::vector<TextToken>& tokens, std::size_t at, const QueryPhrase& phrase) {
  const std::size_t count = phrase.tokens.size();
  if (count == 0 || at + count > tokens.size()) return false;
  for (std::size_t j = 0; j < count; ++j) {
    const std::string& want = phrase.tokens[j];
    const std::string& have = tokens[at + j].text;
    const bool prefix = phrase.last_is_prefix && j + 1 == count;
    if (prefix ? have.compare(0, want.size(), want) != 0 : have != want) return false;
  }
  return true;
}

}  // namespace

std::vector<TextToken> text_tokens(std::string_view text) {
  std::vector<TextToken> tokens;
  for (const Run& run : runs_of(text)) {
    const Char& first = run.chars.front();
    if (run.word) {
      tokens.push_back(TextToken{word_of(run), first.begin, run.chars.back().end, first.end});
      continue;
    }
    for (std::size_t i = 0; i < run.chars.size(); ++i) {
      const Char& c = run.chars[i];
      const Char& last = i + 1 < run.chars.size() ? run.chars[i + 1] : c;
      tokens.push_back(TextToken{chars_of(text, c, last), c.begin, last.end, c.end});
    }
  }
  return tokens;
}

std::string index_tokens(const std::vector<std::string_view>& fields) {
  std::string out;
  std::size_t count = 0;
  const auto add = [&](std::string_view token) {
    if (count++ > 0) out += ' ';
    out += token;
  };
  bool any = false;
  for (std::size_t f = 0; f < fields.size() && count < kMaxIndexTokens; ++f) {
    if (f > 0) add(kFieldSeparator);
    for (const TextToken& token : text_tokens(fields[f])) {
      if (count == kMaxIndexTokens) break;
      add(token.text);
      any = true;
    }
  }
  return any ? out : std::string();
}

std::vector<QueryPhrase> query_phrases(std::string_view query) {
  // Terms: split at spaces (ASCII whitespace, no-break and ideographic spaces).
  std::vector<std::string_view> terms;
  std::size_t start = 0;
  for (std::size_t at = 0; at <= query.size();) {
    std::size_t length = 1;
    bool space = at == query.size();
    if (!space) {
      const std::optional<DecodedUtf8> decoded = decode_utf8(query.substr(at));
      if (decoded) {
        length = decoded->length;
        const char32_t c = decoded->code_point;
        space = c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x3000;
      }
    }
    if (space) {
      if (at > start) terms.push_back(query.substr(start, at - start));
      start = at + length;
    }
    at += length;
  }

  std::vector<QueryPhrase> phrases;
  for (std::string_view term : terms) {
    const std::vector<Run> runs = runs_of(term);
    QueryPhrase phrase;
    for (std::size_t r = 0; r < runs.size(); ++r) {
      const Run& run = runs[r];
      const bool last_run = r + 1 == runs.size();
      if (run.word) {
        phrase.tokens.push_back(word_of(run));
        phrase.last_is_prefix = last_run;
        continue;
      }
      // The run's bigrams; its last character alone only when more follows in the term (the
      // text's run must end there too): 故障E3 is 故障 障 e3, 故障 alone is 故障.
      const std::size_t n = run.chars.size();
      for (std::size_t i = 0; i + 1 < n; ++i) {
        phrase.tokens.push_back(chars_of(term, run.chars[i], run.chars[i + 1]));
      }
      if (n == 1 || !last_run)
        phrase.tokens.push_back(chars_of(term, run.chars[n - 1], run.chars[n - 1]));
      // A lone character at the end matches any pair it begins, or a run's last character.
      phrase.last_is_prefix = last_run && n == 1;
    }
    if (!phrase.tokens.empty()) phrases.push_back(std::move(phrase));
  }
  return phrases;
}

std::vector<TextSpan> matched_spans(std::string_view text,
                                    const std::vector<QueryPhrase>& phrases) {
  const std::vector<TextToken> tokens = text_tokens(text);
  std::vector<TextSpan> spans;
  for (const QueryPhrase& phrase : phrases) {
    const std::size_t count = phrase.tokens.size();
    for (std::size_t at = 0; at < tokens.size(); ++at) {
      if (!matches_at(tokens, at, phrase)) continue;
      const TextToken& last = tokens[at + count - 1];
      const bool lone_char = phrase.last_is_prefix && !is_word_token(phrase.tokens.back());
      spans.push_back(TextSpan{tokens[at].begin, lone_char ? last.first_char_end : last.end});
    }
  }
  std::sort(spans.begin(), spans.end(),
            [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
  std::vector<TextSpan> merged;
  for (const TextSpan& span : spans) {
    if (!merged.empty() && span.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, span.end);
    } else {
      merged.push_back(span);
    }
  }
  return merged;
}

bool matches_all(const std::vector<std::string_view>& fields,
                 const std::vector<QueryPhrase>& phrases) {
  std::vector<std::vector<TextToken>> tokens;
  for (std::string_view field : fields) tokens.push_back(text_tokens(field));
  return std::all_of(phrases.begin(), phrases.end(), [&](const QueryPhrase& phrase) {
    return std::any_of(tokens.begin(), tokens.end(), [&](const std::vector<TextToken>& field) {
      for (std::size_t at = 0; at < field.size(); ++at) {
        if (matches_at(field, at, phrase)) return true;
      }
      return false;
    });
  });
}

std::vector<std::string> distinct_terms(const std::vector<std::string_view>& fields) {
  std::set<std::string> terms;
  for (std::string_view field : fields) {
    for (TextToken& token : text_tokens(field)) {
      const bool lone_char = !is_word_token(token.text) && token.end == token.first_char_end;
      if (!lone_char) terms.insert(std::move(token.text));
    }
  }
  return {terms.begin(), terms.end()};
}

}  // namespace aftersales::search
