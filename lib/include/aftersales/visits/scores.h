// The five satisfaction scores of the follow-up visit (表2, JL-7.2-04), which the annual survey
// (表9, JL-8.1-01) asks again: 结构性能, 外观质量, 交货日期, 产品价格, 售后服务, each 1-5.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "aftersales/core/validation.h"

namespace aftersales {

inline constexpr int kScoreDimensions = 5;
using Scores = std::array<int, kScoreDimensions>;  // in the forms' order

// `structure`, `appearance`, `delivery`, `price`, `service` (column and JSON names).
const char* score_dimension_name(int dimension);
// `结构性能`, `外观质量`, `交货日期`, `产品价格`, `售后服务`.
const char* score_dimension_title(int dimension);

// Reads "S1,S2,S3,S4,S5": five whole numbers 1-5 separated by commas (，and spaces accepted).
// Adds a problem to `reader` under `field` and returns nullopt otherwise. Pure.
std::optional<Scores> read_scores(FieldReader& reader, const std::string& field,
                                  const std::string& text);

}  // namespace aftersales
