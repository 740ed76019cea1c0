// The importers of visits (表2), surveys (表9) and handover training (private to
// lib/src/import).
#pragma once

#include <memory>

#include "import/entity_importer.h"

namespace aftersales {

std::unique_ptr<EntityImporter> make_visit_importer(Context& ctx, ImportSession* session);
std::unique_ptr<EntityImporter> make_survey_importer(Context& ctx, ImportSession* session);
std::unique_ptr<EntityImporter> make_training_importer(Context& ctx, ImportSession* session);

}  // namespace aftersales
