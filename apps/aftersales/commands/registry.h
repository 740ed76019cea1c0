// Every command family of `aftersales`, listed once: help, dispatch and "not built yet" come
// from this table.
#pragma once

#include <CLI/CLI.hpp>
#include <vector>

#include "session.h"

namespace aftersales::cli {

struct CommandFamily {
  const char* name;     // the noun: customer, unit, ...
  const char* summary;  // one line for `aftersales --help`
  // Adds the family's verbs and options to `family`; its callbacks set session.run.
  void (*attach)(CLI::App& family, Session& session);
};

const std::vector<CommandFamily>& command_families();

// One attach function per family (commands/*_command.cpp).
void attach_init(CLI::App& family, Session& session);
void attach_config(CLI::App& family, Session& session);
void attach_customer(CLI::App& family, Session& session);
void attach_model(CLI::App& family, Session& session);
void attach_unit(CLI::App& family, Session& session);
void attach_log(CLI::App& family, Session& session);
void attach_backup(CLI::App& family, Session& session);
void attach_import(CLI::App& family, Session& session);
void attach_ticket(CLI::App& family, Session& session);
void attach_approval(CLI::App& family, Session& session);
// Families that later issues build; they say so and exit 2 (commands/planned_commands.cpp).
void attach_planned(CLI::App& family, Session& session);

// Sets the help footer of a command to one example.
inline void example(CLI::App& command, const std::string& text) {
  command.footer("Example:\n  " + text);
}

}  // namespace aftersales::cli
