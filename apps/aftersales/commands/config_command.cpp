// aftersales config show [--origin] | check FILE
#include <fmt/format.h>
#include <iostream>

#include "aftersales/rules/rules_file.h"
#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {
namespace {

struct ShowRequest {
  bool origin = false;
};

struct CheckRequest {
  std::string file;
};

}  // namespace

void attach_config(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales config show --origin");

  add_verb<ShowRequest>(
      family, session,
      {"show", "print the effective rules",
       "aftersales --config aftersales.toml config show --origin", StoreUse::kNone},
      [](CLI::App& verb, ShowRequest& r) {
        verb.add_flag("--origin", r.origin, "also say where each value came from");
      },
      [](Session& s, const ShowRequest& r) {
        Table table;
        table.columns = {{"key", ""}, {"value", ""}};
        if (r.origin) table.columns.push_back({"origin", ""});
        for (const RulesSetting& setting : s.rules().settings) {
          std::vector<Cell> row = {setting.key, setting.value};
          if (r.origin) row.emplace_back(setting.origin);
          table.add_row(std::move(row));
        }
        s.emit(table);
      });

  add_verb<CheckRequest>(
      family, session,
      {"check", "check a rules file; list every problem", "aftersales config check aftersales.toml",
       StoreUse::kNone},
      [](CLI::App& verb, CheckRequest& r) {
        verb.add_option("FILE", r.file, "the rules file")->required();
      },
      [](Session&, const CheckRequest& r) {
        const std::vector<RulesProblem> problems = check_rules_file(r.file);
        for (const RulesProblem& problem : problems) std::cerr << problem.to_string() << '\n';
        if (!problems.empty()) {
          std::cerr << fmt::format("{}: {} problem{}\n", r.file, problems.size(),
                                   problems.size() == 1 ? "" : "s");
          return ExitCode::kUsage;
        }
        std::cerr << fmt::format("{}: ok\n", r.file);
        return ExitCode::kOk;
      });
}

}  // namespace aftersales::cli
