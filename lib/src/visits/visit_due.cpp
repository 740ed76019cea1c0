// Due visits (表2) derived from the ledger: new units, maintenance, major repairs, key customers.
#include "visits/visit_due.h"

#include <fmt/format.h>

#include "aftersales/store/store.h"
#include "aftersales/visits/visit_rules.h"

namespace aftersales {
namespace {

// Fills in what settled the item (or how late it is as of today) and hands it on.
void settle_and_emit(Context& ctx, DueVisit item, Date today,
                     const std::function<void(const DueVisit&)>& each) {
  if (std::optional<Visit> settling = ctx.store.visits().find_settling(item.kind, item.key)) {
    item.visit = settling->number;
    item.days_late = settling->days_late;
  } else {
    item.days_late = visit_days_late({item.opens_on, item.due_on}, today);
  }
  each(item);
}

DueVisit make_item(VisitReason kind, std::string key, const VisitWindow& window) {
  DueVisit item;
  item.kind = kind;
  item.key = std::move(key);
  item.opens_on = window.opens_on;
  item.due_on = window.due_on;
  return item;
}

// The first maintenance reminder (1, 2, ...) whose last day is on or after `day`.
int first_maintenance_due_from(Date shipped_on, int interval, Date day) {
  const int behind = day.days - shipped_on.days;
  return behind <= interval ? 1 : (behind + interval - 1) / interval;
}

}  // namespace

void each_due_visit(Context& ctx, const VisitScope& scope, Date until, Date today,
                    const std::function<void(const DueVisit&)>& each, const DueFilter& only) {
  const auto wanted = [&](const VisitWindow& window) {
    return window.opens_on <= until && (!only.due_from || *only.due_from <= window.due_on) &&
           (!only.due_to || window.due_on <= *only.due_to);
  };
  const auto settle = [&](DueVisit item) { settle_and_emit(ctx, std::move(item), today, each); };
  const Rules& rules = ctx.rules;
  const UtcOffset zone = rules.general.utc_offset;
  VisitStore& visits = ctx.store.visits();

  // Units are read first and handled after the read, so that no statement stays open while
  // each item looks up the visit that settled it.
  std::vector<VisitUnit> units;
  visits.each_unit(scope, [&](const VisitUnit& unit) { units.push_back(unit); });
  for (const VisitUnit& unit : units) {
    const VisitWindow shipped = new_unit_visit_window(rules, unit.shipped_on);
    if (wanted(shipped)) {
      DueVisit item = make_item(VisitReason::kShipment, unit.serial, shipped);
      item.serial = unit.serial;
      item.customer = unit.customer;
      item.why = fmt::format("new unit shipped {} (表2: within {} days of shipping)",
                             format_date(unit.shipped_on), rules.visits.new_unit_days);
      settle(std::move(item));
    }
    // Maintenance by days only: km intervals need a forecast of the odometer (not built).
    if (!unit.maintenance_days || *unit.maintenance_days <= 0) continue;
    const int interval = *unit.maintenance_days;
    const int first =
        only.due_from ? first_maintenance_due_from(unit.shipped_on, interval, *only.due_from) : 1;
    for (int nth = first;; ++nth) {
      const VisitWindow window = maintenance_visit_window(rules, unit.shipped_on, interval, nth);
      if (window.opens_on > until || (only.due_to && window.due_on > *only.due_to)) break;
      const bool superseded =
          maintenance_visit_window(rules, unit.shipped_on, interval, nth + 1).opens_on <= until;
      if (!wanted(window) || (superseded && !only.superseded)) continue;
      DueVisit item =
          make_item(VisitReason::kMaintenance, fmt::format("{} #{}", unit.serial, nth), window);
      item.serial = unit.serial;
      item.customer = unit.customer;
      item.superseded = superseded;
      item.why = fmt::format("maintenance {} of every {} days from shipping {} (按时间提示保养)",
                             nth, interval, format_date(unit.shipped_on));
      settle(std::move(item));
    }
  }

  // Repairs are read by their last day (the store's index), then checked like the others.
  std::vector<VisitRepair> repairs;
  visits.each_repair(scope, only.due_from, only.due_to,
                     [&](const VisitRepair& repair) { repairs.push_back(repair); });
  for (const VisitRepair& repair : repairs) {
    const Date finished = local_date(repair.finished_at, zone);
    const VisitWindow window = major_repair_visit_window(finished, repair.visit_due_on);
    if (!wanted(window)) continue;
    DueVisit item = make_item(VisitReason::kRepair, repair.ticket, window);
    item.serial = repair.serial;
    item.customer = repair.customer;
    item.ticket = repair.ticket;
    item.why = fmt::format("major warranty repair {} finished {} (表2: 维修后一周内)",
                           repair.ticket, format_date(finished));
    settle(std::move(item));
  }

  std::vector<VisitKeyCustomer> customers;
  visits.each_key_customer(
      scope, [&](const VisitKeyCustomer& customer) { customers.push_back(customer); });
  const int periods = key_customer_periods(rules);
  for (const VisitKeyCustomer& customer : customers) {
    // From the period of the customer's first unit shipped (or the period of `until`).
    const Date first = customer.first_shipped_on.value_or(until);
    int year = first.year();
    int period = key_customer_period_of(rules, first);
    for (;;) {
      const VisitWindow window = key_customer_visit_window(rules, year, period);
      if (window.opens_on > until) break;
      if (wanted(window)) {
        DueVisit item = make_item(VisitReason::kKeyCustomer,
                                  fmt::format("{} {}-{}", customer.code, year, period), window);
        item.customer = customer.code;
        item.why = fmt::format("key customer: visit {} of {} in {} (大客户每年不少于{}次)", period,
                               periods, year, periods);
        settle(std::move(item));
      }
      if (++period > periods) {
        period = 1;
        ++year;
      }
    }
  }
}

}  // namespace aftersales
