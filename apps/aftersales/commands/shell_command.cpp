// The hidden commands the shell and the build run, not a clerk: `aftersales __complete -- WORD...`
// (the candidates for the last word, for scripts/completion/) and `aftersales __man` (the man
// page, written at build time by cmake/write_man_page.cmake).
#include <iostream>

#include "aftersales/core/error.h"
#include "cli/completion.h"
#include "cli/man_page.h"
#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {

void attach_complete(CLI::App& family, Session& session) {
  example(family, "aftersales __complete -- ticket show SR-2026");
  const CLI::App& root = *family.get_parent();
  define_command<std::vector<std::string>>(
      family, session, StoreUse::kReads,
      [](CLI::App& command, std::vector<std::string>& words) {
        command.add_option("words", words, "the command line after `aftersales`, after --");
      },
      [&root](Session& s, const std::vector<std::string>& words) {
        // The ledger the command line being typed names, else the one this run would use.
        const std::vector<std::string> before_last(words.begin(),
                                                   words.empty() ? words.end() : words.end() - 1);
        if (const std::string db = db_in(before_last); !db.empty()) s.options.db = db;
        const LiveNames live = [&s](NameKind kind, const std::string& prefix) {
          try {
            return s.store().names().names(kind, prefix, 200);
          } catch (const Error&) {
            return std::vector<std::string>{};  // no ledger (yet): no names, and no message
          }
        };
        for (const std::string& candidate : complete(root, words, live)) {
          std::cout << candidate << '\n';
        }
      },
      RulesSource::kFile);
}

void attach_man(CLI::App& family, Session& session) {
  example(family, "aftersales __man > aftersales.1");
  const CLI::App& root = *family.get_parent();
  define_command(family, session, StoreUse::kNone,
                 [&root](Session&) { std::cout << man_page(root, version_line()); });
}

}  // namespace aftersales::cli
