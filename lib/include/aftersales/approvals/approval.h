// One approval mechanism for every form that needs one: a chain of roles signing in order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/money.h"
#include "aftersales/core/time.h"

namespace aftersales {

// What is being approved, with the rules key of its chain.
enum class ApprovalForm {
  kRepairNotice,   // 表4 售后维修通知单: approvals.repair_notice
  kBudget,         // 表5 售后服务费用预算审批单: approvals.budget
  kPaidRepair,     // 保外维修费用核算: approvals.paid_repair
  kFreeRepair,     // free repair outside warranty: approvals.free_repair
  kQualityDefect,  // 质量问题确认: approvals.quality_confirm (+ free_repair outside warranty)
};

enum class ApprovalState { kPending, kApproved, kRejected, kVoid };

// `表4`, `表5`, `paid repair`, `free repair`, `quality defect`.
const char* form_name(ApprovalForm form);
// `repair_notice`, `budget`, ... (stored, and the rules key of the chain).
const char* form_key(ApprovalForm form);
std::optional<ApprovalForm> parse_form_key(const std::string& key);
const char* approval_state_name(ApprovalState state);
std::optional<ApprovalState> parse_approval_state(const std::string& name);

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
  ApprovalForm form = ApprovalForm::kRepairNotice;
  std::string subject;  // the ticket number
  std::vector<std::string> chain;
  ApprovalState state = ApprovalState::kPending;
  std::string requested_by;
  Timestamp requested_at;
  std::string summary;                // what is asked, e.g. "warranty cost 1,250.00"
  std::optional<Money> amount;        // the amount it approves, where there is one
  std::vector<Signature> signatures;  // in step order

  // The step waiting for a signature (signatures.size()), valid while pending.
  int current_step() const { return static_cast<int>(signatures.size()); }
};

}  // namespace aftersales
