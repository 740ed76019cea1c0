// The ticket's rules, each in one place and pure (no database, no clock): raising an approval
// and checking it before the service starts call the same function. Every number is a key of
// the rules (seed values as defaults).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/core/money.h"
#include "aftersales/rules/rules.h"
#include "aftersales/tickets/ticket.h"

namespace aftersales {

// Totals of the warranty lines and of the paid lines.
Money warranty_total(const std::vector<CostLine>& lines);
Money paid_total(const std::vector<CostLine>& lines);

// 表5 售后服务费用预算审批单: a warranty service whose cost is over [approvals] budget_threshold
// (三包服务费用超过1000元) needs the budget chain before it is given. Strictly over: 1,000.00
// needs none, 1,000.01 does.
bool requires_budget_approval(const Rules& rules, Money warranty_total);

// 表5 "changing an estimate after approvals were given voids them": what a cost approval signs
// is the money, so the costs changed when the multiset of (kind, coverage, amount) of the lines
// differs. Descriptions, line order, and quantity x unit price giving the same amount do not
// change the costs; moving an amount to another kind or coverage, splitting or merging lines,
// or any amount changed does. Pure; true for no lines -> some lines and the reverse.
bool costs_changed(const std::vector<CostLine>& old_lines, const std::vector<CostLine>& new_lines);

// Tickets go only to users who do service work: true when `user` holds a role of
// [permissions] ticket_assignable in [users], or when there is no [users] table (a demo).
bool may_be_assigned(const Rules& rules, const std::string& user);

// A requester never signs their own approval: a step of `chain` whose role, in [users], only
// `requester` holds can never be signed (a sales_manager in ticket_costing pricing a paid
// repair that only a sales_manager approves). Returns the first such role, or "" when every
// step has another holder, or there is no [users] table.
std::string role_only_requester_holds(const Rules& rules, const std::vector<std::string>& chain,
                                      const std::string& requester);

// 保外维修: paid lines are costed and approved by a leader ([approvals] paid_repair) before work
// starts; a repair made free needs no paid costing.
bool requires_paid_repair_approval(const Ticket& ticket, Money paid_total);

// A repair outside warranty is costed before work starts (配件费、维修工时费、旅差费): true
// while a paid, not free, ticket has no cost lines.
bool requires_costing(const Ticket& ticket, const std::vector<CostLine>& lines);

// A large paid repair (over [costs] large_paid_repair) needs an itemised quotation (维修项目表)
// and a repair contract number (维修合同) before work starts. Strictly over.
bool requires_quotation_and_contract(const Rules& rules, Money paid_total);

// 表4 售后维修通知单: the service staff cannot solve it alone and production or the technical
// department must help; a leader approves the notice before the repair.
bool requires_repair_notice(const Ticket& ticket);

// Warranty lines on a ticket outside warranty charge the company: they are a free repair and
// need the GM's approval ([approvals] free_repair) unless one was asked for already.
bool requires_free_repair_approval(const Ticket& ticket, Money warranty_total);

// Who pays, as shown by `ticket show` and `ticket list` beside the coverage decided at intake:
// "warranty", "paid", or "free" for a ticket outside warranty made free by the GM (a free
// repair of a costed amount, or a quality defect confirmed and approved).
const char* charge_name(const Ticket& ticket);

// A quality defect claimed outside warranty decides who pays: the service waits for the answer
// of the technical department (and the GM) while that approval is pending.
bool waits_for_quality_decision(const Ticket& ticket);

// The response limit of `priority` (arrival on site) in seconds, from [sla.response_hours];
// 0 for a priority the rules do not know.
std::int64_t response_limit_seconds(const Rules& rules, const std::string& priority);

// A major warranty repair makes a follow-up visit (表2, 维修后一周内) due within [visits]
// major_repair_days of finishing it: warranty cost over [warranty] major_repair (strictly over),
// or a part marked major (重要部件) among `parts_used` of a unit repaired in warranty (DOMAIN.md
// defaults: "warranty cost over 1,000.00, or a part marked major"; the seed: 在保修期内进行较大
// 维修的产品, so a major part on a paid repair outside warranty makes no visit due).
bool is_major_warranty_repair(const Rules& rules, Coverage coverage, Money warranty_total,
                              const std::vector<PartUsed>& parts_used = {});

// 表6 售后服务现场工作记录: the customer signs and seals it (签字盖章); a record without the seal
// does not sign the ticket off while [tickets] seal_required (default true). Returns whether
// `record` signs the ticket off: a signer named and, where required, the seal applied.
bool signs_off(const Rules& rules, const WorkRecord& record);

// The work record's costs (表6) as the ticket's actual lines: its labour hours (x [costs]
// labour_rate, rounded half up to the fen) replace the estimate's labour lines, its travel
// the estimate's travel lines, and its parts used (record.parts: one line per part, quantity x
// the unit price it carries) the estimate's part lines; a kind the record does not give (no
// parts used recorded) keeps the estimated lines as they were. A new line takes the coverage of
// the estimated lines of its kind when they share one, else the ticket's. Zero amounts are left
// out. Pure: the caller looks the parts up in the catalogue.
std::vector<CostLine> actual_cost_lines(const Rules& rules, const Ticket& ticket,
                                        const std::vector<CostLine>& estimated,
                                        const WorkRecord& record);

// Actual costs over what the approvals given cover: a supplementary approval on the same chain
// signs the difference before the ticket closes (表5 补充).
struct SupplementNeed {
  std::string form;     // the supplement's form key, e.g. ticket_form::kBudgetSupplement
  std::string covers;   // the form it adds to, e.g. ticket_form::kBudget
  ApprovalChain chain;  // the chain of `covers`
  Money approved;       // the most an approved `covers` or supplement signed (0 when none)
  Money actual;         // what the actual lines cost under that form
};

// The supplements `actual` lines need given `approvals` (void ones are skipped): the budget
// (表5) when the actual warranty cost is over [approvals] budget_threshold and over the approved
// amount (an estimate of 1,000.00 that became 1,000.01 crosses the threshold the estimate did
// not); the paid repair when the paid cost is over the approved one; for a free repair, the
// GM's approval when the whole cost is over the free amount approved. Equal is covered; an
// approval without an amount covers nothing. In that order.
std::vector<SupplementNeed> supplements_needed(const Rules& rules, const Ticket& ticket,
                                               const std::vector<CostLine>& actual,
                                               const std::vector<Approval>& approvals);

// The approval an arrival on site waits for: its form key, id and the time of its last signature.
struct ArrivalGate {
  std::string form;
  std::int64_t approval_id = 0;
  Timestamp approved_at;
};

// 审批后, 再为用户提供售后服务 (service after approval): the technician arrives on site no earlier
// than the last signature of the approvals the service needed (表4, 表5, paid repair, free
// repair, quality defect). Returns the approved one of `approvals` (void ones are skipped, as
// are pending and rejected ones, and the supplements signed after the work) whose last
// signature is the latest; nullopt when none was
// needed. An arrival exactly at its time is allowed, one second earlier is not.
std::optional<ArrivalGate> earliest_arrival(const std::vector<Approval>& approvals);

}  // namespace aftersales
