// Online backup of the database.
#include "aftersales/store/backup.h"

#include <fmt/format.h>
#include <filesystem>

#include "aftersales/core/error.h"
#include "aftersales/store/store.h"

namespace aftersales {

void backup_database(Store& store, const std::string& path, bool replace) {
  if (!replace && std::filesystem::exists(path)) {
    throw Error(ErrorCode::kInvalidInput, fmt::format("{} exists already", path),
                "choose a new file name, or pass --force to replace it");
  }
  store.backup_to(path);
}

}  // namespace aftersales
