// aftersales backup FILE: a consistent copy while others keep working.
#include <fmt/format.h>

#include "aftersales/core/translate.h"
#include "aftersales/store/backup.h"
#include "aftersales/store/store.h"
#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {
namespace {

struct BackupRequest {
  std::string file;
  bool force = false;
};

}  // namespace

void attach_backup(CLI::App& family, Session& session) {
  example(family, "aftersales backup /var/backups/aftersales-2026-11-27.db");
  family.description(
      "Writes a consistent copy of the ledger to FILE while others keep working (written beside "
      "it and renamed, so FILE is never half a copy). SQLite: a database file that --db opens. "
      "PostgreSQL: pg_dump's custom format of the ledger's schema (pg_restore reads it back; "
      "needs PostgreSQL's client programs, of the server's version or newer).");
  // Reads only: the copy is written through a connection of its own.
  define_command<BackupRequest>(
      family, session, StoreUse::kReads,
      [](CLI::App& command, BackupRequest& r) {
        command.add_option("FILE", r.file, "where to write the copy")->required();
        command.add_flag("--force", r.force, "replace FILE when it exists");
      },
      [](Session& s, const BackupRequest& r) {
        backup_database(s.store(), r.file, r.force);
        s.note(fmt::format(fmt::runtime(tr("backed up {} to {}")), shown_db(s.options.db), r.file));
      });
}

}  // namespace aftersales::cli
