// The acting user and role checks (CLI.md "--as", "[identity]", "[users]").
#include "aftersales/identity/identity.h"

#include <pwd.h>
#include <unistd.h>

#include <fmt/format.h>
#include <algorithm>
#include <cstdlib>

#include "aftersales/core/error.h"

namespace aftersales {

std::string os_login() {
  passwd entry{};
  passwd* found = nullptr;
  char buffer[4096];
  if (::getpwuid_r(::geteuid(), &entry, buffer, sizeof buffer, &found) == 0 && found != nullptr &&
      found->pw_name != nullptr && *found->pw_name != '\0') {
    return found->pw_name;
  }
  for (const char* variable : {"LOGNAME", "USER"}) {
    if (const char* value = std::getenv(variable); value != nullptr && *value != '\0') {
      return value;
    }
  }
  return fmt::format("uid-{}", ::geteuid());
}

Actor resolve_actor(const Rules& rules, const std::string& login,
                    const std::optional<std::string>& requested) {
  if (!requested || requested->empty() || *requested == login) return Actor{login, login};
  if (rules.identity.source != IdentitySource::kDeclared) {
    throw Error(
        ErrorCode::kRuleViolation,
        fmt::format("refused: you are logged in as {} and may not act as {}", login, *requested),
        "drop --as / AFTERSALES_USER, or set [identity] source = \"declared\" in the "
        "config for a single-seat or test set-up");
  }
  return Actor{*requested, login};
}

void require_role(const Context& ctx, const std::vector<std::string>& roles,
                  const std::string& action) {
  // No [users] table at all: a fresh demo where everyone is a clerk (CLI.md).
  const std::vector<std::string> demo_roles = {"clerk"};
  const std::vector<std::string>& held =
      ctx.rules.users.empty() ? demo_roles : ctx.rules.roles_of(ctx.actor.user);
  for (const std::string& role : held) {
    if (std::find(roles.begin(), roles.end(), role) != roles.end()) return;
  }
  throw Error(ErrorCode::kRuleViolation,
              fmt::format("refused: {} needs the role {}; {} has {}", action,
                          fmt::join(roles, " or "), ctx.actor.user,
                          held.empty() ? std::string("no role (not in [users])")
                                       : fmt::format("{}", fmt::join(held, ", "))),
              "ask someone with that role, or add the role to the user in [users] of the config");
}

}  // namespace aftersales
