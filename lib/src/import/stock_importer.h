// The importer of opening stock and stock counts (private to lib/src/import).
#pragma once

#include <memory>

#include "import/entity_importer.h"

namespace aftersales {

std::unique_ptr<EntityImporter> make_stock_importer(Context& ctx, ImportSession* session);

}  // namespace aftersales
