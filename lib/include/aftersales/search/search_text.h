// What full-text search matches (issue 16), engine-free: how a record's text becomes the tokens
// both engines index, how a query becomes the phrases they look for, and where in a text a
// query matched. SQLite's FTS5 and PostgreSQL's tsvector are given these same tokens (never
// their own tokenizers), so that both find the same records.
//
// Text is read as runs of characters:
//   - words: ASCII letters and digits (full-width ones read as ASCII), lower-cased;
//   - separators: spaces, ASCII and CJK punctuation and symbols, controls;
//   - everything else (Han, kana, Hangul, other scripts) is indexed by character pairs: a run
//     c0 c1 ... cn-1 gives the bigrams c0c1, c1c2, ... and the last character alone, one token
//     per character. A Chinese query of any length then finds the runs that hold it: 异响 is one
//     bigram, 液压泵 two in a row, 泵 any bigram that starts with it or the run's last character.
// A query is terms split by spaces, all of which must match (AND); a term is a phrase of its
// runs in order, punctuation between them ignored. Words match whole, apart from the last word
// of a term, which matches by its beginning (pump finds pumps).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aftersales::search {

// A token of indexed text and the bytes of the text it came from.
struct TextToken {
  std::string text;
  std::size_t begin = 0;           // its first byte in the text
  std::size_t end = 0;             // one past its last byte
  std::size_t first_char_end = 0;  // one past its first character
};

// The tokens of `text`, in order: what the index holds for one field.
std::vector<TextToken> text_tokens(std::string_view text);

// The token that separates two fields of a record in the index, so that no phrase spans them:
// a CJK symbol, which text_tokens never gives and no query asks for.
inline constexpr std::string_view kFieldSeparator = "\xe3\x80\x93";  // U+3013 〓

// A record's index holds at most this many tokens (about as many characters): PostgreSQL
// counts a tsvector's positions up to 16383 only, and both engines must hold the same.
inline constexpr std::size_t kMaxIndexTokens = 16383;

// The token stream of a record's fields, separated by kFieldSeparator, tokens joined by
// spaces, at most kMaxIndexTokens of them: what FTS5 (tokenize='ascii') and PostgreSQL (as a
// tsvector) index. Empty when the fields hold no word or character.
std::string index_tokens(const std::vector<std::string_view>& fields);

// One term of a query: its tokens in a row; the last one matches by its beginning when
// `last_is_prefix`.
struct QueryPhrase {
  std::vector<std::string> tokens;
  bool last_is_prefix = false;
};

// The phrases of `query`, one per term that holds any word or character (terms of punctuation
// alone are dropped); empty when nothing is left to search for.
std::vector<QueryPhrase> query_phrases(std::string_view query);

// A match in a text: bytes [begin, end).
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Where any of `phrases` matches `text`, in order, overlapping matches merged: what a terminal
// highlights.
std::vector<TextSpan> matched_spans(std::string_view text, const std::vector<QueryPhrase>& phrases);

// Whether every phrase matches one of `fields` (each phrase within one field): the engines'
// answer, recomputed. A query's records pass it by construction.
bool matches_all(const std::vector<std::string_view>& fields,
                 const std::vector<QueryPhrase>& phrases);

// The set of distinct tokens of `fields` that are bigrams or words (not single characters):
// what `ticket show --similar` compares.
std::vector<std::string> distinct_terms(const std::vector<std::string_view>& fields);

}  // namespace aftersales::search
