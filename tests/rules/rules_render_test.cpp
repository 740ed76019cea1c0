// Showing the rules (`config show --origin`): every setting with its TOML value, and where
// it came from.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "aftersales/rules/rules_file.h"
#include "rules/rules_test_support.h"

namespace aftersales {
namespace {

using testing::find_setting;
using testing::origin_of;
using testing::TempDir;
using testing::value_of;

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
  CHECK(loaded.settings.back().key == "import.date_only_time");
  CHECK(value_of(loaded, "import.date_only_time") == "\"09:00\"");
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

}  // namespace
}  // namespace aftersales
