// Output on a terminal (issue 14), run on a pseudo-terminal: the pager, cells cut to the
// terminal's width with "…", colour for trouble; and none of it in a pipe, a file or JSON.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "aftersales/io/render.h"
#include "cli/cli_support.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;

namespace {

const std::string kLongName =
    "鞍山市环卫处第一清扫大队东区作业站（含附属维修车间及备件仓库）联系人变更后以新合同为准";

// A ledger with one customer whose name is far wider than a terminal.
void seed_long_name(const Cli& cli) {
  REQUIRE(cli.run({"init"}).exit_code == 0);
  REQUIRE(cli.run({"customer", "add", "C001", "--name", kLongName}).exit_code == 0);
}

// A ledger whose one import batch rejected a row (`import list` shows rejected 1).
void seed_rejected_import(const Cli& cli) {
  REQUIRE(cli.run({"init"}).exit_code == 0);
  cli.write_file("in.csv", "code,name\r\nC100,甲公司\r\nC101,\r\n");
  REQUIRE(cli.run({"import", "customers", "in.csv", "--on-error", "skip"}).exit_code != 0);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const std::string kRed = "\x1b[31m";

}  // namespace

TEST_CASE("on a terminal a table is cut to its width with an ellipsis, in a pipe it is whole") {
  Cli cli;
  seed_long_name(cli);
  const RunResult r =
      cli.run_on_terminal({"customer", "list"}, {{"COLUMNS", "60"}, {"NO_COLOR", "1"}}, 100);
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "…"));
  CHECK_FALSE(contains(r.out, kLongName));
  for (const std::string& line : lines_of(r.out)) {
    CHECK(aftersales::display_width(line) <= 60);
  }
  // Without COLUMNS the terminal's own width counts.
  const RunResult narrow = cli.run_on_terminal({"customer", "list"}, {{"NO_COLOR", "1"}}, 50);
  for (const std::string& line : lines_of(narrow.out)) {
    CHECK(aftersales::display_width(line) <= 50);
  }
  const RunResult piped = cli.run({"customer", "list"}, {{"COLUMNS", "60"}});
  CHECK(contains(piped.out, kLongName));
  CHECK_FALSE(contains(piped.out, "…"));
  // Machine formats on a terminal are never cut.
  const RunResult csv = cli.run_on_terminal({"customer", "list", "--format", "csv"},
                                            {{"COLUMNS", "60"}, {"NO_COLOR", "1"}});
  CHECK(contains(csv.out, kLongName));
}

TEST_CASE("on a terminal trouble is coloured, unless NO_COLOR or TERM=dumb, never in a pipe") {
  Cli cli;
  seed_rejected_import(cli);
  const RunResult r = cli.run_on_terminal({"import", "list"});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, kRed + "1\x1b[0m"));  // one rejected row
  CHECK_FALSE(contains(cli.run_on_terminal({"import", "list"}, {{"NO_COLOR", "1"}}).out, "\x1b["));
  CHECK_FALSE(contains(cli.run_on_terminal({"import", "list"}, {{"TERM", "dumb"}}).out, "\x1b["));
  // An empty NO_COLOR does not count.
  CHECK(contains(cli.run_on_terminal({"import", "list"}, {{"NO_COLOR", ""}}).out, kRed));
  CHECK_FALSE(contains(cli.run({"import", "list"}).out, "\x1b["));
  CHECK_FALSE(contains(cli.run_on_terminal({"import", "list", "--format", "json"}).out, "\x1b["));
}

TEST_CASE("on a terminal output goes through the pager, not with --no-pager nor in a pipe") {
  Cli cli;
  seed_long_name(cli);
  const std::map<std::string, std::string> marking = {{"AFTERSALES_PAGER", "sed s/^/P:/"},
                                                      {"PAGER", "sed s/^/Q:/"}};
  RunResult r = cli.run_on_terminal({"customer", "list"}, marking);
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  const std::vector<std::string> lines = lines_of(r.out);
  REQUIRE_FALSE(lines.empty());
  for (const std::string& line : lines) CHECK(line.rfind("P:", 0) == 0);
  // PAGER when AFTERSALES_PAGER is unset; an empty AFTERSALES_PAGER or cat means none.
  CHECK(lines_of(cli.run_on_terminal({"customer", "list"}, {{"PAGER", "sed s/^/Q:/"}}).out)
            .front()
            .rfind("Q:", 0) == 0);
  CHECK_FALSE(contains(cli.run_on_terminal({"customer", "list"},
                                           {{"AFTERSALES_PAGER", ""}, {"PAGER", "sed s/^/Q:/"}})
                           .out,
                       "Q:"));
  CHECK_FALSE(contains(cli.run_on_terminal({"customer", "list"}, {{"PAGER", "cat"}}).out, "P:"));
  r = cli.run_on_terminal({"--no-pager", "customer", "list"}, marking);
  CHECK(r.exit_code == 0);
  CHECK_FALSE(contains(r.out, "P:"));
  CHECK(contains(r.out, "C001"));
  r = cli.run({"customer", "list"}, marking);
  CHECK_FALSE(contains(r.out, "P:"));
  CHECK(contains(r.out, "C001"));
}

TEST_CASE("the pager gets LESS=FRX unless LESS is set") {
  Cli cli;
  seed_long_name(cli);
  // Shell syntax: the pager runs through /bin/sh -c.
  const std::map<std::string, std::string> show_less = {
      {"AFTERSALES_PAGER", "cat >/dev/null; echo \"LESS=$LESS\""}};
  RunResult r = cli.run_on_terminal({"customer", "list"}, show_less);
  INFO(describe(r));
  CHECK(contains(r.out, "LESS=FRX"));
  std::map<std::string, std::string> with_less = show_less;
  with_less["LESS"] = "S";
  CHECK(contains(cli.run_on_terminal({"customer", "list"}, with_less).out, "LESS=S\n"));
}

TEST_CASE("a pager that cannot start leaves the output written directly") {
  Cli cli;
  seed_long_name(cli);
  const RunResult r =
      cli.run_on_terminal({"customer", "list"}, {{"AFTERSALES_PAGER", "no-such-pager-here"}});
  INFO(describe(r));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "C001"));
}

TEST_CASE("quitting the pager before the end of long output is no error") {
  Cli cli;
  REQUIRE(cli.run({"init"}).exit_code == 0);
  std::string customers = "code,name\r\n";
  for (int i = 0; i < 3000; ++i) {
    customers += "C" + std::to_string(10000 + i) + "," + kLongName + "\r\n";
  }
  cli.write_file("customers.csv", customers);
  REQUIRE(cli.run({"import", "customers", "customers.csv"}).exit_code == 0);
  // `head -n 3` reads a little and quits: the rest of the writes fail with EPIPE.
  const RunResult r = cli.run_on_terminal({"customer", "list", "--format", "csv"},
                                          {{"AFTERSALES_PAGER", "head -n 3"}});
  INFO(describe(r.exit_code == 0 ? RunResult{r.exit_code, "", r.err} : r));
  CHECK(r.exit_code == 0);
  CHECK(lines_of(r.out).size() == 3);
  CHECK_FALSE(contains(r.err, "error"));
}
