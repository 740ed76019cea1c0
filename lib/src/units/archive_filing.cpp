// When archives become complete (R21, 2日内制成电子存档): dated at the change that completes them.
#include "units/archive_filing.h"

#include "aftersales/store/store.h"
#include "aftersales/units/archive_completeness.h"

namespace aftersales {
namespace {

bool complete(const Unit& unit, const Customer& owner) {
  return missing_archive_fields(unit, owner).empty();
}

Customer owner_of(Context& ctx, const Unit& unit) {
  return ctx.store.archive().find_customer(unit.customer_code).value_or(Customer{});
}

}  // namespace

void date_unit_completion(Context& ctx, const std::optional<Unit>& before, Unit& after) {
  const Customer after_owner = owner_of(ctx, after);
  bool complete_before = false;
  std::optional<Timestamp> completed_before;
  if (before) {
    const Customer before_owner =
        before->customer_code == after.customer_code ? after_owner : owner_of(ctx, *before);
    complete_before = complete(*before, before_owner);
    completed_before = before->completed_at;
  }
  after.completed_at = completed_after_change(complete_before, completed_before,
                                              complete(after, after_owner), ctx.now());
}

void date_customer_units(Context& ctx, const Customer& before, const Customer& after) {
  if (before.contact.empty() == after.contact.empty() &&
      before.phone.empty() == after.phone.empty()) {
    return;  // no unit's completeness can change
  }
  UnitFilter filter;
  filter.customer_code = after.code;
  for (const Unit& unit : ctx.store.archive().list_units(filter)) {
    const std::optional<Timestamp> completed = completed_after_change(
        complete(unit, before), unit.completed_at, complete(unit, after), ctx.now());
    if (completed != unit.completed_at) {
      ctx.store.archive().set_unit_completed(unit.serial, completed);
    }
  }
}

}  // namespace aftersales
