// A service desk for the ticket CLI tests: the seeded archive, a unit in warranty, and a set of
// users applied to the ledger's rulebook by its admin (the login that ran init).
#pragma once

#include <string>
#include <vector>

#include "cli/cli_support.h"

namespace aftersales::testing {

// A service desk's rulebook: declared identity; zhang the clerk, li the service manager, ma the
// technician. Suites that need more users write their own.
inline constexpr const char* kDeskStaff = R"([identity]
source = "declared"

[users]
zhang = ["clerk"]
li = ["service_manager"]
ma = ["technician"]
)";

// kDeskStaff and the leaders who sign the cost chains: xu the sales manager, wang the deputy GM,
// zhao the GM.
inline constexpr const char* kDeskLeaders = R"([identity]
source = "declared"

[users]
zhang = ["clerk"]
li = ["service_manager"]
xu = ["sales_manager"]
wang = ["deputy_gm"]
zhao = ["gm"]
ma = ["technician"]
)";

// In warranty on 2026-11-27 (shipped 2026-06-01, 12 months); cli_support's 2025-001 is out of
// warranty since 2026-02-28.
inline constexpr const char* kDeskWarrantyUnit = "2026-101";

class TicketDesk {
 public:
  // Seeds the archive, adds kDeskWarrantyUnit and applies `rules` (TOML) to the ledger.
  explicit TicketDesk(const std::string& rules);

  // Runs a command as `user` (AFTERSALES_USER), on business day `today` when given.
  RunResult as(const std::string& user, const std::vector<std::string>& args,
               const std::string& today = {}) const;
  // The same, and requires it to succeed.
  RunResult ok(const std::string& user, const std::vector<std::string>& args,
               const std::string& today = {}) const;

  // Opens a ticket as the clerk zhang on `unit`, with `extra` options; returns its number.
  std::string open(const std::string& unit, const std::vector<std::string>& extra = {}) const;

  // The id of the ticket's first pending approval; empty when there is none.
  std::string pending_approval(const std::string& number) const;

  Cli cli;
};

}  // namespace aftersales::testing
