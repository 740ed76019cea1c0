// aftersales: the after-sales service of an equipment maker, on the command line.
// Parses the global options, hands off to the chosen command, maps errors to exit codes
// (CLI.md "Exit codes").
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <iostream>
#include <sstream>

#include "aftersales/core/error.h"
#include "aftersales/io/terminal.h"
#include "commands/registry.h"
#include "exit_codes.h"
#include "session.h"

namespace {

using aftersales::Error;
using aftersales::cli::ExitCode;
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
}

// Prints an error as `aftersales: error: ...` (each line of a multi-line message) and its hint.
// Values in a message come from input (a CSV cell, --unit, --as): control, C1 and bidi
// characters are shown escaped, never sent to the terminal (issue 8, finding 6).
ExitCode report(const Error& error) {
  std::istringstream lines(aftersales::terminal_safe(error.what()));
  for (std::string line; std::getline(lines, line);) {
    std::cerr << "aftersales: error: " << line << '\n';
  }
  if (!error.hint().empty()) {
    std::cerr << "  hint: " << aftersales::terminal_safe(error.hint()) << '\n';
  }
  return aftersales::cli::exit_code_for(error.code());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"aftersales: the after-sales service of an equipment maker (售后服务)",
               "aftersales"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the command: `unit list --format csv`
  app.footer(
      "Example:\n  aftersales --db service.db unit show 2023-001\n\n"
      "Exit codes: 0 done, 1 bad data, 2 usage or configuration, 3 not found,\n"
      "4 refused by a rule, 5 import with rejected rows, 6 storage unavailable.");
  Session session;
  add_global_options(app, session);
  for (const auto& family : aftersales::cli::command_families()) {
    CLI::App* command = app.add_subcommand(family.name, family.summary);
    family.attach(*command, session);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help or the parse error
    return process_status(code == 0 ? ExitCode::kOk : ExitCode::kUsage);
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
              << "  hint: nothing was written; please report this with the command you ran\n";
    return process_status(ExitCode::kInternal);
  }
}
