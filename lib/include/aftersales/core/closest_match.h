// "Did you mean": the closest of a few known names to a word typed wrong. Used by the rules file
// reader and the command line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aftersales {

// The edit distance between `a` and `b`, in bytes: insertions, deletions, substitutions and
// swaps of two neighbours ("uint" for "unit") each count one (optimal string alignment).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a typo (within a third of its
// length, at least 1 and at most 3 edits; the first of equally close ones), else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace aftersales
