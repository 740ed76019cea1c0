// 表7: the month's services by coverage and fault category, and their costs.
#include "aftersales/reports/monthly_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/store/store.h"
#include "aftersales/store/ticket_store.h"

namespace aftersales {
namespace {

bool all_digits(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void add_cost(ServiceCost& cost, CostKind kind, Money amount) {
  switch (kind) {
    case CostKind::kPart:
      cost.parts = cost.parts + amount;
      break;
    case CostKind::kWork:
      cost.labour = cost.labour + amount;
      break;
    case CostKind::kTravel:
      cost.travel = cost.travel + amount;
      break;
  }
}

}  // namespace

Period report_month(Context& ctx, const std::optional<std::string>& month) {
  if (!month) {
    const Date today = ctx.today();
    return today.month() == 1 ? month_period(today.year() - 1, 12)
                              : month_period(today.year(), today.month() - 1);
  }
  const std::string given = trim(*month);
  if (given.size() == 7 && given[4] == '-' && all_digits(given.substr(0, 4)) &&
      all_digits(given.substr(5, 2))) {
    const int year = std::stoi(given.substr(0, 4));
    const int number = std::stoi(given.substr(5, 2));
    if (year >= 1900 && number >= 1 && number <= 12) return month_period(year, number);
  }
  throw Error(ErrorCode::kInvalidInput,
              fmt::format("month \"{}\": write YYYY-MM, like 2026-11", *month));
}

std::string month_text(const Period& month) {
  return fmt::format("{:04}-{:02}", month.from.year(), month.from.month());
}

MonthlyReport monthly_counts(Context& ctx, const Period& month) {
  const UtcOffset zone = ctx.rules.general.utc_offset;
  const Timestamp from = start_of_day(month.from, zone);
  const Timestamp to = start_of_day(month.to.plus_days(1), zone);

  MonthlyReport report;
  report.month = month;
  std::map<std::string, std::int64_t> categories;
  for (const ReportedCount& group : ctx.store.tickets().count_reported(from, to)) {
    if (group.state == TicketState::kCancelled) {
      report.cancelled += group.count;
      continue;
    }
    report.services += group.count;
    categories[group.category] += group.count;
    if (group.state == TicketState::kResolved) {
      report.resolved += group.count;
    } else if (group.coverage == Coverage::kWarranty) {
      report.warranty += group.count;
    } else {
      report.paid += group.count;
      if (group.free_repair) report.free += group.count;
    }
  }
  for (const std::string& name : ctx.rules.lists.fault_categories) {
    const auto found = categories.find(name);
    report.by_category.push_back({name, found == categories.end() ? 0 : found->second});
    if (found != categories.end()) categories.erase(found);
  }
  for (const auto& [name, count] : categories) report.by_category.push_back({name, count});
  return report;
}

MonthlyReport monthly_report(Context& ctx, const Period& month) {
  const UtcOffset zone = ctx.rules.general.utc_offset;
  const Timestamp from = start_of_day(month.from, zone);
  const Timestamp to = start_of_day(month.to.plus_days(1), zone);

  MonthlyReport report = monthly_counts(ctx, month);
  for (const ClosedCost& group : ctx.store.tickets().closed_costs(from, to)) {
    if (group.coverage == Coverage::kWarranty) {
      add_cost(report.warranty_cost, group.kind, group.amount);
    } else {
      add_cost(report.paid_cost, group.kind, group.amount);
      if (group.free_repair) add_cost(report.free_cost, group.kind, group.amount);
    }
  }
  return report;
}

}  // namespace aftersales
