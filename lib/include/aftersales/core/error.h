// The one error type that crosses the library boundary, with a code callers branch on.
// The library knows no exit codes: the command line maps each code to one (apps/aftersales).
#pragma once

#include <stdexcept>
#include <string>

namespace aftersales {

// What kind of failure this is, for callers to branch on.
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

}  // namespace aftersales
