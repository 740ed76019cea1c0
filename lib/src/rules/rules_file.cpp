// The rules file (CLI.md "The config file"). One table of settings, setting_table(), names every
// key, its kind, the Rules member it fills and its checks; loading, `config check` and
// `config show --origin` all walk that one table, so a key cannot be loadable yet unlisted.
#include "aftersales/rules/rules_file.h"

// The Debian package ships toml++ as a compiled library (libtomlplusplus.so); use its
// definitions instead of compiling the header-only ones here, whatever flags the build passes.
#ifndef TOML_HEADER_ONLY
#define TOML_HEADER_ONLY 0
#endif

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"

namespace aftersales {
namespace {

// ---------------------------------------------------------------------------------------------
// The setting table.

// How a setting's TOML value is read and checked.
enum class Kind {
  kInt,            // a whole number within the setting's range
  kPercent,        // a KPI target: 0 to 100, whole or decimal
  kMoney,          // a quoted amount ("1,000.00", "1000") or whole yuan (1000); never a float
  kString,         // non-empty text
  kEnum,           // one of the setting's choices
  kUtcOffset,      // a fixed offset such as "+08:00"
  kStringList,     // at least one item, none empty, none twice
  kRoleList,       // the roles that may make a change: known roles, at least one, none twice
  kRoleChain,      // the roles that sign, in order: known roles, at least one, none twice
  kUserRoles,      // [users]: login = [roles]; the table replaces the default as a whole
  kPriorityHours,  // [sla.response_hours]: priority = hours; replaces the default as a whole
};

// Where a setting lives in Rules: a reference for loading, a const one for showing.
template <typename T>
struct Member {
  T& (*get)(Rules&);
  const T& (*read)(const Rules&);
};

template <auto kSection, auto kField>
auto make_member() {
  using T = std::remove_reference_t<decltype((std::declval<Rules&>().*kSection).*kField)>;
  return Member<T>{[](Rules& rules) -> T& { return (rules.*kSection).*kField; },
                   [](const Rules& rules) -> const T& { return (rules.*kSection).*kField; }};
}

template <auto kField>
auto make_top_member() {
  using T = std::remove_reference_t<decltype(std::declval<Rules&>().*kField)>;
  return Member<T>{[](Rules& rules) -> T& { return rules.*kField; },
                   [](const Rules& rules) -> const T& { return rules.*kField; }};
}

using UserRoles = std::map<std::string, std::vector<std::string>>;
using PriorityHours = std::map<std::string, int>;

using Target =
    std::variant<Member<int>, Member<double>, Member<Money>, Member<std::string>,
                 Member<IdentitySource>, Member<UtcOffset>, Member<std::vector<std::string>>,
                 Member<UserRoles>, Member<PriorityHours>>;

// Whole numbers allowed for a kInt setting or a kPriorityHours entry.
struct Range {
  std::int64_t min = 0;
  std::int64_t max = 0;
};

constexpr std::int64_t kNoMax = 1'000'000'000;  // fits an int; "no upper bound" in messages
constexpr Range kPositive{1, kNoMax};
constexpr Range kNonNegative{0, kNoMax};

// One value of a kEnum setting: its TOML spelling and the enumerator's value.
struct EnumChoice {
  const char* name;
  int value;
};

// The keys the file set (dotted, as rendered), for checks that depend on what was left out.
using GivenKeys = std::set<std::string>;

// A check across settings, run after every value is read. Returns what is wrong, or "".
using Validator = std::string (*)(const Rules& rules, const GivenKeys& given);

struct Setting {
  Setting(Kind kind_in, const char* key_in, Target target_in, Range range_in = {},
          std::vector<EnumChoice> choices_in = {}, Validator validate_in = nullptr)
      : kind(kind_in),
        key(key_in),
        target(target_in),
        range(range_in),
        choices(std::move(choices_in)),
        validate(validate_in) {}

  Kind kind;
  const char* key;  // dotted: "[section] member" of Rules; key names = member names
  Target target;
  Range range;                      // kInt, kPriorityHours
  std::vector<EnumChoice> choices;  // kEnum
  Validator validate;               // checks across settings, after every value is read
};

// "section.field" and the member Rules::section.field, so that key and member name cannot drift.
#define AFTERSALES_RULES_SETTING(section, field) \
#section "." #field, make_member < &Rules::section, &decltype(Rules::section)::field>()

// Fixed offsets of zones that keep no daylight saving (GCC 12 has no time zone database).
struct FixedZone {
  std::string_view name;
  int minutes;
};
constexpr FixedZone kFixedZones[] = {
    {"Asia/Shanghai", 480},
    {"Asia/Chongqing", 480},
    {"Asia/Harbin", 480},
    {"PRC", 480},
    {"Asia/Urumqi", 360},
    {"Asia/Hong_Kong", 480},
    {"Asia/Macau", 480},
    {"Asia/Taipei", 480},
    {"Asia/Singapore", 480},
    {"Asia/Kuala_Lumpur", 480},
    {"Asia/Manila", 480},
    {"Asia/Tokyo", 540},
    {"Asia/Seoul", 540},
    {"Asia/Bangkok", 420},
    {"Asia/Ho_Chi_Minh", 420},
    {"Asia/Jakarta", 420},
    {"Asia/Kolkata", 330},
    {"Asia/Karachi", 300},
    {"Asia/Dubai", 240},
    {"Europe/Moscow", 180},
    {"UTC", 0},
    {"Etc/UTC", 0},
};

std::optional<UtcOffset> fixed_offset_of(std::string_view zone) {
  for (const FixedZone& fixed : kFixedZones) {
    if (fixed.name == zone) return UtcOffset{fixed.minutes};
  }
  return std::nullopt;
}

std::string toml_string(std::string_view text);

std::string check_time_zone(const Rules& rules, const GivenKeys& given) {
  if (fixed_offset_of(rules.general.time_zone) || given.count("general.utc_offset") != 0) {
    return {};
  }
  return fmt::format(
      "unknown time zone {}: dates use a fixed offset, so give the zone's offset as "
      "general.utc_offset = \"+HH:MM\" (the name is then only shown in reports)",
      toml_string(rules.general.time_zone));
}

std::string check_utc_offset(const Rules& rules, const GivenKeys& given) {
  const std::optional<UtcOffset> zone = fixed_offset_of(rules.general.time_zone);
  if (!zone || given.count("general.utc_offset") == 0 ||
      zone->minutes == rules.general.utc_offset.minutes) {
    return {};
  }
  return fmt::format(
      "{} does not match general.time_zone {}, which is {} all year: set time_zone to the "
      "zone you mean, or leave utc_offset out",
      toml_string(format_utc_offset(rules.general.utc_offset)),
      toml_string(rules.general.time_zone), format_utc_offset(*zone));
}

std::string check_default_priority(const Rules& rules, const GivenKeys& /*given*/) {
  const PriorityHours& hours = rules.sla.response_hours;
  if (hours.empty() || hours.count(rules.sla.default_priority) != 0) return {};
  std::vector<std::string> names;
  for (const auto& entry : hours) names.push_back(entry.first);
  return fmt::format(
      "{} is not a priority of [sla.response_hours] ({}): name one of them, or add it there",
      toml_string(rules.sla.default_priority), fmt::join(names, ", "));
}

// Every setting, in the order of the Rules struct; `config show` lists them in this order.
const std::vector<Setting>& setting_table() {
  // Immutable, built once.
  static const std::vector<Setting> kSettings = {
      {Kind::kString, AFTERSALES_RULES_SETTING(general, time_zone), {}, {}, check_time_zone},
      {Kind::kUtcOffset, AFTERSALES_RULES_SETTING(general, utc_offset), {}, {}, check_utc_offset},
      {Kind::kEnum,
       AFTERSALES_RULES_SETTING(identity, source),
       {},
       {{"login", static_cast<int>(IdentitySource::kLogin)},
        {"declared", static_cast<int>(IdentitySource::kDeclared)}}},
      {Kind::kInt, AFTERSALES_RULES_SETTING(storage, busy_timeout_ms), Range{0, 3'600'000}},
      {Kind::kUserRoles, "users", make_top_member<&Rules::users>()},
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, archive_write)},
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, unit_note)},
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, ticket_intake)},  // 表3
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, ticket_dispatch)},
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, ticket_analysis)},
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, ticket_costing)},  // 表5
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, ticket_service)},  // 表6
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, ticket_close)},
      {Kind::kStringList, AFTERSALES_RULES_SETTING(lists, fault_categories)},
      {Kind::kStringList, AFTERSALES_RULES_SETTING(lists, channels)},
      {Kind::kStringList, AFTERSALES_RULES_SETTING(lists, model_categories)},
      {Kind::kPriorityHours, AFTERSALES_RULES_SETTING(sla, response_hours), Range{1, 24 * 366}},
      {Kind::kString,
       AFTERSALES_RULES_SETTING(sla, default_priority),
       {},
       {},
       check_default_priority},
      {Kind::kInt, AFTERSALES_RULES_SETTING(archive, complete_within_days), kPositive},  // 表1
      {Kind::kInt, AFTERSALES_RULES_SETTING(warranty, default_months), Range{1, 1200}},
      {Kind::kMoney, AFTERSALES_RULES_SETTING(warranty, major_repair)},
      {Kind::kMoney, AFTERSALES_RULES_SETTING(costs, labour_rate)},
      {Kind::kMoney, AFTERSALES_RULES_SETTING(costs, large_paid_repair)},
      {Kind::kRoleChain, AFTERSALES_RULES_SETTING(approvals, repair_notice)},  // 表4
      {Kind::kMoney, AFTERSALES_RULES_SETTING(approvals, budget_threshold)},   // 表5: 1000元
      {Kind::kRoleChain, AFTERSALES_RULES_SETTING(approvals, budget)},         // 表5
      {Kind::kRoleChain, AFTERSALES_RULES_SETTING(approvals, paid_repair)},
      {Kind::kRoleChain, AFTERSALES_RULES_SETTING(approvals, free_repair)},
      {Kind::kRoleChain, AFTERSALES_RULES_SETTING(approvals, quality_confirm)},
      {Kind::kRoleChain, AFTERSALES_RULES_SETTING(approvals, part_issue)},   // 表11
      {Kind::kMoney, AFTERSALES_RULES_SETTING(approvals, gate_pass_limit)},  // 出门证 500元
      {Kind::kRoleChain, AFTERSALES_RULES_SETTING(approvals, gate_pass_small)},
      {Kind::kRoleChain, AFTERSALES_RULES_SETTING(approvals, gate_pass_large)},
      {Kind::kRoleChain, AFTERSALES_RULES_SETTING(approvals, urgent_part)},  // 表13
      {Kind::kRoleChain, AFTERSALES_RULES_SETTING(approvals, purchase_plan)},
      {Kind::kRoleChain, AFTERSALES_RULES_SETTING(approvals, credit)},  // 赊销
      {Kind::kMoney, AFTERSALES_RULES_SETTING(parts, return_over)},     // 表12: 50元
      {Kind::kInt, AFTERSALES_RULES_SETTING(parts, return_overdue_days), kPositive},
      {Kind::kInt, AFTERSALES_RULES_SETTING(parts, large_order_quantity), kPositive},
      {Kind::kMoney, AFTERSALES_RULES_SETTING(parts, large_order_value)},
      {Kind::kInt, AFTERSALES_RULES_SETTING(parts, deposit_percent), Range{0, 100}},
      // A day every month has, so the report is never due on a day that does not exist.
      {Kind::kInt, AFTERSALES_RULES_SETTING(parts, sales_report_due_day), Range{1, 28}},
      {Kind::kInt, AFTERSALES_RULES_SETTING(visits, new_unit_days), kPositive},  // 表2: 10日
      {Kind::kInt, AFTERSALES_RULES_SETTING(visits, key_customer_per_year), Range{1, 366}},
      {Kind::kInt, AFTERSALES_RULES_SETTING(visits, major_repair_days), kPositive},
      {Kind::kInt, AFTERSALES_RULES_SETTING(visits, maintenance_lead_days), kNonNegative},
      {Kind::kInt, AFTERSALES_RULES_SETTING(visits, satisfied_min_score), Range{1, 5}},
      {Kind::kInt, AFTERSALES_RULES_SETTING(complaints, deadline_days), kPositive},
      {Kind::kInt, AFTERSALES_RULES_SETTING(survey, quarter), Range{1, 4}},  // 表9
      {Kind::kPercent, AFTERSALES_RULES_SETTING(kpi, visit_rate)},
      {Kind::kPercent, AFTERSALES_RULES_SETTING(kpi, satisfaction_rate)},
      {Kind::kPercent, AFTERSALES_RULES_SETTING(kpi, on_time_rate)},
      {Kind::kPercent, AFTERSALES_RULES_SETTING(kpi, training_pass_rate)},
      {Kind::kPercent, AFTERSALES_RULES_SETTING(kpi, part_accuracy_rate)},
  };
  return kSettings;
}

#undef AFTERSALES_RULES_SETTING

// ---------------------------------------------------------------------------------------------
// Text helpers.

// A TOML basic string: quotes, backslashes and control characters escaped, UTF-8 kept.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

// One part of a dotted key as TOML writes it: bare when it can be, quoted otherwise.
std::string key_part(std::string_view part) {
  const bool bare = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
  return bare ? std::string(part) : toml_string(part);
}

std::string join_key(const std::string& path, std::string_view part) {
  return path.empty() ? key_part(part) : path + "." + key_part(part);
}

std::string last_part(const std::string& key) {
  const std::size_t dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

// Names and list items are compared as written (a clerk's typed value is trimmed first), so
// "  底盘" in the file would never match: spaces around a name are refused, not kept.
bool has_outer_space(std::string_view text) { return trim_view(text).size() != text.size(); }

std::string render_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k > 0) out += ", ";
    out += toml_string(items[k]);
  }
  return out + "]";
}

// A percentage as TOML would write it: whole numbers without a fraction (98), others shortest.
std::string render_percent(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<std::int64_t>(value));
  }
  return fmt::format("{}", value);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The candidate closest to `word` when it is close enough to be a typo, else "".
std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  const std::size_t allowed = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::string best;
  std::size_t best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

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

std::string range_text(Range range) {
  if (range.max >= kNoMax) return fmt::format("a whole number of at least {}", range.min);
  return fmt::format("a whole number from {} to {}", range.min, range.max);
}

// ---------------------------------------------------------------------------------------------
// Reading a parsed file.

struct Position {
  int line = 0;
  int column = 0;
};

Position position_of(const toml::source_region& region) {
  return Position{static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

// Reads a parsed rules file over the defaults, collecting every problem.
class RulesReader {
 public:
  explicit RulesReader(std::string file) : file_(std::move(file)) {}

  void read(const toml::table& root);
  void syntax_error(const toml::parse_error& error);

  const Rules& rules() const { return rules_; }
  const std::map<std::string, Position>& origins() const { return origins_; }
  std::vector<RulesProblem> take_problems();

 private:
  void problem(Position at, std::string key, std::string message);
  void problem(const toml::node& at, std::string key, std::string message) {
    problem(position_of(at.source()), std::move(key), std::move(message));
  }

  void find_unknown(const toml::table& table, const std::string& path);
  void report_unknown(const toml::key& key, const toml::node& node, const std::string& path);
  void read_setting(const Setting& setting, const toml::node& node);

  std::optional<int> read_int(const toml::node& node, const std::string& key, Range range);
  std::optional<double> read_percent(const toml::node& node, const std::string& key);
  std::optional<Money> read_money(const toml::node& node, const std::string& key);
  std::optional<std::string> read_string(const toml::node& node, const std::string& key);
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

std::vector<std::string> all_setting_keys() {
  std::vector<std::string> keys;
  for (const Setting& setting : setting_table()) keys.emplace_back(setting.key);
  return keys;
}

bool is_setting(const std::string& path) {
  const std::vector<Setting>& table = setting_table();
  return std::any_of(table.begin(), table.end(),
                     [&](const Setting& setting) { return path == setting.key; });
}

// A table that holds settings: "approvals", "sla".
bool is_section(const std::string& path) {
  const std::vector<Setting>& table = setting_table();
  return std::any_of(table.begin(), table.end(), [&](const Setting& setting) {
    const std::string_view key = setting.key;
    return key.size() > path.size() && key.compare(0, path.size(), path) == 0 &&
           key[path.size()] == '.';
  });
}

std::vector<std::string> all_section_keys() {
  std::set<std::string> sections;
  for (const Setting& setting : setting_table()) {
    const std::string key = setting.key;
    for (std::size_t dot = key.find('.'); dot != std::string::npos; dot = key.find('.', dot + 1)) {
      sections.insert(key.substr(0, dot));
    }
  }
  return {sections.begin(), sections.end()};
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
  std::string suggestion = closest(path, candidates);
  if (suggestion.empty()) {
    std::vector<std::string> last_parts;
    for (const std::string& candidate : candidates) last_parts.push_back(last_part(candidate));
    const std::string part = closest(last_part(path), last_parts);
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
      if (auto value = read_string(node, key)) {
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
          std::get<Member<IdentitySource>>(setting.target).get(rules_) =
              static_cast<IdentitySource>(choice.value);
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

std::optional<int> RulesReader::read_int(const toml::node& node, const std::string& key,
                                         Range range) {
  const toml::value<std::int64_t>* number = node.as_integer();
  if (number == nullptr) {
    problem(node, key, fmt::format("expected {}, got {}", range_text(range), describe(node)));
    return std::nullopt;
  }
  if (number->get() < range.min || number->get() > range.max) {
    problem(node, key,
            fmt::format("{} is out of range: expected {}", number->get(), range_text(range)));
    return std::nullopt;
  }
  return static_cast<int>(number->get());
}

std::optional<double> RulesReader::read_percent(const toml::node& node, const std::string& key) {
  std::optional<double> value;
  if (const toml::value<std::int64_t>* whole = node.as_integer()) {
    value = static_cast<double>(whole->get());
  } else if (const toml::value<double>* decimal = node.as_floating_point()) {
    value = decimal->get();
  }
  if (!value) {
    problem(
        node, key,
        fmt::format("expected a percentage from 0 to 100 (98 or 97.5), got {}", describe(node)));
    return std::nullopt;
  }
  if (!(*value >= 0 && *value <= 100)) {  // NaN fails too
    problem(
        node, key,
        fmt::format("{} is out of range: a percentage is from 0 to 100", render_percent(*value)));
    return std::nullopt;
  }
  return value;
}

std::optional<Money> RulesReader::read_money(const toml::node& node, const std::string& key) {
  constexpr std::int64_t kMaxYuan = 90'000'000'000'000;  // parse_money's bound
  std::optional<Money> amount;
  if (const toml::value<std::string>* text = node.as_string()) {
    std::string why;
    amount = parse_money(text->get(), &why);
    if (!amount) {
      problem(node, key, fmt::format("cannot read {} as money: {}", toml_string(text->get()), why));
      return std::nullopt;
    }
  } else if (const toml::value<std::int64_t>* yuan = node.as_integer()) {
    if (yuan->get() > kMaxYuan || yuan->get() < -kMaxYuan) {
      problem(node, key,
              fmt::format("{} yuan is beyond 90 trillion yuan; check the figure", yuan->get()));
      return std::nullopt;
    }
    amount = Money{yuan->get() * 100};
  } else if (const toml::value<double>* decimal = node.as_floating_point()) {
    // A float cannot hold most fen exactly (0.1 + 0.2): money is integer fen, never floating.
    const double value = decimal->get();
    const std::string example =
        std::isfinite(value) && std::fabs(value) < 1e15
            ? format_money(Money{static_cast<std::int64_t>(std::llround(value * 100))}, false)
            : std::string("1000.00");
    problem(node, key,
            fmt::format("money must not be a decimal number ({}): write it as a quoted amount, "
                        "{} = \"{}\", or as whole yuan without a decimal point",
                        value, last_part(key), example));
    return std::nullopt;
  } else {
    problem(node, key,
            fmt::format("expected money, a quoted amount such as \"1000.00\" or whole yuan such "
                        "as 1000, got {}",
                        describe(node)));
    return std::nullopt;
  }
  if (amount->fen < 0) {
    problem(
        node, key,
        fmt::format("{} is negative: write an amount of 0 or more", format_money(*amount, true)));
    return std::nullopt;
  }
  return amount;
}

std::optional<std::string> RulesReader::read_string(const toml::node& node,
                                                    const std::string& key) {
  const toml::value<std::string>* text = node.as_string();
  if (text == nullptr) {
    problem(node, key, fmt::format("expected a quoted text, got {}", describe(node)));
    return std::nullopt;
  }
  if (text->get().find_first_not_of(" \t") == std::string::npos) {
    problem(node, key, "must not be empty");
    return std::nullopt;
  }
  if (has_outer_space(text->get())) {
    problem(node, key,
            fmt::format("{} has spaces around it: remove them", toml_string(text->get())));
    return std::nullopt;
  }
  return text->get();
}

std::optional<std::vector<std::string>> RulesReader::read_string_list(const toml::node& node,
                                                                      const std::string& key) {
  const toml::array* array = node.as_array();
  if (array == nullptr) {
    problem(node, key,
            fmt::format("expected a list of quoted texts such as [\"a\", \"b\"], got {}",
                        describe(node)));
    return std::nullopt;
  }
  if (array->empty()) {
    problem(node, key, "the list is empty: give at least one item");
    return std::nullopt;
  }
  std::vector<std::string> items;
  bool good = true;
  for (const toml::node& element : *array) {
    const toml::value<std::string>* text = element.as_string();
    if (text == nullptr) {
      problem(element, key, fmt::format("expected a quoted text, got {}", describe(element)));
      good = false;
    } else if (text->get().find_first_not_of(" \t") == std::string::npos) {
      problem(element, key, "an item is empty: remove it or give its name");
      good = false;
    } else if (has_outer_space(text->get())) {
      problem(element, key,
              fmt::format("{} has spaces around it: remove them", toml_string(text->get())));
      good = false;
    } else if (std::find(items.begin(), items.end(), text->get()) != items.end()) {
      problem(element, key,
              fmt::format("{} is listed twice: remove one", toml_string(text->get())));
      good = false;
    } else {
      items.push_back(text->get());
    }
  }
  return good ? std::optional<std::vector<std::string>>(std::move(items)) : std::nullopt;
}

std::optional<std::vector<std::string>> RulesReader::read_roles(const toml::node& node,
                                                                const std::string& key, Kind kind) {
  const std::vector<std::string>& known = known_roles();
  const toml::array* array = node.as_array();
  if (array == nullptr) {
    problem(node, key,
            fmt::format("expected a list of roles such as [\"sales_manager\", \"gm\"], got {}",
                        describe(node)));
    return std::nullopt;
  }
  if (array->empty()) {
    problem(node, key,
            kind == Kind::kRoleChain
                ? "the approval chain is empty: name at least one role that signs"
                : "no role given: name at least one role");
    return std::nullopt;
  }
  std::vector<std::string> roles;
  bool good = true;
  for (const toml::node& element : *array) {
    const toml::value<std::string>* text = element.as_string();
    if (text == nullptr) {
      problem(element, key,
              fmt::format("expected a role name in quotes, got {}", describe(element)));
      good = false;
      continue;
    }
    const std::string& role = text->get();
    if (std::find(known.begin(), known.end(), role) == known.end()) {
      const std::string suggestion = closest(role, known);
      problem(
          element, key,
          fmt::format("unknown role {}{}; the roles are {}", toml_string(role),
                      suggestion.empty() ? "" : "; did you mean " + toml_string(suggestion) + "?",
                      fmt::join(known, ", ")));
      good = false;
    } else if (std::find(roles.begin(), roles.end(), role) != roles.end()) {
      // DOMAIN.md: nobody signs two steps of one chain.
      problem(element, key,
              kind == Kind::kRoleChain
                  ? fmt::format("{} appears twice: nobody signs two steps of one chain",
                                toml_string(role))
                  : fmt::format("{} is listed twice: remove one", toml_string(role)));
      good = false;
    } else {
      roles.push_back(role);
    }
  }
  return good ? std::optional<std::vector<std::string>>(std::move(roles)) : std::nullopt;
}

std::optional<UserRoles> RulesReader::read_users(const toml::node& node, const std::string& key) {
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    problem(node, key,
            fmt::format("expected a table of login names, [users] with lines such as "
                        "zhang = [\"clerk\"], got {}",
                        describe(node)));
    return std::nullopt;
  }
  UserRoles users;
  bool good = true;
  for (auto&& [login, roles] : *table) {
    const std::string entry_key = join_key(key, login.str());
    note_origin(entry_key, roles);
    if (login.str().find_first_not_of(" \t") == std::string::npos) {
      problem(roles, entry_key, "a user needs a login name");
      good = false;
      continue;
    }
    if (roles.is_array() && roles.as_array()->empty()) {
      problem(roles, entry_key,
              "no role given: name at least one role, or remove the user (a user not in "
              "[users] may read but not change anything)");
      good = false;
      continue;
    }
    if (auto held = read_roles(roles, entry_key, Kind::kRoleList)) {
      users.emplace(std::string(login.str()), std::move(*held));
    } else {
      good = false;
    }
  }
  return good ? std::optional<UserRoles>(std::move(users)) : std::nullopt;
}

std::optional<PriorityHours> RulesReader::read_hours(const toml::node& node, const std::string& key,
                                                     Range range) {
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    problem(node, key,
            fmt::format("expected a table of priorities, [sla.response_hours] with lines such "
                        "as urgent = 8, got {}",
                        describe(node)));
    return std::nullopt;
  }
  if (table->empty()) {
    problem(node, key, "no priority given: list at least one, such as normal = 24");
    return std::nullopt;
  }
  PriorityHours hours;
  bool good = true;
  for (auto&& [priority, limit] : *table) {
    const std::string entry_key = join_key(key, priority.str());
    note_origin(entry_key, limit);
    if (trim_view(priority.str()).empty() || has_outer_space(priority.str())) {
      problem(limit, entry_key, "a priority needs a name without spaces around it, like urgent");
      good = false;
      continue;
    }
    if (auto value = read_int(limit, entry_key, range)) {
      hours.emplace(std::string(priority.str()), *value);
    } else {
      good = false;
    }
  }
  return good ? std::optional<PriorityHours>(std::move(hours)) : std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Showing the effective settings.

std::string origin_text(const std::map<std::string, Position>& origins, const std::string& key,
                        const std::string& file) {
  const auto found = origins.find(key);
  if (found == origins.end()) return "default";
  return fmt::format("{}:{}:{}", file, found->second.line, found->second.column);
}

std::vector<RulesSetting> describe_settings(const Rules& rules,
                                            const std::map<std::string, Position>& origins,
                                            const std::string& file) {
  std::vector<RulesSetting> out;
  const auto add = [&](const std::string& key, std::string value) {
    out.push_back(RulesSetting{key, std::move(value), origin_text(origins, key, file)});
  };
  for (const Setting& setting : setting_table()) {
    const std::string key = setting.key;
    switch (setting.kind) {
      case Kind::kInt:
        add(key, std::to_string(std::get<Member<int>>(setting.target).read(rules)));
        break;
      case Kind::kPercent:
        add(key, render_percent(std::get<Member<double>>(setting.target).read(rules)));
        break;
      case Kind::kMoney:  // quoted, plain: "1000.00"
        add(key,
            toml_string(format_money(std::get<Member<Money>>(setting.target).read(rules), false)));
        break;
      case Kind::kString:
        add(key, toml_string(std::get<Member<std::string>>(setting.target).read(rules)));
        break;
      case Kind::kEnum: {
        const int value =
            static_cast<int>(std::get<Member<IdentitySource>>(setting.target).read(rules));
        for (const EnumChoice& choice : setting.choices) {
          if (choice.value == value) add(key, toml_string(choice.name));
        }
        break;
      }
      case Kind::kUtcOffset:
        add(key, toml_string(
                     format_utc_offset(std::get<Member<UtcOffset>>(setting.target).read(rules))));
        break;
      case Kind::kStringList:
      case Kind::kRoleList:
      case Kind::kRoleChain:
        add(key,
            render_list(std::get<Member<std::vector<std::string>>>(setting.target).read(rules)));
        break;
      case Kind::kUserRoles: {
        const UserRoles& users = std::get<Member<UserRoles>>(setting.target).read(rules);
        if (users.empty()) add(key, "{}");  // a fresh demo: everyone is a clerk
        for (const auto& [login, roles] : users) add(join_key(key, login), render_list(roles));
        break;
      }
      case Kind::kPriorityHours: {
        const PriorityHours& hours = std::get<Member<PriorityHours>>(setting.target).read(rules);
        for (const auto& [priority, limit] : hours) {
          add(join_key(key, priority), std::to_string(limit));
        }
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The file.

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

// Reads `path` into `reader`: one problem for a syntax error, else every semantic problem.
void read_rules_file(const std::string& path, RulesReader& reader) {
  const std::string text = read_file_text(path);
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    reader.syntax_error(error);
    return;
  }
  reader.read(root);
}

}  // namespace

std::string RulesProblem::to_string() const {
  std::string out = file;
  if (line > 0) out += fmt::format(":{}:{}", line, column);
  out += ": ";
  if (!key.empty()) out += key + ": ";
  return out + message;
}

std::vector<RulesProblem> check_rules_file(const std::string& path) {
  RulesReader reader(path);
  read_rules_file(path, reader);
  return reader.take_problems();
}

LoadedRules load_rules_file(const std::string& path) {
  RulesReader reader(path);
  read_rules_file(path, reader);
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
  loaded.settings = describe_settings(loaded.rules, reader.origins(), path);
  return loaded;
}

LoadedRules default_rules() {
  LoadedRules loaded;
  loaded.settings = describe_settings(loaded.rules, {}, {});
  return loaded;
}

}  // namespace aftersales
