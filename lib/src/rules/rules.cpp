// The typed rules' own queries: roles and users. Loading them from TOML is in rules_toml.cpp.
#include "aftersales/rules/rules.h"

#include <algorithm>

namespace aftersales {

const std::vector<std::string>& known_roles() {
  // Immutable: the roles of DOMAIN.md "Who uses it", built once.
  static const std::vector<std::string> kRoles = {
      "clerk",     "technician", "sales_manager", "service_manager", "tech_dept", "qc",
      "warehouse", "finance",    "purchasing",    "deputy_gm",       "gm",        "admin"};
  return kRoles;
}

const std::vector<std::string>& Rules::roles_of(const std::string& user) const {
  // Immutable: the answer for a login that is not in [users].
  static const std::vector<std::string> kNoRoles;
  const auto found = users.find(user);
  return found == users.end() ? kNoRoles : found->second;
}

bool Rules::has_role(const std::string& user, const std::string& role) const {
  if (role == "admin" && std::find(admins.begin(), admins.end(), user) != admins.end()) {
    return true;
  }
  const std::vector<std::string>& roles = roles_of(user);
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

}  // namespace aftersales
