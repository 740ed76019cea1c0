// `aftersales backup FILE`: a consistent copy of the database while others keep working.
#pragma once

#include <string>

namespace aftersales {

class Store;

// Copies the database to `path` (SQLite's online backup; the copy appears whole or not at
// all). Throws Error(kInvalidInput) when `path` exists and `replace` is false, so an earlier
// backup is never overwritten by accident; Error(kStorageUnavailable) when it cannot write.
void backup_database(Store& store, const std::string& path, bool replace);

}  // namespace aftersales
