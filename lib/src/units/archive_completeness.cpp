// Completeness of the factory archive (表1 A: 详细配置及服务条款, 出厂日期, 编号, 主要配置,
// 客户单位, 名称, 联系人, 电话; DOMAIN.md "An archive is complete when ...") and its filing
// date (R21).
#include "aftersales/units/archive_completeness.h"

#include <algorithm>

namespace aftersales {

std::vector<std::string> missing_archive_fields(const Unit& unit, const Customer& customer) {
  std::vector<std::string> missing;
  if (unit.vin.empty()) missing.push_back("vin");
  if (unit.engine_no.empty()) missing.push_back("engine");
  if (unit.configuration.empty()) missing.push_back("config");
  if (unit.terms.empty()) missing.push_back("terms");
  if (unit.contact.empty() && customer.contact.empty()) missing.push_back("contact");
  if (unit.phone.empty() && customer.phone.empty()) missing.push_back("phone");
  return missing;
}

std::optional<Timestamp> completed_after_change(bool complete_before,
                                                const std::optional<Timestamp>& completed_before,
                                                bool complete_after, Timestamp now) {
  if (!complete_after) return std::nullopt;
  if (complete_before) return completed_before;
  return now;
}

int archive_days_late(Date shipped_on, Date completed_on, int within_days) {
  return std::max(0, completed_on.days - shipped_on.days - within_days);
}

}  // namespace aftersales
