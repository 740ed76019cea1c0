// The service itself: start once approved, the SLA clock's pauses, the customer-signed work
// record (表6), close and cancel.
#include <fmt/format.h>

#include "aftersales/approvals/approval_forms.h"
#include "aftersales/core/error.h"
#include "aftersales/identity/identity.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/ticket_forms.h"
#include "aftersales/tickets/ticket_rules.h"
#include "aftersales/tickets/tickets.h"
#include "approvals/approval_requests.h"
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

Ticket record_work(Context& ctx, const std::string& number, const WorkRecordFields& fields) {
  require_role(ctx, ctx.rules.permissions.ticket_service, "recording the work (表6)");
  const UtcOffset zone = ctx.rules.general.utc_offset;
  Ticket after;
  ctx.store.write([&] {
    const Ticket before = load_ticket(ctx, number);
    require_allowed(before, TicketAction::kRecord);
    FieldReader reader;
    WorkRecord record;
    const auto arrived = reader.time("arrived", fields.arrived, zone);
    const auto finished = reader.time("finished", fields.finished, zone);
    record.work_done = reader.text("work", fields.work_done, true);
    record.signed_by = reader.text("signed_by", fields.signed_by, true);
    record.sealed = fields.sealed;
    for (const std::string& name : fields.technicians) {
      const std::string technician = reader.text("technician", name, true);
      if (!ctx.rules.users.empty() && ctx.rules.users.count(technician) == 0) {
        reader.add("technician", name, fmt::format("{} is not a user of [users]", technician));
      }
      record.technicians.push_back(technician);
    }
    if (record.technicians.empty() && !before.assignee.empty()) {
      record.technicians.push_back(before.assignee);
    }
    if (record.technicians.empty()) {
      reader.add("technician", "", "no technician: name who did the work (--technician)");
    }
    if (fields.labour_hours) {
      record.labour_hours_centi =
          reader.decimal("labour_hours", *fields.labour_hours, 2, 100'000'00);
    }
    if (fields.travel) record.travel = reader.money("travel", *fields.travel);
    if (arrived && finished) {
      record.arrived = *arrived;
      record.finished = *finished;
      if (*arrived < before.reported_at) {
        reader.add(
            "arrived", fields.arrived,
            fmt::format("{} is before the call was reported ({})", format_timestamp(*arrived, zone),
                        format_timestamp(before.reported_at, zone)));
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
    reader.throw_if_any(fmt::format("ticket {}", before.number));
    // 签字盖章: without the customer's seal the record signs nothing off.
    if (!signs_off(ctx.rules, record)) {
      throw Error(ErrorCode::kRuleViolation,
                  "refused: the customer signs and seals the work record (签字盖章, 表6); a "
                  "record without the seal does not sign the ticket off",
                  "add --sealed once the customer's seal is on the record, or relax the rule "
                  "with [tickets] seal_required = false in the rulebook");
    }
    // 审批后, 再为用户提供售后服务: nobody arrives on site before the service was approved.
    if (const auto gate = earliest_arrival(live_approvals(ctx, before.number));
        gate && record.arrived < gate->approved_at) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: arrival {} is before the {} approval {} was given ({}); "
                              "the service is given after approval (审批后, 再为用户提供售后服务)",
                              format_timestamp(record.arrived, zone), form_label(gate->form),
                              gate->approval_id, format_timestamp(gate->approved_at, zone)),
                  fmt::format("give the time the technician arrived on site; it is not before {}",
                              format_timestamp(gate->approved_at, zone)));
    }

    ctx.store.tickets().insert_work_record(before.id, record);
    after = before;
    after.state = TicketState::kSignedOff;
    // A major warranty repair makes a follow-up visit due within a week (表2: 维修后一周内).
    if (is_major_warranty_repair(ctx.rules,
                                 warranty_total(ctx.store.tickets().cost_lines(before.id)))) {
      after.visit_due_on =
          local_date(record.finished, zone).plus_days(ctx.rules.visits.major_repair_days);
    }
    record_change(ctx, "ticket", before.number, "work-record", "",
                  AuditJson{{"technicians", record.technicians},
                            {"arrived", format_timestamp(record.arrived, zone)},
                            {"finished", format_timestamp(record.finished, zone)},
                            {"work", record.work_done},
                            {"signed_by", record.signed_by},
                            {"sealed", record.sealed}}
                      .dump());
    save_ticket(ctx, before, after, "record");
  });
  return after;
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
    after = before;
    after.state = TicketState::kClosed;
    save_ticket(ctx, before, after, "close");
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
