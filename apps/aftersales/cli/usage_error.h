// What to tell a user whose command line CLI11 refused (CLI.md "Errors say what, where and how
// to fix it"): the word at fault, the command it was typed for, and the closest name it may
// have meant, instead of CLI11's "A subcommand is required".
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace aftersales::cli {

struct UsageProblem {
  std::string message;  // "`aftersales unit` has no command \"lst\"; did you mean \"list\"?"
  std::string hint;     // "see `aftersales unit --help`"
};

// Explains why `args` (argv without the program name) do not parse as a command of `root`:
// an unknown command or option found by walking the tree of commands, a command that needs a
// verb, else `parser_message` (CLI11's own text) said for the deepest command reached.
UsageProblem explain_usage_error(const CLI::App& root, const std::vector<std::string>& args,
                                 const std::string& parser_message);

}  // namespace aftersales::cli
