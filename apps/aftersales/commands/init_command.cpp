// aftersales init: create or migrate the database.
#include <fmt/format.h>

#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {

void attach_init(CLI::App& family, Session& session) {
  example(family, "aftersales --db service.db init");
  define_command(family, session, StoreUse::kCreates, [](Session& s) {
    const int version = s.store().schema_version();
    s.note(fmt::format("{}: ready (schema version {})", s.options.db, version));
  });
}

}  // namespace aftersales::cli
