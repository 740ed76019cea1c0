// The approval forms of parts sales and purchasing: credit (赊销, the GM), the purchase plan of
// a large order (采购计划) and the urgent part request (表13). Their chains are the rules'
// [approvals] keys of the same names.
#pragma once

#include <string>
#include <vector>

#include "aftersales/approvals/approval_forms.h"

namespace aftersales {

namespace sale_form {
inline const std::string kCredit = "credit";               // 赊销: delivery before full payment
inline const std::string kPurchasePlan = "purchase_plan";  // 采购计划 of a large order
inline const std::string kUrgentPart = "urgent_part";      // 表13 急需备件申请表
}  // namespace sale_form

inline ApprovalSubject sale_subject(const std::string& number) { return {"part_sale", number}; }
inline ApprovalSubject plan_subject(const std::string& number) { return {"purchase_plan", number}; }
inline ApprovalSubject urgent_subject(const std::string& number) {
  return {"urgent_request", number};
}

// The forms with their decision hooks: a plan's decision approves or rejects the plan; an
// urgent request approved becomes an approved purchase plan; a credit decision is read where
// the sale's readiness to ship is decided.
std::vector<ApprovalForm> sale_approval_forms();

}  // namespace aftersales
