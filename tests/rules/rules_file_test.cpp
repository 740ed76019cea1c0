// The rules file: defaults are the seed's numbers; a file overrides them and says where; every
// problem of a file is listed with its line:column.
#include "aftersales/rules/rules_file.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "aftersales/core/error.h"

namespace aftersales {
namespace {

namespace fs = std::filesystem;

// A directory of its own under the system's temp directory, removed afterwards. Unique per
// process, as CTest may run test cases in parallel.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("aftersales_rules_test_" + std::to_string(::getpid()) +
                                         "_" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `text` to a file in the directory and returns its path.
  std::string write(const std::string& name, const std::string& text) const {
    const fs::path file = path_ / name;
    std::ofstream out(file, std::ios::binary);
    out << text;
    return file.string();
  }

 private:
  fs::path path_;
};

const RulesSetting* find_setting(const LoadedRules& loaded, const std::string& key) {
  const auto found = std::find_if(loaded.settings.begin(), loaded.settings.end(),
                                  [&](const RulesSetting& setting) { return setting.key == key; });
  return found == loaded.settings.end() ? nullptr : &*found;
}

std::string value_of(const LoadedRules& loaded, const std::string& key) {
  const RulesSetting* setting = find_setting(loaded, key);
  return setting == nullptr ? "<missing>" : setting->value;
}

std::string origin_of(const LoadedRules& loaded, const std::string& key) {
  const RulesSetting* setting = find_setting(loaded, key);
  return setting == nullptr ? "<missing>" : setting->origin;
}

// The problems of a file as `LINE:COL: KEY: MESSAGE`, without the file name.
std::vector<std::string> problems_of(const std::string& path) {
  std::vector<std::string> out;
  for (const RulesProblem& problem : check_rules_file(path)) {
    CHECK(problem.file == path);
    out.push_back(std::to_string(problem.line) + ":" + std::to_string(problem.column) + ": " +
                  problem.key + ": " + problem.message);
  }
  return out;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("the built-in defaults are the seed's numbers") {
  const Rules rules = default_rules().rules;
  CHECK(rules.approvals.budget_threshold == Money{100000});  // 表5: 超过1000元
  CHECK(rules.approvals.budget == ApprovalChain{"sales_manager", "deputy_gm", "gm"});
  CHECK(rules.approvals.part_issue == ApprovalChain{"sales_manager", "deputy_gm", "gm"});
  CHECK(rules.approvals.gate_pass_limit == Money{50000});  // 出门证 500元
  CHECK(rules.approvals.gate_pass_small == ApprovalChain{"deputy_gm"});
  CHECK(rules.approvals.gate_pass_large == ApprovalChain{"gm", "finance"});
  CHECK(rules.approvals.quality_confirm == ApprovalChain{"tech_dept"});
  CHECK(rules.approvals.free_repair == ApprovalChain{"gm"});
  CHECK(rules.approvals.credit == ApprovalChain{"gm"});
  CHECK(rules.parts.return_over == Money{5000});  // 表12: 50元
  CHECK(rules.parts.deposit_percent == 20);
  CHECK(rules.parts.sales_report_due_day == 25);
  CHECK(rules.visits.new_unit_days == 10);     // 表2
  CHECK(rules.visits.major_repair_days == 7);  // 一周内
  CHECK(rules.visits.key_customer_per_year == 2);
  CHECK(rules.sla.response_hours ==
        std::map<std::string, int>{{"urgent", 8}, {"normal", 24}, {"low", 72}});
  CHECK(rules.sla.default_priority == "normal");
  CHECK(rules.archive.complete_within_days == 2);  // 表1
  CHECK(rules.survey.quarter == 4);                // 表9
  CHECK(rules.kpi.satisfaction_rate == 98);
  CHECK(rules.kpi.on_time_rate == 98);
  CHECK(rules.kpi.part_accuracy_rate == 98);
  CHECK(rules.kpi.visit_rate == 100);
  CHECK(rules.kpi.training_pass_rate == 100);
  CHECK(rules.general.utc_offset.minutes == 480);
  CHECK(rules.identity.source == IdentitySource::kLogin);
  CHECK(rules.users.empty());
}

TEST_CASE("every default setting is listed with its TOML value and origin default") {
  const LoadedRules loaded = default_rules();
  CHECK(loaded.settings.size() > 40);
  for (const RulesSetting& setting : loaded.settings) {
    CAPTURE(setting.key);
    CHECK(setting.origin == "default");
    CHECK_FALSE(setting.value.empty());
  }
  CHECK(value_of(loaded, "approvals.budget_threshold") == "\"1000.00\"");
  CHECK(value_of(loaded, "parts.large_order_value") == "\"10000.00\"");
  CHECK(value_of(loaded, "approvals.budget") == "[\"sales_manager\", \"deputy_gm\", \"gm\"]");
  CHECK(value_of(loaded, "sla.response_hours.urgent") == "8");
  CHECK(value_of(loaded, "sla.response_hours.low") == "72");
  CHECK(value_of(loaded, "kpi.satisfaction_rate") == "98");
  CHECK(value_of(loaded, "general.utc_offset") == "\"+08:00\"");
  CHECK(value_of(loaded, "identity.source") == "\"login\"");
  CHECK(value_of(loaded, "users") == "{}");
  CHECK(value_of(loaded, "lists.fault_categories").rfind("[\"底盘\", \"发动机\"", 0) == 0);
  // Stable order: the Rules struct's.
  CHECK(loaded.settings.front().key == "general.time_zone");
  CHECK(loaded.settings.back().key == "kpi.part_accuracy_rate");
}

TEST_CASE("a file overrides values and every setting says where it came from") {
  const TempDir dir;
  const std::string path = dir.write("rules.toml",
                                     "[approvals]\n"
                                     "budget_threshold = \"2,000.50\"\n"
                                     "gate_pass_limit = 800\n"
                                     "budget = [\"deputy_gm\", \"gm\"]\n"
                                     "\n"
                                     "[users]\n"
                                     "zhang = [\"clerk\"]\n"
                                     "\"li.ming\" = [\"service_manager\", \"qc\"]\n"
                                     "\n"
                                     "[kpi]\n"
                                     "satisfaction_rate = 97.5\n"
                                     "[identity]\n"
                                     "source = \"declared\"\n");
  CHECK(check_rules_file(path).empty());
  const LoadedRules loaded = load_rules_file(path);
  CHECK(loaded.rules.approvals.budget_threshold == Money{200050});
  CHECK(loaded.rules.approvals.gate_pass_limit == Money{80000});
  CHECK(loaded.rules.approvals.budget == ApprovalChain{"deputy_gm", "gm"});
  CHECK(loaded.rules.kpi.satisfaction_rate == 97.5);
  CHECK(loaded.rules.identity.source == IdentitySource::kDeclared);
  CHECK(loaded.rules.roles_of("zhang") == std::vector<std::string>{"clerk"});
  CHECK(loaded.rules.has_role("li.ming", "qc"));
  CHECK_FALSE(loaded.rules.has_role("zhang", "gm"));
  CHECK(loaded.rules.roles_of("nobody").empty());
  // Untouched keys keep the seed's numbers.
  CHECK(loaded.rules.parts.return_over == Money{5000});

  CHECK(value_of(loaded, "approvals.budget_threshold") == "\"2000.50\"");
  CHECK(origin_of(loaded, "approvals.budget_threshold") == path + ":2:20");
  CHECK(value_of(loaded, "approvals.gate_pass_limit") == "\"800.00\"");
  CHECK(origin_of(loaded, "approvals.gate_pass_limit") == path + ":3:19");
  CHECK(origin_of(loaded, "approvals.budget") == path + ":4:10");
  CHECK(value_of(loaded, "users.zhang") == "[\"clerk\"]");
  CHECK(origin_of(loaded, "users.zhang") == path + ":7:9");
  CHECK(value_of(loaded, "users.\"li.ming\"") == "[\"service_manager\", \"qc\"]");
  CHECK(value_of(loaded, "kpi.satisfaction_rate") == "97.5");
  CHECK(origin_of(loaded, "kpi.satisfaction_rate") == path + ":11:21");
  CHECK(value_of(loaded, "identity.source") == "\"declared\"");
  CHECK(origin_of(loaded, "parts.return_over") == "default");
  CHECK(find_setting(loaded, "users") == nullptr);  // listed per user once there are users
}

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

TEST_CASE("a known time zone brings its offset and a mismatched offset is refused") {
  const TempDir dir;
  const std::string tokyo = dir.write("tokyo.toml", "[general]\ntime_zone = \"Asia/Tokyo\"\n");
  const LoadedRules loaded = load_rules_file(tokyo);
  CHECK(loaded.rules.general.utc_offset.minutes == 540);
  CHECK(origin_of(loaded, "general.utc_offset") == tokyo + ":2:13");

  const std::vector<std::string> mismatch = problems_of(dir.write(
      "mismatch.toml", "[general]\ntime_zone = \"Asia/Shanghai\"\nutc_offset = \"+09:00\"\n"));
  REQUIRE(mismatch.size() == 1);
  CHECK(contains(mismatch[0], "3:14: general.utc_offset: \"+09:00\" does not match"));

  const std::vector<std::string> unknown =
      problems_of(dir.write("unknown.toml", "[general]\ntime_zone = \"Mars/Olympus\"\n"));
  REQUIRE(unknown.size() == 1);
  CHECK(contains(unknown[0], "2:13: general.time_zone: unknown time zone \"Mars/Olympus\""));

  const LoadedRules named = load_rules_file(dir.write(
      "named.toml", "[general]\ntime_zone = \"Europe/Berlin\"\nutc_offset = \"+01:00\"\n"));
  CHECK(named.rules.general.utc_offset.minutes == 60);

  CHECK(problems_of(dir.write("bad.toml", "[general]\nutc_offset = \"8\"\n")).size() == 1);
}

TEST_CASE("a default priority missing from replaced response hours is refused") {
  const TempDir dir;
  const std::vector<std::string> problems =
      problems_of(dir.write("rules.toml", "[sla.response_hours]\nurgent = 4\nsoon = 12\n"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] ==
        "1:1: sla.default_priority: \"normal\" is not a priority of [sla.response_hours] "
        "(soon, urgent): name one of them, or add it there");

  const LoadedRules loaded = load_rules_file(
      dir.write("good.toml",
                "[sla]\ndefault_priority = \"soon\"\n[sla.response_hours]\nurgent = 4\n"
                "soon = 12\n"));
  CHECK(loaded.rules.sla.response_hours == std::map<std::string, int>{{"urgent", 4}, {"soon", 12}});
  CHECK(find_setting(loaded, "sla.response_hours.low") == nullptr);
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

TEST_CASE("the example file lists every key and yields exactly the defaults") {
  const std::string path =
      (fs::path(__FILE__).parent_path() / ".." / ".." / "examples" / "aftersales.toml").string();
  REQUIRE(fs::exists(path));
  const std::vector<RulesProblem> problems = check_rules_file(path);
  std::string listed;
  for (const RulesProblem& problem : problems) listed += problem.to_string() + "\n";
  INFO(listed);
  CHECK(problems.empty());

  const LoadedRules loaded = load_rules_file(path);
  const LoadedRules defaults = default_rules();
  REQUIRE(loaded.settings.size() == defaults.settings.size());
  for (std::size_t k = 0; k < loaded.settings.size(); ++k) {
    CAPTURE(defaults.settings[k].key);
    CHECK(loaded.settings[k].key == defaults.settings[k].key);
    CHECK(loaded.settings[k].value == defaults.settings[k].value);
    // Every key is written out, except [users], which stays commented out (a fresh demo).
    if (loaded.settings[k].key != "users") {
      CHECK(loaded.settings[k].origin.rfind(path + ":", 0) == 0);
    }
  }
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
