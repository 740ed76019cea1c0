// One run of `aftersales import`: what it read and what it did, so that it can be audited and
// reverted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "aftersales/core/time.h"

namespace aftersales {

// What an import writes: one entity's rows, by natural key.
enum class ImportEntity {
  kCustomers,
  kModels,
  kUnits,
  kTickets,
  kParts,
  kStock,
  kVisits,
  kSurveys,
  kTraining
};

struct ImportBatch {
  std::int64_t id = 0;
  std::string entity;   // customer, model, unit, ticket
  std::string files;    // JSON array of {"path", "sha256", "encoding", "records"}
  std::string mapping;  // the mapping file's path, or "built-in"
  std::string mode;     // stop | skip
  std::int64_t new_rows = 0;
  std::int64_t unchanged = 0;
  std::int64_t updated = 0;
  std::int64_t rejected = 0;
  std::string actor;
  std::string login;
  Timestamp at;
  std::optional<Timestamp> reverted_at;
  std::string reverted_by;
};

}  // namespace aftersales
