// Who is acting (CLI.md "--as", "[identity]", "[users]").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/rules/rules.h"

namespace aftersales {

// The login name of the user running this process: the password entry of the effective uid,
// else $LOGNAME or $USER, else "uid-N".
std::string os_login();

// Decides the acting user from the login and a requested name (--as / AFTERSALES_USER).
// Under [identity] source = "login" the requested name may only be the login itself; under
// "declared" it is trusted. Throws Error(kRuleViolation) naming the rule otherwise.
Actor resolve_actor(const Rules& rules, const std::string& login,
                    const std::optional<std::string>& requested);

// Checks that the acting user may make a change that needs one of `roles`. With no [users]
// table at all (a fresh demo) everyone is a clerk. Throws Error(kRuleViolation) naming the
// action, the roles that may do it and the user's own roles.
void require_role(const Context& ctx, const std::vector<std::string>& roles,
                  const std::string& action);

}  // namespace aftersales
