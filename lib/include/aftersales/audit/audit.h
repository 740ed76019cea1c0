// The audit trail: every mutation records who, when, what and the values before and after, in
// the same transaction as the change (CLI.md "Nothing that was committed is ever lost").
#pragma once

#include <string>
#include <vector>

#include "aftersales/audit/audit_entry.h"
#include "aftersales/core/context.h"

namespace aftersales {

// Appends one entry for the acting user and login at ctx.now(). `before` and `after` are JSON
// objects (empty for none). Call inside Store::write so it commits with the change.
void record_change(Context& ctx, const std::string& entity, const std::string& entity_id,
                   const std::string& action, const std::string& before, const std::string& after);

// The trail, oldest first, filtered by entity, id and start instant.
std::vector<AuditEntry> audit_log(Context& ctx, const AuditQuery& query);

// A one-line account of an entry for people: "added" for an addition, else
// `field: before → after; ...` (an empty value shows as —).
std::string describe_change(const AuditEntry& entry);

}  // namespace aftersales
