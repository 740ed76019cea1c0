// Removing a row an import added (private to lib/src/store): a row others refer to is refused.
#pragma once

#include <fmt/format.h>

#include <string>

#include "aftersales/core/error.h"
#include "store/engine/database.h"

namespace aftersales::store {

// Refuses with Error(kRuleViolation) when `typed_since` (a query of `key` as ?1) finds work
// typed onto the row since it was imported; nullptr checks nothing.
inline void refuse_if_typed_since(Database& db, const char* typed_since, const char* what,
                                  const std::string& key) {
  if (typed_since == nullptr) return;
  bool typed = guarded(fmt::format("reading {} {}", what, key), [&] {
    Query query = db.cached(typed_since);
    query->bind(1, key);
    return query->step();
  });
  if (typed) {
    throw Error(ErrorCode::kRuleViolation,
                fmt::format("refused: {} {} has work typed since it was imported (history, "
                            "costs or approvals)",
                            what, key),
                "keep the batch, or undo that work first");
  }
}

// Runs `remove` (a DELETE of `key` as ?1); a row that others refer to is refused with
// Error(kRuleViolation).
inline void remove_row(Database& db, const char* remove, const char* what, const std::string& key) {
  try {
    Query query = db.cached(remove);
    query->bind(1, key);
    query->run();
  } catch (const DbError& e) {
    if (e.failure() == DbFailure::kReferenced) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: {} {} is referred to by other records", what, key),
                  "revert the batches that added those records first, newest first, or remove "
                  "what was typed onto it");
    }
    rethrow_as_error(e, fmt::format("removing {} {}", what, key));
  }
}

}  // namespace aftersales::store
