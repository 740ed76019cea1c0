// Numbering and raising purchase plans, shared by sales, urgent requests and their approval
// forms (private to lib/src).
#pragma once

#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/parts/purchase.h"

namespace aftersales {

// The next number of `prefix` (PS, PU, UR) for today's year: PS-2026-000001.
std::string next_parts_number(Context& ctx, const std::string& prefix);

// Raises a plan for `origin` with `lines`, audited; when `state` is pending, its approval on
// [approvals] purchase_plan is raised too. Call inside Store::write().
PurchasePlan raise_purchase_plan(Context& ctx, const std::string& origin,
                                 std::vector<PlanLine> lines, ProcurementState state);

// Saves a plan's or request's new state with an audit record.
void save_plan(Context& ctx, const PurchasePlan& before, const PurchasePlan& after,
               const std::string& action);
void save_urgent(Context& ctx, const UrgentRequest& before, const UrgentRequest& after,
                 const std::string& action);

}  // namespace aftersales
