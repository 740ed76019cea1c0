#include "cli/completion.h"

#include <CLI/CLI.hpp>
#include <map>

#include "aftersales/forms/printed_form.h"
#include "aftersales/tickets/ticket.h"
#include "cli/command_tree.h"

namespace aftersales::cli {

namespace {

bool begins_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> starting_with(const std::vector<std::string>& all,
                                       const std::string& prefix) {
  std::vector<std::string> matching;
  for (const std::string& candidate : all) {
    if (begins_with(candidate, prefix)) matching.push_back(candidate);
  }
  return matching;
}

std::vector<std::string> ticket_states() {
  std::vector<std::string> states;
  for (int state = 0; state <= static_cast<int>(TicketState::kResolved); ++state) {
    states.emplace_back(state_name(static_cast<TicketState>(state)));
  }
  return states;
}

// The values of an option or argument, by its name (and for CODE and NUMBER by the command
// family it belongs to); nothing for free text and files.
std::vector<std::string> values_of(const CLI::Option& option, const CLI::App& command,
                                   const std::string& prefix, const LiveNames& live) {
  static const std::map<std::string, NameKind> kinds = {
      {"--unit", NameKind::kSerial},    {"SERIAL", NameKind::kSerial},
      {"UNIT", NameKind::kSerial},      {"--customer", NameKind::kCustomer},
      {"--model", NameKind::kModel},    {"--ticket", NameKind::kTicket},
      {"T", NameKind::kTicket},         {"--part", NameKind::kPart},
      {"PARTNO", NameKind::kPart},      {"customer CODE", NameKind::kCustomer},
      {"model CODE", NameKind::kModel}, {"complaint NUMBER", NameKind::kComplaint},
  };
  const std::string name = option.get_name();
  if (name == "--format") return starting_with({"table", "csv", "tsv", "json", "jsonl"}, prefix);
  if (name == "--state") return starting_with(ticket_states(), prefix);
  if (name == "FORM") {  // print: the seed's keys (表6) and the names (work-record)
    std::vector<std::string> forms;
    for (const FormSpec& spec : form_specs()) {
      forms.push_back(spec.key);
      forms.push_back(spec.name);
    }
    return starting_with(forms, prefix);
  }
  auto kind = kinds.find(name);
  if (kind == kinds.end() && command.get_parent() != nullptr) {
    kind = kinds.find(command.get_parent()->get_name() + " " + name);  // `customer show CODE`
  }
  if (kind == kinds.end()) return {};
  return live(kind->second, prefix);
}

}  // namespace

std::vector<std::string> complete(const CLI::App& root, const std::vector<std::string>& words,
                                  const LiveNames& live) {
  if (words.empty()) return {};
  const CLI::App* command = &root;
  const CLI::Option* awaiting = nullptr;  // the option whose value comes next
  std::size_t arguments = 0;              // arguments of `command` before the last word
  bool only_arguments = false;            // after "--"
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& word = words[i];
    if (awaiting != nullptr) {
      awaiting = nullptr;
    } else if (!only_arguments && word == "--") {
      only_arguments = true;
    } else if (!only_arguments && word.size() > 1 && word[0] == '-') {
      const CLI::Option* option = find_option(*command, word.substr(0, word.find('=')));
      if (option != nullptr && option->get_expected_min() > 0 &&
          word.find('=') == std::string::npos) {
        awaiting = option;
      }
    } else {
      const CLI::App* next = nullptr;
      if (!only_arguments) {
        for (const CLI::App* sub : subcommands_of(*command)) {
          if (sub->check_name(word)) next = sub;
        }
      }
      if (next != nullptr) {
        command = next;
        arguments = 0;
      } else {
        ++arguments;
      }
    }
  }

  const std::string& typed = words.back();
  if (awaiting != nullptr) return values_of(*awaiting, *command, typed, live);
  if (!only_arguments && !typed.empty() && typed[0] == '-') {
    return starting_with(option_spellings(*command), typed);
  }
  const auto subcommands = subcommands_of(*command);
  if (!subcommands.empty()) {
    std::vector<std::string> names;
    for (const CLI::App* sub : subcommands) names.push_back(sub->get_name());
    return starting_with(names, typed);
  }
  const auto positionals =
      command->get_options([](const CLI::Option* o) { return !o->nonpositional(); });
  if (positionals.empty()) return {};
  // The argument being typed, or the last one when it takes many (FILE...).
  const CLI::Option* argument = positionals[std::min(arguments, positionals.size() - 1)];
  return values_of(*argument, *command, typed, live);
}

std::string db_in(const std::vector<std::string>& words) {
  std::string db;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--db" && i + 1 < words.size()) db = words[i + 1];
    if (begins_with(words[i], "--db=")) db = words[i].substr(5);
  }
  return db;
}

}  // namespace aftersales::cli
