// JSON nested as JSON (issue 14): the audit log's before/after and an import batch's files are
// JSON values in JSON output, text in CSV; `config show --format json` gives typed values.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/cli_support.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using Json = nlohmann::json;

namespace {

// The objects of a JSON Lines output, one per line.
std::vector<Json> json_lines(const std::string& text) {
  std::vector<Json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(Json::parse(line));
  return lines;
}

// The value of `key` in config show's JSON array.
Json setting(const Json& settings, const std::string& key) {
  for (const Json& row : settings) {
    if (row.at("key") == key) return row.at("value");
  }
  FAIL("no setting " << key);
  return {};
}

}  // namespace

TEST_CASE("log --format json gives the values before and after a change as objects") {
  Cli cli;
  cli.seed_archive();
  REQUIRE(cli.run({"customer", "edit", "C001", "--phone", "0412-5559999"}).exit_code == 0);
  const RunResult r = cli.run({"log", "--entity", "customer", "--id", "C001", "--format", "json"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  const Json entries = Json::parse(r.out);
  bool saw_edit = false;
  for (const Json& entry : entries) {
    if (entry.at("action") != "edit") continue;
    saw_edit = true;
    CHECK(entry.at("before").is_object());
    REQUIRE(entry.at("after").is_object());
    CHECK(entry.at("after").dump().find("0412-5559999") != std::string::npos);
  }
  CHECK(saw_edit);
  // JSON Lines nests them too; CSV keeps the JSON text in a quoted field.
  for (const Json& entry :
       json_lines(cli.run({"log", "--entity", "customer", "--format", "jsonl"}).out)) {
    CHECK_FALSE(entry.at("after").is_string());
  }
  const RunResult csv = cli.run({"log", "--entity", "customer", "--format", "csv"});
  CHECK(contains(csv.out, "0412-5559999"));
  CHECK(contains(csv.out, ",\"{\"\""));
}

TEST_CASE("import list --format json gives a batch's files as an array") {
  Cli cli;
  cli.seed_archive();
  cli.write_file("in.csv", "code,name\r\nC100,甲公司\r\n");
  REQUIRE(cli.run({"import", "customers", "in.csv"}).exit_code == 0);
  const RunResult r = cli.run({"import", "list", "--format", "json"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  const Json batches = Json::parse(r.out);
  REQUIRE(batches.size() == 1);
  REQUIRE(batches[0].at("files").is_array());
  CHECK(batches[0].at("files")[0].at("path").get<std::string>().find("in.csv") !=
        std::string::npos);
  const RunResult csv = cli.run({"import", "list", "--format", "csv"});
  CHECK(contains(csv.out, ",\"[{\"\"encoding\"\":\"\"utf-8\"\""));
}

TEST_CASE("config show --format json types each value as the setting is typed") {
  Cli cli;
  REQUIRE(cli.run({"init"}).exit_code == 0);
  const RunResult r = cli.run({"config", "show", "--format", "json"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  const Json settings = Json::parse(r.out);
  CHECK(setting(settings, "warranty.default_months").is_number_integer());
  CHECK(setting(settings, "tickets.seal_required").is_boolean());
  CHECK(setting(settings, "approvals.budget_threshold") == "1000.00");
  CHECK(setting(settings, "approvals.budget").is_array());
  // The other formats keep the TOML text.
  CHECK(contains(cli.run({"config", "show", "--format", "csv"}).out,
                 "approvals.budget_threshold,\"\"\"1000.00\"\"\""));
}
