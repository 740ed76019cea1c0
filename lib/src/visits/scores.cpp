// 表2's five scores (also 表9's): their names and how they are read.
#include "aftersales/visits/scores.h"

#include <fmt/format.h>

#include <vector>

#include "aftersales/core/text.h"

namespace aftersales {
namespace {

constexpr std::array<const char*, kScoreDimensions> kNames = {"structure", "appearance", "delivery",
                                                              "price", "service"};
// 表2 (JL-7.2-04) in its order.
constexpr std::array<const char*, kScoreDimensions> kTitles = {"结构性能", "外观质量", "交货日期",
                                                               "产品价格", "售后服务"};

}  // namespace

const char* score_dimension_name(int dimension) {
  return kNames[static_cast<std::size_t>(dimension)];
}

const char* score_dimension_title(int dimension) {
  return kTitles[static_cast<std::size_t>(dimension)];
}

std::optional<Scores> read_scores(FieldReader& reader, const std::string& field,
                                  const std::string& text) {
  std::string given = trim(text);
  // A full-width comma (，) as typed on a Chinese keyboard reads as a comma.
  for (std::size_t at = given.find("，"); at != std::string::npos; at = given.find("，")) {
    given.replace(at, std::string("，").size(), ",");
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = given.find(',', start);
    parts.push_back(trim(given.substr(start, comma - start)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  const std::string how =
      "write five scores 1-5 separated by commas, like 5,4,4,3,5 (结构性能, "
      "外观质量, 交货日期, 产品价格, 售后服务)";
  if (parts.size() != kScoreDimensions) {
    reader.add(field, text, fmt::format("{} scores given: {}", parts.size(), how));
    return std::nullopt;
  }
  Scores scores{};
  for (int k = 0; k < kScoreDimensions; ++k) {
    const std::string& part = parts[k];
    if (part.size() != 1 || part[0] < '1' || part[0] > '5') {
      reader.add(field, text,
                 fmt::format("score {} ({}) is \"{}\", not a whole number from 1 to 5: {}", k + 1,
                             score_dimension_title(k), part, how));
      return std::nullopt;
    }
    scores[k] = part[0] - '0';
  }
  return scores;
}

}  // namespace aftersales
