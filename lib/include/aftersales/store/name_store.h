// The names a user types to point at a record (a unit's serial, a customer's code, a ticket's
// number ...), looked up by how they begin: for shell completion (issue 14), which offers the
// ledger's own values as the user types.
#pragma once

#include <string>
#include <vector>

namespace aftersales {

enum class NameKind { kSerial, kCustomer, kModel, kTicket, kPart, kComplaint };

class NameStore {
 public:
  virtual ~NameStore() = default;
  // The names of `kind` that begin with `prefix` (byte for byte), in order, at most `limit`.
  virtual std::vector<std::string> names(NameKind kind, const std::string& prefix, int limit) = 0;
};

}  // namespace aftersales
