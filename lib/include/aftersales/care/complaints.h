// Complaints and suggestions (the seed's 《客户投诉制度》 and 《客户看法及建议管理方法》: 客户投诉,
// 客户意见及建议): registered with a number CP-YYYY-NNNNNN
// (by the year it was opened), classified by [lists] complaint_categories, handled by a deadline
// of [complaints] deadline_days, and closed with a resolution the customer confirmed (a name).
// Opening and closing need [permissions] complaints; every change is audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/core/time.h"

namespace aftersales {

enum class ComplaintKind { kComplaint, kSuggestion };
const char* complaint_kind_name(ComplaintKind kind);  // "complaint", "suggestion"

struct Complaint {
  std::int64_t id = 0;
  std::string number;  // CP-YYYY-NNNNNN
  ComplaintKind kind = ComplaintKind::kComplaint;
  std::string customer_code;
  std::string customer_name;
  std::string serial;  // the unit it names; empty for none
  std::string ticket;  // the ticket it names; empty for none
  std::string category;
  std::string text;
  Timestamp opened_at;
  Date deadline;  // the last day on time
  std::string opened_by;
  std::optional<Timestamp> closed_at;
  std::string resolution;
  std::string confirmed_by;  // the customer's person who confirmed the resolution
  std::string closed_by;
};

struct ComplaintFields {
  std::string customer;
  std::string category;
  std::string text;
  std::string unit;    // optional serial; must belong to the customer
  std::string ticket;  // optional SR- number; must be of the customer (and of the unit)
  std::string kind;    // "complaint" (default) or "suggestion"
  std::string at;      // optional ISO 8601 time it was opened; empty: now
};

// Opens a complaint or suggestion. Error(kInvalidInput) for a bad value (an unknown category
// lists the rulebook's), Error(kNotFound) for an unknown customer, unit or ticket,
// Error(kRuleViolation) when the unit or ticket is not the customer's, or for the role.
Complaint open_complaint(Context& ctx, const ComplaintFields& fields);

// Closes it with the resolution and the customer's confirmation (a name), at `at` (empty:
// now; not before it was opened, not in the future). Error(kInvalidInput) for a missing
// resolution or name, Error(kNotFound) for an unknown number, Error(kRuleViolation) when it was
// closed already.
Complaint close_complaint(Context& ctx, const std::string& number, const std::string& resolution,
                          const std::string& confirmed_by, const std::string& at);

// Error(kNotFound) for an unknown number.
Complaint get_complaint(Context& ctx, const std::string& number);

struct ComplaintQuery {
  bool open = false;     // only those not closed
  bool overdue = false;  // only those not closed and past their deadline, as of today
};

// By number.
std::vector<Complaint> list_complaints(Context& ctx, const ComplaintQuery& query);

// Those naming the unit, by number (for the unit's archive).
std::vector<Complaint> complaints_of_unit(Context& ctx, const std::string& serial);

// Overdue as of `today` (complaint_overdue on its deadline).
bool is_complaint_overdue(const Complaint& complaint, UtcOffset zone, Date today);

}  // namespace aftersales
