// The product model record (车型/产品型号): its warranty terms and maintenance interval.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace aftersales {

struct Model {
  std::int64_t id = 0;
  std::string code;  // natural key
  std::string name;
  std::string category;  // one of rules.lists.model_categories
  int warranty_months = 12;
  std::optional<std::int64_t> warranty_km;  // a unit over it is out of warranty
  std::optional<int> maintenance_days;
  std::optional<std::int64_t> maintenance_km;
};

}  // namespace aftersales
