// "Did you mean": the closest of a few known names to a word typed wrong. Private to lib/src.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aftersales {

// The Levenshtein distance between `a` and `b`, in bytes: insertions, deletions and
// substitutions each count one.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a typo (within a third of its
// length, at least 1 and at most 3 edits; the first of equally close ones), else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace aftersales
