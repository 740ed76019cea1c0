// Reading each kind of value: money, roles and chains, [users], the identity source, names with
// spaces around them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "aftersales/rules/rules_file.h"
#include "rules/rules_test_support.h"

namespace aftersales {
namespace {

using testing::contains;
using testing::problems_of;
using testing::TempDir;
using testing::value_of;

TEST_CASE("money that does not parse is refused") {
  const TempDir dir;
  const std::string path = dir.write("rules.toml",
                                     "[parts]\n"
                                     "return_over = \"50.001\"\n"
                                     "[costs]\n"
                                     "labour_rate = \"-100\"\n"
                                     "large_paid_repair = true\n");
  const std::vector<std::string> problems = problems_of(path);
  REQUIRE(problems.size() == 3);
  CHECK(contains(problems[0], "2:15: parts.return_over: cannot read \"50.001\" as money: "));
  CHECK(contains(problems[1], "4:15: costs.labour_rate: -100.00 is negative"));
  CHECK(contains(problems[2], "5:21: costs.large_paid_repair: expected money"));
  CHECK(contains(problems[2], "got true"));
}

TEST_CASE("money written as a decimal number is refused with a hint to quote it") {
  const TempDir dir;
  const std::string path = dir.write("rules.toml",
                                     "[approvals]\n"
                                     "budget_threshold = 1000.5\n");
  const std::vector<std::string> problems = problems_of(path);
  REQUIRE(problems.size() == 1);
  CHECK(contains(problems[0], "2:20: approvals.budget_threshold: money must not be a decimal"));
  CHECK(contains(problems[0], "budget_threshold = \"1000.50\""));
}

TEST_CASE("money is read from quoted amounts with separators and from whole yuan") {
  const TempDir dir;
  const std::string path = dir.write("rules.toml",
                                     "[approvals]\n"
                                     "budget_threshold = \"¥1,234.5\"\n"
                                     "gate_pass_limit = \"600\"\n"
                                     "[parts]\n"
                                     "return_over = 0\n");
  const LoadedRules loaded = load_rules_file(path);
  CHECK(loaded.rules.approvals.budget_threshold == Money{123450});
  CHECK(loaded.rules.approvals.gate_pass_limit == Money{60000});
  CHECK(loaded.rules.parts.return_over == Money{0});
  CHECK(value_of(loaded, "approvals.budget_threshold") == "\"1234.50\"");
}

TEST_CASE("an unknown role in a chain is refused with a suggestion") {
  const TempDir dir;
  const std::string path = dir.write("rules.toml",
                                     "[approvals]\n"
                                     "part_issue = [\"sales_manager\", \"deputy_gn\", 5]\n");
  const std::vector<std::string> problems = problems_of(path);
  REQUIRE(problems.size() == 2);
  CHECK(contains(problems[0],
                 "2:32: approvals.part_issue: unknown role \"deputy_gn\"; did you mean "
                 "\"deputy_gm\"?; the roles are clerk, technician,"));
  CHECK(problems[1] ==
        "2:45: approvals.part_issue: expected a role name in quotes, got the whole number 5");
}

TEST_CASE("an unknown role in users is refused") {
  const TempDir dir;
  const std::string path = dir.write("rules.toml",
                                     "[users]\n"
                                     "zhang = [\"clerk\"]\n"
                                     "wang = [\"boss\"]\n"
                                     "zhao = []\n"
                                     "qian = \"finance\"\n");
  const std::vector<std::string> problems = problems_of(path);
  REQUIRE(problems.size() == 3);
  CHECK(contains(problems[0], "3:9: users.wang: unknown role \"boss\"; the roles are clerk,"));
  CHECK(contains(problems[1], "4:8: users.zhao: no role given"));
  CHECK(contains(problems[2], "5:8: users.qian: expected a list of roles"));
}

TEST_CASE("an empty chain and an empty permission are refused") {
  const TempDir dir;
  const std::string path = dir.write("rules.toml",
                                     "[approvals]\n"
                                     "free_repair = []\n"
                                     "[permissions]\n"
                                     "archive_write = []\n");
  const std::vector<std::string> problems = problems_of(path);
  REQUIRE(problems.size() == 2);
  CHECK(contains(problems[0], "2:15: approvals.free_repair: the approval chain is empty"));
  CHECK(contains(problems[1], "4:17: permissions.archive_write: no role given"));
}

TEST_CASE("identity source accepts login and declared only") {
  const TempDir dir;
  CHECK(load_rules_file(dir.write("login.toml", "[identity]\nsource = \"login\"\n"))
            .rules.identity.source == IdentitySource::kLogin);
  CHECK(load_rules_file(dir.write("declared.toml", "[identity]\nsource = \"declared\"\n"))
            .rules.identity.source == IdentitySource::kDeclared);

  const std::vector<std::string> problems =
      problems_of(dir.write("bad.toml", "[identity]\nsource = \"anyone\"\n"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] ==
        "2:10: identity.source: unknown value \"anyone\": expected \"login\" or \"declared\"");
  CHECK(problems_of(dir.write("number.toml", "identity = { source = 1 }\n")).size() == 1);
}

TEST_CASE("a list item, a priority or a default with spaces around it is refused") {
  // A clerk's value is trimmed before it is compared, so "  底盘" could never be chosen.
  const TempDir dir;
  const std::vector<std::string> problems =
      problems_of(dir.write("rules.toml",
                            "[lists]\n"
                            "fault_categories = [\"  底盘\", \"底盘\"]\n"
                            "[sla]\n"
                            "default_priority = \"urgent \"\n"
                            "[sla.response_hours]\n"
                            "urgent = 8\n"
                            "\" normal\" = 24\n"
                            "\"\" = 72\n"));
  REQUIRE(problems.size() == 4);
  CHECK(problems[0] ==
        "2:21: lists.fault_categories: \"  底盘\" has spaces around it: remove them");
  CHECK(problems[1] == "4:20: sla.default_priority: \"urgent \" has spaces around it: remove them");
  CHECK(contains(problems[2], "7:13: sla.response_hours.\" normal\": a priority needs a name"));
  CHECK(contains(problems[3], "8:6: sla.response_hours.\"\": a priority needs a name"));
}

}  // namespace
}  // namespace aftersales
