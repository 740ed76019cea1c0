// aftersales init: create or migrate the ledger; a ledger without a rulebook gets its first
// from --config (or ./aftersales.toml, or the built-in rules), and whoever runs it becomes its
// first admin.
#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/rules/rulebook.h"
#include "aftersales/store/store.h"
#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {

void attach_init(CLI::App& family, Session& session) {
  example(family, "aftersales --db service.db init --config aftersales.toml");
  define_command(
      family, session, StoreUse::kCreates,
      [](Session& s) {
        Store& store = s.store();
        const int version = store.schema_version();
        std::optional<StoredRulebook> rulebook = store.rulebook().current();
        if (rulebook && s.options.config.empty()) {
          s.note(fmt::format("{}: ready (schema version {}, rulebook version {})",
                             shown_db(s.options.db), version, rulebook->version));
          return;
        }
        const std::string path = s.config_path();
        const std::string text = path.empty() ? std::string() : read_rules_file_text(path);
        Context& ctx = s.context();
        rulebook = adopt_first_rulebook(store, text, path, ctx.actor, ctx.real_now());
        s.note(fmt::format(
            "{}: ready (schema version {}); rulebook version {} from {}; {} is "
            "its admin",
            shown_db(s.options.db), version, rulebook->version, rulebook->source, ctx.actor.user));
      },
      RulesSource::kFile);
}

}  // namespace aftersales::cli
