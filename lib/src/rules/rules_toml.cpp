// Reading and checking a rules file (CLI.md "The config file") into Rules: the file's text, its
// TOML syntax, unknown keys with "did you mean", each setting of setting_table() by its kind, and
// the checks across settings. The values of each kind are read in rules_values.cpp.
#include "aftersales/rules/rules_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>

#include <fmt/format.h>

#include "aftersales/core/closest_match.h"
#include "aftersales/core/error.h"
#include "rules/rules_reader.h"
#include "rules/rules_render.h"
#include "rules/toml_text.h"

namespace aftersales {
namespace rules_file {
namespace {

// A node of the parsed file at a dotted setting key (all parts bare), or nullptr.
const toml::node* find_node(const toml::table& root, std::string_view key) {
  const toml::table* table = &root;
  while (true) {
    const std::size_t dot = key.find('.');
    const toml::node* node = table->get(key.substr(0, dot));
    if (node == nullptr || dot == std::string_view::npos) return node;
    table = node->as_table();
    if (table == nullptr) return nullptr;  // reported by find_unknown
    key.remove_prefix(dot + 1);
  }
}

std::string read_file_text(const std::string& path) {
  namespace fs = std::filesystem;
  const std::string how =
      "give an existing file with --config or AFTERSALES_CONFIG, or copy "
      "examples/aftersales.toml and edit it";
  std::error_code error;
  if (!fs::exists(path, error)) {
    throw Error(ErrorCode::kUsage, fmt::format("config file {} not found", path), how);
  }
  if (fs::is_directory(path, error)) {
    throw Error(ErrorCode::kUsage, fmt::format("config file {} is a directory", path), how);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    throw Error(ErrorCode::kUsage, fmt::format("cannot read config file {}", path),
                "check the file's permissions");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Reads `text` (named `source` in problems) into `reader`: one problem for a syntax error,
// else every semantic problem.
void read_rules_text(const std::string& text, const std::string& source, RulesReader& reader) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& error) {
    reader.syntax_error(error);
    return;
  }
  reader.read(root);
}

}  // namespace

std::string describe(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "the text " + toml_string(node.as_string()->get());
    case toml::node_type::integer:
      return fmt::format("the whole number {}", node.as_integer()->get());
    case toml::node_type::floating_point:
      return fmt::format("the decimal number {}", node.as_floating_point()->get());
    case toml::node_type::boolean:
      return node.as_boolean()->get() ? "true" : "false";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::array:
      return "a list";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

void RulesReader::problem(Position at, std::string key, std::string message) {
  RulesProblem found;
  found.file = file_;
  found.line = at.line;
  found.column = at.column;
  found.key = std::move(key);
  found.message = std::move(message);
  problems_.push_back(std::move(found));
}

void RulesReader::syntax_error(const toml::parse_error& error) {
  std::string message(error.description());
  if (message.find("utf-8") != std::string::npos) {
    message += ": save the file as UTF-8 (Notepad on Chinese Windows may save it as GBK)";
  }
  problem(position_of(error.source()), {}, std::move(message));
}

std::vector<RulesProblem> RulesReader::take_problems() {
  // File order; problems without a position last.
  std::stable_sort(problems_.begin(), problems_.end(),
                   [](const RulesProblem& a, const RulesProblem& b) {
                     return std::make_tuple(a.line == 0, a.line, a.column) <
                            std::make_tuple(b.line == 0, b.line, b.column);
                   });
  return std::move(problems_);
}

void RulesReader::read(const toml::table& root) {
  find_unknown(root, {});
  for (const Setting& setting : setting_table()) {
    if (const toml::node* node = find_node(root, setting.key)) read_setting(setting, *node);
  }

  GivenKeys given;
  for (const auto& entry : origins_) given.insert(entry.first);
  for (const Setting& setting : setting_table()) {
    if (setting.validate == nullptr) continue;
    std::string message = setting.validate(rules_, given);
    if (message.empty()) continue;
    // Blame the setting where the file set it; else the first key of its table the file set
    // (a default_priority left out, a [sla.response_hours] without it).
    const std::string key = setting.key;
    const std::string section = key.substr(0, key.find('.') + 1);
    Position at;
    for (const auto& entry : origins_) {
      if (entry.first == key) {
        at = entry.second;
        break;
      }
      if (at.line == 0 && entry.first.compare(0, section.size(), section) == 0) at = entry.second;
    }
    problem(at, key, std::move(message));
  }

  // A known zone without an explicit offset brings its own (Asia/Tokyo: +09:00).
  if (given.count("general.time_zone") != 0 && given.count("general.utc_offset") == 0) {
    if (const std::optional<UtcOffset> zone = fixed_offset_of(rules_.general.time_zone)) {
      rules_.general.utc_offset = *zone;
      origins_["general.utc_offset"] = origins_["general.time_zone"];
    }
  }
}

void RulesReader::find_unknown(const toml::table& table, const std::string& path) {
  for (auto&& [key, node] : table) {
    const std::string full = join_key(path, key.str());
    if (is_setting(full)) continue;  // its kind checks the value, dynamic keys included
    if (is_section(full)) {
      if (const toml::table* inner = node.as_table()) {
        find_unknown(*inner, full);
      } else {
        problem(node, full,
                fmt::format("expected a table, got {}: write [{}] and its keys below it",
                            describe(node), full));
      }
      continue;
    }
    report_unknown(key, node, full);
  }
}

void RulesReader::report_unknown(const toml::key& key, const toml::node& node,
                                 const std::string& path) {
  const bool is_table = node.is_table();
  const std::vector<std::string> candidates = is_table ? all_section_keys() : all_setting_keys();
  // A typo of the whole path, else the right key in the wrong table.
  std::string suggestion = closest_match(path, candidates);
  if (suggestion.empty()) {
    std::vector<std::string> last_parts;
    for (const std::string& candidate : candidates) last_parts.push_back(last_part(candidate));
    const std::string part = closest_match(last_part(path), last_parts);
    for (const std::string& candidate : candidates) {
      if (!part.empty() && last_part(candidate) == part) {
        suggestion = candidate;
        break;
      }
    }
  }
  std::string message = is_table ? fmt::format("unknown table [{}]", path)
                                 : fmt::format("unknown key {}", toml_string(path));
  if (!suggestion.empty()) {
    message += is_table ? fmt::format("; did you mean [{}]?", suggestion)
                        : fmt::format("; did you mean {}?", toml_string(suggestion));
  } else {
    message += "; `aftersales config show` lists every key";
  }
  // A table at its [header]; a key, or a table only implied by a longer name, at its name.
  const bool has_header = is_table && node.source().begin.line != 0;
  const Position at = has_header || key.source().begin.line == 0 ? position_of(node.source())
                                                                 : position_of(key.source());
  problem(at, path, std::move(message));
}

void RulesReader::read_setting(const Setting& setting, const toml::node& node) {
  const std::string key = setting.key;
  note_origin(key, node);
  switch (setting.kind) {
    case Kind::kInt:
      if (auto value = read_int(node, key, setting.range)) {
        std::get<Member<int>>(setting.target).get(rules_) = *value;
      }
      return;
    case Kind::kBool:
      if (const toml::value<bool>* flag = node.as_boolean()) {
        std::get<Member<bool>>(setting.target).get(rules_) = flag->get();
      } else {
        problem(node, key, fmt::format("expected true or false, got {}", describe(node)));
      }
      return;
    case Kind::kPercent:
      if (auto value = read_percent(node, key)) {
        std::get<Member<double>>(setting.target).get(rules_) = *value;
      }
      return;
    case Kind::kMoney:
      if (auto value = read_money(node, key)) {
        std::get<Member<Money>>(setting.target).get(rules_) = *value;
      }
      return;
    case Kind::kString:
    case Kind::kText:
      if (auto value = read_string(node, key, setting.kind == Kind::kText)) {
        std::get<Member<std::string>>(setting.target).get(rules_) = *value;
      }
      return;
    case Kind::kEnum: {
      std::vector<std::string> names;
      for (const EnumChoice& choice : setting.choices) names.push_back(toml_string(choice.name));
      const std::string expected = fmt::format("expected {}", fmt::join(names, " or "));
      const toml::value<std::string>* text = node.as_string();
      if (text == nullptr) {
        problem(node, key, fmt::format("{}, got {}", expected, describe(node)));
        return;
      }
      for (const EnumChoice& choice : setting.choices) {
        if (text->get() == choice.name) {
          set_enum_value(setting, rules_, choice.value);
          return;
        }
      }
      problem(node, key, fmt::format("unknown value {}: {}", toml_string(text->get()), expected));
      return;
    }
    case Kind::kUtcOffset: {
      const toml::value<std::string>* text = node.as_string();
      std::optional<UtcOffset> offset;
      if (text != nullptr) offset = parse_utc_offset(text->get());
      if (offset) {
        std::get<Member<UtcOffset>>(setting.target).get(rules_) = *offset;
      } else {
        problem(
            node, key,
            fmt::format("cannot read {} as a UTC offset: write it as \"+08:00\"", describe(node)));
      }
      return;
    }
    case Kind::kTimeOfDay: {
      const toml::value<std::string>* text = node.as_string();
      std::optional<TimeOfDay> time;
      if (text != nullptr) time = parse_time_of_day(text->get());
      if (time) {
        std::get<Member<TimeOfDay>>(setting.target).get(rules_) = *time;
      } else {
        problem(node, key,
                fmt::format("cannot read {} as a time of day: write it as \"09:00\" (24-hour "
                            "clock, local time)",
                            describe(node)));
      }
      return;
    }
    case Kind::kStringList:
      if (auto value = read_string_list(node, key)) {
        std::get<Member<std::vector<std::string>>>(setting.target).get(rules_) = *value;
      }
      return;
    case Kind::kRoleList:
    case Kind::kRoleChain:
      if (auto value = read_roles(node, key, setting.kind)) {
        std::get<Member<std::vector<std::string>>>(setting.target).get(rules_) = *value;
      }
      return;
    case Kind::kUserRoles:
      if (auto value = read_users(node, key)) {
        std::get<Member<UserRoles>>(setting.target).get(rules_) = *value;
      }
      return;
    case Kind::kPriorityHours:
      if (auto value = read_hours(node, key, setting.range)) {
        std::get<Member<PriorityHours>>(setting.target).get(rules_) = *value;
      }
      return;
  }
}

}  // namespace rules_file

std::string RulesProblem::to_string() const {
  std::string out = file;
  if (line > 0) out += fmt::format(":{}:{}", line, column);
  out += ": ";
  if (!key.empty()) out += key + ": ";
  return out + message;
}

std::string read_rules_file_text(const std::string& path) {
  return rules_file::read_file_text(path);
}

std::vector<RulesProblem> check_rules_file(const std::string& path) {
  return check_rules_text(read_rules_file_text(path), path);
}

std::vector<RulesProblem> check_rules_text(const std::string& text, const std::string& source) {
  rules_file::RulesReader reader(source);
  rules_file::read_rules_text(text, source, reader);
  return reader.take_problems();
}

LoadedRules load_rules_file(const std::string& path) {
  return load_rules_text(read_rules_file_text(path), path);
}

LoadedRules load_rules_text(const std::string& text, const std::string& source) {
  const std::string& path = source;
  rules_file::RulesReader reader(source);
  rules_file::read_rules_text(text, source, reader);
  const std::vector<RulesProblem> problems = reader.take_problems();
  if (!problems.empty()) {
    std::string message;
    for (const RulesProblem& found : problems) {
      if (!message.empty()) message += '\n';
      message += found.to_string();
    }
    throw Error(ErrorCode::kUsage, message,
                "fix the config file; `aftersales config check` lists its problems and "
                "examples/aftersales.toml shows every key with its default");
  }
  LoadedRules loaded;
  loaded.rules = reader.rules();
  loaded.settings = rules_file::describe_settings(loaded.rules, reader.origins(), path);
  return loaded;
}

}  // namespace aftersales
