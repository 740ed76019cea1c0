// The approvals' port to storage: approvals of every form with their signatures in step order.
// Engine failures throw Error(kStorageUnavailable).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"

namespace aftersales {

struct ApprovalFilter {
  std::optional<std::string> subject_kind;
  std::optional<std::string> subject_id;  // the record's number
  std::optional<ApprovalState> state;

  // The approvals deciding on `subject`.
  static ApprovalFilter of(const ApprovalSubject& subject) {
    ApprovalFilter filter;
    filter.subject_kind = subject.kind;
    filter.subject_id = subject.id;
    return filter;
  }
};

class ApprovalStore {
 public:
  virtual ~ApprovalStore() = default;
  virtual std::optional<Approval> find(std::int64_t id) = 0;
  virtual std::vector<Approval> list(const ApprovalFilter& filter) = 0;  // by id
  // Inserts a pending approval and sets its id.
  virtual void insert(Approval& approval) = 0;
  virtual void set_state(std::int64_t id, ApprovalState state) = 0;
  // A second signature of the same step throws Error(kConflict).
  virtual void insert_signature(std::int64_t approval_id, const Signature& signature) = 0;
};

}  // namespace aftersales
