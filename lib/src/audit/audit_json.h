// Audit records with before/after as JSON, for the core's own areas (private to lib/src).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "aftersales/audit/audit.h"

namespace aftersales {

using AuditJson = nlohmann::ordered_json;

// Records an addition: the whole new record as `after`.
inline void record_addition(Context& ctx, const std::string& entity, const std::string& id,
                            const AuditJson& after) {
  record_change(ctx, entity, id, "add", "", after.dump());
}

// Records a change with only the fields that differ in `before` and `after`. Returns false and
// records nothing when nothing differs.
inline bool record_difference(Context& ctx, const std::string& entity, const std::string& id,
                              const std::string& action, const AuditJson& before,
                              const AuditJson& after) {
  AuditJson changed_before = AuditJson::object();
  AuditJson changed_after = AuditJson::object();
  for (const auto& [key, value] : after.items()) {
    if (!before.contains(key) || before.at(key) != value) {
      changed_before[key] = before.contains(key) ? before.at(key) : AuditJson();
      changed_after[key] = value;
    }
  }
  if (changed_after.empty()) return false;
  record_change(ctx, entity, id, action, changed_before.dump(), changed_after.dump());
  return true;
}

}  // namespace aftersales
