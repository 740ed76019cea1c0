// The help of every command (CLI.md: every command has --help with one example): CLI11's layout,
// plus the global options under every command, since they may follow it
// (`aftersales unit list --format csv`).
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace aftersales::cli {

// The group the global options are listed under, at the top and under every command.
inline constexpr const char* kGlobalOptions = "Global options";

// Gives `root` and every command added to it later the help layout above.
void use_help_formatter(CLI::App& root);

// The help of `command`, as `aftersales ... --help` prints it.
std::string help_text(const CLI::App& command);

}  // namespace aftersales::cli
