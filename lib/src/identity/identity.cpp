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
  const bool demo = ctx.rules.users.empty();
  for (const std::string& role : roles) {
    if (ctx.rules.has_role(ctx.actor.user, role) || (demo && role == "clerk")) return;
  }
  std::vector<std::string> held =
      demo ? std::vector<std::string>{"clerk"} : ctx.rules.roles_of(ctx.actor.user);
  if (ctx.rules.has_role(ctx.actor.user, "admin") &&
      std::find(held.begin(), held.end(), "admin") == held.end()) {
    held.push_back("admin");
  }
  throw Error(ErrorCode::kRuleViolation,
              fmt::format("refused: {} needs the role {}; {} has {}", action,
                          fmt::join(roles, " or "), ctx.actor.user,
                          held.empty() ? std::string("no role (not in [users])")
                                       : fmt::format("{}", fmt::join(held, ", "))),
              "ask someone with that role; an admin gives roles in [users] of the ledger's "
              "rulebook (`aftersales config apply`)");
}

}  // namespace aftersales
