// aftersales ticket open|list|show|assign|analyse|estimate|quote|waive|start|pause|resume|record|
// close|cancel: service requests (表3), their costs (表5), approvals (表4, 表5) and the signed
// work record (表6). The rules live in the core (tickets/tickets.h), the rendering in
// views/ticket_view.h; this file parses and calls.
#include <fmt/format.h>

#include <algorithm>

#include "aftersales/attachments/attachments.h"
#include "aftersales/core/error.h"
#include "aftersales/parts/purchase_plans.h"
#include "aftersales/search/search.h"
#include "aftersales/tickets/ticket_rules.h"
#include "aftersales/tickets/tickets.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/attachment_view.h"
#include "views/part_sale_view.h"
#include "views/part_view.h"
#include "views/search_view.h"
#include "views/ticket_view.h"

namespace aftersales::cli {
namespace {

struct NumberRequest {
  std::string number;
};

struct ShowRequest {
  std::string number;
  bool similar = false;
  int limit = 5;
};

struct AssignRequest {
  std::string number, user;
};

struct AnalyseRequest {
  std::string number, text;
  bool quality_defect = false;
  bool needs_factory = false;
};

struct EstimateRequest {
  std::string number, parts, labour_hours, travel;
};

struct QuoteRequest {
  std::string number;
  std::vector<std::string> lines;
  std::optional<std::string> contract;
};

struct ReasonRequest {
  std::string number, reason;
};

struct AdviceRequest {
  std::string number, advice;
};

struct ClockRequest {
  std::string number;
  std::optional<std::string> reason, urgent, at;
};

struct RecordRequest {
  std::optional<std::string> scan;
  std::string number;
  WorkRecordFields fields;
};

// The ticket number every verb but open and list takes first.
void add_number(CLI::App& verb, std::string& number) {
  verb.add_option("T", number, "ticket number (SR-YYYY-NNNNNN)")->required();
}

// The summary of a change on stderr: `SR-2026-000001: analysed; waiting for 表4 approval by
// sales_manager`, or the next steps when nothing waits. The change is committed already, so a
// failure to read the summary only shortens it.
void note_progress(Session& session, const Ticket& ticket, const std::string& done) {
  if (session.options.quiet) return;
  std::string line = fmt::format("{}: {}", ticket.number, done);
  try {
    const std::string progress = progress_text(show_ticket(session.context(), ticket.number));
    if (!progress.empty()) line += "; " + progress;
  } catch (const Error&) {
  }
  session.note(line);
}

// A change of costs on stderr: each approval it voided (signatures lost), then the progress.
void note_costs(Session& session, const CostsChange& change, const std::string& done) {
  for (const std::string& line : voided_text(change.voided)) {
    session.note(fmt::format("{}: {}", change.ticket.number, line));
  }
  note_progress(session, change.ticket, done);
}

}  // namespace

void attach_ticket(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales ticket list --state in_service");

  add_verb<TicketIntake>(
      family, session,
      {"open", "register a service request (表3); prints its number",
       "aftersales ticket open --unit 2025-001 --category 液压系统 --channel phone --desc "
       "液压泵异响 --priority urgent --km 35000",
       StoreUse::kWrites},
      [](CLI::App& verb, TicketIntake& intake) {
        verb.add_option("--unit", intake.unit, "serial no. of the unit (出厂编号)")->required();
        verb.add_option("--category", intake.category,
                        "fault category from [lists] fault_categories")
            ->required();
        verb.add_option("--channel", intake.channel, "how it came in, from [lists] channels")
            ->required();
        verb.add_option("--desc", intake.description, "the customer's description of the fault")
            ->required();
        verb.add_option("--reported-at", intake.reported_at,
                        "when the customer called, ISO 8601 (default now)");
        verb.add_option("--priority", intake.priority,
                        "a key of [sla.response_hours] (default [sla] default_priority)");
        verb.add_option("--km", intake.km, "odometer reading in km");
      },
      [](Session& s, const TicketIntake& intake) {
        s.emit_created(open_ticket(s.context(), intake).number);
      });

  add_verb<TicketQuery>(
      family, session,
      {"list", "list tickets with their SLA status",
       "aftersales ticket list --overdue --format csv -o overdue.csv", StoreUse::kReads},
      [](CLI::App& verb, TicketQuery& query) {
        verb.add_option(
            "--state", query.state,
            "registered, analysed, in_service, paused, signed_off, closed, cancelled or resolved");
        verb.add_flag("--overdue", query.overdue,
                      "only those past the response limit, not arrived");
        verb.add_option("--month", query.month, "only those reported in YYYY-MM (local date)");
        verb.add_option("--assignee", query.assignee, "only those assigned to this user");
        verb.add_option("--unit", query.unit,
                        "only this unit's: its serial no., VIN, plate or engine no.");
        verb.add_option("--customer", query.customer,
                        "only this customer's (the unit's owner when reported)");
      },
      [](Session& s, const TicketQuery& query) {
        Context& ctx = s.context();
        const UtcOffset zone = ctx.rules.general.utc_offset;
        s.emit_rows(ticket_columns(), [&](RowWriter& rows) {
          std::vector<Cell> row;
          each_ticket(ctx, query, [&](const TicketSummary& ticket) {
            fill_ticket_row(row, ticket, zone);
            rows.row(row);
          });
        });
      });

  add_verb<ShowRequest>(
      family, session,
      {"show",
       "everything about a ticket: costs, approvals, work record, history; --similar: the "
       "closest past repairs",
       "aftersales ticket show SR-2026-000001 --similar", StoreUse::kReads},
      [](CLI::App& verb, ShowRequest& r) {
        add_number(verb, r.number);
        CLI::Option* similar =
            verb.add_flag("--similar", r.similar,
                          "also list the past repairs of the same model and category whose "
                          "description and analysis are closest to this ticket's");
        verb.add_option("--limit", r.limit, "with --similar: at most this many (default 5)")
            ->needs(similar);
      },
      [](Session& s, const ShowRequest& r) {
        Context& ctx = s.context();
        const TicketView shown = show_ticket(ctx, r.number);
        RecordView view = ticket_view(shown, ctx.rules);
        // The parts asked for it (表11, 表13), before its history.
        const auto history = std::find_if(view.tables.begin(), view.tables.end(),
                                          [](const auto& t) { return t.first.key == "history"; });
        view.tables.insert(
            history, {{{"part_requests", "part issue requests 备件出库申请 (表11)"},
                       issue_table(list_issue_requests(ctx, shown.ticket.number),
                                   ctx.rules.general.utc_offset)},
                      {{"urgent_requests", "urgent part requests 急需备件 (表13)"},
                       urgent_table(urgent_requests_of(ctx, shown.ticket.number), ctx.rules)}});
        // The signed scans kept with it (issue 15), metadata only.
        add_attachments(view, attachments_of(ctx, "ticket", shown.ticket.number),
                        ctx.rules.general.utc_offset, "history");
        if (r.similar) {
          view.tables.push_back(
              {{"similar", "closest past repairs of the same model and category"},
               similar_repairs_table(similar_repairs(ctx, shown.ticket.number, r.limit),
                                     ctx.rules.general.utc_offset)});
        }
        s.emit(view);
      });

  add_verb<AssignRequest>(
      family, session,
      {"assign", "give the ticket to a technician",
       "aftersales ticket assign SR-2026-000001 --to ma", StoreUse::kWrites},
      [](CLI::App& verb, AssignRequest& r) {
        add_number(verb, r.number);
        verb.add_option("--to", r.user, "the user (a login of [users])")->required();
      },
      [](Session& s, const AssignRequest& r) {
        const Ticket t = assign_ticket(s.context(), r.number, r.user);
        note_progress(s, t, "assigned to " + t.assignee);
      });

  add_verb<AnalyseRequest>(
      family, session,
      {"analyse", "file the analysis (问题描述与分析); may raise 表4 or a quality check",
       "aftersales ticket analyse SR-2026-000001 --text 液压泵密封件老化 --needs-factory",
       StoreUse::kWrites},
      [](CLI::App& verb, AnalyseRequest& r) {
        add_number(verb, r.number);
        verb.add_option("--text", r.text, "the analysis of the fault")->required();
        verb.add_flag("--quality-defect", r.quality_defect,
                      "a suspected quality defect: the technical department confirms it");
        verb.add_flag("--needs-factory", r.needs_factory,
                      "production or the technical department must help: a repair notice (表4)");
      },
      [](Session& s, const AnalyseRequest& r) {
        const Ticket t =
            analyse_ticket(s.context(), r.number, r.text, r.quality_defect, r.needs_factory);
        note_progress(s, t, "analysed");
      });

  add_verb<EstimateRequest>(
      family, session,
      {"estimate", "three cost lines (parts, labour, travel) at the ticket's coverage",
       "aftersales ticket estimate SR-2026-000001 --parts 800.00 --labour-hours 2.5 --travel "
       "150.00",
       StoreUse::kWrites},
      [](CLI::App& verb, EstimateRequest& r) {
        add_number(verb, r.number);
        verb.add_option("--parts", r.parts, "parts, in yuan")->required();
        verb.add_option("--labour-hours", r.labour_hours,
                        "labour hours, charged at [costs] labour_rate")
            ->required();
        verb.add_option("--travel", r.travel, "travel (旅差费), in yuan")->required();
      },
      [](Session& s, const EstimateRequest& r) {
        note_costs(s, estimate_ticket(s.context(), r.number, r.parts, r.labour_hours, r.travel),
                   "estimated");
      });

  add_verb<QuoteRequest>(
      family, session,
      {"quote", "an itemised quotation (维修项目表); replaces the estimate's lines",
       "aftersales ticket quote SR-2026-000001 --line \"part;液压泵;1;4800.00;paid\" --line "
       "\"work;更换液压泵;6;100.00\" --contract HT-2026-018",
       StoreUse::kWrites},
      [](CLI::App& verb, QuoteRequest& r) {
        add_number(verb, r.number);
        verb.add_option("--line", r.lines,
                        "KIND;DESCRIPTION;QTY;UNIT_PRICE[;warranty|paid], KIND work, part or "
                        "travel (repeat for each line)")
            ->required()
            ->allow_extra_args(false)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        verb.add_option("--contract", r.contract,
                        "repair contract no. (维修合同), needed for a large paid repair");
      },
      [](Session& s, const QuoteRequest& r) {
        note_costs(s, quote_ticket(s.context(), r.number, r.lines, r.contract), "quoted");
      });

  add_verb<ReasonRequest>(
      family, session,
      {"waive", "ask for a free repair outside warranty (the GM approves)",
       "aftersales ticket waive SR-2026-000001 --reason 大客户, 首次故障", StoreUse::kWrites},
      [](CLI::App& verb, ReasonRequest& r) {
        add_number(verb, r.number);
        verb.add_option("--reason", r.reason, "why it should be free")->required();
      },
      [](Session& s, const ReasonRequest& r) {
        note_progress(s, waive_ticket(s.context(), r.number, r.reason), "free repair asked");
      });

  add_verb<NumberRequest>(
      family, session,
      {"start", "start the service; refused until every approval is given",
       "aftersales ticket start SR-2026-000001", StoreUse::kWrites},
      [](CLI::App& verb, NumberRequest& r) { add_number(verb, r.number); },
      [](Session& s, const NumberRequest& r) {
        note_progress(s, start_ticket(s.context(), r.number), "in service");
      });

  add_verb<ClockRequest>(
      family, session,
      {"pause", "stop the SLA clock (waiting for parts or for the customer)",
       "aftersales ticket pause SR-2026-000001 --reason 等待配件 --at 2026-11-27T14:00",
       StoreUse::kWrites},
      [](CLI::App& verb, ClockRequest& r) {
        add_number(verb, r.number);
        auto* reason = verb.add_option("--reason", r.reason, "what the ticket waits for");
        verb.add_option("--urgent", r.urgent,
                        "UR-...: waits for this urgent part request (表13); the reason names it")
            ->excludes(reason);
        verb.add_option("--at", r.at, "when the clock stopped, ISO 8601 (default now)");
      },
      [](Session& s, const ClockRequest& r) {
        if (r.urgent) {
          note_progress(s, pause_for_urgent_part(s.context(), r.number, *r.urgent, r.at), "paused");
          return;
        }
        if (!r.reason) {
          throw Error(ErrorCode::kUsage, "ticket pause: say what the ticket waits for",
                      "give --reason TEXT, or --urgent UR-... for an urgent part request");
        }
        note_progress(s, pause_ticket(s.context(), r.number, *r.reason, r.at), "paused");
      });

  add_verb<ClockRequest>(
      family, session,
      {"resume", "restart the SLA clock after a pause",
       "aftersales ticket resume SR-2026-000001 --at 2026-11-28T09:00", StoreUse::kWrites},
      [](CLI::App& verb, ClockRequest& r) {
        add_number(verb, r.number);
        verb.add_option("--at", r.at, "when the clock went on, ISO 8601 (default now)");
      },
      [](Session& s, const ClockRequest& r) {
        note_progress(s, resume_ticket(s.context(), r.number, r.at), "resumed");
      });

  add_verb<RecordRequest>(
      family, session,
      {"record", "file the work record signed by the customer (表6); the ticket is signed off",
       "aftersales ticket record SR-2026-000001 --arrived 2026-11-27T10:00 --finished "
       "2026-11-27T15:30 --work 更换液压泵密封件 --signed-by 王明 --sealed --technician ma "
       "--labour-hours 5.5 --travel 150.00 --part HP-100:1 --km 48800",
       StoreUse::kWrites},
      [](CLI::App& verb, RecordRequest& r) {
        add_number(verb, r.number);
        WorkRecordFields& f = r.fields;
        verb.add_option("--arrived", f.arrived, "arrival on site, ISO 8601")->required();
        verb.add_option("--finished", f.finished, "end of the work, ISO 8601")->required();
        verb.add_option("--work", f.work_done, "the work done")->required();
        verb.add_option("--signed-by", f.signed_by, "the customer's signer (签字)")->required();
        verb.add_option("--signed-at", f.signed_at, "when the customer signed (default: finished)");
        verb.add_flag("--sealed", f.sealed, "the customer's seal was applied (盖章)");
        verb.add_option("--technician", f.technicians,
                        "a technician on site (repeat for each; default the assignee)")
            ->allow_extra_args(false)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        verb.add_option("--labour-hours", f.labour_hours, "labour hours worked");
        verb.add_option("--travel", f.travel, "travel cost (旅差费), in yuan");
        verb.add_option("--km", f.km, "the odometer on site (km); never below an earlier reading");
        verb.add_option("--part", f.parts,
                        "a part used, PARTNO:QTY (repeat for each); replaces the estimated parts")
            ->allow_extra_args(false)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        verb.add_option("--scan", r.scan,
                        "the signed and sealed paper scanned (PDF, JPEG or PNG): kept with the "
                        "ticket as its 表6 (`attach list ticket T`)");
      },
      [](Session& s, const RecordRequest& r) {
        WorkRecordFields fields = r.fields;
        if (r.scan) fields.scan = read_attachment_file(*r.scan, s.context().rules);
        const WorkRecorded done = record_work(s.context(), r.number, fields);
        if (done.scan) s.note(attached_text(*done.scan));
        for (const std::string& line : voided_text(done.voided)) s.note(line);
        std::string what =
            done.record.version == 1
                ? "work record signed by " + done.record.signed_by
                : fmt::format("work record corrected (version {})", done.record.version);
        what +=
            "; actual cost " + format_money(warranty_total(done.actual) + paid_total(done.actual));
        if (done.ticket.visit_due_on) {
          what += "; follow-up visit due by " + format_date(*done.ticket.visit_due_on);
        }
        note_progress(s, done.ticket, what);
      });

  add_verb<NumberRequest>(
      family, session,
      {"close", "close a ticket whose work record is signed",
       "aftersales ticket close SR-2026-000001", StoreUse::kWrites},
      [](CLI::App& verb, NumberRequest& r) { add_number(verb, r.number); },
      [](Session& s, const NumberRequest& r) {
        const Ticket t = close_ticket(s.context(), r.number);
        s.note(fmt::format("{}: {}", t.number, state_name(t.state)));
      });

  add_verb<ReasonRequest>(
      family, session,
      {"cancel", "cancel a ticket before it is signed off; voids its approvals",
       "aftersales ticket cancel SR-2026-000001 --reason 客户自行修复", StoreUse::kWrites},
      [](CLI::App& verb, ReasonRequest& r) {
        add_number(verb, r.number);
        verb.add_option("--reason", r.reason, "why")->required();
      },
      [](Session& s, const ReasonRequest& r) {
        const Ticket t = cancel_ticket(s.context(), r.number, r.reason);
        s.note(fmt::format("{}: {}", t.number, state_name(t.state)));
      });

  add_verb<AdviceRequest>(
      family, session,
      {"resolve",
       "close a call settled on the phone, without a site visit (no 表6); it still counts in "
       "the month's statistics",
       "aftersales ticket resolve SR-2026-000001 --advice 指导客户复位液压阀, 已恢复正常",
       StoreUse::kWrites},
      [](CLI::App& verb, AdviceRequest& r) {
        add_number(verb, r.number);
        verb.add_option("--advice", r.advice, "what the customer was told")->required();
      },
      [](Session& s, const AdviceRequest& r) {
        const Ticket t = resolve_ticket(s.context(), r.number, r.advice);
        s.note(fmt::format("{}: {} on the phone", t.number, state_name(t.state)));
      });
}

}  // namespace aftersales::cli
