// aftersales: the after-sales service of an equipment maker, on the command line.
// Parses the global options, hands off to the chosen command, maps errors to exit codes
// (CLI.md "Exit codes").
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <iostream>
#include <sstream>

#include "aftersales/core/error.h"
#include "aftersales/core/translate.h"
#include "aftersales/io/terminal.h"
#include "cli/help_formatter.h"
#include "cli/usage_error.h"
#include "commands/registry.h"
#include "exit_codes.h"
#include "session.h"

namespace {

using aftersales::Error;
using aftersales::cli::ExitCode;
using aftersales::cli::kGlobalOptions;
using aftersales::cli::process_status;
using aftersales::cli::Session;

void add_global_options(CLI::App& app, Session& session) {
  auto& o = session.options;
  // A global option given twice takes the last value, so a script may prepend defaults.
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--db", o.db, "the ledger: a SQLite file, or postgresql://... (a libpq URI)")
      ->envname("AFTERSALES_DB")
      ->capture_default_str();
  app.add_option("--config", o.config,
                 "rules, users, roles, lists (default ./aftersales.toml if present, else the "
                 "seed's rules)")
      ->envname("AFTERSALES_CONFIG");
  app.add_option("--as", o.as, "who acts (only yourself unless [identity] source = \"declared\")")
      ->envname("AFTERSALES_USER");
  app.add_option("--today", o.today,
                 "fix \"now\": a DATE means the end of that day, an ISO 8601 TIME that instant")
      ->envname("AFTERSALES_TODAY");
  app.add_option("--format", o.format, "output format: table, csv, tsv, json, jsonl");
  app.add_option("-o,--output", o.output,
                 "write data to FILE (format from the extension), atomically");
  app.add_flag("--bom", o.bom, "start CSV/TSV output with a UTF-8 BOM for Excel");
  app.add_flag("--quiet", o.quiet, "no progress, no summary");
  app.add_flag("--no-pager", o.no_pager, "on a terminal, do not page long output");
  app.set_version_flag("-V,--version", aftersales::cli::version_line(), "print the version");
  // Listed under this name at the top and under every command (cli/help_formatter.h).
  for (CLI::Option* option : app.get_options()) {
    if (option != app.get_help_ptr()) option->group(kGlobalOptions);
  }
}

// Prints an error as `aftersales: error: ...` (each line of a multi-line message) and its hint.
// The frame `aftersales: error:` stays English whatever the language (scripts look for it).
// Values in a message come from input (a CSV cell, --unit, --as): control, C1 and bidi
// characters are shown escaped, never sent to the terminal (issue 8, finding 6).
void print_error(const std::string& message, const std::string& hint) {
  std::istringstream lines(aftersales::terminal_safe(message));
  for (std::string line; std::getline(lines, line);) {
    std::cerr << "aftersales: error: " << line << '\n';
  }
  if (!hint.empty()) {
    std::cerr << "  " << aftersales::tr("hint") << ": " << aftersales::terminal_safe(hint) << '\n';
  }
}

ExitCode report(const Error& error) {
  print_error(error.what(), error.hint());
  return aftersales::cli::exit_code_for(error.code());
}

// A command line CLI11 refused: the word at fault and what was meant (cli/usage_error.h).
// --help and --version arrive here too, as CLI11's "errors" that print and succeed.
ExitCode report(const CLI::App& app, const CLI::ParseError& error, int argc, char** argv) {
  if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
    return app.exit(error) == 0 ? ExitCode::kOk : ExitCode::kUsage;
  }
  const std::vector<std::string> args(argv + 1, argv + argc);
  const auto problem = aftersales::cli::explain_usage_error(app, args, error.what());
  print_error(problem.message, problem.hint);
  return ExitCode::kUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // Messages in the language of LANG and friends (core/translate.h), even where the zh_CN locale
  // was never generated.
  aftersales::init_translation(aftersales::catalogue_directory(AFTERSALES_BUILD_LOCALEDIR));
  CLI::App app{"aftersales: the after-sales service of an equipment maker (售后服务)",
               "aftersales"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the command: `unit list --format csv`
  std::string footer = "Example:\n  aftersales --db service.db unit show 2023-001\n\nExit codes:";
  for (const auto& [code, meaning] : aftersales::cli::exit_code_meanings()) {
    footer += fmt::format("\n  {:<3} {}", process_status(code), meaning);
  }
  app.footer(footer);
  aftersales::cli::use_help_formatter(app);  // before the commands, which inherit it
  Session session;
  add_global_options(app, session);
  for (const auto& family : aftersales::cli::command_families()) {
    CLI::App* command = app.add_subcommand(family.name, family.summary);
    if (family.hidden) command->group("");
    family.attach(*command, session);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return process_status(report(app, e, argc, argv));
  } catch (const Error& e) {
    return process_status(report(e));
  }

  try {
    session.check_output();
    return process_status(session.run_chosen());
  } catch (const Error& e) {
    return process_status(report(e));
  } catch (const std::exception& e) {
    std::cerr << "aftersales: internal error: " << aftersales::terminal_safe(e.what()) << '\n'
              << "  " << aftersales::tr("hint") << ": "
              << aftersales::tr("nothing was written; please report this with the command you ran")
              << '\n';
    return process_status(ExitCode::kInternal);
  }
}
