// Handover training of delivered units (新车交接培训): per unit, the date, the trainer and whether
// the customer's operators passed. A failed training may be followed by a passed retake; after
// a pass nothing more is recorded. A shipped unit without a passed training after [training]
// within_days is missing (the seed: 新车交接后, 培训达标率100%; the pass rate counts the passes).
// Recording needs [permissions] training.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/core/time.h"

namespace aftersales {

struct TrainingRecord {
  std::int64_t id = 0;
  std::string serial;
  std::string customer_code;
  Date trained_on;
  std::string trainer;
  bool passed = false;
  std::string note;
  std::string recorded_by;
};

struct TrainingFields {
  std::string serial;
  std::string date;
  std::string trainer;  // a user of [users] when the table is not empty
  bool passed = false;
  std::string note;
};

// Records a training of a unit on a date not before its ship date nor after today, nor before
// its last training. Error(kInvalidInput) for a bad value, Error(kNotFound) for an unknown unit,
// Error(kRuleViolation) when the unit passed already, or for the role.
TrainingRecord record_training(Context& ctx, const TrainingFields& fields);

// Training records by date and id; with `month` (YYYY-MM) only those of that month.
// Error(kInvalidInput) for a bad month.
std::vector<TrainingRecord> list_training(Context& ctx, const std::string& month);

// The records of one unit, oldest first.
std::vector<TrainingRecord> training_of_unit(Context& ctx, const std::string& serial);

// A shipped unit whose handover training is missing as of today.
struct TrainingMissing {
  std::string serial;
  std::string customer_code;
  Date shipped_on;
  Date due_on;  // the last day on time
  std::int64_t days_late = 0;
  std::optional<Date> failed_on;  // its last failed training, if any
};

// Units missing their training as of today, by serial; with `month`, only units shipped in it.
std::vector<TrainingMissing> missing_training(Context& ctx, const std::string& month);

}  // namespace aftersales
