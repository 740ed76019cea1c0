// aftersales help [COMMAND...] and aftersales version: the help of any command by name (as git
// and gh have it), and the version that --version and -V also print (CLI.md "Global options").
#include <fmt/format.h>

#include <iostream>

#include "aftersales/core/error.h"
#include "cli/command_tree.h"
#include "cli/help_formatter.h"
#include "cli/usage_error.h"
#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {

std::string version_line() { return "aftersales " AFTERSALES_VERSION; }

namespace {

// The command that `words` name from `root`; Error(kUsage) naming the first word that names
// none, with the closest command it may have meant.
const CLI::App& command_named(const CLI::App& root, const std::vector<std::string>& words) {
  const CLI::App* command = &root;
  for (const std::string& word : words) {
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : subcommands_of(*command, true)) {
      if (sub->check_name(word)) next = sub;
    }
    if (next == nullptr) {
      const UsageProblem problem = explain_usage_error(root, words, "");
      throw Error(ErrorCode::kUsage, problem.message, problem.hint);
    }
    command = next;
  }
  return *command;
}

}  // namespace

void attach_help(CLI::App& family, Session& session) {
  example(family, "aftersales help ticket open");
  family.description("Prints the help of a command, as `aftersales COMMAND... --help` does.");
  const CLI::App& root = *family.get_parent();
  define_command<std::vector<std::string>>(
      family, session, StoreUse::kNone,
      [](CLI::App& command, std::vector<std::string>& words) {
        command.add_option("command", words, "the command, e.g. `ticket open`");
      },
      [&root](Session&, const std::vector<std::string>& words) {
        std::cout << help_text(command_named(root, words));
      });
}

void attach_version(CLI::App& family, Session& session) {
  example(family, "aftersales version");
  family.description("Prints `aftersales X.Y.Z`, as --version and -V do.");
  define_command(family, session, StoreUse::kNone,
                 [](Session&) { std::cout << version_line() << '\n'; });
}

}  // namespace aftersales::cli
