// The service itself: start once approved, the SLA clock's pauses, the customer-signed work
// record (表6), close and cancel.
#include <fmt/format.h>

#include <algorithm>

#include "aftersales/approvals/approval_forms.h"
#include "aftersales/attachments/attachments.h"
#include "aftersales/core/error.h"
#include "aftersales/identity/identity.h"
#include "aftersales/parts/issue_requests.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/ticket_forms.h"
#include "aftersales/tickets/ticket_rules.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "aftersales/units/warranty.h"
#include "approvals/approval_requests.h"
#include "parts/parts_used.h"
#include "tickets/start_rules.h"
#include "tickets/ticket_records.h"
#include "tickets/ticket_states.h"

namespace aftersales {
namespace {

std::vector<Approval> live_approvals(Context& ctx, const std::string& number) {
  const ApprovalFilter filter = ApprovalFilter::of(ticket_subject(number));
  std::vector<Approval> all;
  for (Approval& a : ctx.store.approvals().list(filter)) {
    if (a.state != ApprovalState::kVoid) all.push_back(std::move(a));
  }
  return all;
}

}  // namespace

Ticket start_ticket(Context& ctx, const std::string& number) {
  require_role(ctx, ctx.rules.permissions.ticket_service, "starting a service");
  Ticket after;
  ctx.store.write([&] {
    const Ticket before = load_ticket(ctx, number);
    require_allowed(before, TicketAction::kStart);
    const std::vector<StartRequirement> requirements =
        start_requirements(ctx.rules, before, ctx.store.tickets().cost_lines(before.id),
                           live_approvals(ctx, before.number));
    std::vector<std::string> missing;
    for (const StartRequirement& r : requirements) {
      if (!r.satisfied) missing.push_back("refused: " + r.explanation);
    }
    if (!missing.empty()) {
      throw Error(ErrorCode::kRuleViolation, fmt::format("{}", fmt::join(missing, "\n")),
                  fmt::format("`aftersales approval list --subject {}` shows who must sign; the "
                              "service starts once every approval is given",
                              before.number));
    }
    after = before;
    after.state = TicketState::kInService;
    save_ticket(ctx, before, after, "start");
  });
  return after;
}

Ticket pause_ticket(Context& ctx, const std::string& number, const std::string& reason,
                    const std::optional<std::string>& at) {
  require_role(ctx, ctx.rules.permissions.ticket_service, "pausing a ticket");
  const UtcOffset zone = ctx.rules.general.utc_offset;
  Ticket after;
  ctx.store.write([&] {
    const Ticket before = load_ticket(ctx, number);
    require_allowed(before, TicketAction::kPause);
    FieldReader reader;
    Pause pause;
    pause.reason = reader.text("reason", reason, true);
    pause.from = ctx.now();
    if (at) {
      if (const auto from = reader.time("at", *at, zone)) {
        pause.from = *from;
        // The clock stops at a time it was running: after the report and the last pause's end.
        std::optional<Timestamp> last_end;
        for (const Pause& earlier : ctx.store.tickets().pauses(before.id)) {
          if (earlier.to && (!last_end || *last_end < *earlier.to)) last_end = earlier.to;
        }
        if (*from > ctx.now()) {
          reader.add("at", *at,
                     fmt::format("{} is in the future (now {}); pause at the time the work stopped",
                                 format_timestamp(*from, zone), format_timestamp(ctx.now(), zone)));
        } else if (*from < before.reported_at) {
          reader.add("at", *at,
                     fmt::format("{} is before the call was reported ({}); give a time after it",
                                 format_timestamp(*from, zone),
                                 format_timestamp(before.reported_at, zone)));
        } else if (last_end && *from < *last_end) {
          reader.add("at", *at,
                     fmt::format("{} is before the end of the previous pause ({}); pauses do not "
                                 "overlap: give a time from then on",
                                 format_timestamp(*from, zone), format_timestamp(*last_end, zone)));
        }
      }
    }
    reader.throw_if_any(fmt::format("ticket {}", before.number));
    ctx.store.tickets().insert_pause(before.id, pause);
    after = before;
    after.resume_state = before.state;
    after.state = TicketState::kPaused;
    save_ticket(ctx, before, after, "pause", AuditJson::object(),
                AuditJson{{"paused_from", format_timestamp(pause.from, zone)},
                          {"pause_reason", pause.reason}});
  });
  return after;
}

Ticket resume_ticket(Context& ctx, const std::string& number,
                     const std::optional<std::string>& at) {
  require_role(ctx, ctx.rules.permissions.ticket_service, "resuming a ticket");
  const UtcOffset zone = ctx.rules.general.utc_offset;
  Ticket after;
  ctx.store.write([&] {
    const Ticket before = load_ticket(ctx, number);
    require_allowed(before, TicketAction::kResume);
    Timestamp to = ctx.now();
    if (at) {
      FieldReader reader;
      if (const auto read = reader.time("at", *at, zone)) {
        to = *read;
        std::optional<Timestamp> open_from;
        for (const Pause& pause : ctx.store.tickets().pauses(before.id)) {
          if (!pause.to) open_from = pause.from;
        }
        if (*read > ctx.now()) {
          reader.add(
              "at", *at,
              fmt::format("{} is in the future (now {}); resume at the time the work went on",
                          format_timestamp(*read, zone), format_timestamp(ctx.now(), zone)));
        } else if (open_from && *read < *open_from) {
          reader.add(
              "at", *at,
              fmt::format("{} is before the pause began ({}); give a time from then on",
                          format_timestamp(*read, zone), format_timestamp(*open_from, zone)));
        }
      }
      reader.throw_if_any(fmt::format("ticket {}", before.number));
    }
    ctx.store.tickets().end_open_pause(before.id, to);
    after = before;
    after.state = before.resume_state;
    save_ticket(ctx, before, after, "resume", AuditJson::object(),
                AuditJson{{"paused_until", format_timestamp(to, zone)}});
  });
  return after;
}

namespace {

// The technicians of a record: those named (users of [users] when there is one), else the
// assignee, else the acting user when they do service work (a technician's own job).
std::vector<std::string> read_technicians(Context& ctx, const Ticket& ticket,
                                          const std::vector<std::string>& named,
                                          FieldReader& reader) {
  std::vector<std::string> technicians;
  for (const std::string& name : named) {
    const std::string technician = reader.text("technician", name, true);
    if (!ctx.rules.users.empty() && ctx.rules.users.count(technician) == 0) {
      reader.add("technician", name, fmt::format("{} is not a user of [users]", technician));
    }
    technicians.push_back(technician);
  }
  if (technicians.empty() && !ticket.assignee.empty()) technicians.push_back(ticket.assignee);
  if (technicians.empty() && !ctx.rules.users.empty() &&
      may_be_assigned(ctx.rules, ctx.actor.user)) {
    technicians.push_back(ctx.actor.user);
  }
  if (technicians.empty()) {
    reader.add("technician", "", "no technician: name who did the work (--technician)");
  }
  return technicians;
}

// Reads and checks the record's fields against the ticket; throws with every problem.
WorkRecord read_record(Context& ctx, const Ticket& ticket, const WorkRecordFields& fields) {
  const UtcOffset zone = ctx.rules.general.utc_offset;
  FieldReader reader;
  WorkRecord record;
  const auto arrived = reader.time("arrived", fields.arrived, zone);
  const auto finished = reader.time("finished", fields.finished, zone);
  record.work_done = reader.text("work", fields.work_done, true);
  record.signed_by = reader.text("signed_by", fields.signed_by, true);
  record.sealed = fields.sealed;
  record.technicians = read_technicians(ctx, ticket, fields.technicians, reader);
  if (fields.labour_hours) {
    record.labour_hours_centi = reader.decimal("labour_hours", *fields.labour_hours, 2, 100'000'00);
  }
  if (fields.km) record.km = reader.integer("km", *fields.km, 0, kMaxOdometerKm);
  if (fields.travel) {
    record.travel = reader.money("travel", *fields.travel);
    if (record.travel && *record.travel < Money{0}) {
      reader.add("travel", *fields.travel, "is negative; give an amount of 0 or more");
    }
  }
  if (arrived && finished) {
    record.arrived = *arrived;
    record.finished = *finished;
    if (*arrived < ticket.reported_at) {
      reader.add(
          "arrived", fields.arrived,
          fmt::format("{} is before the call was reported ({})", format_timestamp(*arrived, zone),
                      format_timestamp(ticket.reported_at, zone)));
    }
    if (*finished < *arrived) {
      reader.add("finished", fields.finished,
                 fmt::format("{} is before the arrival {}", format_timestamp(*finished, zone),
                             format_timestamp(*arrived, zone)));
    }
    if (*finished > ctx.now()) {
      reader.add("finished", fields.finished,
                 fmt::format("{} is in the future; record the work once done",
                             format_timestamp(*finished, zone)));
    }
    record.signed_at = *finished;
    if (fields.signed_at) {
      if (auto signed_at = reader.time("signed_at", *fields.signed_at, zone)) {
        if (*signed_at < *arrived || *signed_at > ctx.now()) {
          reader.add("signed_at", *fields.signed_at,
                     "the customer signs between the arrival and now");
        }
        record.signed_at = *signed_at;
      }
    }
  }
  reader.throw_if_any(fmt::format("ticket {}", ticket.number));
  // Odometer readings of a unit never go backwards in time: the one on site neither.
  if (record.km) {
    std::vector<OdometerReading> readings;
    for (OdometerReading& r :
         odometer_readings(ctx, get_unit(ctx, ticket.serial), /*except_ticket=*/"")) {
      if (!(r.on_site && r.ticket == ticket.number)) readings.push_back(std::move(r));
    }
    if (const auto conflict = odometer_conflict(readings, *record.km, record.arrived)) {
      reader.add("km", *fields.km, odometer_conflict_text(*conflict, *record.km, zone));
      reader.throw_if_any(fmt::format("ticket {}", ticket.number));
    }
  }
  return record;
}

AuditJson record_json(const WorkRecord& record, UtcOffset zone) {
  AuditJson json{{"version", record.version},
                 {"technicians", record.technicians},
                 {"arrived", format_timestamp(record.arrived, zone)},
                 {"finished", format_timestamp(record.finished, zone)},
                 {"work", record.work_done},
                 {"signed_by", record.signed_by},
                 {"sealed", record.sealed}};
  if (record.labour_hours_centi) json["labour_hours_centi"] = *record.labour_hours_centi;
  if (record.travel) json["travel_fen"] = record.travel->fen;
  if (record.km) json["km"] = *record.km;
  for (const PartUsed& used : record.parts) {
    json["parts"].push_back(AuditJson{{"part", used.part}, {"quantity", used.quantity}});
  }
  return json;
}

// Raises the supplementary approvals `needs` asks for where none of that amount is pending or
// approved, and voids pending ones no longer needed or of another amount (a corrected record).
void ask_supplements(Context& ctx, const Ticket& ticket, const std::vector<SupplementNeed>& needs,
                     WorkRecorded& done) {
  const ApprovalSubject subject = ticket_subject(ticket.number);
  for (const std::string& form :
       {ticket_form::kBudgetSupplement, ticket_form::kPaidRepairSupplement,
        ticket_form::kFreeRepairSupplement}) {
    const auto need = std::find_if(needs.begin(), needs.end(),
                                   [&](const SupplementNeed& n) { return n.form == form; });
    const std::optional<Approval> current = current_approval(ctx, subject, form);
    const bool asked =
        current && need != needs.end() && current->amount == need->actual &&
        (current->state == ApprovalState::kPending || current->state == ApprovalState::kApproved);
    if (asked) continue;
    for (Approval& a : void_approvals(ctx, subject, {form}, "the actual costs changed",
                                      /*approved_too=*/false)) {
      done.voided.push_back(std::move(a));
    }
    if (need == needs.end()) continue;
    done.supplements.push_back(raise_approval(
        ctx, form, subject, need->chain,
        fmt::format("actual cost {} is over the {} approved ({}); the work record (表6) v{}",
                    format_money(need->actual), format_money(need->approved),
                    form_label(need->covers), done.record.version),
        need->actual));
  }
}

}  // namespace

WorkRecorded record_work(Context& ctx, const std::string& number, const WorkRecordFields& fields) {
  require_role(ctx, ctx.rules.permissions.ticket_service, "recording the work (表6)");
  const UtcOffset zone = ctx.rules.general.utc_offset;
  // The scan of the signed paper (issue 15): refused before anything is written.
  std::optional<AttachRequest> scan;
  if (fields.scan) {
    require_role(ctx, ctx.rules.permissions.attachments,
                 "keeping the scanned work record (表6, --scan)");
    scan = AttachRequest{"ticket", number, *fields.scan, "表6", "the signed work record"};
    check_attachment(ctx.rules, *scan);
  }
  WorkRecorded done;
  ctx.store.write([&] {
    // A retried write runs again: the approvals the failed run voided or raised are not kept.
    done = WorkRecorded{};
    const Ticket before = load_ticket(ctx, number);
    require_allowed(before, TicketAction::kRecord);
    WorkRecord record = read_record(ctx, before, fields);
    record.parts = read_parts_used(ctx, fields.parts, fmt::format("ticket {}", before.number));
    // 签字盖章: without the customer's seal the record signs nothing off.
    if (!signs_off(ctx.rules, record)) {
      throw Error(ErrorCode::kRuleViolation,
                  "refused: the customer signs and seals the work record (签字盖章, 表6); a "
                  "record without the seal does not sign the ticket off",
                  "add --sealed once the customer's seal is on the record, or relax the rule "
                  "with [tickets] seal_required = false in the rulebook");
    }
    const std::vector<Approval> approvals = live_approvals(ctx, before.number);
    // 审批后, 再为用户提供售后服务: nobody arrives on site before the service was approved.
    if (const auto gate = earliest_arrival(approvals); gate && record.arrived < gate->approved_at) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: arrival {} is before the {} approval {} was given ({}); "
                              "the service is given after approval (审批后, 再为用户提供售后服务)",
                              format_timestamp(record.arrived, zone), form_label(gate->form),
                              gate->approval_id, format_timestamp(gate->approved_at, zone)),
                  fmt::format("give the time the technician arrived on site; it is not before {}",
                              format_timestamp(gate->approved_at, zone)));
    }

    TicketStore& tickets = ctx.store.tickets();
    std::optional<WorkRecord> earlier = tickets.find_work_record(before.id);
    if (earlier) earlier->parts = ctx.store.part_returns().parts_used(before.id);
    const std::vector<CostLine> old_actual = tickets.actual_lines(before.id);
    AuditJson old_json = AuditJson::object();
    if (earlier) {
      record.version = earlier->version + 1;
      old_json = record_json(*earlier, zone);
      old_json["actual"] = lines_json(old_actual);
      tickets.replace_work_record(before.id, record, ctx.real_now(), ctx.actor.user);
    } else {
      tickets.insert_work_record(before.id, record);
    }
    done.record = record;
    done.actual = actual_cost_lines(ctx.rules, before, tickets.cost_lines(before.id), record);
    // The company bears the freight of the parts shipped for it (表11, 运费由我公司承担).
    for (CostLine& freight : ticket_freight(ctx, before.number)) {
      done.actual.push_back(std::move(freight));
    }
    tickets.replace_actual_lines(before.id, done.actual);
    file_parts_used(ctx, before, record);  // archive notes of major parts, returns owed (表12)
    AuditJson new_json = record_json(record, zone);
    new_json["actual"] = lines_json(done.actual);
    record_change(ctx, "ticket", before.number, earlier ? "work-record-corrected" : "work-record",
                  earlier ? old_json.dump() : "", new_json.dump());

    Ticket after = before;
    after.state = TicketState::kSignedOff;
    // A major warranty repair makes a follow-up visit due within a week (表2: 维修后一周内).
    after.visit_due_on.reset();
    if (is_major_warranty_repair(ctx.rules, before.coverage, warranty_total(done.actual),
                                 record.parts)) {
      after.visit_due_on =
          local_date(record.finished, zone).plus_days(ctx.rules.visits.major_repair_days);
    }
    ask_supplements(ctx, after, supplements_needed(ctx.rules, after, done.actual, approvals), done);
    save_ticket(ctx, before, after, earlier ? "correct-record" : "record");
    done.ticket = after;
    if (scan) done.scan = attach_file(ctx, *scan);
  });
  return done;
}

Ticket close_ticket(Context& ctx, const std::string& number) {
  require_role(ctx, ctx.rules.permissions.ticket_close, "closing a ticket");
  Ticket after;
  ctx.store.write([&] {
    const Ticket before = load_ticket(ctx, number);
    // 表6: no ticket is closed without the work record signed by the customer.
    require_allowed(before, TicketAction::kClose,
                    ctx.store.tickets().find_work_record(before.id)
                        ? std::string()
                        : "it has no work record signed by the customer (表6); file it with "
                          "`aftersales ticket record` once the service is done");
    // Actual costs over the approved ones wait for their supplementary approval (表5 补充).
    const std::vector<Approval> approvals = live_approvals(ctx, before.number);
    std::vector<std::string> missing;
    for (const SupplementNeed& need : supplements_needed(
             ctx.rules, before, ctx.store.tickets().actual_lines(before.id), approvals)) {
      const std::optional<Approval> asked =
          current_approval(ctx, ticket_subject(before.number), need.form);
      std::string state = "was not asked: file the work record again";
      if (asked && asked->state == ApprovalState::kPending) {
        state = fmt::format("approval {} waits for {}", asked->id, asked->current_role());
      } else if (asked && asked->state == ApprovalState::kRejected) {
        state = fmt::format(
            "approval {} was rejected: correct the work record "
            "(`ticket record` again) to ask anew",
            asked->id);
      }
      missing.push_back(fmt::format("refused: actual cost {} is over the {} approved ({}); {} {}",
                                    format_money(need.actual), format_money(need.approved),
                                    form_label(need.covers), form_label(need.form), state));
    }
    if (!missing.empty()) {
      throw Error(ErrorCode::kRuleViolation, fmt::format("{}", fmt::join(missing, "\n")),
                  fmt::format("`aftersales approval list --subject {}` shows who must sign; the "
                              "ticket closes once the actual costs are approved",
                              before.number));
    }
    after = before;
    after.state = TicketState::kClosed;
    save_ticket(ctx, before, after, "close");
  });
  return after;
}

Ticket resolve_ticket(Context& ctx, const std::string& number, const std::string& advice) {
  require_role(ctx, ctx.rules.permissions.ticket_close, "resolving a ticket on the phone");
  Ticket after;
  ctx.store.write([&] {
    const Ticket before = load_ticket(ctx, number);
    require_allowed(before, TicketAction::kResolve,
                    "a call is resolved on the phone before the service starts");
    FieldReader reader;
    after = before;
    after.advice = reader.text("advice", advice, true);
    reader.throw_if_any(fmt::format("ticket {}", before.number));
    void_approvals(ctx, ticket_subject(before.number),
                   {ticket_form::kRepairNotice, ticket_form::kBudget, ticket_form::kPaidRepair,
                    ticket_form::kFreeRepair, ticket_form::kQualityDefect},
                   "the call was resolved on the phone", /*approved_too=*/false);
    after.state = TicketState::kResolved;
    save_ticket(ctx, before, after, "resolve");
  });
  return after;
}

Ticket cancel_ticket(Context& ctx, const std::string& number, const std::string& reason) {
  require_role(ctx, ctx.rules.permissions.ticket_close, "cancelling a ticket");
  Ticket after;
  ctx.store.write([&] {
    const Ticket before = load_ticket(ctx, number);
    require_allowed(before, TicketAction::kCancel);
    FieldReader reader;
    after = before;
    after.cancel_reason = reader.text("reason", reason, true);
    reader.throw_if_any(fmt::format("ticket {}", before.number));
    if (before.state == TicketState::kPaused)
      ctx.store.tickets().end_open_pause(before.id, ctx.now());
    void_approvals(ctx, ticket_subject(before.number),
                   {ticket_form::kRepairNotice, ticket_form::kBudget, ticket_form::kPaidRepair,
                    ticket_form::kFreeRepair, ticket_form::kQualityDefect},
                   "the ticket was cancelled", /*approved_too=*/false);
    after.state = TicketState::kCancelled;
    save_ticket(ctx, before, after, "cancel");
  });
  return after;
}

}  // namespace aftersales
