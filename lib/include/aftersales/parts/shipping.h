// Shipping (发货) of a warranty issue (表11) by the warehouse ([permissions] parts_stock): only
// once the request's approval and its gate pass (出门证) are approved; the stock leaves through
// move_stock (kind ship, reference "表11 PI-...") and never goes negative; the company bears
// the freight (运费由我公司承担), kept on the request (issue_requests.h, ticket_freight).
#pragma once

#include <optional>
#include <string>

#include "aftersales/core/context.h"
#include "aftersales/parts/issue_requests.h"

namespace aftersales {

// Ships request `number` from its warehouse with `freight` (yuan, 0 or more; default 0).
// Errors: kRuleViolation without a parts_stock role; kNotFound for an unknown request;
// kInvalidInput for a bad freight; kRuleViolation when it shipped already, while its 表11
// approval or its gate pass is not approved (naming each one missing, its chain and the steps
// given), and when a line would take the stock below zero (naming part, warehouse, on hand and
// asked; nothing moves).
IssueRequest ship_issue(Context& ctx, const std::string& number,
                        const std::optional<std::string>& freight);

}  // namespace aftersales
