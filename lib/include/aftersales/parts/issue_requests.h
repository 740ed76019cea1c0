// Warranty issues of parts (备件出库申请单, 表11, filed with its 备件领料单, DOMAIN.md Part): a
// ticket whose fault is a quality problem (确属产品质量问题) asks for parts; where its warranty
// cost is over [approvals] budget_threshold its 表5 budget is approved first; then the chain
// [approvals] part_issue (sales_manager → deputy_gm → gm) approves. Once approved a gate pass
// (出门证, gate_passes.h) is raised for the lines' value, and once that is approved the
// warehouse ships (shipping.h). Who asks: [permissions] parts_request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/core/context.h"
#include "aftersales/core/money.h"
#include "aftersales/parts/gate_passes.h"
#include "aftersales/tickets/ticket.h"

namespace aftersales {

namespace part_issue_form {
inline const std::string kKey = "part_issue";  // label 表11, subject {"part_issue", PI-...}
}

enum class IssueState { kRequested, kApproved, kRejected, kShipped };

const char* issue_state_name(IssueState state);
std::optional<IssueState> parse_issue_state(const std::string& name);

// One line of the 备件领料单, at the part's unit price when requested.
struct IssueLine {
  std::string part;  // part no.
  std::string name;
  std::int64_t quantity = 0;
  Money unit_price;
  Money amount() const { return Money{unit_price.fen * quantity}; }
};

struct IssueRequest {
  std::int64_t id = 0;
  std::string number;  // PI-YYYY-NNNNNN
  std::string ticket;  // SR-...
  std::string warehouse;
  IssueState state = IssueState::kRequested;
  std::vector<IssueLine> lines;
  std::string requested_by;
  Timestamp requested_at;
  std::optional<Money> freight;  // borne by the company (运费由我公司承担), set when shipped
  std::string shipped_by;
  std::optional<Timestamp> shipped_at;

  // The lines' quantity x unit price: the gate pass's value.
  Money value() const;
};

// What the gate pass and approvals of an issue decide on.
inline GatePassSubject issue_shipment(const std::string& number) { return {"part_issue", number}; }
inline ApprovalSubject issue_subject(const std::string& number) { return {"part_issue", number}; }

struct IssueRequestFields {
  std::string ticket;
  std::vector<std::string> lines;        // "PARTNO:QTY", QTY a whole number over 0
  std::optional<std::string> warehouse;  // default [parts] default_warehouse
};

// Files a warranty issue request and raises its approval (part_issue, 表11). Errors:
// kRuleViolation without a parts_request role; kNotFound for an unknown ticket or part;
// kInvalidInput for a bad line (naming it) or none; kRuleViolation for a ticket closed,
// cancelled or resolved, a ticket whose fault is not a quality problem (neither claimed by
// the analysis nor confirmed by tech_dept, or declined by tech_dept), and a ticket whose
// estimated warranty cost is over budget_threshold while its 表5 budget is not approved
// (naming the rule, the chain and how many steps are given).
IssueRequest request_issue(Context& ctx, const IssueRequestFields& fields);

// The request with that number; Error(kNotFound) when missing.
IssueRequest get_issue_request(Context& ctx, const std::string& number);

// Requests in number order; with `ticket`, only that ticket's.
std::vector<IssueRequest> list_issue_requests(Context& ctx,
                                              const std::optional<std::string>& ticket);

// The freight the company bore for the ticket's shipped requests, as cost lines (kind travel,
// warranty, "freight 运费 (表11 PI-...)"), in request order: the ticket's costs beside its
// actual lines (ticket_actual_line is rebuilt from each work record, so freight is kept on the
// request and joined here).
std::vector<CostLine> ticket_freight(Context& ctx, const std::string& ticket);

}  // namespace aftersales
