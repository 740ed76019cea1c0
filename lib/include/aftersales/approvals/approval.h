// One approval mechanism for every form that needs one: a chain of roles signing in order.
// Which forms exist, and what a decision does to its subject, is registered by the areas that
// own them (approvals/approval_forms.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/money.h"
#include "aftersales/core/time.h"

namespace aftersales {

enum class ApprovalState { kPending, kApproved, kRejected, kVoid };

const char* approval_state_name(ApprovalState state);
std::optional<ApprovalState> parse_approval_state(const std::string& name);

// What an approval decides on: a record of some kind, named by its number (DOMAIN.md: an
// approval's subject is the number of the record it decides on).
struct ApprovalSubject {
  std::string kind;  // "ticket", ...
  std::string id;    // SR-2026-000001, ...

  friend bool operator==(const ApprovalSubject& a, const ApprovalSubject& b) {
    return a.kind == b.kind && a.id == b.id;
  }
};

struct Signature {
  int step = 0;  // 0-based position in the chain
  std::string role;
  std::string user;
  bool approved = true;
  Timestamp at;
  std::string comment;
};

struct Approval {
  std::int64_t id = 0;
  std::string form;  // the form's key, e.g. "budget" (表5); approval_forms.h
  ApprovalSubject subject;
  std::vector<std::string> chain;
  ApprovalState state = ApprovalState::kPending;
  std::string requested_by;
  Timestamp requested_at;
  std::string summary;                // what is asked, e.g. "warranty cost 1,250.00"
  std::optional<Money> amount;        // the amount it approves, where there is one
  std::vector<Signature> signatures;  // in step order

  // The step waiting for a signature (signatures.size()), valid while pending.
  int current_step() const { return static_cast<int>(signatures.size()); }
  // The role that signs the current step; empty when the approval is not pending.
  std::string current_role() const {
    const auto step = static_cast<std::size_t>(current_step());
    return state == ApprovalState::kPending && step < chain.size() ? chain[step] : std::string();
  }
};

}  // namespace aftersales
