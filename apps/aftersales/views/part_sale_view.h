// How parts sales, purchase plans and urgent requests (表13) read on screen and in files.
#pragma once

#include <vector>

#include "aftersales/io/render.h"
#include "aftersales/io/table.h"
#include "aftersales/parts/purchase_plans.h"
#include "aftersales/parts/sales.h"
#include "aftersales/rules/rules.h"

namespace aftersales::cli {

// `part sales`: one row per sale.
Table sale_table(const std::vector<SaleRow>& rows);
// `part sale SALE`: the sale, its lines, payments, promises, approvals, plan and what it lacks.
RecordView sale_view(const SaleView& view, const Rules& rules);
// `part sales --month`: the month-end data of the parts sales report (备件销售月报表).
RecordView sales_month_view(const PartsSalesMonth& month);

// `purchase list`, `purchase show`.
Table plan_table(const std::vector<PurchasePlan>& plans, const Rules& rules);
RecordView plan_view(const PurchasePlanView& view, const Rules& rules);

// `part urgents`: one row per urgent request (表13).
Table urgent_table(const std::vector<UrgentRequest>& requests, const Rules& rules);

}  // namespace aftersales::cli
