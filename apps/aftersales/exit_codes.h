// The exit codes of `aftersales` (CLI.md "Exit codes"), in one enum. The library knows none of
// them: it raises Error with an ErrorCode, and this is where the command line maps it.
#pragma once

#include <vector>

#include "aftersales/core/error.h"

namespace aftersales::cli {

enum class ExitCode {
  kOk = 0,                  // done (also: a query that matched nothing)
  kBadData = 1,             // invalid value, duplicate key, malformed file; nothing was changed
  kUsage = 2,               // usage or configuration error; a command not built yet
  kNotFound = 3,            // a named record does not exist
  kRefused = 4,             // refused by a business rule or a missing role
  kImportRejected = 5,      // an import finished with rejected rows (--on-error skip)
  kStorageUnavailable = 6,  // locked past the busy timeout, disk full, read-only: retry later
  kInternal = 70,           // a bug (EX_SOFTWARE): anything that is not an aftersales::Error
};

// The exit code for an error the core raised: kInvalidInput and kConflict are bad data (1),
// kUsage 2, kNotFound 3, kRuleViolation 4, kStorageUnavailable 6.
ExitCode exit_code_for(ErrorCode code) noexcept;

// Each exit code with what it means, in order: for the help's footer and the man page.
struct ExitCodeMeaning {
  ExitCode code;
  const char* meaning;
};
const std::vector<ExitCodeMeaning>& exit_code_meanings();

// The number the process exits with.
constexpr int process_status(ExitCode code) noexcept { return static_cast<int>(code); }

}  // namespace aftersales::cli
