// Shipping (发货) of a warranty issue (表11) by the warehouse ([permissions] parts_stock): only
// once the request's approval and its gate pass (出门证) are approved; the stock leaves through
// move_stock (kind ship, reference "表11 PI-...") and never goes negative; the company bears
// the freight (运费由我公司承担), kept on the request (issue_requests.h, ticket_freight).
#pragma once

#include <optional>
#include <string>

#include "aftersales/core/context.h"
#include "aftersales/parts/issue_requests.h"
#include "aftersales/parts/sale.h"

namespace aftersales {

// Ships request `number` from its warehouse with `freight` (yuan, 0 or more; default 0).
// Errors: kRuleViolation without a parts_stock role; kNotFound for an unknown request;
// kInvalidInput for a bad freight; kRuleViolation when it shipped already, while its 表11
// approval or its gate pass is not approved (naming each one missing, its chain and the steps
// given), and when a line would take the stock below zero (naming part, warehouse, on hand and
// asked; nothing moves).
IssueRequest ship_issue(Context& ctx, const std::string& number,
                        const std::optional<std::string>& freight);

// The gate pass (出门证) of a sale, raised once the sale is ready to leave (sale_ready_to_ship in
// sales.h: paid where payment is due or the GM's credit approved, a large order's steps done)
// for the value of its goods, on behalf of its seller. Called where readiness changes (a
// payment, the credit decision, its purchase plan received); does nothing while the sale is not
// ready, or once it has a pass. Call inside Store::write().
void raise_sale_gate_pass_when_ready(Context& ctx, const std::string& sale);

// Ships sale `number` (PS-...) from `warehouse` (default [parts] default_warehouse): refused
// (kRuleViolation) while the sale is not ready (naming what is missing) or its gate pass is not
// approved, once shipped, and when a line would take the stock below zero (nothing moves).
PartSale ship_sale(Context& ctx, const std::string& number,
                   const std::optional<std::string>& warehouse);

}  // namespace aftersales
