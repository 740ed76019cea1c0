// aftersales config show [--origin] | check [FILE] | diff [FILE] | apply [FILE]: the ledger's
// rulebook; a rules file is checked, compared and (by an admin) applied to the ledger.
#include <fmt/format.h>
#include <iostream>

#include "aftersales/core/error.h"
#include "aftersales/io/terminal.h"
#include "aftersales/rules/rulebook.h"
#include "aftersales/rules/rules_file.h"
#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {
namespace {

struct ShowRequest {
  bool origin = false;
};

struct FileRequest {
  std::string file;
};

void add_file_argument(CLI::App& verb, FileRequest& r) {
  verb.add_option("FILE", r.file, "the rules file (default: --config, or ./aftersales.toml)");
}

// FILE, else --config, else ./aftersales.toml.
std::string file_of(const Session& s, const FileRequest& r) {
  if (!r.file.empty()) return r.file;
  std::string path = s.config_path();
  if (path.empty()) {
    throw Error(ErrorCode::kUsage, "no rules file given",
                "name one: `aftersales config check rules.toml`; examples/aftersales.toml "
                "shows every key");
  }
  return path;
}

std::string describe(const StoredRulebook& r, UtcOffset zone) {
  return fmt::format("rulebook version {} from {}, applied by {} ({}) at {}", r.version, r.source,
                     r.applied_by, r.login, format_timestamp(r.applied_at, zone));
}

}  // namespace

void attach_config(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales config show --origin");

  add_verb<ShowRequest>(
      family, session,
      {"show", "print the rules in force in the ledger", "aftersales config show --origin",
       StoreUse::kReads},
      [](CLI::App& verb, ShowRequest& r) {
        verb.add_flag("--origin", r.origin, "also say where each value came from");
      },
      [](Session& s, const ShowRequest& r) {
        const LedgerRules& ledger = s.ledger_rules();
        // JSON gives each value typed (RulesSetting::json); the other formats its TOML text.
        const bool json = s.format() == Format::kJson || s.format() == Format::kJsonl;
        Table table;
        table.columns = {{"key", ""}, {"value", "", json ? ColumnKind::kJson : ColumnKind::kText}};
        if (r.origin) table.columns.push_back({"origin", ""});
        for (const RulesSetting& setting : ledger.loaded.settings) {
          std::vector<Cell> row = {setting.key, json ? setting.json : setting.value};
          if (r.origin) row.emplace_back(setting.origin);
          table.add_row(std::move(row));
        }
        s.emit(table);
        s.note(describe(ledger.rulebook, ledger.loaded.rules.general.utc_offset) +
               fmt::format("; admins: {}", fmt::join(ledger.rulebook.admins, ", ")));
      });

  add_verb<FileRequest>(
      family, session,
      {"check", "check a rules file; list every problem", "aftersales config check aftersales.toml",
       StoreUse::kNone, RulesSource::kFile},
      add_file_argument, [](Session& s, const FileRequest& r) {
        const std::string file = file_of(s, r);
        const std::vector<RulesProblem> problems = check_rules_file(file);
        for (const RulesProblem& problem : problems) {
          std::cerr << terminal_safe(problem.to_string()) << '\n';
        }
        if (!problems.empty()) {
          std::cerr << fmt::format("{}: {} problem{}\n", file, problems.size(),
                                   problems.size() == 1 ? "" : "s");
          return ExitCode::kUsage;
        }
        std::cerr << fmt::format("{}: ok\n", file);
        return ExitCode::kOk;
      });

  add_verb<FileRequest>(
      family, session,
      {"diff", "what applying a rules file would change in the ledger's rulebook",
       "aftersales config diff aftersales.toml", StoreUse::kReads, RulesSource::kLedgerAndFile},
      add_file_argument, [](Session& s, const FileRequest& r) {
        const std::string file = file_of(s, r);
        const LoadedRules next = load_rules_file(file);
        const LedgerRules& ledger = s.ledger_rules();
        Table table;
        table.columns = {{"key", ""}, {"in_force", "in force"}, {"in_file", "in " + file}};
        const std::vector<RulesChange> changes = diff_rules(ledger.loaded, next);
        for (const RulesChange& c : changes) table.add_row({c.key, c.before, c.after});
        s.emit(table);
        s.note(fmt::format("{} setting{} differ from rulebook version {}", changes.size(),
                           changes.size() == 1 ? "" : "s", ledger.rulebook.version));
      });

  add_verb<FileRequest>(
      family, session,
      {"apply", "store a rules file as the ledger's next rulebook (admin)",
       "aftersales config apply aftersales.toml", StoreUse::kWrites, RulesSource::kLedgerAndFile},
      add_file_argument, [](Session& s, const FileRequest& r) {
        const std::string file = file_of(s, r);
        Context& ctx = s.context();
        const StoredRulebook applied = apply_rulebook(ctx, read_rules_file_text(file), file);
        s.note(describe(applied, ctx.rules.general.utc_offset) +
               "; `aftersales log --entity rulebook` shows what changed");
      });
}

}  // namespace aftersales::cli
