// One way to declare a command: its request struct, its options, how it uses the ledger, and
// one body that calls the core and renders. CLI11 stays in commands/ and main.cpp.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "exit_codes.h"
#include "session.h"

namespace aftersales::cli {

// Sets the help footer of a command to one example (CLI.md: every command has one).
inline void example(CLI::App& command, const std::string& text) {
  command.footer("Example:\n  " + text);
}

// A verb of a command family, as `aftersales NOUN --help` lists it.
struct VerbSpec {
  std::string name;     // as typed: "add", "list", ...
  std::string summary;  // one line for the family's --help
  std::string example;  // one example for the verb's --help
  StoreUse store;       // how it uses the ledger; the session opens the store to match
  RulesSource rules = RulesSource::kLedger;  // where its rules come from
};

// The request of a verb that takes no arguments.
struct NoRequest {};

namespace detail {

// Runs a body; a body that returns nothing has done its work (exit 0).
template <typename Body, typename Request>
ExitCode run_body(const Body& body, Session& session, const Request& request) {
  if constexpr (std::is_void_v<std::invoke_result_t<const Body&, Session&, const Request&>>) {
    body(session, request);
    return ExitCode::kOk;
  } else {
    return body(session, request);
  }
}

}  // namespace detail

// Makes `command` a command: `add_options(CLI::App&, Request&)` binds its arguments to a
// Request that lives as long as the command, and once the command line has been parsed
// `body(Session&, const Request&)` is chosen to run with the store opened as `store` says.
// The body returns void (exit 0) or an ExitCode; errors it raises are mapped by main().
// Returns `command`.
// Its rules come from `rules` (the ledger's rulebook unless said otherwise).
template <typename Request, typename AddOptions, typename Body>
CLI::App& define_command(CLI::App& command, Session& session, StoreUse store,
                         const AddOptions& add_options, Body body,
                         RulesSource rules = RulesSource::kLedger) {
  auto request = std::make_shared<Request>();
  add_options(command, *request);
  command.callback([&session, store, rules, request, body] {
    session.choose(store, rules,
                   [&session, request, body] { return detail::run_body(body, session, *request); });
  });
  return command;
}

// A command without arguments: `body(Session&)`.
template <typename Body>
CLI::App& define_command(CLI::App& command, Session& session, StoreUse store, Body body,
                         RulesSource rules = RulesSource::kLedger) {
  return define_command<NoRequest>(
      command, session, store, [](CLI::App&, NoRequest&) {},
      [body](Session& s, const NoRequest&) { return body(s); }, rules);
}

// Adds a verb to a command family and makes it a command (define_command). Returns the verb.
template <typename Request, typename AddOptions, typename Body>
CLI::App& add_verb(CLI::App& family, Session& session, const VerbSpec& spec,
                   const AddOptions& add_options, Body body) {
  CLI::App* verb = family.add_subcommand(spec.name, spec.summary);
  example(*verb, spec.example);
  return define_command<Request>(*verb, session, spec.store, add_options, std::move(body),
                                 spec.rules);
}

// A verb without arguments: `body(Session&)`.
template <typename Body>
CLI::App& add_verb(CLI::App& family, Session& session, const VerbSpec& spec, Body body) {
  CLI::App* verb = family.add_subcommand(spec.name, spec.summary);
  example(*verb, spec.example);
  return define_command(*verb, session, spec.store, std::move(body), spec.rules);
}

}  // namespace aftersales::cli
