// Handover training of delivered units (新车交接培训): a record per training, passed or failed;
// a failed one may be retaken until it passes.
#include "aftersales/care/training.h"

#include <fmt/format.h>

#include <map>

#include "aftersales/care/care_rules.h"
#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/identity/identity.h"
#include "aftersales/store/store.h"
#include "aftersales/units/units.h"
#include "audit/audit_json.h"
#include "care/care_period.h"

namespace aftersales {
namespace {

AuditJson training_json(const TrainingRecord& record) {
  return AuditJson{{"unit", record.serial},
                   {"trained_on", format_date(record.trained_on)},
                   {"trainer", record.trainer},
                   {"passed", record.passed},
                   {"note", record.note}};
}

}  // namespace

TrainingRecord record_training(Context& ctx, const TrainingFields& fields) {
  require_role(ctx, ctx.rules.permissions.training, "recording a handover training (新车交接培训)");
  FieldReader reader;
  const std::string serial = reader.text("unit", fields.serial, true);
  const std::optional<Date> on = reader.date("date", fields.date);
  const std::string trainer = reader.text("trainer", fields.trainer, true);
  const std::string note = reader.text("note", fields.note);
  if (!trainer.empty() && !ctx.rules.users.empty() && ctx.rules.users.count(trainer) == 0) {
    reader.add("trainer", fields.trainer,
               "is not a user of the ledger's [users]: name the person who trained as listed "
               "there (`aftersales config show` lists them)");
  }
  reader.throw_if_any("training");
  TrainingRecord record;
  ctx.store.write([&] {
    const Unit unit = get_unit(ctx, serial);
    const std::vector<TrainingRecord> earlier = ctx.store.care().training_of_unit(unit.serial);
    for (const TrainingRecord& done : earlier) {
      if (done.passed) {
        throw Error(ErrorCode::kRuleViolation,
                    fmt::format("refused: unit {} passed its handover training already on {} "
                                "(trainer {})",
                                unit.serial, format_date(done.trained_on), done.trainer),
                    "a unit is trained until it passes once; a failed training may be retaken");
      }
    }
    const Date today = ctx.today();
    const Date earliest = earlier.empty() ? unit.shipped_on : earlier.back().trained_on;
    if (*on < earliest || *on > today) {
      reader.add(
          "date", fields.date,
          fmt::format("a training of unit {} falls between {} ({}) and today ({})", unit.serial,
                      format_date(earliest),
                      earlier.empty() ? "its ship date" : "its last training", format_date(today)));
      reader.throw_if_any("training");
    }
    record.serial = unit.serial;
    record.customer_code = unit.customer_code;
    record.trained_on = *on;
    record.trainer = trainer;
    record.passed = fields.passed;
    record.note = note;
    record.recorded_by = ctx.actor.user;
    ctx.store.care().insert_training(record);
    record_addition(ctx, "training", std::to_string(record.id), training_json(record));
  });
  return record;
}

std::vector<TrainingRecord> list_training(Context& ctx, const std::string& month) {
  std::vector<TrainingRecord> all = ctx.store.care().list_training();
  if (trim(month).empty()) return all;
  const Date first = care::read_month(month, "training list");
  const Date last = care::last_day_of_month(first);
  std::vector<TrainingRecord> kept;
  for (TrainingRecord& record : all) {
    if (record.trained_on >= first && record.trained_on <= last) kept.push_back(std::move(record));
  }
  return kept;
}

std::vector<TrainingRecord> training_of_unit(Context& ctx, const std::string& serial) {
  return ctx.store.care().training_of_unit(serial);
}

std::vector<TrainingMissing> missing_training(Context& ctx, const std::string& month) {
  std::optional<Date> first;
  std::optional<Date> last;
  if (!trim(month).empty()) {
    first = care::read_month(month, "training list");
    last = care::last_day_of_month(*first);
  }
  const Date today = ctx.today();
  std::map<std::string, bool> passed;
  std::map<std::string, Date> failed_on;
  for (const TrainingRecord& record : ctx.store.care().list_training()) {
    if (record.passed) {
      passed[record.serial] = true;
    } else {
      failed_on[record.serial] = record.trained_on;
    }
  }
  std::vector<TrainingMissing> missing;
  for (const Unit& unit : ctx.store.archive().list_units(UnitFilter{})) {
    if (first && (unit.shipped_on < *first || unit.shipped_on > *last)) continue;
    if (!training_missing(ctx.rules, unit.shipped_on, passed.count(unit.serial) != 0, today)) {
      continue;
    }
    TrainingMissing item;
    item.serial = unit.serial;
    item.customer_code = unit.customer_code;
    item.shipped_on = unit.shipped_on;
    item.due_on = training_due_on(ctx.rules, unit.shipped_on);
    item.days_late = today.days - item.due_on.days;
    if (auto failed = failed_on.find(unit.serial); failed != failed_on.end()) {
      item.failed_on = failed->second;
    }
    missing.push_back(std::move(item));
  }
  return missing;
}

}  // namespace aftersales
