// The names of an import: its entities, and where a finding is in its file.
#include <fmt/format.h>

#include "aftersales/import/importer.h"

namespace aftersales {

std::string ImportFinding::to_string() const {
  const std::string at = record != 0 && record != line
                             ? fmt::format("{}:{} (record {})", file, line, record)
                             : fmt::format("{}:{}", file, line);
  if (field.empty()) return fmt::format("{}:{}: {}", at, column, message);
  return fmt::format("{}:{}: field \"{}\": {}", at, column, field, message);
}

namespace {

struct EntityName {
  const char* command;  // `aftersales import NAME`
  const char* record;   // the batch's entity (the importer's entity())
  ImportEntity entity;
};

constexpr EntityName kNames[] = {
    {"customers", "customer", ImportEntity::kCustomers},
    {"models", "model", ImportEntity::kModels},
    {"units", "unit", ImportEntity::kUnits},
    {"tickets", "ticket", ImportEntity::kTickets},
    {"parts", "part", ImportEntity::kParts},
    {"stock", "stock", ImportEntity::kStock},
    {"visits", "visit", ImportEntity::kVisits},
    {"surveys", "survey", ImportEntity::kSurveys},
    {"training", "training", ImportEntity::kTraining},
};

}  // namespace

std::optional<ImportEntity> parse_import_entity(const std::string& name) {
  for (const EntityName& n : kNames) {
    if (name == n.command) return n.entity;
  }
  return std::nullopt;
}

std::optional<ImportEntity> import_entity_of_batch(const std::string& record) {
  for (const EntityName& n : kNames) {
    if (record == n.record) return n.entity;
  }
  return std::nullopt;
}

}  // namespace aftersales
