// The effective settings as `config show [--origin]` lists them, from the setting table.
// Private to lib/src/rules.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "aftersales/rules/rules_file.h"
#include "rules/rules_settings.h"

namespace aftersales::rules_file {

// Every setting of `rules` in table order, its value as TOML would write it ([users] and
// [sla.response_hours] one line per entry), and its origin: "FILE:LINE:COL" for a key in
// `origins`, "default" otherwise.
std::vector<RulesSetting> describe_settings(const Rules& rules,
                                            const std::map<std::string, Position>& origins,
                                            const std::string& file);

}  // namespace aftersales::rules_file
