// aftersales config show [--origin] | check FILE
#include <fmt/format.h>
#include <iostream>

#include "aftersales/rules/rules_file.h"
#include "commands/registry.h"
#include "exit_codes.h"

namespace aftersales::cli {

void attach_config(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales config show --origin");

  CLI::App* show = family.add_subcommand("show", "print the effective rules");
  example(*show, "aftersales --config aftersales.toml config show --origin");
  // Option storage lives as long as the callback that reads it (owned by the command).
  auto origin = std::make_shared<bool>(false);
  show->add_flag("--origin", *origin, "also say where each value came from");
  show->callback([&session, origin] {
    session.run = [&session, origin] {
      Table table;
      table.columns = {{"key", ""}, {"value", ""}};
      if (*origin) table.columns.push_back({"origin", ""});
      for (const RulesSetting& setting : session.rules().settings) {
        std::vector<Cell> row = {setting.key, setting.value};
        if (*origin) row.emplace_back(setting.origin);
        table.add_row(std::move(row));
      }
      session.emit(table);
      return 0;
    };
  });

  CLI::App* check = family.add_subcommand("check", "check a rules file; list every problem");
  example(*check, "aftersales config check aftersales.toml");
  auto file = std::make_shared<std::string>();
  check->add_option("FILE", *file, "the rules file")->required();
  check->callback([&session, file] {
    session.run = [file] {
      const std::vector<RulesProblem> problems = check_rules_file(*file);
      for (const RulesProblem& problem : problems) std::cerr << problem.to_string() << '\n';
      if (!problems.empty()) {
        std::cerr << fmt::format("{}: {} problem{}\n", *file, problems.size(),
                                 problems.size() == 1 ? "" : "s");
        return process_status(ExitCode::kUsage);
      }
      std::cerr << fmt::format("{}: ok\n", *file);
      return 0;
    };
  });
}

}  // namespace aftersales::cli
