// The setting table and the checks across settings it names.
#include "rules/rules_settings.h"

#include <fmt/format.h>

#include <algorithm>
#include <type_traits>

#include "aftersales/core/text.h"
#include "rules/toml_text.h"

namespace aftersales::rules_file {
namespace {

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

constexpr Range kPositive{1, kNoMax};
constexpr Range kNonNegative{0, kNoMax};

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

std::string check_default_warehouse(const Rules& rules, const GivenKeys& /*given*/) {
  if (!trim(rules.parts.default_warehouse).empty()) return {};
  return "is empty: name the warehouse stock moves go to without --warehouse";
}

// 表12: failed parts are booked into a location of their own, never issued again.
std::string check_defective_warehouse(const Rules& rules, const GivenKeys& /*given*/) {
  if (trim(rules.parts.defective_warehouse).empty()) {
    return "is empty: name the location failed parts come back into (表12)";
  }
  if (rules.parts.defective_warehouse != rules.parts.default_warehouse) return {};
  return fmt::format(
      "{} is also the default warehouse: failed parts would be issued again; name another",
      toml_string(rules.parts.defective_warehouse));
}

}  // namespace

std::optional<UtcOffset> fixed_offset_of(std::string_view zone) {
  for (const FixedZone& fixed : kFixedZones) {
    if (fixed.name == zone) return UtcOffset{fixed.minutes};
  }
  return std::nullopt;
}

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
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, ticket_assignable)},
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, parts_stock)},
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, parts_request)},  // 表11, 表13
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, parts_sales)},
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, payments)},
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, returns_inspection)},  // 表12
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, purchase)},
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, visits)},       // 表2
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, complaints)},   // 客户投诉
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, surveys)},      // 表9
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, training)},     // 新车交接培训
      {Kind::kRoleList, AFTERSALES_RULES_SETTING(permissions, attachments)},  // signed scans
      {Kind::kStringList, AFTERSALES_RULES_SETTING(lists, fault_categories)},
      {Kind::kStringList, AFTERSALES_RULES_SETTING(lists, channels)},
      {Kind::kStringList, AFTERSALES_RULES_SETTING(lists, model_categories)},
      {Kind::kStringList, AFTERSALES_RULES_SETTING(lists, complaint_categories)},  // 客户投诉
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
      {Kind::kBool, AFTERSALES_RULES_SETTING(tickets, seal_required)},         // 表6: 签字盖章
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
      {Kind::kString,
       AFTERSALES_RULES_SETTING(parts, default_warehouse),
       {},
       {},
       check_default_warehouse},
      {Kind::kString,
       AFTERSALES_RULES_SETTING(parts, defective_warehouse),
       {},
       {},
       check_defective_warehouse},
      {Kind::kMoney, AFTERSALES_RULES_SETTING(parts, return_over)},  // 表12: 50元
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
      {Kind::kInt, AFTERSALES_RULES_SETTING(training, within_days), kNonNegative},
      {Kind::kPercent, AFTERSALES_RULES_SETTING(kpi, visit_rate)},
      {Kind::kPercent, AFTERSALES_RULES_SETTING(kpi, satisfaction_rate)},
      {Kind::kPercent, AFTERSALES_RULES_SETTING(kpi, on_time_rate)},
      {Kind::kPercent, AFTERSALES_RULES_SETTING(kpi, training_pass_rate)},
      {Kind::kPercent, AFTERSALES_RULES_SETTING(kpi, part_accuracy_rate)},
      {Kind::kEnum,
       AFTERSALES_RULES_SETTING(report, language),
       {},
       {{"zh", static_cast<int>(ReportLanguage::kZh)},
        {"en", static_cast<int>(ReportLanguage::kEn)}}},
      {Kind::kInt, AFTERSALES_RULES_SETTING(report, new_unit_months), Range{1, 240}},  // 表8
      {Kind::kString, AFTERSALES_RULES_SETTING(company, name)},  // printed forms' header
      {Kind::kText, AFTERSALES_RULES_SETTING(company, address)},
      {Kind::kText, AFTERSALES_RULES_SETTING(company, phone)},
      {Kind::kInt, AFTERSALES_RULES_SETTING(attachments, max_mb), Range{1, 1024}},
      {Kind::kInt, AFTERSALES_RULES_SETTING(import, xlsx_max_part_mb), kPositive},
      {Kind::kInt, AFTERSALES_RULES_SETTING(import, xlsx_max_shared_strings), kPositive},
      {Kind::kInt, AFTERSALES_RULES_SETTING(import, xlsx_max_compression_ratio), kPositive},
      {Kind::kTimeOfDay, AFTERSALES_RULES_SETTING(import, date_only_time)},
  };
  return kSettings;
}

#undef AFTERSALES_RULES_SETTING

int enum_value(const Setting& setting, const Rules& rules) {
  if (const auto* language = std::get_if<Member<ReportLanguage>>(&setting.target)) {
    return static_cast<int>(language->read(rules));
  }
  return static_cast<int>(std::get<Member<IdentitySource>>(setting.target).read(rules));
}

void set_enum_value(const Setting& setting, Rules& rules, int value) {
  if (const auto* language = std::get_if<Member<ReportLanguage>>(&setting.target)) {
    language->get(rules) = static_cast<ReportLanguage>(value);
    return;
  }
  std::get<Member<IdentitySource>>(setting.target).get(rules) = static_cast<IdentitySource>(value);
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

}  // namespace aftersales::rules_file
