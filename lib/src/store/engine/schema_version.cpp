// The schema version this binary brings: the newest migration (both engines and the PostgreSQL
// driver module use it).
#include "aftersales/store/store.h"
#include "store/engine/migrations.h"

namespace aftersales {

int latest_schema_version() {
  const auto& all = store::migrations();
  return all.empty() ? 0 : all.back().version;
}

}  // namespace aftersales
