#include "exit_codes.h"

namespace aftersales::cli {

ExitCode exit_code_for(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInvalidInput:
    case ErrorCode::kConflict:
      return ExitCode::kBadData;
    case ErrorCode::kUsage:
      return ExitCode::kUsage;
    case ErrorCode::kNotFound:
      return ExitCode::kNotFound;
    case ErrorCode::kRuleViolation:
      return ExitCode::kRefused;
    case ErrorCode::kStorageUnavailable:
      return ExitCode::kStorageUnavailable;
  }
  return ExitCode::kInternal;
}

const std::vector<ExitCodeMeaning>& exit_code_meanings() {
  static const std::vector<ExitCodeMeaning> meanings = {
      {ExitCode::kOk, "done (also: a query that matched nothing)"},
      {ExitCode::kBadData, "bad data: an invalid value, a duplicate key, a malformed file"},
      {ExitCode::kUsage, "a usage or configuration error"},
      {ExitCode::kNotFound, "a named record does not exist"},
      {ExitCode::kRefused, "refused by a rule of the rulebook or a missing role"},
      {ExitCode::kImportRejected, "an import finished with rejected rows (--on-error skip)"},
      {ExitCode::kStorageUnavailable,
       "storage unavailable (locked, disk full, read-only, server down): retry later"},
      {ExitCode::kInternal, "a bug: nothing was written; please report it"},
  };
  return meanings;
}

}  // namespace aftersales::cli
