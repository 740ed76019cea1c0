// Reading a rules file: syntax errors, unknown keys and tables with "did you mean", every
// problem listed with its line:column in file order, a missing or empty file.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "aftersales/core/error.h"
#include "aftersales/rules/rules_file.h"
#include "rules/rules_test_support.h"

namespace aftersales {
namespace {

using testing::contains;
using testing::problems_of;
using testing::TempDir;

TEST_CASE("an unknown key is refused with a suggestion") {
  const TempDir dir;
  const std::string path = dir.write("rules.toml",
                                     "[approvals]\n"
                                     "budget_treshold = \"1500\"\n");
  const std::vector<RulesProblem> problems = check_rules_file(path);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 2);
  CHECK(problems[0].column == 1);
  CHECK(problems[0].key == "approvals.budget_treshold");
  CHECK(problems[0].message ==
        "unknown key \"approvals.budget_treshold\"; did you mean \"approvals.budget_threshold\"?");
  CHECK(problems[0].to_string() ==
        path +
            ":2:1: approvals.budget_treshold: unknown key \"approvals.budget_treshold\"; did "
            "you mean \"approvals.budget_threshold\"?");
}

TEST_CASE("a key in the wrong table and an unknown table are refused with suggestions") {
  const TempDir dir;
  const std::string path = dir.write("rules.toml",
                                     "[general]\n"
                                     "budget_threshold = \"1500\"\n"
                                     "[aprovals]\n"
                                     "budget = [\"gm\"]\n"
                                     "[nonsense]\n");
  const std::vector<std::string> problems = problems_of(path);
  REQUIRE(problems.size() == 3);
  CHECK(contains(problems[0], "2:1: general.budget_threshold: unknown key"));
  CHECK(contains(problems[0], "did you mean \"approvals.budget_threshold\"?"));
  CHECK(
      contains(problems[1], "3:1: aprovals: unknown table [aprovals]; did you mean [approvals]?"));
  CHECK(contains(problems[2], "5:1: nonsense: unknown table [nonsense]; `aftersales config show`"));
}

TEST_CASE("a syntax error stops at the first with its line and column") {
  const TempDir dir;
  const std::string path = dir.write("rules.toml",
                                     "[approvals]\n"
                                     "budget_threshold = \"1000.00\n"
                                     "gate_pass_limit = = 3\n"
                                     "nonsense = 1\n");
  const std::vector<RulesProblem> problems = check_rules_file(path);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 2);
  CHECK(problems[0].column > 0);
  CHECK(problems[0].key.empty());
  CHECK_FALSE(problems[0].message.empty());
  CHECK(problems[0].to_string().rfind(path + ":2:", 0) == 0);
}

TEST_CASE("several semantic errors are all listed with line and column in file order") {
  const TempDir dir;
  const std::string path = dir.write("rules.toml",
                                     "[survey]\n"
                                     "quarter = 5\n"
                                     "[approvals]\n"
                                     "budget = []\n"
                                     "gate_pass_limit = \"abc\"\n"
                                     "credit = [\"gm\", \"gm\"]\n"
                                     "[visits]\n"
                                     "new_unit_days = \"10\"\n"
                                     "[kpi]\n"
                                     "on_time_rate = 101\n"
                                     "[lists]\n"
                                     "channels = [\"phone\", \"phone\", \"\"]\n"
                                     "[sla]\n"
                                     "default_priority = \"asap\"\n"
                                     "[sla.response_hours]\n"
                                     "urgent = 0\n");
  const std::vector<std::string> problems = problems_of(path);
  REQUIRE(problems.size() == 10);
  CHECK(problems[0] ==
        "2:11: survey.quarter: 5 is out of range: expected a whole number from 1 to 4");
  CHECK(problems[1] ==
        "4:10: approvals.budget: the approval chain is empty: name at least one role that signs");
  CHECK(contains(problems[2], "5:19: approvals.gate_pass_limit: cannot read \"abc\" as money"));
  CHECK(problems[3] ==
        "6:17: approvals.credit: \"gm\" appears twice: nobody signs two steps of one chain");
  CHECK(problems[4] ==
        "8:17: visits.new_unit_days: expected a whole number of at least 1, got the text \"10\"");
  CHECK(problems[5] ==
        "10:16: kpi.on_time_rate: 101 is out of range: a percentage is from 0 to 100");
  CHECK(problems[6] == "12:22: lists.channels: \"phone\" is listed twice: remove one");
  CHECK(problems[7] == "12:31: lists.channels: an item is empty: remove it or give its name");
  CHECK(contains(problems[8], "14:20: sla.default_priority: \"asap\" is not a priority"));
  CHECK(problems[9] ==
        "16:10: sla.response_hours.urgent: 0 is out of range: expected a whole number from 1 "
        "to 8784");
}

TEST_CASE("loading a bad file throws a usage error listing every problem") {
  const TempDir dir;
  const std::string path = dir.write("rules.toml",
                                     "[survey]\n"
                                     "quarter = 0\n"
                                     "[complaints]\n"
                                     "deadline_days = -1\n");
  try {
    load_rules_file(path);
    FAIL("expected an error");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::kUsage);
    const std::string message = error.what();
    CHECK(contains(message, path + ":2:11: survey.quarter: 0 is out of range"));
    CHECK(contains(message, "\n" + path + ":4:17: complaints.deadline_days: -1 is out of range"));
    CHECK_FALSE(error.hint().empty());
  }
}

TEST_CASE("a table where a value belongs and a value where a table belongs are refused") {
  const TempDir dir;
  const std::vector<std::string> problems =
      problems_of(dir.write("rules.toml", "approvals = 5\n[kpi.visit_rate]\nx = 1\n"));
  REQUIRE(problems.size() == 2);
  CHECK(contains(problems[0], "1:13: approvals: expected a table, got the whole number 5"));
  CHECK(contains(problems[1], "kpi.visit_rate: expected a percentage from 0 to 100"));
}

TEST_CASE("a missing config file is a usage error") {
  const TempDir dir;
  const std::string path = dir.write("present.toml", "") + ".missing";
  CHECK_THROWS_AS(check_rules_file(path), Error);
  try {
    load_rules_file(path);
    FAIL("expected an error");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::kUsage);
    CHECK(contains(error.what(), "config file " + path + " not found"));
  }
}

TEST_CASE("an empty file yields the defaults") {
  const TempDir dir;
  const std::string path = dir.write("empty.toml", "");
  CHECK(check_rules_file(path).empty());
  const LoadedRules loaded = load_rules_file(path);
  const LoadedRules defaults = default_rules();
  REQUIRE(loaded.settings.size() == defaults.settings.size());
  for (std::size_t k = 0; k < loaded.settings.size(); ++k) {
    CHECK(loaded.settings[k].value == defaults.settings[k].value);
    CHECK(loaded.settings[k].origin == "default");
  }
}

}  // namespace
}  // namespace aftersales
