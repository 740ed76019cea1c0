// Values and keys written as TOML writes them, for `config show` and for messages (no toml++
// here: it is a heavy include). Private to lib/src/rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace aftersales::rules_file {

// A TOML basic string: quotes, backslashes and control characters escaped, UTF-8 kept.
std::string toml_string(std::string_view text);

// One part of a dotted key as TOML writes it: bare when it can be, quoted otherwise.
std::string key_part(std::string_view part);

// `path` and one more part: "sla.response_hours" + "urgent"; just the part when `path` is empty.
std::string join_key(const std::string& path, std::string_view part);

// The part after the last dot: "approvals.budget" -> "budget".
std::string last_part(const std::string& key);

// A list of texts: ["a", "b"].
std::string render_list(const std::vector<std::string>& items);

// A percentage as TOML would write it: whole numbers without a fraction (98), others shortest.
std::string render_percent(double value);

}  // namespace aftersales::rules_file
