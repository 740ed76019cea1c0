#include "cli/help_formatter.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <sstream>

#include "cli/command_tree.h"

namespace aftersales::cli {

namespace {

class HelpFormatter final : public CLI::Formatter {
 public:
  std::string make_help(const CLI::App* app, std::string name,
                        CLI::AppFormatMode mode) const override {
    if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
    std::ostringstream out;
    out << make_description(app) << make_usage(app, std::move(name)) << make_positionals(app)
        << make_groups(app, mode) << make_subcommands(app, mode);
    if (app->get_parent() != nullptr) out << global_options(*app);
    out << '\n' << make_footer(app);
    return out.str();
  }

 private:
  // The options of the root in reach of a command: listed after the command's own.
  std::string global_options(const CLI::App& command) const {
    std::vector<const CLI::Option*> global;
    for (const CLI::Option* option : options_in_reach(command)) {
      if (option->get_group() == kGlobalOptions) global.push_back(option);
    }
    return global.empty() ? std::string() : "\n" + make_group(kGlobalOptions, false, global);
  }
};

}  // namespace

void use_help_formatter(CLI::App& root) { root.formatter(std::make_shared<HelpFormatter>()); }

std::string help_text(const CLI::App& command) {
  // Not command.help(), which shows the help of the command chosen on this command line
  // (`help` itself) when asked for the root's.
  return command.get_formatter()->make_help(&command, command_path(command),
                                            CLI::AppFormatMode::Normal);
}

}  // namespace aftersales::cli
