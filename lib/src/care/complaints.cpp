// Complaints and suggestions (客户投诉, 客户意见及建议): registered, classified, handled by a
// deadline, closed with the customer's confirmation.
#include "aftersales/care/complaints.h"

#include <fmt/format.h>

#include "aftersales/care/care_rules.h"
#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/customers/customers.h"
#include "aftersales/identity/identity.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "audit/audit_json.h"

namespace aftersales {
namespace {

AuditJson opened_json(const Complaint& complaint) {
  return AuditJson{{"number", complaint.number},
                   {"kind", complaint_kind_name(complaint.kind)},
                   {"customer", complaint.customer_code},
                   {"unit", complaint.serial},
                   {"ticket", complaint.ticket},
                   {"category", complaint.category},
                   {"text", complaint.text},
                   {"opened_at", complaint.opened_at.seconds},
                   {"deadline", format_date(complaint.deadline)}};
}

AuditJson closing_json(const Complaint& complaint) {
  AuditJson json{{"closed_at", nullptr},
                 {"resolution", complaint.resolution},
                 {"confirmed_by", complaint.confirmed_by}};
  if (complaint.closed_at) json["closed_at"] = complaint.closed_at->seconds;
  return json;
}

}  // namespace

const char* complaint_kind_name(ComplaintKind kind) {
  return kind == ComplaintKind::kSuggestion ? "suggestion" : "complaint";
}

Complaint open_complaint(Context& ctx, const ComplaintFields& fields) {
  require_role(ctx, ctx.rules.permissions.complaints, "registering a complaint (客户投诉)");
  const UtcOffset zone = ctx.rules.general.utc_offset;
  FieldReader reader;
  const std::string customer = reader.text("customer", fields.customer, true);
  std::optional<std::string> category;
  if (trim(fields.category).empty()) {
    reader.add("category", fields.category,
               fmt::format("is required: one of {} ([lists] complaint_categories)",
                           fmt::join(ctx.rules.lists.complaint_categories, ", ")));
  } else {
    category =
        reader.choice("category", trim(fields.category), ctx.rules.lists.complaint_categories);
  }
  const std::string text = reader.text("text", fields.text, true);
  const std::string serial = reader.text("unit", fields.unit);
  const std::string ticket_number = reader.text("ticket", fields.ticket);
  const std::string kind_text = trim(fields.kind).empty() ? "complaint" : trim(fields.kind);
  const auto kind = reader.choice("kind", kind_text, {"complaint", "suggestion"});
  Timestamp at = ctx.now();
  if (!trim(fields.at).empty()) {
    if (auto given = reader.time("at", fields.at, zone)) {
      if (*given > ctx.now()) {
        reader.add("at", fields.at,
                   fmt::format("is in the future (now is {})", format_timestamp(ctx.now(), zone)));
      }
      at = *given;
    }
  }
  reader.throw_if_any("complaint");

  Complaint complaint;
  ctx.store.write([&] {
    complaint = Complaint{};  // a retried write runs again: nothing of the failed run is kept
    const Customer owner = get_customer(ctx, customer);
    if (!serial.empty()) {
      const Unit unit = get_unit(ctx, serial);
      if (unit.customer_code != owner.code) {
        throw Error(ErrorCode::kRuleViolation,
                    fmt::format("refused: unit {} belongs to customer {}, not {}", unit.serial,
                                unit.customer_code, owner.code),
                    "name the customer's own unit, or leave --unit out");
      }
      complaint.serial = unit.serial;
    }
    if (!ticket_number.empty()) {
      const Ticket ticket = get_ticket(ctx, ticket_number);
      if (ticket.customer_code != owner.code) {
        throw Error(ErrorCode::kRuleViolation,
                    fmt::format("refused: ticket {} is customer {}'s, not {}'s", ticket.number,
                                ticket.customer_code, owner.code),
                    "name a ticket of the customer, or leave --ticket out");
      }
      if (!complaint.serial.empty() && ticket.serial != complaint.serial) {
        throw Error(ErrorCode::kRuleViolation,
                    fmt::format("refused: ticket {} is about unit {}, not {}", ticket.number,
                                ticket.serial, complaint.serial),
                    "name the ticket's own unit, or leave --unit out");
      }
      complaint.ticket = ticket.number;
      complaint.serial = ticket.serial;  // a complaint about a ticket names its unit
    }
    const Date opened = local_date(at, zone);
    complaint.kind = *kind == "suggestion" ? ComplaintKind::kSuggestion : ComplaintKind::kComplaint;
    complaint.customer_code = owner.code;
    complaint.customer_name = owner.name;
    complaint.category = *category;
    complaint.text = text;
    complaint.opened_at = at;
    complaint.deadline = complaint_deadline(ctx.rules, opened);
    complaint.opened_by = ctx.actor.user;
    complaint.number = fmt::format("CP-{:04}-{:06}", opened.year(),
                                   ctx.store.shipments().next_number_in_year("CP", opened.year()));
    ctx.store.care().insert_complaint(complaint);
    record_addition(ctx, "complaint", complaint.number, opened_json(complaint));
  });
  return complaint;
}

Complaint get_complaint(Context& ctx, const std::string& number) {
  const std::string given = trim(number);
  if (auto found = ctx.store.care().find_complaint(given)) return *found;
  throw Error(ErrorCode::kNotFound, fmt::format("complaint {} does not exist", given),
              "`aftersales complaint list` lists the complaints and their numbers");
}

Complaint close_complaint(Context& ctx, const std::string& number, const std::string& resolution,
                          const std::string& confirmed_by, const std::string& at_text) {
  require_role(ctx, ctx.rules.permissions.complaints, "closing a complaint (客户投诉)");
  const UtcOffset zone = ctx.rules.general.utc_offset;
  FieldReader reader;
  const std::string text = reader.text("resolution", resolution, true);
  const std::string confirmed = reader.text("confirmed_by", confirmed_by, true);
  std::optional<Timestamp> given;
  if (!trim(at_text).empty()) given = reader.time("at", at_text, zone);
  reader.throw_if_any("complaint " + trim(number),
                      "closing needs what was done (--resolution) and the customer's person who "
                      "confirmed it (--confirmed-by); nothing was written");
  Complaint after;
  ctx.store.write([&] {
    const Complaint before = get_complaint(ctx, number);
    if (before.closed_at) {
      throw Error(
          ErrorCode::kRuleViolation,
          fmt::format("refused: complaint {} was closed already on {} (confirmed by {})",
                      before.number, format_timestamp(*before.closed_at, zone),
                      before.confirmed_by),
          "a complaint is closed once; `aftersales complaint show " + before.number + "` shows it");
    }
    const Timestamp at = given.value_or(ctx.now());
    if (at < before.opened_at || at > ctx.now()) {
      reader.add(
          "at", at_text,
          fmt::format("a complaint closes between its opening ({}) and now ({})",
                      format_timestamp(before.opened_at, zone), format_timestamp(ctx.now(), zone)));
      reader.throw_if_any("complaint " + before.number);
    }
    after = before;
    after.closed_at = at;
    after.resolution = text;
    after.confirmed_by = confirmed;
    after.closed_by = ctx.actor.user;
    ctx.store.care().update_complaint(after);
    record_change(ctx, "complaint", after.number, "close", closing_json(before).dump(),
                  closing_json(after).dump());
  });
  return after;
}

bool is_complaint_overdue(const Complaint& complaint, UtcOffset zone, Date today) {
  std::optional<Date> closed_on;
  if (complaint.closed_at) closed_on = local_date(*complaint.closed_at, zone);
  return complaint_overdue(complaint.deadline, closed_on, today);
}

std::vector<Complaint> list_complaints(Context& ctx, const ComplaintQuery& query) {
  const Date today = ctx.today();
  std::vector<Complaint> kept;
  for (Complaint& complaint : ctx.store.care().list_complaints()) {
    if (query.open && complaint.closed_at) continue;
    if (query.overdue && !is_complaint_overdue(complaint, ctx.rules.general.utc_offset, today)) {
      continue;
    }
    kept.push_back(std::move(complaint));
  }
  return kept;
}

std::vector<Complaint> complaints_of_unit(Context& ctx, const std::string& serial) {
  return ctx.store.care().complaints_of_unit(serial);
}

}  // namespace aftersales
