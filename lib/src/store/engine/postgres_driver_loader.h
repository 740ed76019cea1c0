// Finding and loading the PostgreSQL driver module (postgres_module_abi.h) for a postgresql://
// URL. Private to lib/src/store.
#pragma once

#include <memory>
#include <string>

#include "aftersales/store/store.h"
#include "store/engine/database.h"

namespace aftersales::store {

// Loads aftersales-postgresql.so once (from $AFTERSALES_MODULE_DIR when set; otherwise beside
// the running binary, then in its installed place, ../lib/aftersales from the binary's
// directory) and opens `url` through it, as open_postgres_database. Throws Error(kUsage) naming
// the places searched when the module is missing, cannot be loaded (libpq missing) or is of
// another build.
std::unique_ptr<Database> load_postgres_database(const std::string& url,
                                                 const SqliteOptions& options);

}  // namespace aftersales::store
