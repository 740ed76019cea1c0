// Finding units and tickets on the command line: `unit show` by any number, `unit find`,
// `ticket list --unit --customer`, and who and what `ticket show` names.
#include <doctest/doctest.h>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::TicketDesk;
using aftersales::testing::trimmed;

namespace {

// The seeded archive (2025-001: VIN LZZ123, engine WP10-1) and two more units: 2025-002 with a
// plate, and 2025-003 sharing 2025-002's engine no.
void seed_numbers(const Cli& cli) {
  cli.seed_archive();
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"unit", "edit", "2025-001", "--plate", "辽C12345"},
           {"unit", "add", "2025-002", "--model", "HYS5160", "--customer", "C001", "--shipped",
            "2025-04-01", "--vin", "LZZ456", "--engine", "WP10-2", "--plate", "辽C67890"},
           {"unit", "add", "2025-003", "--model", "HYS5160", "--customer", "C001", "--shipped",
            "2025-05-01", "--vin", "lzz789", "--engine", "WP10-2"}}) {
    const RunResult r = cli.run(args);
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
  }
}

// The `serial` column of a CSV's rows after the header.
std::vector<std::string> first_column(const std::string& csv) {
  std::vector<std::string> values;
  std::size_t at = csv.find("\r\n");
  while (at != std::string::npos && at + 2 < csv.size()) {
    const std::size_t start = at + 2;
    at = csv.find("\r\n", start);
    const std::string line = csv.substr(start, at - start);
    values.push_back(line.substr(0, line.find(',')));
  }
  return values;
}

constexpr const char* kDeskRules = R"([identity]
source = "declared"

[users]
zhang = ["clerk"]
li = ["service_manager"]
ma = ["technician"]
)";

}  // namespace

TEST_CASE("unit show takes the serial, VIN, plate or engine no.") {
  Cli cli;
  seed_numbers(cli);
  for (const char* number : {"2025-001", "LZZ123", " 辽C12345", "WP10-1"}) {
    const RunResult r = cli.run({"unit", "show", number, "--format", "json"});
    INFO(number << "\n" << describe(r));
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "\"serial\": \"2025-001\""));
  }
}

TEST_CASE("unit show of a number several units carry exits 1 naming their serials") {
  Cli cli;
  seed_numbers(cli);
  const RunResult r = cli.run({"unit", "show", "WP10-2"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "2 units carry the number WP10-2: 2025-002, 2025-003"));
  CHECK(contains(r.err, "serial no."));
  CHECK(r.out.empty());
}

TEST_CASE("unit show of a number nobody carries exits 3 pointing to unit find") {
  Cli cli;
  seed_numbers(cli);
  const RunResult r = cli.run({"unit", "show", "LZZ12"});  // part of a VIN is no match
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "aftersales unit find LZZ12"));
  CHECK(r.out.empty());
}

TEST_CASE("unit find lists units by part of any number, in any ASCII case, with the field") {
  Cli cli;
  seed_numbers(cli);
  RunResult r = cli.run({"unit", "find", "lzz", "--format", "csv"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "serial,vin,plate,engine,model,customer,customer_name,shipped,matched"));
  CHECK(first_column(r.out) == std::vector<std::string>{"2025-001", "2025-002", "2025-003"});
  CHECK(contains(r.out, "2025-003,lzz789,,WP10-2,HYS5160,C001,鞍山市环卫处,2025-05-01,vin"));

  r = cli.run({"unit", "find", "123", "--format", "csv"});  // 2025-001: LZZ123, 辽C12345
  CHECK(first_column(r.out) == std::vector<std::string>{"2025-001"});
  CHECK(contains(r.out, ",\"vin, plate\"\r\n"));
  r = cli.run({"unit", "find", "67890", "--format", "jsonl"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "\"matched\":\"plate\""));
  CHECK(r.out.find('\n') == r.out.size() - 1);  // one unit, one line

  r = cli.run({"unit", "find", "no-such-thing"});
  CHECK(r.exit_code == 0);  // a query that matched nothing
  CHECK(contains(r.out, "serial"));
  r = cli.run({"unit", "find", "  "});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "text"));
}

TEST_CASE("ticket list filters by unit (any number) and customer, with the other filters") {
  TicketDesk desk(kDeskRules);
  const std::string old_unit = desk.open("2025-001");
  const std::string new_unit = desk.open(aftersales::testing::kDeskWarrantyUnit);
  desk.ok("li", {"ticket", "assign", new_unit, "--to", "ma"});

  RunResult r = desk.ok("zhang", {"ticket", "list", "--unit", "LZZ123", "--format", "csv"});
  CHECK(first_column(r.out) == std::vector<std::string>{old_unit});
  r = desk.ok("zhang", {"ticket", "list", "--customer", "C001", "--format", "csv"});
  CHECK(first_column(r.out) == std::vector<std::string>{old_unit, new_unit});
  r = desk.ok("zhang", {"ticket", "list", "--customer", "C001", "--assignee", "ma", "--unit",
                        aftersales::testing::kDeskWarrantyUnit, "--format", "csv"});
  CHECK(first_column(r.out) == std::vector<std::string>{new_unit});
  r = desk.ok("zhang", {"ticket", "list", "--unit", "2025-001", "--state", "closed"});
  CHECK_FALSE(contains(r.out, "SR-"));

  r = desk.as("zhang", {"ticket", "list", "--customer", "C404"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "customer C404 does not exist"));
  r = desk.as("zhang", {"ticket", "list", "--unit", "LZZ-NONE"});
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
}

TEST_CASE("ticket show names the customer, contact, phone, model and plate") {
  TicketDesk desk(kDeskRules);
  desk.ok("zhang", {"unit", "edit", "2025-001", "--plate", "辽C12345"});
  const std::string number = desk.open("2025-001");
  const RunResult r = desk.ok("zhang", {"ticket", "show", number});
  for (const char* fragment :
       {"鞍山市环卫处", "王明", "0412-5551234", "HYS5160", "洗扫车", "辽C12345"}) {
    INFO(fragment);
    CHECK(contains(r.out, fragment));
  }
  const RunResult json = desk.ok("zhang", {"ticket", "show", number, "--format", "json"});
  CHECK(contains(json.out, "\"customer_name\": \"鞍山市环卫处\""));
  CHECK(contains(json.out, "\"contact\": \"王明\""));
  CHECK(contains(json.out, "\"phone\": \"0412-5551234\""));
  CHECK(contains(json.out, "\"model\": \"HYS5160\""));
  CHECK(contains(json.out, "\"model_name\": \"洗扫车\""));
  CHECK(contains(json.out, "\"plate\": \"辽C12345\""));
}
