// Reading tickets: one whole (`ticket show`) and lists (`ticket list`).
#include <fmt/format.h>

#include <utility>

#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "aftersales/customers/customers.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/ticket_forms.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "aftersales/visits/visits.h"
#include "tickets/start_rules.h"
#include "tickets/ticket_records.h"
#include "tickets/ticket_states.h"

namespace aftersales {
namespace {

TicketParties parties_of(Context& ctx, const Ticket& t) {
  TicketParties parties;
  const std::optional<Unit> unit = ctx.store.archive().find_unit(t.serial);
  const std::optional<Customer> customer = ctx.store.archive().find_customer(t.customer_code);
  if (customer) {
    parties.customer_name = customer->name;
    parties.contact = customer->contact;
    parties.phone = customer->phone;
  }
  if (!unit) return parties;
  if (unit->customer_code == t.customer_code) {
    if (!unit->contact.empty()) parties.contact = unit->contact;
    if (!unit->phone.empty()) parties.phone = unit->phone;
  }
  parties.plate = unit->plate;
  parties.model_code = unit->model_code;
  if (const std::optional<Model> model = ctx.store.archive().find_model(unit->model_code)) {
    parties.model_name = model->name;
  }
  return parties;
}

}  // namespace

TicketView show_ticket(Context& ctx, const std::string& number) {
  TicketView view;
  view.ticket = load_ticket(ctx, number);
  const Ticket& t = view.ticket;
  view.parties = parties_of(ctx, t);
  view.lines = ctx.store.tickets().cost_lines(t.id);
  view.warranty_total = warranty_total(view.lines);
  view.paid_total = paid_total(view.lines);
  view.approvals = ctx.store.approvals().list(ApprovalFilter::of(ticket_subject(t.number)));
  std::vector<Approval> live;
  for (const Approval& a : view.approvals) {
    if (a.state != ApprovalState::kVoid) live.push_back(a);
  }
  view.requirements = start_requirements(ctx.rules, t, view.lines, live);
  view.actual = ctx.store.tickets().actual_lines(t.id);
  view.actual_warranty_total = warranty_total(view.actual);
  view.actual_paid_total = paid_total(view.actual);
  view.supplements = supplements_needed(ctx.rules, t, view.actual, live);
  view.pauses = ctx.store.tickets().pauses(t.id);
  view.record = ctx.store.tickets().find_work_record(t.id);
  if (view.record) view.record->parts = ctx.store.part_returns().parts_used(t.id);
  view.replaced_records = ctx.store.tickets().replaced_work_records(t.id);
  view.sla = sla_status(ctx.rules, t, view.pauses, view.record, ctx.now());
  view.next_steps = next_steps(t);
  AuditQuery history;
  history.entity = "ticket";
  history.entity_id = t.number;
  view.history = audit_log(ctx, history);
  if (t.visit_due_on) view.follow_up = repair_visit_of(ctx, t.number);
  return view;
}

void each_ticket(Context& ctx, const TicketQuery& query,
                 const std::function<void(const TicketSummary&)>& visit) {
  const UtcOffset zone = ctx.rules.general.utc_offset;
  TicketFilter filter;
  FieldReader reader;
  if (query.state) {
    const std::string name = trim(*query.state);
    filter.state = parse_state(name);
    if (!filter.state) {
      reader.add("state", *query.state,
                 fmt::format("\"{}\" is not a state: use registered, analysed, in_service, "
                             "paused, signed_off, closed, cancelled or resolved",
                             *query.state));
    }
  }
  if (query.month) {
    const std::optional<Date> first = parse_date(trim(*query.month) + "-01");
    if (!first || trim(*query.month).size() != 7) {
      reader.add(
          "month", *query.month,
          fmt::format("cannot read \"{}\" as a month: write YYYY-MM, like 2026-11", *query.month));
    } else {
      const int next_year = first->month() == 12 ? first->year() + 1 : first->year();
      const int next_month = first->month() == 12 ? 1 : first->month() + 1;
      filter.reported_from = start_of_day(*first, zone);
      filter.reported_to = start_of_day(Date::from_ymd(next_year, next_month, 1), zone);
    }
  }
  reader.throw_if_any("ticket list", "correct the values and retry");
  if (query.assignee) filter.assignee = trim(*query.assignee);
  if (query.unit) filter.serial = find_unit_by_number(ctx, *query.unit).serial;
  if (query.customer) filter.customer_code = get_customer(ctx, *query.customer).code;

  filter.open_without_arrival = query.overdue;

  TicketSummary summary;
  std::optional<WorkRecord> record;
  ctx.store.tickets().each(filter, [&](TicketListing& listing) {
    // sla_status reads only the record's arrival.
    record.reset();
    if (listing.arrived) {
      record.emplace();
      record->arrived = *listing.arrived;
    }
    summary.sla = sla_status(ctx.rules, listing.ticket, listing.pauses, record, ctx.now());
    if (query.overdue && !summary.sla.overdue) return;
    // A swap, not a move: both keep their strings' memory for the rows to come.
    std::swap(summary.ticket, listing.ticket);
    visit(summary);
  });
}

std::vector<TicketSummary> list_tickets(Context& ctx, const TicketQuery& query) {
  std::vector<TicketSummary> result;
  each_ticket(ctx, query, [&](const TicketSummary& summary) { result.push_back(summary); });
  return result;
}

}  // namespace aftersales
