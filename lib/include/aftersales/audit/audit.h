// The audit trail: every mutation records who, when, what and the values before and after, in
// the same transaction as the change (CLI.md "Nothing that was committed is ever lost").
#pragma once

#include <functional>
#include <optional>
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
// The same entries handed to `visit` one by one as the store reads them (`log` streams them).
void each_audit_entry(Context& ctx, const AuditQuery& query,
                      const std::function<void(const AuditEntry&)>& visit);

// A one-line account of an entry for people: "added" for an addition, else
// `field: before → after; ...` (an empty value shows as —).
std::string describe_change(const AuditEntry& entry);

// One field of an entry with its values before and after as text: strings as they are, numbers
// in digits, a list of cost lines as its count and total, null as "". `before` is nullopt when
// the entry has no value before for the field (an addition, a note).
struct FieldChange {
  std::string field;
  std::optional<std::string> before;
  std::string after;
};

// The fields of an entry in the order it recorded them; empty when it recorded none (a note's
// values are its `after`).
std::vector<FieldChange> field_changes(const AuditEntry& entry);

// `field: before → after` (`field: after` when there was no value before); an empty or missing
// value shows as —.
std::string describe_field_change(const FieldChange& change);

}  // namespace aftersales
