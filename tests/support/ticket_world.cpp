#include "support/ticket_world.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "aftersales/approvals/approvals.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"

namespace aftersales::testing {

Timestamp at(const std::string& text) {
  const std::optional<Timestamp> parsed = parse_timestamp(text, UtcOffset{480});
  REQUIRE_MESSAGE(parsed.has_value(), "bad test time " << text);
  return *parsed;
}

Date day(const std::string& text) {
  const std::optional<Date> parsed = parse_date(text);
  REQUIRE_MESSAGE(parsed.has_value(), "bad test date " << text);
  return *parsed;
}

namespace {

UnitFields unit_shipped(const std::string& shipped, const std::string& vin) {
  UnitFields fields;
  fields.model = "HYS5160";
  fields.customer = "C001";
  fields.shipped = shipped;
  fields.vin = vin;
  fields.engine = "WP10-" + vin.substr(vin.size() - 4);
  fields.config = "8吨洗扫";
  fields.terms = "整车12个月或10万公里";
  return fields;
}

}  // namespace

TicketWorld::TicketWorld() {
  rules.users = {
      {"zhang", {"clerk"}},      {"li", {"service_manager"}},
      {"xu", {"sales_manager"}}, {"wang", {"deputy_gm"}},
      {"zhao", {"gm"}},          {"sun", {"tech_dept"}},
      {"ma", {"technician"}},
  };
  add_basics();
  Context ctx = context("zhang");
  add_unit(ctx, kInWarranty, unit_shipped("2026-06-01", "LZZ1BLSF5FD260601"));
  add_unit(ctx, kOutOfWarranty, unit_shipped("2024-01-10", "LZZ1BLSF5FD240110"));
}

std::string TicketWorld::open(const std::string& serial, const std::string& priority,
                              const std::optional<std::string>& reported_at,
                              const std::optional<std::string>& km) {
  Context ctx = context("zhang");
  TicketIntake intake;
  intake.unit = serial;
  intake.category = "液压系统";
  intake.channel = "phone";
  intake.description = "扫刷不转, 液压油温高";
  intake.priority = priority;
  intake.reported_at = reported_at;
  intake.km = km;
  return open_ticket(ctx, intake).number;
}

Ticket TicketWorld::analyse(const std::string& number, bool quality_defect, bool needs_factory) {
  Context dispatcher = context("li");
  assign_ticket(dispatcher, number, "ma");
  Context technician = context("ma");
  return analyse_ticket(technician, number, "液压泵磨损, 需更换", quality_defect, needs_factory);
}

std::string TicketWorld::open_analysed(const std::string& serial, const std::string& priority,
                                       const std::optional<std::string>& reported_at) {
  const std::string number = open(serial, priority, reported_at);
  analyse(number);
  return number;
}

std::vector<Approval> TicketWorld::approvals_of(const std::string& number,
                                                std::optional<std::string> form) {
  Context ctx = context("zhang");
  ApprovalQuery query;
  query.subject = number;
  std::vector<Approval> found = list_approvals(ctx, query);
  if (form) {
    found.erase(std::remove_if(found.begin(), found.end(),
                               [&](const Approval& a) { return a.form != *form; }),
                found.end());
  }
  return found;
}

Approval TicketWorld::pending(const std::string& number, const std::string& form) {
  std::vector<Approval> found;
  for (const Approval& approval : approvals_of(number, form)) {
    if (approval.state == ApprovalState::kPending) found.push_back(approval);
  }
  REQUIRE_MESSAGE(found.size() == 1,
                  "pending " << form << " approvals of " << number << ": " << found.size());
  return found.front();
}

std::string TicketWorld::signer_for(const Approval& approval, const std::string& role) {
  for (const auto& [user, roles] : rules.users) {
    if (std::find(roles.begin(), roles.end(), role) == roles.end()) continue;
    if (user == approval.requested_by) continue;
    const bool signed_before = std::any_of(approval.signatures.begin(), approval.signatures.end(),
                                           [&](const Signature& s) { return s.user == user; });
    if (!signed_before) return user;
  }
  return {};
}

void TicketWorld::approve_all(const std::string& number) {
  // Signing one approval may raise the next (a confirmed quality defect outside warranty asks
  // the GM); loop until nothing is pending.
  for (int round = 0; round < 20; ++round) {
    std::vector<Approval> open_ones;
    for (const Approval& approval : approvals_of(number)) {
      if (approval.state == ApprovalState::kPending) open_ones.push_back(approval);
    }
    if (open_ones.empty()) return;
    const Approval& approval = open_ones.front();
    const std::string& role = approval.chain.at(static_cast<std::size_t>(approval.current_step()));
    const std::string user = signer_for(approval, role);
    REQUIRE_MESSAGE(!user.empty(), "nobody may sign step " << approval.current_step() << " ("
                                                           << role << ") of approval "
                                                           << approval.id);
    Context ctx = context(user);
    aftersales::approve(ctx, approval.id, "同意");
  }
  FAIL("approvals of " << number << " never finished");
}

Ticket TicketWorld::start(const std::string& number) {
  Context ctx = context("ma");
  return start_ticket(ctx, number);
}

Ticket TicketWorld::record(const std::string& number, const std::string& arrived,
                           const std::string& finished) {
  Context ctx = context("ma");
  WorkRecordFields fields;
  fields.arrived = arrived;
  fields.finished = finished;
  fields.work_done = "更换液压泵, 试车正常";
  fields.signed_by = "王明";
  fields.sealed = true;
  fields.technicians = {"ma"};
  return record_work(ctx, number, fields).ticket;
}

}  // namespace aftersales::testing
