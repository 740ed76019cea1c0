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

void each_audit_entry(Context& ctx, const AuditQuery& query,
                      const std::function<void(const AuditEntry&)>& visit) {
  ctx.store.audit().each(query, visit);
}

namespace {

std::string value_text(const nlohmann::json& value) {
  if (value.is_null()) return {};
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
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

nlohmann::json object_of(const std::string& text) {
  return text.empty() ? nlohmann::json::object() : nlohmann::json::parse(text, nullptr, false);
}

std::string shown(const std::string& value) { return value.empty() ? "—" : value; }

}  // namespace

std::vector<FieldChange> field_changes(const AuditEntry& entry) {
  const nlohmann::json before = object_of(entry.before);
  const nlohmann::json after = object_of(entry.after);
  std::vector<FieldChange> changes;
  if (!after.is_object()) return changes;
  for (const auto& [key, value] : after.items()) {
    FieldChange change;
    change.field = key;
    if (before.is_object() && before.contains(key)) change.before = value_text(before.at(key));
    change.after = value_text(value);
    changes.push_back(std::move(change));
  }
  return changes;
}

std::string describe_field_change(const FieldChange& change) {
  std::string text = change.field + ": ";
  if (change.before) text += shown(*change.before) + " → ";
  return text + shown(change.after);
}

std::string describe_change(const AuditEntry& entry) {
  if (entry.before.empty() && entry.action == "add") return "added";
  const nlohmann::json before = object_of(entry.before);
  const nlohmann::json after = object_of(entry.after);
  if (!before.is_object() || !after.is_object()) return entry.after;
  std::string text;
  for (const FieldChange& change : field_changes(entry)) {
    if (!text.empty()) text += "; ";
    text += describe_field_change(change);
  }
  return text;
}

}  // namespace aftersales
