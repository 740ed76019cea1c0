// The one table of the rulebook's settings (CLI.md "The config file"): every key, its kind, the
// Rules member it fills and its checks. Loading, `config check`, `config show --origin` and "did
// you mean" all walk this one table, so a key cannot be loadable yet unlisted. New settings are
// rows of setting_table(). Private to lib/src/rules.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "aftersales/rules/rules.h"

namespace aftersales::rules_file {

// How a setting's TOML value is read and checked.
enum class Kind {
  kInt,            // a whole number within the setting's range
  kBool,           // true or false
  kPercent,        // a KPI target: 0 to 100, whole or decimal
  kMoney,          // a quoted amount ("1,000.00", "1000") or whole yuan (1000); never a float
  kString,         // non-empty text
  kText,           // text that may be empty (an optional line such as the company's phone)
  kEnum,           // one of the setting's choices
  kUtcOffset,      // a fixed offset such as "+08:00"
  kTimeOfDay,      // a local time of day such as "09:00"
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

using UserRoles = std::map<std::string, std::vector<std::string>>;
using PriorityHours = std::map<std::string, int>;

using Target = std::variant<Member<int>, Member<bool>, Member<double>, Member<Money>,
                            Member<std::string>, Member<IdentitySource>, Member<ReportLanguage>,
                            Member<UtcOffset>, Member<TimeOfDay>, Member<std::vector<std::string>>,
                            Member<UserRoles>, Member<PriorityHours>>;

// Whole numbers allowed for a kInt setting or a kPriorityHours entry.
struct Range {
  std::int64_t min = 0;
  std::int64_t max = 0;
};

constexpr std::int64_t kNoMax = 1'000'000'000;  // fits an int; "no upper bound" in messages

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

// Where the file set a value: 1-based line and column; line 0 when nowhere.
struct Position {
  int line = 0;
  int column = 0;
};

// A kEnum setting's value as its choice number, and set from one.
int enum_value(const Setting& setting, const Rules& rules);
void set_enum_value(const Setting& setting, Rules& rules, int value);

// Every setting, in the order of the Rules struct; `config show` lists them in this order.
const std::vector<Setting>& setting_table();

// The fixed offset of a zone that keeps no daylight saving ("Asia/Shanghai": +08:00), or nullopt
// for a zone not in the list (GCC 12 has no time zone database).
std::optional<UtcOffset> fixed_offset_of(std::string_view zone);

// Every setting's dotted key, in table order.
std::vector<std::string> all_setting_keys();

// Whether `path` is the dotted key of a setting.
bool is_setting(const std::string& path);

// Whether `path` is a table that holds settings: "approvals", "sla".
bool is_section(const std::string& path);

// Every table that holds settings, sorted: "approvals", ..., "sla", "sla.response_hours"...
std::vector<std::string> all_section_keys();

}  // namespace aftersales::rules_file
