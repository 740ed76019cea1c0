// Walking the tree of commands CLI11 was given (main.cpp builds it from commands/registry.h):
// the commands under a command, its options with those it inherits, and the path that names it.
// Help, usage errors, the man page and completion all read the tree, so none of them keeps a
// second list of commands or options.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace aftersales::cli {

// The commands directly under `command` that a user may type, in the order they were added.
// Hidden ones (an empty group, e.g. `__complete`) are left out unless `with_hidden`.
std::vector<const CLI::App*> subcommands_of(const CLI::App& command, bool with_hidden = false);

// The named (non-positional) options `command` accepts: its own, then those of each command
// above it (global options may follow the command: main.cpp's fallthrough).
std::vector<const CLI::Option*> options_in_reach(const CLI::App& command);

// The option called `name` ("--model", "-o") in reach of `command`, else nullptr.
const CLI::Option* find_option(const CLI::App& command, const std::string& name);

// Every spelling of the options in reach: "--model", "-o", ...
std::vector<std::string> option_spellings(const CLI::App& command);

// "aftersales unit list": the names from the root down to `command`.
std::string command_path(const CLI::App& command);

}  // namespace aftersales::cli
