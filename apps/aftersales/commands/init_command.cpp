// aftersales init: create or migrate the database.
#include <fmt/format.h>

#include "commands/registry.h"

namespace aftersales::cli {

void attach_init(CLI::App& family, Session& session) {
  example(family, "aftersales --db service.db init");
  family.callback([&session] {
    session.run = [&session] {
      const int version = session.store(/*create=*/true).schema_version();
      session.note(fmt::format("{}: ready (schema version {})", session.options.db, version));
      return 0;
    };
  });
}

}  // namespace aftersales::cli
