// 表8: the month's quality problems by model, fault category and part; new units apart.
#include "aftersales/reports/quality_report.h"

#include <map>
#include <utility>

#include "aftersales/store/store.h"
#include "aftersales/store/ticket_store.h"

namespace aftersales {
namespace {

void add(QualityCounts& counts, bool new_unit, std::int64_t n) {
  counts.problems += n;
  if (new_unit) counts.new_units += n;
}

}  // namespace

QualityReport quality_report(Context& ctx, const Period& month) {
  const UtcOffset zone = ctx.rules.general.utc_offset;
  const Timestamp from = start_of_day(month.from, zone);
  const Timestamp to = start_of_day(month.to.plus_days(1), zone);
  const int months = ctx.rules.report.new_unit_months;

  QualityReport report;
  report.month = month;
  report.new_unit_months = months;
  std::map<std::string, QualityCounts> categories;
  // Rows come ordered by model code, so one model's rows are adjacent.
  for (const QualityCount& group :
       ctx.store.tickets().count_quality_problems(from, to, zone, months)) {
    add(report.all, group.new_unit, group.count);
    if (group.confirmed) report.confirmed += group.count;
    if (report.by_model.empty() || report.by_model.back().model != group.model) {
      report.by_model.push_back({group.model, group.model_name, {}});
    }
    add(report.by_model.back().counts, group.new_unit, group.count);
    add(categories[group.category], group.new_unit, group.count);
  }
  for (const std::string& name : ctx.rules.lists.fault_categories) {
    const auto found = categories.find(name);
    report.by_category.push_back(
        {name, found == categories.end() ? QualityCounts{} : found->second});
    if (found != categories.end()) categories.erase(found);
  }
  for (const auto& [name, counts] : categories) report.by_category.push_back({name, counts});

  for (const QualityPartCount& group : ctx.store.tickets().quality_parts(from, to, zone, months)) {
    if (report.by_part.empty() || report.by_part.back().part != group.part) {
      QualityByPart part;
      part.part = group.part;
      part.name = group.name;
      part.major = group.major;
      report.by_part.push_back(std::move(part));
    }
    add(report.by_part.back().counts, group.new_unit, group.tickets);
    report.by_part.back().quantity += group.quantity;
  }
  return report;
}

}  // namespace aftersales
