// The one error type that crosses the library boundary, with a code callers branch on.
// The command line maps each code to the exit code of CLI.md.
#pragma once

#include <stdexcept>
#include <string>

namespace aftersales {

// What kind of failure this is, for callers to branch on. The command line maps each to an
// exit code of CLI.md.
enum class ErrorCode {
  kInvalidInput,        // bad value, malformed file; nothing was changed
  kConflict,            // the record exists already (a duplicate natural key)
  kUsage,               // bad flag, bad configuration, wrong database version
  kNotFound,            // a named record does not exist
  kRuleViolation,       // refused by a business rule or a missing role
  kStorageUnavailable,  // locked past the busy timeout, disk full, read-only: retry later
};

// An error with a code, a message that says what and where, and a hint on how to fix it.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, std::string hint = {})
      : std::runtime_error(message), code_(code), hint_(std::move(hint)) {}

  ErrorCode code() const noexcept { return code_; }
  // How to fix it; may be empty.
  const std::string& hint() const noexcept { return hint_; }

 private:
  ErrorCode code_;
  std::string hint_;
};

// The process exit code for an error code (CLI.md "Exit codes").
inline int exit_code(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInvalidInput:
    case ErrorCode::kConflict:
      return 1;
    case ErrorCode::kUsage:
      return 2;
    case ErrorCode::kNotFound:
      return 3;
    case ErrorCode::kRuleViolation:
      return 4;
    case ErrorCode::kStorageUnavailable:
      return 6;
  }
  return 70;
}

}  // namespace aftersales
