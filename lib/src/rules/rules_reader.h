// Reading a parsed rules file over the defaults, collecting every problem. Includes toml++, a
// heavy header: only the reader's own files include this one. Private to lib/src/rules.
#pragma once

// The Debian package ships toml++ as a compiled library (libtomlplusplus.so); use its
// definitions instead of compiling the header-only ones here, whatever flags the build passes.
#ifndef TOML_HEADER_ONLY
#define TOML_HEADER_ONLY 0
#endif

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "aftersales/rules/rules_file.h"
#include "rules/rules_settings.h"

namespace aftersales::rules_file {

inline Position position_of(const toml::source_region& region) {
  return Position{static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

// A node as messages name it: "the text \"abc\"", "the whole number 3", "a table"...
std::string describe(const toml::node& node);

// Reads a parsed rules file over the defaults, collecting every problem.
class RulesReader {
 public:
  explicit RulesReader(std::string file) : file_(std::move(file)) {}

  // Reads `root` over the defaults: unknown keys, every setting the file sets, then the checks
  // across settings. What cannot be read keeps its default and is a problem.
  void read(const toml::table& root);
  // The file did not parse: its one problem.
  void syntax_error(const toml::parse_error& error);

  const Rules& rules() const { return rules_; }
  const std::map<std::string, Position>& origins() const { return origins_; }
  // The problems found, in file order; those without a position last.
  std::vector<RulesProblem> take_problems();

 private:
  void problem(Position at, std::string key, std::string message);
  void problem(const toml::node& at, std::string key, std::string message) {
    problem(position_of(at.source()), std::move(key), std::move(message));
  }

  void find_unknown(const toml::table& table, const std::string& path);
  void report_unknown(const toml::key& key, const toml::node& node, const std::string& path);
  void read_setting(const Setting& setting, const toml::node& node);

  // One value of each kind (rules_values.cpp): the value, or nullopt after recording why not.
  std::optional<int> read_int(const toml::node& node, const std::string& key, Range range);
  std::optional<double> read_percent(const toml::node& node, const std::string& key);
  std::optional<Money> read_money(const toml::node& node, const std::string& key);
  std::optional<std::string> read_string(const toml::node& node, const std::string& key,
                                         bool may_be_empty = false);
  std::optional<std::vector<std::string>> read_string_list(const toml::node& node,
                                                           const std::string& key);
  // Kind::kRoleList, kRoleChain and the entries of [users].
  std::optional<std::vector<std::string>> read_roles(const toml::node& node, const std::string& key,
                                                     Kind kind);
  std::optional<UserRoles> read_users(const toml::node& node, const std::string& key);
  std::optional<PriorityHours> read_hours(const toml::node& node, const std::string& key,
                                          Range range);

  void note_origin(const std::string& key, const toml::node& node) {
    origins_[key] = position_of(node.source());
  }

  std::string file_;
  Rules rules_;
  std::map<std::string, Position> origins_;  // rendered key -> where the file set it
  std::vector<RulesProblem> problems_;
};

}  // namespace aftersales::rules_file
