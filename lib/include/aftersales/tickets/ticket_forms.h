// The ticket's forms that need approval, and what a decision does to the ticket. Their chains
// are the rules' [approvals] keys of the same names.
#pragma once

#include <string>
#include <vector>

#include "aftersales/approvals/approval_forms.h"

namespace aftersales {

namespace ticket_form {
inline const std::string kRepairNotice = "repair_notice";  // 表4 售后维修通知单
inline const std::string kBudget = "budget";               // 表5 售后服务费用预算审批单
inline const std::string kPaidRepair = "paid_repair";      // 保外维修费用核算
inline const std::string kFreeRepair = "free_repair";      // free repair outside warranty (GM)
inline const std::string kQualityDefect = "quality_defect";  // 质量问题确认 (+ GM outside warranty)
// Actual costs over what was approved: a supplementary approval on the same chain (issue 9).
inline const std::string kBudgetSupplement = "budget_supplement";           // 表5 补充
inline const std::string kPaidRepairSupplement = "paid_repair_supplement";  // 保外 补充
inline const std::string kFreeRepairSupplement = "free_repair_supplement";  // 免费维修 补充
}  // namespace ticket_form

// What a ticket's approvals decide on: {"ticket", number}.
inline ApprovalSubject ticket_subject(const std::string& number) { return {"ticket", number}; }

// The ticket's forms with their decision hooks: a rejection sends the ticket back to analysis
// with the reason; a quality confirmation or an approved free repair changes who pays.
std::vector<ApprovalForm> ticket_approval_forms();

}  // namespace aftersales
