// A world for ticket and approval tests: the users and roles of a small company in
// rules.users, the basics (customer C001, model HYS5160 with 12 months / 100,000 km) and two
// units, one in warranty and one out of it, on TestWorld's fixed clock (2026-11-27T10:00+08:00).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/tickets/ticket.h"
#include "aftersales/tickets/ticket_forms.h"
#include "support/test_store.h"

namespace aftersales::testing {

// Shipped 2026-06-01: in warranty until 2027-05-31.
inline constexpr const char* kInWarranty = "HY2026-0601";
// Shipped 2024-01-10: in warranty until 2025-01-09.
inline constexpr const char* kOutOfWarranty = "HY2024-0110";

// An instant given as local time (+08:00 unless the text has an offset).
Timestamp at(const std::string& text);
Date day(const std::string& text);

struct TicketWorld : TestWorld {
  // Users: zhang clerk, li service_manager, xu sales_manager, wang deputy_gm, zhao gm,
  // sun tech_dept, ma technician. Adds the basics and both units.
  TicketWorld();

  // Opens a ticket as zhang (category 液压系统, channel phone); returns its number.
  std::string open(const std::string& serial, const std::string& priority = "normal",
                   const std::optional<std::string>& reported_at = std::nullopt,
                   const std::optional<std::string>& km = std::nullopt);

  // Assigns the ticket to ma (as li) and analyses it (as ma).
  Ticket analyse(const std::string& number, bool quality_defect = false,
                 bool needs_factory = false);

  // Opens a ticket and analyses it: ready for costs and start.
  std::string open_analysed(const std::string& serial, const std::string& priority = "normal",
                            const std::optional<std::string>& reported_at = std::nullopt);

  // The approvals of one ticket, by id; with `form`, only those of that form.
  std::vector<Approval> approvals_of(const std::string& number,
                                     std::optional<std::string> form = std::nullopt);

  // The one pending approval of that form (fails the test unless there is exactly one).
  Approval pending(const std::string& number, const std::string& form);

  // A user in rules.users holding `role` who did not raise the approval and signed none of its
  // steps; empty when there is none.
  std::string signer_for(const Approval& approval, const std::string& role);

  // Signs every pending approval of the ticket step by step, each by a user holding the step's
  // role who did not raise it and signed no other step.
  void approve_all(const std::string& number);

  // Starts the service as ma.
  Ticket start(const std::string& number);

  // Files a signed and sealed work record as ma (technician ma, signer 王明).
  Ticket record(const std::string& number, const std::string& arrived, const std::string& finished);
};

}  // namespace aftersales::testing
