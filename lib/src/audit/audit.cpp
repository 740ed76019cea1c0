// The audit trail (CLI.md: every change is in the audit trail).
#include "aftersales/audit/audit.h"

#include <nlohmann/json.hpp>

#include "aftersales/core/money.h"
#include "aftersales/store/store.h"

namespace aftersales {

void record_change(Context& ctx, const std::string& entity, const std::string& entity_id,
                   const std::string& action, const std::string& before, const std::string& after) {
  AuditEntry entry;
  entry.at = ctx.real_now();
  if (ctx.business_time_set()) entry.business_at = ctx.now();
  entry.actor = ctx.actor.user;
  entry.login = ctx.actor.login;
  entry.entity = entity;
  entry.entity_id = entity_id;
  entry.action = action;
  entry.before = before;
  entry.after = after;
  ctx.store.audit().append(entry);
}

std::vector<AuditEntry> audit_log(Context& ctx, const AuditQuery& query) {
  return ctx.store.audit().query(query);
}

namespace {

std::string value_text(const nlohmann::json& value) {
  if (value.is_null()) return "—";
  if (value.is_array()) {
    // A list of cost lines reads as its count and total; other lists as their count.
    std::int64_t total_fen = 0;
    bool money = !value.empty();
    for (const auto& item : value) {
      if (item.is_object() && item.contains("amount_fen") &&
          item["amount_fen"].is_number_integer()) {
        total_fen += item["amount_fen"].get<std::int64_t>();
      } else {
        money = false;
      }
    }
    const std::string count =
        std::to_string(value.size()) + (value.size() == 1 ? " line" : " lines");
    return money ? count + " " + format_money(Money{total_fen}) : count;
  }
  if (value.is_string()) return value.get<std::string>().empty() ? "—" : value.get<std::string>();
  return value.dump();
}

}  // namespace

std::string describe_change(const AuditEntry& entry) {
  if (entry.before.empty() && entry.action == "add") return "added";
  const nlohmann::json before = entry.before.empty()
                                    ? nlohmann::json::object()
                                    : nlohmann::json::parse(entry.before, nullptr, false);
  const nlohmann::json after = entry.after.empty()
                                   ? nlohmann::json::object()
                                   : nlohmann::json::parse(entry.after, nullptr, false);
  if (!before.is_object() || !after.is_object()) return entry.after;
  std::string text;
  for (const auto& [key, value] : after.items()) {
    if (!text.empty()) text += "; ";
    text += key + ": ";
    if (before.contains(key)) text += value_text(before.at(key)) + " → ";
    text += value_text(value);
  }
  return text;
}

}  // namespace aftersales
