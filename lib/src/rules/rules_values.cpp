// Reading one value of each kind of setting: whole numbers in a range, percentages, money, texts,
// lists, roles and chains, [users] and [sla.response_hours]. Each records what is wrong with the
// value, at its line and column, and says how to write it.
#include "rules/rules_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>

#include <fmt/format.h>

#include "aftersales/core/closest_match.h"
#include "aftersales/core/text.h"
#include "rules/toml_text.h"

namespace aftersales::rules_file {
namespace {

// Names and list items are compared as written (a clerk's typed value is trimmed first), so
// "  底盘" in the file would never match: spaces around a name are refused, not kept.
bool has_outer_space(std::string_view text) { return trim_view(text).size() != text.size(); }

std::string range_text(Range range) {
  if (range.max >= kNoMax) return fmt::format("a whole number of at least {}", range.min);
  return fmt::format("a whole number from {} to {}", range.min, range.max);
}

}  // namespace

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

std::optional<std::string> RulesReader::read_string(const toml::node& node, const std::string& key,
                                                    bool may_be_empty) {
  const toml::value<std::string>* text = node.as_string();
  if (text == nullptr) {
    problem(node, key, fmt::format("expected a quoted text, got {}", describe(node)));
    return std::nullopt;
  }
  if (may_be_empty && text->get().empty()) return text->get();
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
      const std::string suggestion = closest_match(role, known);
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

}  // namespace aftersales::rules_file
