// The command line as a new user meets it (issue 14): the version, help for any command, and
// usage errors that name the word at fault and what was meant.
#include <doctest/doctest.h>

#include "cli/cli_support.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::RunResult;

TEST_CASE("--version, -V and version print the version and exit 0") {
  Cli cli;
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"--version"}, {"-V"}, {"version"}}) {
    const RunResult r = cli.run(args);
    INFO(args.front(), " ", r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "aftersales " AFTERSALES_VERSION "\n");
    CHECK(r.err.empty());
  }
}

TEST_CASE("a mistyped command is named with the command it was typed for and what was meant") {
  Cli cli;
  RunResult r = cli.run({"unit", "lst"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(contains(r.err,
                 "aftersales: error: `aftersales unit` has no command \"lst\"; did you mean "
                 "\"list\"?"));
  CHECK(contains(r.err, "hint: its commands: add, edit, show"));

  r = cli.run({"uint", "list"});  // two letters swapped are one slip
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "`aftersales` has no command \"uint\"; did you mean \"unit\"?"));

  r = cli.run({"unit", "xyzzy"});  // nothing close: no guess
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "has no command \"xyzzy\"\n"));
}

TEST_CASE("a mistyped option is named with the closest option of that command") {
  Cli cli;
  RunResult r = cli.run({"unit", "list", "--modle", "HYS5160"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err,
                 "aftersales: error: `aftersales unit list` has no option --modle; did you mean "
                 "\"--model\"?"));
  CHECK(contains(r.err, "hint: see `aftersales unit list --help`"));

  // A global option is in reach after the command, and so is its near miss.
  r = cli.run({"unit", "list", "--fromat", "csv"});
  CHECK(contains(r.err, "did you mean \"--format\"?"));
  // A value that looks like a command is the option's value, not a command.
  r = cli.run({"unit", "list", "--model", "lst", "--modle"});
  CHECK(contains(r.err, "has no option --modle"));
}

TEST_CASE("a command without its verb lists the verbs, a missing value names the option") {
  Cli cli;
  RunResult r = cli.run({"unit"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "`aftersales unit` needs a command: add, edit, show, find, list"));

  r = cli.run({"unit", "list", "--model"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "aftersales: error: `aftersales unit list`: --model"));
  CHECK(contains(r.err, "hint: see `aftersales unit list --help`"));
}

TEST_CASE("every command's help lists the global options after its own") {
  Cli cli;
  const RunResult r = cli.run({"ticket", "open", "--help"});
  CHECK(r.exit_code == 0);
  const auto own = r.out.find("--unit");
  const auto global = r.out.find("Global options:");
  REQUIRE(own != std::string::npos);
  REQUIRE(global != std::string::npos);
  CHECK(own < global);
  CHECK(r.out.find("--db", global) != std::string::npos);
  CHECK(r.out.find("--format", global) != std::string::npos);
  CHECK(r.out.find("Example:", global) != std::string::npos);  // the example stays last
}

TEST_CASE("help COMMAND prints that command's help, and an unknown one is a usage error") {
  Cli cli;
  const RunResult by_flag = cli.run({"ticket", "open", "--help"});
  RunResult r = cli.run({"help", "ticket", "open"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == by_flag.out);
  CHECK(contains(r.out, "Usage: aftersales ticket open"));

  r = cli.run({"help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == cli.run({"--help"}).out);

  r = cli.run({"help", "tiket"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "has no command \"tiket\"; did you mean \"ticket\"?"));
}
