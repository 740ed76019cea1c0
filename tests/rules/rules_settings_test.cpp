// The setting table: the seed's numbers as defaults, every key in the example file, and the
// checks across settings (a time zone and its offset, the default priority and the hours).
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "aftersales/rules/rules_file.h"
#include "rules/rules_test_support.h"

namespace aftersales {
namespace {

namespace fs = std::filesystem;
using testing::contains;
using testing::find_setting;
using testing::origin_of;
using testing::problems_of;
using testing::TempDir;

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
  CHECK(rules.import.xlsx_max_part_mb == 512);
  CHECK(rules.import.xlsx_max_shared_strings == 5'000'000);
  CHECK(rules.import.xlsx_max_compression_ratio == 100);
  CHECK(rules.import.date_only_time.seconds == 9 * 3600);  // seed-free: 09:00
  CHECK(rules.report.new_unit_months == 3);                // seed-free: 表8 new units
}

TEST_CASE("the time of day of a date-only reported time is read from [import]") {
  const TempDir dir;
  const std::string path = dir.write("time.toml", "[import]\ndate_only_time = \"08:30\"\n");
  const LoadedRules loaded = load_rules_file(path);
  CHECK(loaded.rules.import.date_only_time.seconds == 8 * 3600 + 30 * 60);
  CHECK(origin_of(loaded, "import.date_only_time") == path + ":2:18");
  for (const char* bad : {"\"24:00\"", "\"9\"", "\"09:60\"", "900"}) {
    INFO(bad);
    const std::vector<std::string> problems =
        problems_of(dir.write("bad.toml", std::string("[import]\ndate_only_time = ") + bad + "\n"));
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems[0], "2:18: import.date_only_time"));
    CHECK(contains(problems[0], "write it as \"09:00\""));
  }
}

TEST_CASE("the bounds on an .xlsx are read from [import] and must be positive") {
  const TempDir dir;
  const std::string path = dir.write("import.toml",
                                     "[import]\n"
                                     "xlsx_max_part_mb = 64\n"
                                     "xlsx_max_shared_strings = 1000\n"
                                     "xlsx_max_compression_ratio = 20\n");
  const LoadedRules loaded = load_rules_file(path);
  CHECK(loaded.rules.import.xlsx_max_part_mb == 64);
  CHECK(loaded.rules.import.xlsx_max_shared_strings == 1000);
  CHECK(loaded.rules.import.xlsx_max_compression_ratio == 20);
  CHECK(origin_of(loaded, "import.xlsx_max_compression_ratio") == path + ":4:30");

  const std::vector<std::string> zero =
      problems_of(dir.write("zero.toml", "[import]\nxlsx_max_compression_ratio = 0\n"));
  REQUIRE(zero.size() == 1);
  CHECK(contains(zero[0], "2:30: import.xlsx_max_compression_ratio"));
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

}  // namespace
}  // namespace aftersales
