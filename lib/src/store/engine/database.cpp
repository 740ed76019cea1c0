#include "store/engine/database.h"

#include <fmt/format.h>

#include "aftersales/core/error.h"

namespace aftersales::store {

void rethrow_as_error(const DbError& error, const std::string& doing) {
  switch (error.failure()) {
    case DbFailure::kBusy:
      throw Error(ErrorCode::kStorageUnavailable,
                  fmt::format("{}: the database is busy with another user's change", doing),
                  "retry in a moment; raise [storage] busy_timeout_ms to wait longer");
    case DbFailure::kReadOnly:
      throw Error(ErrorCode::kStorageUnavailable,
                  fmt::format("{}: the database cannot be written: {}", doing, error.what()),
                  "check the file's permissions and that its directory is writable");
    case DbFailure::kFull:
      throw Error(ErrorCode::kStorageUnavailable, fmt::format("{}: the disk is full", doing),
                  "free some space and retry");
    case DbFailure::kNotADatabase:
      throw Error(ErrorCode::kUsage,
                  fmt::format("{}: the file is not an aftersales database", doing),
                  "check --db / AFTERSALES_DB");
    case DbFailure::kDamaged:
      throw Error(ErrorCode::kStorageUnavailable,
                  fmt::format("{}: the ledger is damaged: {}", doing, error.what()),
                  "run `aftersales doctor` to see what is damaged, and restore the last backup "
                  "(`aftersales backup` copies are whole); writes stop until doctor finds it "
                  "whole");
    case DbFailure::kUniqueViolation:
      throw Error(ErrorCode::kConflict, fmt::format("{}: {}", doing, error.what()));
    case DbFailure::kReferenced:
    case DbFailure::kConstraint:
      throw Error(ErrorCode::kInvalidInput, fmt::format("{}: {}", doing, error.what()));
    case DbFailure::kUnreachable:
      throw Error(ErrorCode::kStorageUnavailable, fmt::format("{}: {}", doing, error.what()),
                  "check that the database server is running and reachable, then retry: "
                  "nothing of this command was kept");
    case DbFailure::kOther:
      break;
  }
  throw Error(ErrorCode::kStorageUnavailable, fmt::format("{}: {}", doing, error.what()),
              "run `aftersales doctor` or restore the last backup if this persists");
}

}  // namespace aftersales::store
