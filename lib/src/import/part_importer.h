// The importer of the parts catalogue (private to lib/src/import).
#pragma once

#include <memory>

#include "import/entity_importer.h"

namespace aftersales {

std::unique_ptr<EntityImporter> make_part_importer(Context& ctx, ImportSession* session);

}  // namespace aftersales
