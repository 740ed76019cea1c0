// The rulebook's port to storage: every version of the ledger's rules, newest in force.
// Engine failures throw Error(kStorageUnavailable).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/time.h"

namespace aftersales {

// One version of the ledger's rulebook, as an admin applied it.
struct StoredRulebook {
  int version = 0;                  // 1, 2, ...
  std::string rules;                // the TOML text
  std::string source;               // the file it came from ("built-in" for the defaults)
  std::vector<std::string> admins;  // the ledger's admins beyond [users]
  std::string applied_by;
  std::string login;
  Timestamp applied_at;  // the real clock
};

class RulebookStore {
 public:
  virtual ~RulebookStore() = default;
  // The version in force; none in a ledger that has no rulebook yet.
  virtual std::optional<StoredRulebook> current() = 0;
  // Adds `rulebook` as the next version and sets its version (call inside Store::write()).
  virtual void append(StoredRulebook& rulebook) = 0;
};

}  // namespace aftersales
