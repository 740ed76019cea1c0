// aftersales backup FILE: a consistent copy while others keep working.
#include <fmt/format.h>

#include "aftersales/store/backup.h"
#include "commands/registry.h"

namespace aftersales::cli {

void attach_backup(CLI::App& family, Session& session) {
  struct BackupRequest {
    std::string file;
    bool force = false;
  };
  auto request = std::make_shared<BackupRequest>();
  example(family, "aftersales backup /var/backups/aftersales-2026-11-27.db");
  family.add_option("FILE", request->file, "where to write the copy")->required();
  family.add_flag("--force", request->force, "replace FILE when it exists");
  family.callback([&session, request] {
    session.run = [&session, request] {
      backup_database(session.store(), request->file, request->force);
      session.note(fmt::format("backed up {} to {}", session.options.db, request->file));
      return 0;
    };
  });
}

}  // namespace aftersales::cli
