// Who may import an entity, and revert its batches (private to lib/src/import).
#pragma once

#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/import/import_batch.h"

namespace aftersales {

// The roles of the typed command that writes `entity`: ticket intake for tickets, archive
// writing for customers, models and units, parts stock for parts and stock, and
// the visit, survey and training recorders for theirs (rules.permissions).
inline const std::vector<std::string>& roles_to_import(const Context& ctx, ImportEntity entity) {
  switch (entity) {
    case ImportEntity::kParts:
    case ImportEntity::kStock:
      return ctx.rules.permissions.parts_stock;
    case ImportEntity::kVisits:
      return ctx.rules.permissions.visits;
    case ImportEntity::kSurveys:
      return ctx.rules.permissions.surveys;
    case ImportEntity::kTraining:
      return ctx.rules.permissions.training;
    default:
      break;
  }
  return entity == ImportEntity::kTickets ? ctx.rules.permissions.ticket_intake
                                          : ctx.rules.permissions.archive_write;
}

}  // namespace aftersales
