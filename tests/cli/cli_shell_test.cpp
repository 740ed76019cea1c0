// What the shell and man read (issue 14): completion from the tree of commands and the
// ledger's own names, the bash script that asks for it, and the man page written from the tree.
#include <doctest/doctest.h>

#include <cstdlib>

#include "cli/cli_support.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::RunResult;

namespace {

RunResult complete(const Cli& cli, std::vector<std::string> words) {
  words.insert(words.begin(), {"__complete", "--"});
  return cli.run(words);
}

}  // namespace

TEST_CASE("completion offers the commands, verbs and options that begin with the word") {
  Cli cli;
  CHECK(complete(cli, {"tic"}).out == "ticket\n");
  CHECK(complete(cli, {"unit", "l"}).out == "list\n");
  CHECK(complete(cli, {"unit", "list", "--mo"}).out == "--model\n");
  CHECK(complete(cli, {"unit", "list", "--for"}).out == "--format\n");  // a global option
  CHECK(complete(cli, {"--format", "js"}).out == "json\njsonl\n");
  CHECK(complete(cli, {"ticket", "list", "--state", "in_"}).out == "in_service\n");
  CHECK(complete(cli, {"print", "表1"}).out == "表1\n表10\n表11\n表12\n表13\n");
  CHECK(complete(cli, {"print", "work"}).out == "work-record\n");
  // The hidden commands are not offered.
  CHECK_FALSE(contains(complete(cli, {"__"}).out, "__man"));
}

TEST_CASE("completion offers the ledger's own serials, codes and ticket numbers") {
  Cli cli;
  cli.seed_archive();
  REQUIRE(cli.run({"ticket", "open", "--unit", "2025-001", "--category", "液压系统", "--channel",
                   "phone", "--desc", "液压泵异响"})
              .exit_code == 0);
  CHECK(complete(cli, {"unit", "show", "2025"}).out == "2025-001\n");
  CHECK(complete(cli, {"ticket", "open", "--unit", ""}).out == "2025-001\n");
  CHECK(complete(cli, {"customer", "show", "C"}).out == "C001\n");
  CHECK(complete(cli, {"unit", "list", "--model", "HYS"}).out == "HYS5160\n");
  CHECK(contains(complete(cli, {"ticket", "show", "SR-"}).out, "SR-"));
  CHECK(complete(cli, {"unit", "show", "2099"}).out.empty());
  // An option's value that looks like a verb is its value: the serial is still offered.
  CHECK(complete(cli, {"unit", "list", "--customer", "list", "--model", "H"}).out == "HYS5160\n");
}

TEST_CASE("completion without a ledger offers names of nothing and says nothing") {
  Cli cli;  // no init: the ledger does not exist
  const RunResult r = complete(cli, {"unit", "show", "20"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
}

TEST_CASE("the bash completion script completes through the binary") {
  Cli cli;
  cli.seed_archive();
  // A bash session: the script is sourced and its function run as bash would on TAB.
  const std::string script =
      std::string(AFTERSALES_SOURCE_DIR) + "/scripts/completion/aftersales.bash";
  const std::string binary = AFTERSALES_BINARY;
  cli.write_file("session.sh", "source '" + script + "'\nCOMP_WORDS=('" + binary + "' --db '" +
                                   cli.db() +
                                   "' unit show 20)\nCOMP_CWORD=5\n_aftersales\n"
                                   "printf '%s\\n' \"${COMPREPLY[@]}\"\n");
  const std::string command = "bash " + cli.path("session.sh") + " > " + cli.path("reply.txt");
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(cli.read_file("reply.txt") == "2025-001\n");
}

TEST_CASE("the man page covers every command, the exit codes, the environment and the files") {
  Cli cli;
  const RunResult r = cli.run({"__man"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind(".TH AFTERSALES 1", 0) == 0);
  for (const char* section : {".SH NAME", ".SH SYNOPSIS", ".SH GLOBAL OPTIONS", ".SH COMMANDS",
                              ".SH EXIT STATUS", ".SH ENVIRONMENT", ".SH FILES"}) {
    CHECK(contains(r.out, section));
  }
  for (const char* command : {".SS aftersales unit list\n", ".SS aftersales ticket open\n",
                              ".SS aftersales report nightly\n", ".SS aftersales help\n"}) {
    CHECK(contains(r.out, command));
  }
  CHECK(contains(r.out, "\\fB\\-\\-model\\fR \\fITEXT\\fR"));
  CHECK(contains(r.out, "\\fBAFTERSALES_DB\\fR"));
  CHECK(contains(r.out, "\\fBLANGUAGE, LC_ALL, LC_MESSAGES, LANG\\fR"));
  CHECK(contains(r.out, ".TP\n5\n"));
  CHECK_FALSE(contains(r.out, "__complete"));
}
