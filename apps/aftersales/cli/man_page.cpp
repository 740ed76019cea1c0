#include "cli/man_page.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <sstream>

#include "cli/command_tree.h"
#include "cli/help_formatter.h"
#include "exit_codes.h"

namespace aftersales::cli {

namespace {

// Text as roff reads it: backslashes escaped, hyphens as minus signs (so that options can be
// searched and copied), and a line that would start with a control character made plain
// (the text's first line too when it starts a line of the page: `line_start`).
std::string roff(const std::string& text, bool line_start = false) {
  std::string out;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    line_start = c == '\n';
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  return out;
}

// "\fB\-o\fR, \fB\-\-output\fR \fITEXT\fR"
std::string option_label(const CLI::Option& option) {
  std::string label;
  for (const std::string& name : option.get_snames()) {
    label += (label.empty() ? "" : ", ") + fmt::format("\\fB{}\\fR", roff("-" + name));
  }
  for (const std::string& name : option.get_lnames()) {
    label += (label.empty() ? "" : ", ") + fmt::format("\\fB{}\\fR", roff("--" + name));
  }
  if (!option.nonpositional()) label = fmt::format("\\fI{}\\fR", roff(option.get_name()));
  if (option.nonpositional() && option.get_expected_min() > 0) {
    label += fmt::format(" \\fI{}\\fR", roff(option.get_type_name()));
  }
  return label;
}

void write_option(std::ostringstream& out, const CLI::Option& option) {
  std::vector<std::string> notes;
  if (option.get_required()) notes.emplace_back("required");
  if (!option.get_envname().empty()) {
    notes.push_back(fmt::format("environment \\fB{}\\fR", roff(option.get_envname())));
  }
  if (!option.get_default_str().empty()) {
    notes.push_back(fmt::format("default {}", roff(option.get_default_str())));
  }
  out << ".TP\n" << option_label(option) << '\n' << roff(option.get_description(), true);
  if (!notes.empty()) out << fmt::format(" ({})", fmt::join(notes, "; "));
  out << '\n';
}

// A command's section: its path, description, arguments and options (its own, not the
// global ones, which have their section) and its example.
void write_command(std::ostringstream& out, const CLI::App& command) {
  const auto subcommands = subcommands_of(command);
  out << fmt::format(".SS {}\n", roff(command_path(command)));
  out << roff(command.get_description(), true) << '\n';
  for (const CLI::Option* option : command.get_options()) {
    if (option == command.get_help_ptr()) continue;
    write_option(out, *option);
  }
  const std::string footer = command.get_footer();
  if (!footer.empty()) {
    out << ".PP\n.nf\n" << roff(footer, true) << "\n.fi\n";
  }
  for (const CLI::App* sub : subcommands) write_command(out, *sub);
}

}  // namespace

std::string man_page(const CLI::App& root, const std::string& version) {
  std::ostringstream out;
  out << fmt::format(".TH AFTERSALES 1 \"\" \"{}\" \"User Commands\"\n", roff(version));
  // "aftersales: the after-sales service ..." names the program once already.
  std::string summary = root.get_description();
  if (summary.rfind("aftersales: ", 0) == 0) summary.erase(0, 12);
  out << ".SH NAME\naftersales \\- " << roff(summary) << '\n';
  out << ".SH SYNOPSIS\n\\fBaftersales\\fR [\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR "
         "[\\fIVERB\\fR] [\\fIARGUMENTS\\fR]\n";
  out << ".SH DESCRIPTION\n"
      << roff(
             "One binary with noun-verb commands keeps the after-sales service of an equipment "
             "maker: the factory archive of every shipped unit, service requests and their "
             "approvals, spare parts, follow-up visits, surveys, complaints and the monthly "
             "reports, under the rulebook kept in the ledger. Data goes to standard output "
             "(or -o FILE); errors, warnings and summaries go to standard error, as "
             "\"aftersales: error: what\" with a hint on how to fix it.")
      << '\n';
  out << ".SH GLOBAL OPTIONS\nThey may be given before or after the command.\n";
  for (const CLI::Option* option : root.get_options()) {
    if (option->get_group() == kGlobalOptions) write_option(out, *option);
  }
  out << ".SH COMMANDS\n";
  for (const CLI::App* family : subcommands_of(root)) write_command(out, *family);
  out << ".SH EXIT STATUS\n";
  for (const auto& [code, meaning] : exit_code_meanings()) {
    out << fmt::format(".TP\n{}\n{}\n", process_status(code), roff(meaning));
  }
  out << ".SH ENVIRONMENT\n";
  for (const CLI::Option* option : root.get_options()) {
    if (option->get_envname().empty()) continue;
    out << fmt::format(".TP\n\\fB{}\\fR\nas {}\n", roff(option->get_envname()),
                       option_label(*option));
  }
  // Read by the terminal output (terminal_output.h), not by an option.
  for (const auto& [name, meaning] : std::vector<std::pair<const char*, const char*>>{
           {"AFTERSALES_PAGER, PAGER",
            "the pager of long output on a terminal (else less; empty or cat: none)"},
           {"LESS", "set to FRX when unset, so that output shorter than a screen is not paged"},
           {"NO_COLOR", "when set and not empty, no colour on a terminal (also TERM=dumb)"},
           {"COLUMNS", "the terminal's width tables are cut to, instead of the one it reports"},
           // Read by the messages' catalogue (core/translate.h).
           {"LANGUAGE, LC_ALL, LC_MESSAGES, LANG",
            "the language of messages and table headings: Chinese when the first of them set "
            "asks for zh (LANG=zh_CN.UTF-8 needs no generated locale), else English; CSV "
            "headers and JSON keys never change"}}) {
    out << fmt::format(".TP\n\\fB{}\\fR\n{}\n", roff(name), roff(meaning));
  }
  out << ".SH FILES\n"
      << ".TP\n\\fI./aftersales.db\\fR\n"
      << roff("the ledger when neither --db nor AFTERSALES_DB names one") << '\n'
      << ".TP\n\\fI./aftersales.toml\\fR\n"
      << roff(
             "the rules file init and config check read when --config names none; the "
             "example rulebook (the seed's rules) is installed in "
             "/usr/share/doc/aftersales/examples/aftersales.toml")
      << '\n'
      << ".TP\n\\fIaftersales\\-postgresql.so\\fR\n"
      << roff(
             "the PostgreSQL driver, loaded for a postgresql:// ledger only, from the "
             "library directory's aftersales/ beside the binary's")
      << '\n';
  out << ".SH SEE ALSO\n\\fBsqlite3\\fR(1), \\fBpsql\\fR(1), "
         "/usr/share/doc/aftersales/README.md\n";
  return out.str();
}

}  // namespace aftersales::cli
