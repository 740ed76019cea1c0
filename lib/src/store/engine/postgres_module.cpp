// The PostgreSQL driver module's exported entry points (postgres_module_abi.h). Everything else
// in the module is hidden (CMake's visibility preset), so it exports these two names only.
#include "store/engine/postgres_database.h"
#include "store/engine/postgres_module_abi.h"

#define AFTERSALES_EXPORT __attribute__((visibility("default")))

extern "C" {

AFTERSALES_EXPORT const char* aftersales_postgresql_build() { return AFTERSALES_POSTGRESQL_BUILD; }

AFTERSALES_EXPORT aftersales::store::Database* aftersales_postgresql_open(
    const std::string& url, const aftersales::SqliteOptions& options) {
  return aftersales::store::open_postgres_database(url, options).release();
}
}
