#include "cli/command_tree.h"

#include <CLI/CLI.hpp>

namespace aftersales::cli {

std::vector<const CLI::App*> subcommands_of(const CLI::App& command, bool with_hidden) {
  return command.get_subcommands([with_hidden](const CLI::App* sub) {
    // Option groups are nameless subcommands; hidden commands have no group.
    return !sub->get_name().empty() && (with_hidden || !sub->get_group().empty());
  });
}

std::vector<const CLI::Option*> options_in_reach(const CLI::App& command) {
  std::vector<const CLI::Option*> options;
  for (const CLI::App* app = &command; app != nullptr; app = app->get_parent()) {
    for (const CLI::Option* option :
         app->get_options([](const CLI::Option* o) { return o->nonpositional(); })) {
      // Each command has its own --help; the one above it is not in reach.
      if (app != &command && option == app->get_help_ptr()) continue;
      options.push_back(option);
    }
  }
  return options;
}

const CLI::Option* find_option(const CLI::App& command, const std::string& name) {
  for (const CLI::Option* option : options_in_reach(command)) {
    if (option->check_name(name)) return option;
  }
  return nullptr;
}

std::vector<std::string> option_spellings(const CLI::App& command) {
  std::vector<std::string> spellings;
  for (const CLI::Option* option : options_in_reach(command)) {
    for (const std::string& name : option->get_lnames()) spellings.push_back("--" + name);
    for (const std::string& name : option->get_snames()) spellings.push_back("-" + name);
  }
  return spellings;
}

std::string command_path(const CLI::App& command) {
  std::string path = command.get_name();
  for (const CLI::App* app = command.get_parent(); app != nullptr; app = app->get_parent()) {
    path = app->get_name() + " " + path;
  }
  return path;
}

}  // namespace aftersales::cli
