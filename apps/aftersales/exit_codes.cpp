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

}  // namespace aftersales::cli
