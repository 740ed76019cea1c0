// Product models (车型): warranty terms and maintenance interval. Every change is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/core/validation.h"
#include "aftersales/models/model.h"

namespace aftersales {

// Values as typed or imported (numbers as text, read by the core); nullopt: not given. An
// empty text clears an optional number (warranty_km, maintenance_*).
struct ModelFields {
  std::optional<std::string> name;
  std::optional<std::string> category;         // one of rules.lists.model_categories
  std::optional<std::string> warranty_months;  // 1..240; default rules.warranty.default_months
  std::optional<std::string> warranty_km;
  std::optional<std::string> maintenance_days;
  std::optional<std::string> maintenance_km;
};

// Reads the given fields into `model`, collecting every problem in `reader`.
void read_model_fields(const Rules& rules, FieldReader& reader, const ModelFields& fields,
                       Model& model);

// Adds a model. Needs the archive_write role. Throws Error(kInvalidInput) for a bad field or
// an existing code; Error(kRuleViolation) without the role.
Model add_model(Context& ctx, const std::string& code, const ModelFields& fields);

// Changes the given fields. Error(kNotFound) for an unknown code. Units keep their computed
// warranty from the model's new terms (a unit's contract end, where set, still wins).
Model edit_model(Context& ctx, const std::string& code, const ModelFields& fields);

// The model with that code; Error(kNotFound) with a hint when missing.
Model get_model(Context& ctx, const std::string& code);

std::vector<Model> list_models(Context& ctx);

}  // namespace aftersales
