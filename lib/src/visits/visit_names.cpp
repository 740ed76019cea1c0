// The names of visit reasons and of 表2's five dimensions.
#include <array>

#include "aftersales/visits/visit.h"

namespace aftersales {
namespace {

constexpr std::array<const char*, 5> kReasonNames = {"shipment", "repair", "key-customer",
                                                     "maintenance", "other"};
constexpr std::array<const char*, kVisitDimensions> kDimensionNames = {
    "structure", "appearance", "delivery", "price", "service"};
// 表2 (JL-7.2-04) in its order.
constexpr std::array<const char*, kVisitDimensions> kDimensionTitles = {
    "结构性能", "外观质量", "交货日期", "产品价格", "售后服务"};

}  // namespace

const char* visit_reason_name(VisitReason reason) {
  return kReasonNames[static_cast<std::size_t>(reason)];
}

std::optional<VisitReason> parse_visit_reason(const std::string& name) {
  for (std::size_t i = 0; i < kReasonNames.size(); ++i) {
    if (name == kReasonNames[i]) return static_cast<VisitReason>(i);
  }
  return std::nullopt;
}

const char* visit_dimension_name(int dimension) {
  return kDimensionNames[static_cast<std::size_t>(dimension)];
}

const char* visit_dimension_title(int dimension) {
  return kDimensionTitles[static_cast<std::size_t>(dimension)];
}

}  // namespace aftersales
