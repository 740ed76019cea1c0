// The reports' language (report.language): labels and titles in the seed's Chinese by default
// or in English, while the machine names (CSV headers, JSON keys, sections, items) stay the same.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::contains;
using aftersales::testing::RunResult;
using aftersales::testing::TicketDesk;

namespace {

const std::string kEnglish =
    std::string(aftersales::testing::kDeskLeaders) + "\n[report]\nlanguage = \"en\"\n";

}  // namespace

TEST_CASE("report labels follow report.language and the CSV header does not") {
  TicketDesk chinese(aftersales::testing::kDeskLeaders);
  TicketDesk english(kEnglish);
  const std::vector<std::string> csv = {"report", "kpi", "--month", "2026-10", "--format", "csv"};
  const RunResult zh = chinese.ok("zhang", csv);
  const RunResult en = english.ok("zhang", csv);
  CHECK(contains(zh.out, "month,kpi,label,num,den,rate,target,verdict\r\n"));
  CHECK(contains(en.out, "month,kpi,label,num,den,rate,target,verdict\r\n"));
  CHECK(contains(zh.out, "2026-10,satisfaction_rate,服务满意率,"));
  CHECK(contains(en.out, "2026-10,satisfaction_rate,service satisfaction rate,"));

  const std::vector<std::string> table = {"report", "monthly", "--month", "2026-10"};
  const RunResult zh_table = chinese.ok("zhang", table);
  const RunResult en_table = english.ok("zhang", table);
  CHECK(contains(zh_table.out, "保修期内设备维修"));
  CHECK(contains(zh_table.out, "次数"));
  CHECK(contains(en_table.out, "repairs in warranty"));
  CHECK(contains(en_table.out, "count"));
  CHECK_FALSE(contains(en_table.out, "保修期内设备维修"));

  // A language the reports do not speak is refused when the rules are read.
  chinese.cli.write_file("fr.toml", "[report]\nlanguage = \"fr\"\n");
  const RunResult bad = chinese.as("zhang", {"config", "check", "--config", "fr.toml"});
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "report.language"));
  CHECK(contains(bad.err, "\"zh\" or \"en\""));
}
