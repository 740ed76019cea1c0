// Follow-up visits (回访, 表2): what is due, recording a visit, the visits made.
#include "aftersales/visits/visits.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <tuple>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/core/validation.h"
#include "aftersales/identity/identity.h"
#include "aftersales/store/store.h"
#include "aftersales/visits/visit_rules.h"
#include "audit/audit_json.h"
#include "visits/visit_due.h"

namespace aftersales {
namespace {

const std::vector<std::string> kReasons = {"shipment", "repair", "key-customer", "maintenance",
                                           "other"};

// By last day, kind, key (compared in place: a tuple of copies made every comparison).
bool before_in_list(const DueVisit& a, const DueVisit& b) {
  if (a.due_on != b.due_on) return a.due_on < b.due_on;
  if (a.kind != b.kind) return static_cast<int>(a.kind) < static_cast<int>(b.kind);
  return a.key < b.key;
}

AuditJson visit_json(const Visit& v, UtcOffset zone) {
  AuditJson json{{"number", v.number},
                 {"reason", visit_reason_name(v.reason)},
                 {"customer", v.customer},
                 {"visited_at", format_timestamp(v.visited_at, zone)},
                 {"visited_by", v.visited_by}};
  if (!v.serial.empty()) json["unit"] = v.serial;
  if (!v.ticket.empty()) json["ticket"] = v.ticket;
  if (v.scores) {
    for (int i = 0; i < kScoreDimensions; ++i) {
      json[score_dimension_name(i)] = (*v.scores)[static_cast<std::size_t>(i)];
    }
  }
  if (!v.suggestion.empty()) json["suggestion"] = v.suggestion;
  if (!v.settled_key.empty()) {
    json["settles"] = v.settled_key;
    json["due_on"] = format_date(*v.settled_due_on);
    json["days_late"] = v.days_late;
  }
  return json;
}

Unit load_unit(Context& ctx, const std::string& serial) {
  if (std::optional<Unit> unit = ctx.store.archive().find_unit(serial)) return *unit;
  throw Error(ErrorCode::kNotFound, fmt::format("unit {} is not in the archive", serial),
              "`aftersales unit list` lists the units; `aftersales unit find` searches numbers");
}

Customer load_customer(Context& ctx, const std::string& code) {
  if (std::optional<Customer> customer = ctx.store.archive().find_customer(code)) {
    return *customer;
  }
  throw Error(ErrorCode::kNotFound, fmt::format("customer {} does not exist", code),
              "`aftersales customer list` lists the customers");
}

// The open due visit that `visit`, made on `day`, settles, if any.
std::optional<DueVisit> item_settled_by(Context& ctx, const Visit& visit, Date day) {
  if (visit.reason == VisitReason::kOther) return std::nullopt;
  VisitScope scope;
  if (visit.reason == VisitReason::kKeyCustomer) {
    scope.customer = visit.customer;
  } else if (!visit.serial.empty()) {
    scope.serial = visit.serial;
  } else if (visit.reason == VisitReason::kRepair && !visit.ticket.empty()) {
    scope.customer = visit.customer;  // the ticket names the item below
  } else {
    return std::nullopt;  // a unit's visit needs the unit
  }
  // The earliest item whose window holds the day first (a key customer's visit in March settles
  // the first half of that year), else the earliest one past its last day.
  const auto rank = [day](const DueVisit& item) {
    return std::make_tuple(item.due_on < day, item.due_on, item.key);
  };
  std::optional<DueVisit> found;
  DueFilter open_reminders;
  open_reminders.superseded = false;
  each_due_visit(
      ctx, scope, day, day,
      [&](const DueVisit& item) {
        if (item.kind != visit.reason || !item.visit.empty()) return;
        if (item.kind == VisitReason::kRepair && !visit.ticket.empty() &&
            item.key != visit.ticket) {
          return;
        }
        if (!found || rank(item) < rank(*found)) found = item;
      },
      open_reminders);
  return found;
}

}  // namespace

std::vector<DueVisit> due_visits(Context& ctx, const DueQuery& query) {
  FieldReader reader;
  const Date today = ctx.today();
  std::optional<Date> until = today;
  if (query.until) until = reader.date("until", *query.until);
  std::optional<std::string> kind;
  if (query.kind) {
    kind = reader.choice("kind", trim(*query.kind),
                         {"shipment", "repair", "key-customer", "maintenance"});
  }
  reader.throw_if_any("visit due");
  const std::optional<VisitReason> only = kind ? parse_visit_reason(*kind) : std::nullopt;
  std::vector<DueVisit> due;
  DueFilter open_reminders;
  open_reminders.superseded = false;
  each_due_visit(
      ctx, VisitScope{}, *until, today,
      [&](const DueVisit& item) {
        if (!item.visit.empty()) return;
        if (only && item.kind != *only) return;
        if (query.overdue && !visit_overdue({item.opens_on, item.due_on}, today)) return;
        due.push_back(item);
      },
      open_reminders);
  // Sorted by position, then moved once into place (an item is eight strings).
  std::vector<std::size_t> order(due.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return before_in_list(due[a], due[b]); });
  std::vector<DueVisit> sorted;
  sorted.reserve(due.size());
  for (const std::size_t at : order) sorted.push_back(std::move(due[at]));
  return sorted;
}

Visit record_visit(Context& ctx, const VisitRequest& request) {
  require_role(ctx, ctx.rules.permissions.visits, "recording a follow-up visit (表2)");
  const UtcOffset zone = ctx.rules.general.utc_offset;
  FieldReader reader;
  const std::string unit = reader.text("unit", request.unit);
  const std::string customer = reader.text("customer", request.customer);
  if (!unit.empty() && !customer.empty()) {
    reader.add("customer", customer,
               "a visit is of a unit (--unit) or of a customer (--customer), not both");
  } else if (unit.empty() && customer.empty()) {
    reader.add("unit", "", "name the unit (--unit SERIAL) or the customer (--customer C) visited");
  }
  const std::optional<std::string> reason = reader.choice("reason", trim(request.reason), kReasons);
  std::optional<Scores> scores;
  if (!trim(request.scores).empty()) scores = read_scores(reader, "scores", request.scores);
  const std::string suggestion = reader.text("suggestion", request.suggestion);
  const std::string ticket = reader.text("ticket", request.ticket);
  const std::string by = reader.text("by", request.by);
  std::optional<Timestamp> at = ctx.now();
  if (!trim(request.at).empty()) {
    at = reader.time("at", request.at, zone);
    if (at && *at > ctx.now()) {
      reader.add("at", request.at,
                 fmt::format("a visit is recorded once made; {} is after now ({})",
                             format_timestamp(*at, zone), format_timestamp(ctx.now(), zone)));
    }
  }
  reader.throw_if_any("visit");

  Visit typed;
  typed.reason = *parse_visit_reason(*reason);
  typed.visited_at = *at;
  typed.visited_on = local_date(*at, zone);
  typed.visited_by = by.empty() ? ctx.actor.user : by;
  typed.scores = scores;
  typed.suggestion = suggestion;
  typed.recorded_at = ctx.real_now();
  typed.recorded_by = ctx.actor.user;
  Visit visit;
  ctx.store.write([&] {
    // A retried write runs again from the visit as typed: what the failed run settled (another
    // visit may have settled it since) is not kept.
    visit = typed;
    if (!unit.empty()) {
      const Unit found = load_unit(ctx, unit);
      visit.serial = found.serial;
      visit.customer = found.customer_code;
    } else {
      visit.customer = load_customer(ctx, customer).code;
    }
    if (!ticket.empty()) {
      const std::optional<Ticket> t = ctx.store.tickets().find(ticket);
      if (!t) {
        throw Error(ErrorCode::kNotFound, fmt::format("ticket {} does not exist", ticket),
                    "`aftersales ticket list` lists the tickets");
      }
      const bool other_unit = !visit.serial.empty() && t->serial != visit.serial;
      const bool other_customer = visit.serial.empty() && t->customer_code != visit.customer;
      if (other_unit || other_customer) {
        reader.add(
            "ticket", ticket,
            fmt::format("ticket {} is of unit {} (customer {}), not of {}", t->number, t->serial,
                        t->customer_code, other_unit ? visit.serial : visit.customer));
        reader.throw_if_any("visit");
      }
      visit.ticket = t->number;
    }
    if (std::optional<DueVisit> item = item_settled_by(ctx, visit, visit.visited_on)) {
      visit.settled_key = item->key;
      visit.settled_due_on = item->due_on;
      visit.days_late = visit_days_late({item->opens_on, item->due_on}, visit.visited_on);
    }
    const int year = visit.visited_on.year();
    visit.number =
        fmt::format("VS-{:04}-{:06}", year, ctx.store.shipments().next_number_in_year("VS", year));
    ctx.store.visits().insert(visit);
    record_addition(ctx, "visit", visit.number, visit_json(visit, zone));
  });
  return visit;
}

void each_visit(Context& ctx, const VisitQuery& query,
                const std::function<void(const Visit&)>& visit) {
  VisitScope scope;
  if (query.month) {
    const Period month = parse_period(*query.month);
    if (month.from.month() != month.to.month()) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("month \"{}\": write YYYY-MM, e.g. 2026-11", *query.month));
    }
    scope.from = month.from;
    scope.to = month.to;
  }
  if (query.unit) scope.serial = load_unit(ctx, trim(*query.unit)).serial;
  if (query.customer) scope.customer = load_customer(ctx, trim(*query.customer)).code;
  ctx.store.visits().each(scope, visit);
}

Visit get_visit(Context& ctx, const std::string& number) {
  const std::string given = trim(number);
  if (std::optional<Visit> found = ctx.store.visits().find(given)) return *found;
  throw Error(ErrorCode::kNotFound, fmt::format("visit {} does not exist", given),
              "`aftersales visit list` lists the visits and their numbers");
}

std::optional<Visit> repair_visit_of(Context& ctx, const std::string& ticket) {
  return ctx.store.visits().find_settling(VisitReason::kRepair, ticket);
}

Period month_period(int year, int month) {
  const Date from = Date::from_ymd(year, month, 1);
  const Date next =
      month == 12 ? Date::from_ymd(year + 1, 1, 1) : Date::from_ymd(year, month + 1, 1);
  return {from, next.plus_days(-1)};
}

Period year_period(int year) { return {Date::from_ymd(year, 1, 1), Date::from_ymd(year, 12, 31)}; }

Period parse_period(const std::string& text) {
  const std::string given = trim(text);
  const auto digits = [&](std::size_t from, std::size_t count) {
    if (given.size() < from + count) return false;
    return std::all_of(given.begin() + static_cast<std::ptrdiff_t>(from),
                       given.begin() + static_cast<std::ptrdiff_t>(from + count),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (given.size() == 4 && digits(0, 4)) return year_period(std::stoi(given));
  if (given.size() == 7 && digits(0, 4) && given[4] == '-' && digits(5, 2)) {
    const int month = std::stoi(given.substr(5, 2));
    if (month >= 1 && month <= 12) return month_period(std::stoi(given.substr(0, 4)), month);
  }
  throw Error(ErrorCode::kInvalidInput,
              fmt::format("period \"{}\": write YYYY-MM (a month) or YYYY (a year)", given));
}

}  // namespace aftersales
