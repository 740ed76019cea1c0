// Loading the rules from TOML and explaining them: `config show [--origin]`, `config check`.
#pragma once

#include <string>
#include <vector>

#include "aftersales/rules/rules.h"

namespace aftersales {

// One problem found in a rules file.
struct RulesProblem {
  std::string file;
  int line = 0;         // 1-based; 0 when the problem has no position (a missing key)
  int column = 0;       // 1-based
  std::string key;      // dotted key path, e.g. "approvals.budget_threshold"
  std::string message;  // what is wrong and how to fix it

  // `FILE:LINE:COL: KEY: MESSAGE`
  std::string to_string() const;
};

// One effective setting: its dotted key, its value as TOML would write it, where it came from
// ("default" or "FILE:LINE:COL"), and the same value as JSON text, typed as the setting is:
// whole numbers and percentages as numbers, true/false as booleans, texts, choices, offsets
// and times of day as strings, lists as arrays, an empty [users] as {}; money as its plain
// amount in a string ("1000.00"), as the JSON output gives every amount.
struct RulesSetting {
  std::string key;
  std::string value;
  std::string origin;
  std::string json;
};

// The result of reading a rules file.
struct LoadedRules {
  Rules rules;
  std::vector<RulesSetting> settings;  // every effective value, in a stable order
};

// Checks a rules file. A TOML syntax error stops at the first (one problem); otherwise every
// semantic problem is listed: unknown keys, wrong types, values out of range, unknown roles in
// chains, money that does not parse. An empty result means the file is good. Problems are in
// file order (line, then column). Throws Error(kUsage) when the file cannot be read (missing,
// a directory, no permission).
std::vector<RulesProblem> check_rules_file(const std::string& path);

// Loads a rules file over the seed's defaults. A key the file leaves out keeps its default;
// the dynamic tables [users] and [sla.response_hours] replace their defaults as a whole. Throws
// Error(kUsage) listing every problem (one per line) when the file does not pass
// check_rules_file, and when the file cannot be read.
LoadedRules load_rules_file(const std::string& path);

// The same for rules given as TOML text (the rulebook kept in the ledger); `source` names it in
// problems and origins.
std::vector<RulesProblem> check_rules_text(const std::string& text, const std::string& source);
LoadedRules load_rules_text(const std::string& text, const std::string& source);

// The text of a rules file. Throws Error(kUsage) when it cannot be read (missing, a directory,
// no permission), with a hint.
std::string read_rules_file_text(const std::string& path);

// The built-in defaults, with every setting's origin "default".
LoadedRules default_rules();

}  // namespace aftersales
