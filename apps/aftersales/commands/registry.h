// Every command family of `aftersales`, listed once: help, dispatch and "not built yet" come
// from this table. How each verb uses the ledger is declared with the verb (commands/verb.h).
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace aftersales::cli {

class Session;

struct CommandFamily {
  const char* name;     // the noun: customer, unit, ...
  const char* summary;  // one line for `aftersales --help`
  // Adds the family's verbs and options to `family`; the chosen verb's callback tells the
  // session what to run (Session::choose).
  void (*attach)(CLI::App& family, Session& session);
  bool hidden = false;  // run by the shell or the build, not listed (`__complete`, `__man`)
};

const std::vector<CommandFamily>& command_families();

// "aftersales X.Y.Z", as --version, -V and `aftersales version` print it.
std::string version_line();

// One attach function per family (commands/*_command.cpp).
void attach_init(CLI::App& family, Session& session);
void attach_config(CLI::App& family, Session& session);
void attach_customer(CLI::App& family, Session& session);
void attach_model(CLI::App& family, Session& session);
void attach_unit(CLI::App& family, Session& session);
void attach_log(CLI::App& family, Session& session);
void attach_export(CLI::App& family, Session& session);
void attach_backup(CLI::App& family, Session& session);
void attach_help(CLI::App& family, Session& session);
void attach_version(CLI::App& family, Session& session);
void attach_complete(CLI::App& family, Session& session);
void attach_man(CLI::App& family, Session& session);
void attach_import(CLI::App& family, Session& session);
void attach_ticket(CLI::App& family, Session& session);
void attach_approval(CLI::App& family, Session& session);
void attach_doctor(CLI::App& family, Session& session);
void attach_part(CLI::App& family, Session& session);
void attach_gatepass(CLI::App& family, Session& session);
void attach_purchase(CLI::App& family, Session& session);
void attach_visit(CLI::App& family, Session& session);
void attach_survey(CLI::App& family, Session& session);
void attach_complaint(CLI::App& family, Session& session);
void attach_training(CLI::App& family, Session& session);
void attach_report(CLI::App& family, Session& session);
void attach_print(CLI::App& family, Session& session);
void attach_attachment(CLI::App& family, Session& session);
void attach_search(CLI::App& family, Session& session);

}  // namespace aftersales::cli
