// One line of the audit trail: who changed what, when, and the values before and after.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "aftersales/core/time.h"

namespace aftersales {

struct AuditEntry {
  std::int64_t id = 0;
  Timestamp at;                          // the real time of the change
  std::optional<Timestamp> business_at;  // the business time it was made under, when set apart
  std::string actor;                     // the acting user
  std::string login;                     // the OS login that ran the command
  std::string entity;                    // customer, model, unit, ...
  std::string entity_id;                 // its natural key
  std::string action;                    // add, edit, accept, note, ...
  std::string before;  // JSON object of the changed fields before; empty for an add
  std::string after;   // JSON object after
};

struct AuditQuery {
  std::optional<std::string> entity;
  std::optional<std::string> entity_id;
  std::optional<Timestamp> since;  // entries at or after this instant
};

}  // namespace aftersales
