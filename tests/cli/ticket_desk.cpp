#include "cli/ticket_desk.h"

#include <doctest/doctest.h>

#include <map>
#include <sstream>

namespace aftersales::testing {

TicketDesk::TicketDesk(const std::string& rules) {
  cli.seed_archive();
  const RunResult unit = cli.run({"unit", "add", kDeskWarrantyUnit, "--model", "HYS5160",
                                  "--customer", "C001", "--shipped", "2026-06-01"});
  INFO(describe(unit));
  REQUIRE(unit.exit_code == 0);
  cli.write_file("aftersales.toml", rules);
  const RunResult apply = cli.run({"config", "apply", "aftersales.toml"});
  INFO(describe(apply));
  REQUIRE(apply.exit_code == 0);
}

RunResult TicketDesk::as(const std::string& user, const std::vector<std::string>& args,
                         const std::string& today) const {
  std::map<std::string, std::string> env = {{"AFTERSALES_USER", user}};
  if (!today.empty()) env["AFTERSALES_TODAY"] = today;
  return cli.run(args, env);
}

RunResult TicketDesk::ok(const std::string& user, const std::vector<std::string>& args,
                         const std::string& today) const {
  const RunResult r = as(user, args, today);
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  return r;
}

std::string TicketDesk::open(const std::string& unit, const std::vector<std::string>& extra) const {
  std::vector<std::string> args = {"ticket",   "open",      "--unit", unit,     "--category",
                                   "液压系统", "--channel", "phone",  "--desc", "液压泵异响"};
  args.insert(args.end(), extra.begin(), extra.end());
  return trimmed(ok("zhang", args).out);
}

std::string TicketDesk::pending_approval(const std::string& number) const {
  const RunResult r =
      ok("zhang", {"approval", "list", "--pending", "--subject", number, "--format", "csv"});
  std::istringstream lines(r.out);
  std::string header, row;
  std::getline(lines, header);
  if (!std::getline(lines, row)) return {};
  return row.substr(0, row.find(','));
}

}  // namespace aftersales::testing
