// Command families that later issues build. They exist so that `--help` shows the whole
// tool, and say plainly that they are not built rather than doing nothing.
#include <fmt/format.h>
#include <iostream>

#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {

void attach_planned(CLI::App& family, Session& session) {
  // Take whatever follows (verbs, flags) without complaint: the message below is the answer.
  family.fallthrough(false);
  family.prefix_command();
  define_command(family, session, StoreUse::kNone, [name = family.get_name()](Session&) {
    std::cerr << fmt::format(
        "aftersales: error: `aftersales {}` is not built yet in this version; see the open "
        "issues of the project\n",
        name);
    return ExitCode::kUsage;
  });
}

}  // namespace aftersales::cli
