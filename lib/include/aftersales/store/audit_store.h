// The audit trail's port to storage: append-only. Engine failures throw
// Error(kStorageUnavailable).
#pragma once

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
};

}  // namespace aftersales
