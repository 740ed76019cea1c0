// Completeness of the factory archive (表1 A: 详细配置及服务条款, 出厂日期, 编号, 主要配置,
// 客户单位, 名称, 联系人, 电话; DOMAIN.md "An archive is complete when ...").
#include "aftersales/units/archive_completeness.h"

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

}  // namespace aftersales
