// The audit trail's port to storage: append-only. Engine failures throw
// Error(kStorageUnavailable).
#pragma once

#include <functional>
#include <vector>

#include "aftersales/audit/audit_entry.h"

namespace aftersales {

class AuditStore {
 public:
  virtual ~AuditStore() = default;
  // Appends the entry and sets its id.
  virtual void append(AuditEntry& entry) = 0;
  // The entries matching `query`, oldest first.
  virtual std::vector<AuditEntry> query(const AuditQuery& query) = 0;
  // The same entries handed to `visit` one by one as they are read (`log` streams them); only
  // the filters given are in the SQL, so audit_log_entity and audit_log_at apply.
  virtual void each(const AuditQuery& query,
                    const std::function<void(const AuditEntry&)>& visit) = 0;
};

}  // namespace aftersales
