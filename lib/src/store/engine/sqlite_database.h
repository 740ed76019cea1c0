// The SQLite driver of the engine port (private to lib/src/store): one connection in WAL mode
// with foreign keys, BEGIN IMMEDIATE transactions that wait up to the busy timeout, a
// statement cache, migrations by PRAGMA user_version, and the online backup API.
#pragma once

#include <memory>
#include <string>

#include "aftersales/store/store.h"
#include "store/engine/database.h"

namespace aftersales::store {

// Opens (and with options.create, creates) the database at `path` and applies every migration
// it lacks; ":memory:" gives a private in-memory database. Throws Error(kUsage) when the file is
// missing and create is off, is a directory, or has a schema newer than this binary knows (it
// is left untouched); Error(kStorageUnavailable) when it cannot be opened or stays locked.
std::unique_ptr<Database> open_sqlite_database(const std::string& path,
                                               const SqliteOptions& options);

}  // namespace aftersales::store
