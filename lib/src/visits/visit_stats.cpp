// The visit counts of a month or a year (表10 and the KPI 保修期内客户回访率), as integers.
#include <map>

#include "aftersales/models/model.h"
#include "aftersales/store/store.h"
#include "aftersales/units/warranty.h"
#include "aftersales/visits/visit_rules.h"
#include "aftersales/visits/visits.h"
#include "visits/visit_due.h"

namespace aftersales {
namespace {

// Whether a unit is in warranty on `day`; units and models read once each.
class WarrantyOnDay {
 public:
  explicit WarrantyOnDay(Context& ctx) : ctx_(ctx) {}

  bool covered(const std::string& serial, Date day) {
    auto unit = units_.find(serial);
    if (unit == units_.end()) {
      unit = units_.emplace(serial, ctx_.store.archive().find_unit(serial)).first;
    }
    if (!unit->second) return false;
    auto model = models_.find(unit->second->model_code);
    if (model == models_.end()) {
      model = models_
                  .emplace(unit->second->model_code,
                           ctx_.store.archive().find_model(unit->second->model_code))
                  .first;
    }
    if (!model->second) return false;
    return warranty_on(*unit->second, *model->second, day).covered;
  }

 private:
  Context& ctx_;
  std::map<std::string, std::optional<Unit>> units_;
  std::map<std::string, std::optional<Model>> models_;
};

}  // namespace

VisitStats visit_stats(Context& ctx, const Period& period) {
  VisitStats stats;
  stats.period = period;

  // Every due visit whose last day falls in the period (opens_on <= due_on <= period.to).
  WarrantyOnDay warranty(ctx);
  std::map<std::string, bool> warranty_units;  // serial -> got every visit due in the period
  each_due_visit(
      ctx, VisitScope{}, period.to, ctx.today(),
      [&](const DueVisit& item) {
        const bool settled = !item.visit.empty();
        stats.due += 1;
        if (settled) stats.done += 1;
        if (settled && item.days_late == 0) stats.done_on_time += 1;
        if (item.serial.empty() || !warranty.covered(item.serial, item.due_on)) return;
        auto [unit, added] = warranty_units.emplace(item.serial, settled);
        if (!added) unit->second = unit->second && settled;
      },
      DueFilter{period.from, period.to});
  stats.warranty_visit_rate.den = static_cast<std::int64_t>(warranty_units.size());
  for (const auto& [serial, visited] : warranty_units) {
    if (visited) stats.warranty_visit_rate.num += 1;
  }

  // The visits made in the period and their forms (表2 scores).
  VisitScope made;
  made.from = period.from;
  made.to = period.to;
  ctx.store.visits().each(made, [&](const Visit& visit) {
    stats.visits += 1;
    if (visit.reason == VisitReason::kShipment) stats.new_unit_visits += 1;
    if (visit.reason == VisitReason::kRepair) stats.repair_visits += 1;
    if (!visit.scores) return;
    stats.forms_filled += 1;
    for (int i = 0; i < kScoreDimensions; ++i) {
      const bool satisfied =
          satisfied_score(ctx.rules, (*visit.scores)[static_cast<std::size_t>(i)]);
      Ratio& dimension = stats.satisfaction[static_cast<std::size_t>(i)];
      dimension.den += 1;
      stats.satisfaction_overall.den += 1;
      if (satisfied) {
        dimension.num += 1;
        stats.satisfaction_overall.num += 1;
      }
    }
  });
  return stats;
}

}  // namespace aftersales
