// The column widths of a human table cut to fit a terminal (render.h fit_column_widths).
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

#include "aftersales/io/render.h"

namespace aftersales {

std::vector<std::size_t> fit_column_widths(std::vector<std::size_t> widths,
                                           const std::vector<bool>& cuttable,
                                           std::size_t line_width) {
  if (widths.empty()) return widths;
  const std::size_t gaps = 2 * (widths.size() - 1);
  std::size_t total = std::accumulate(widths.begin(), widths.end(), gaps);
  std::vector<std::size_t> floor(widths.size());
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const bool cut = c < cuttable.size() && cuttable[c];
    floor[c] = cut ? std::min(widths[c], kMinCutWidth) : widths[c];
  }
  while (total > line_width) {
    std::size_t widest = widths.size();
    for (std::size_t c = 0; c < widths.size(); ++c) {
      if (widths[c] > floor[c] && (widest == widths.size() || widths[c] > widths[widest])) {
        widest = c;
      }
    }
    if (widest == widths.size()) break;  // every column at its floor
    --widths[widest];
    --total;
  }
  return widths;
}

}  // namespace aftersales
