// Showing the effective settings (`config show`, `--origin`) and the built-in defaults.
#include "rules/rules_render.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <variant>

#include "rules/toml_text.h"

namespace aftersales {
namespace rules_file {
namespace {

using Json = nlohmann::ordered_json;

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
  const auto add = [&](const std::string& key, std::string value, const Json& json) {
    out.push_back(RulesSetting{key, std::move(value), origin_text(origins, key, file),
                               json.dump(-1, ' ', false, Json::error_handler_t::replace)});
  };
  const auto add_text = [&](const std::string& key, const std::string& text) {
    add(key, toml_string(text), Json(text));
  };
  for (const Setting& setting : setting_table()) {
    const std::string key = setting.key;
    switch (setting.kind) {
      case Kind::kInt: {
        const int value = std::get<Member<int>>(setting.target).read(rules);
        add(key, std::to_string(value), Json(value));
        break;
      }
      case Kind::kBool: {
        const bool value = std::get<Member<bool>>(setting.target).read(rules);
        add(key, value ? "true" : "false", Json(value));
        break;
      }
      case Kind::kPercent: {
        const double value = std::get<Member<double>>(setting.target).read(rules);
        const std::string text = render_percent(value);  // 98 or 97.5, as JSON writes them too
        const Json number = Json::parse(text, nullptr, false);
        add(key, text, number.is_number() ? number : Json(value));
        break;
      }
      case Kind::kMoney:  // quoted, plain: "1000.00"
        add_text(key, format_money(std::get<Member<Money>>(setting.target).read(rules), false));
        break;
      case Kind::kString:
      case Kind::kText:
        add_text(key, std::get<Member<std::string>>(setting.target).read(rules));
        break;
      case Kind::kEnum: {
        const int value = enum_value(setting, rules);
        for (const EnumChoice& choice : setting.choices) {
          if (choice.value == value) add_text(key, choice.name);
        }
        break;
      }
      case Kind::kUtcOffset:
        add_text(key, format_utc_offset(std::get<Member<UtcOffset>>(setting.target).read(rules)));
        break;
      case Kind::kTimeOfDay:
        add_text(key, format_time_of_day(std::get<Member<TimeOfDay>>(setting.target).read(rules)));
        break;
      case Kind::kStringList:
      case Kind::kRoleList:
      case Kind::kRoleChain: {
        const auto& items = std::get<Member<std::vector<std::string>>>(setting.target).read(rules);
        add(key, render_list(items), Json(items));
        break;
      }
      case Kind::kUserRoles: {
        const UserRoles& users = std::get<Member<UserRoles>>(setting.target).read(rules);
        if (users.empty()) add(key, "{}", Json::object());  // a fresh demo: everyone is a clerk
        for (const auto& [login, roles] : users) {
          add(join_key(key, login), render_list(roles), Json(roles));
        }
        break;
      }
      case Kind::kPriorityHours: {
        const PriorityHours& hours = std::get<Member<PriorityHours>>(setting.target).read(rules);
        for (const auto& [priority, limit] : hours) {
          add(join_key(key, priority), std::to_string(limit), Json(limit));
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
