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

std::optional<ImportEntity> parse_import_entity(const std::string& name) {
  if (name == "customers") return ImportEntity::kCustomers;
  if (name == "models") return ImportEntity::kModels;
  if (name == "units") return ImportEntity::kUnits;
  if (name == "tickets") return ImportEntity::kTickets;
  if (name == "parts") return ImportEntity::kParts;
  return std::nullopt;
}

}  // namespace aftersales
