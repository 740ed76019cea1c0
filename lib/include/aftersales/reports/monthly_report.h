// 表7 售后服务月度维修统计及费用: "_月份共处理售后服务业务_次。其中,保修期内设备维修_次,保修期外
// 设备维修_次", the month's services by fault category, and the cost by coverage (issue 12).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/core/money.h"
#include "aftersales/visits/visits.h"

namespace aftersales {

// The month a report covers: `month` as YYYY-MM, or by default the last full month before
// today (local). Error(kInvalidInput) naming the value when it is not a month.
Period report_month(Context& ctx, const std::optional<std::string>& month);

// "2026-11" of a month's period.
std::string month_text(const Period& month);

// Parts, labour (work) and travel of the actual cost lines (表6), in fen.
struct ServiceCost {
  Money parts;
  Money labour;
  Money travel;
  Money total() const { return parts + labour + travel; }
};

struct CategoryCount {
  std::string category;
  std::int64_t count = 0;
};

struct MonthlyReport {
  Period month;
  // Tickets reported in the month (local date of reported_at), by the coverage frozen at
  // intake. `services` (共处理) is every one not cancelled: warranty + paid + resolved.
  std::int64_t services = 0;
  std::int64_t warranty = 0;   // 保修期内设备维修: warranty, neither cancelled nor resolved
  std::int64_t paid = 0;       // 保修期外设备维修: outside warranty, free repairs included
  std::int64_t free = 0;       // of `paid`, the free repairs (免费维修, approved by the GM)
  std::int64_t resolved = 0;   // settled on the phone (电话指导), no site visit; in `services`
  std::int64_t cancelled = 0;  // listed apart, not in `services`
  // The services (not cancelled) by fault category: [lists] fault_categories in their order
  // (zero counts included), then any other category met, by name.
  std::vector<CategoryCount> by_category;
  // Actual costs of the tickets closed whose work record finished in the month, by the
  // ticket's coverage: `paid` includes the free repairs, `free` shows them apart.
  ServiceCost warranty_cost;
  ServiceCost paid_cost;
  ServiceCost free_cost;
};

// The statistics of 表7 for `month` (report_month). Reads only; aggregates in the store.
MonthlyReport monthly_report(Context& ctx, const Period& month);
// The same without the costs (left zero): the counts that the 12 months' history needs.
MonthlyReport monthly_counts(Context& ctx, const Period& month);

}  // namespace aftersales
