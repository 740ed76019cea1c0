// Showing the effective settings (`config show`, `--origin`) and the built-in defaults.
#include "rules/rules_render.h"

#include <fmt/format.h>

#include <variant>

#include "rules/toml_text.h"

namespace aftersales {
namespace rules_file {
namespace {

std::string origin_text(const std::map<std::string, Position>& origins, const std::string& key,
                        const std::string& file) {
  const auto found = origins.find(key);
  if (found == origins.end()) return "default";
  return fmt::format("{}:{}:{}", file, found->second.line, found->second.column);
}

}  // namespace

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
      case Kind::kBool:
        add(key, std::get<Member<bool>>(setting.target).read(rules) ? "true" : "false");
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
        const int value = enum_value(setting, rules);
        for (const EnumChoice& choice : setting.choices) {
          if (choice.value == value) add(key, toml_string(choice.name));
        }
        break;
      }
      case Kind::kUtcOffset:
        add(key, toml_string(
                     format_utc_offset(std::get<Member<UtcOffset>>(setting.target).read(rules))));
        break;
      case Kind::kTimeOfDay:
        add(key, toml_string(
                     format_time_of_day(std::get<Member<TimeOfDay>>(setting.target).read(rules))));
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

}  // namespace rules_file

LoadedRules default_rules() {
  LoadedRules loaded;
  loaded.settings = rules_file::describe_settings(loaded.rules, {}, {});
  return loaded;
}

}  // namespace aftersales
