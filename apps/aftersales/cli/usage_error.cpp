#include "cli/usage_error.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "aftersales/core/closest_match.h"
#include "aftersales/core/translate.h"
#include "cli/command_tree.h"

namespace aftersales::cli {

namespace {

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string match = closest_match(word, candidates);
  return match.empty() ? std::string()
                       : fmt::format(fmt::runtime(tr("; did you mean \"{}\"?")), match);
}

std::string names_of(const std::vector<const CLI::App*>& commands) {
  std::string names;
  for (const CLI::App* command : commands) {
    names += (names.empty() ? "" : ", ") + command->get_name();
  }
  return names;
}

std::string see_help(const CLI::App& command) {
  return fmt::format(fmt::runtime(tr("see `{} --help`")), command_path(command));
}

}  // namespace

UsageProblem explain_usage_error(const CLI::App& root, const std::vector<std::string>& args,
                                 const std::string& parser_message) {
  const CLI::App* command = &root;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--") break;  // the rest are arguments, whatever they look like
    if (word.size() > 1 && word[0] == '-') {
      // --model=X and -oFILE carry their value; -o FILE and --model X give it next.
      const bool short_name = word[1] != '-';
      const std::string name = short_name ? word.substr(0, 2) : word.substr(0, word.find('='));
      const CLI::Option* option = find_option(*command, name);
      if (option == nullptr) {
        return {fmt::format(fmt::runtime(tr("`{}` has no option {}{}")), command_path(*command),
                            name, did_you_mean(name, option_spellings(*command))),
                see_help(*command)};
      }
      if (option->get_expected_min() > 0 && name.size() == word.size()) ++i;
      continue;
    }
    const auto commands = subcommands_of(*command);
    if (commands.empty()) continue;  // an argument of a command without subcommands
    const CLI::App* next = nullptr;
    for (const CLI::App* candidate : subcommands_of(*command, true)) {
      if (candidate->check_name(word)) next = candidate;
    }
    if (next == nullptr) {
      std::vector<std::string> names;
      for (const CLI::App* candidate : commands) names.push_back(candidate->get_name());
      return {fmt::format(fmt::runtime(tr("`{}` has no command \"{}\"{}")), command_path(*command),
                          word, did_you_mean(word, names)),
              fmt::format(fmt::runtime(tr("its commands: {}; {}")), names_of(commands),
                          see_help(*command))};
    }
    command = next;
  }
  const auto commands = subcommands_of(*command);
  if (!commands.empty()) {
    return {fmt::format(fmt::runtime(tr("`{}` needs a command: {}")), command_path(*command),
                        names_of(commands)),
            see_help(*command)};
  }
  return {fmt::format("`{}`: {}", command_path(*command), parser_message), see_help(*command)};
}

}  // namespace aftersales::cli
