// aftersales ticket open|list|show|assign|analyse|estimate|quote|waive|start|pause|resume|record|
// close|cancel: service requests (表3), their costs (表5), approvals (表4, 表5) and the signed
// work record (表6). The rules live in the core (tickets/tickets.h), the rendering in
// views/ticket_view.h; this file parses and calls.
#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/tickets/tickets.h"
#include "commands/registry.h"
#include "views/ticket_view.h"

namespace aftersales::cli {
namespace {

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

// Registers a verb that takes the ticket number and one more step, as the other verbs do.
CLI::App* add_verb(CLI::App& family, const char* name, const char* summary,
                   const std::string& example_text, std::string& number) {
  CLI::App* verb = family.add_subcommand(name, summary);
  example(*verb, example_text);
  verb->add_option("T", number, "ticket number (SR-YYYY-NNNNNN)")->required();
  return verb;
}

}  // namespace

void attach_ticket(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales ticket list --state in_service");

  auto intake = std::make_shared<TicketIntake>();
  CLI::App* open =
      family.add_subcommand("open", "register a service request (表3); prints its number");
  example(*open,
          "aftersales ticket open --unit 2025-001 --category 液压系统 --channel phone --desc "
          "液压泵异响 --priority urgent --km 35000");
  open->add_option("--unit", intake->unit, "serial no. of the unit (出厂编号)")->required();
  open->add_option("--category", intake->category, "fault category from [lists] fault_categories")
      ->required();
  open->add_option("--channel", intake->channel, "how it came in, from [lists] channels")
      ->required();
  open->add_option("--desc", intake->description, "the customer's description of the fault")
      ->required();
  open->add_option("--reported-at", intake->reported_at,
                   "when the customer called, ISO 8601 (default now)");
  open->add_option("--priority", intake->priority,
                   "a key of [sla.response_hours] (default [sla] default_priority)");
  open->add_option("--km", intake->km, "odometer reading in km");
  open->callback([&session, intake] {
    session.run = [&session, intake] {
      const Ticket t = open_ticket(session.context(), *intake);
      session.emit_created(t.number);
      return 0;
    };
  });

  auto query = std::make_shared<TicketQuery>();
  CLI::App* list = family.add_subcommand("list", "list tickets with their SLA status");
  example(*list, "aftersales ticket list --overdue --format csv -o overdue.csv");
  list->add_option("--state", query->state,
                   "registered, analysed, in_service, paused, signed_off, closed or cancelled");
  list->add_flag("--overdue", query->overdue, "only those past the response limit, not arrived");
  list->add_option("--month", query->month, "only those reported in YYYY-MM (local date)");
  list->add_option("--assignee", query->assignee, "only those assigned to this user");
  list->callback([&session, query] {
    session.run = [&session, query] {
      Context& ctx = session.context();
      const UtcOffset zone = ctx.rules.general.utc_offset;
      session.emit(ticket_table(list_tickets(ctx, *query), zone));
      return 0;
    };
  });

  auto show_number = std::make_shared<std::string>();
  CLI::App* show =
      add_verb(family, "show", "everything about a ticket: costs, approvals, work record, history",
               "aftersales ticket show SR-2026-000001 --format json", *show_number);
  show->callback([&session, show_number] {
    session.run = [&session, show_number] {
      Context& ctx = session.context();
      session.emit(ticket_view(show_ticket(ctx, *show_number), ctx.rules));
      return 0;
    };
  });

  struct AssignRequest {
    std::string number, user;
  };
  auto assign_request = std::make_shared<AssignRequest>();
  CLI::App* assign =
      add_verb(family, "assign", "give the ticket to a technician",
               "aftersales ticket assign SR-2026-000001 --to ma", assign_request->number);
  assign->add_option("--to", assign_request->user, "the user (a login of [users])")->required();
  assign->callback([&session, assign_request] {
    session.run = [&session, assign_request] {
      const Ticket t =
          assign_ticket(session.context(), assign_request->number, assign_request->user);
      note_progress(session, t, "assigned to " + t.assignee);
      return 0;
    };
  });

  struct AnalyseRequest {
    std::string number, text;
    bool quality_defect = false;
    bool needs_factory = false;
  };
  auto analyse_request = std::make_shared<AnalyseRequest>();
  CLI::App* analyse = add_verb(
      family, "analyse", "file the analysis (问题描述与分析); may raise 表4 or a quality check",
      "aftersales ticket analyse SR-2026-000001 --text 液压泵密封件老化 --needs-factory",
      analyse_request->number);
  analyse->add_option("--text", analyse_request->text, "the analysis of the fault")->required();
  analyse->add_flag("--quality-defect", analyse_request->quality_defect,
                    "a suspected quality defect: the technical department confirms it");
  analyse->add_flag("--needs-factory", analyse_request->needs_factory,
                    "production or the technical department must help: a repair notice (表4)");
  analyse->callback([&session, analyse_request] {
    session.run = [&session, analyse_request] {
      const Ticket t =
          analyse_ticket(session.context(), analyse_request->number, analyse_request->text,
                         analyse_request->quality_defect, analyse_request->needs_factory);
      note_progress(session, t, "analysed");
      return 0;
    };
  });

  struct EstimateRequest {
    std::string number, parts, labour_hours, travel;
  };
  auto estimate_request = std::make_shared<EstimateRequest>();
  CLI::App* estimate = add_verb(
      family, "estimate", "three cost lines (parts, labour, travel) at the ticket's coverage",
      "aftersales ticket estimate SR-2026-000001 --parts 800.00 --labour-hours 2.5 --travel "
      "150.00",
      estimate_request->number);
  estimate->add_option("--parts", estimate_request->parts, "parts, in yuan")->required();
  estimate
      ->add_option("--labour-hours", estimate_request->labour_hours,
                   "labour hours, charged at [costs] labour_rate")
      ->required();
  estimate->add_option("--travel", estimate_request->travel, "travel (旅差费), in yuan")
      ->required();
  estimate->callback([&session, estimate_request] {
    session.run = [&session, estimate_request] {
      const Ticket t =
          estimate_ticket(session.context(), estimate_request->number, estimate_request->parts,
                          estimate_request->labour_hours, estimate_request->travel);
      note_progress(session, t, "estimated");
      return 0;
    };
  });

  struct QuoteRequest {
    std::string number;
    std::vector<std::string> lines;
    std::optional<std::string> contract;
  };
  auto quote_request = std::make_shared<QuoteRequest>();
  CLI::App* quote = add_verb(
      family, "quote", "an itemised quotation (维修项目表); replaces the estimate's lines",
      "aftersales ticket quote SR-2026-000001 --line \"part;液压泵;1;4800.00;paid\" --line "
      "\"work;更换液压泵;6;100.00\" --contract HT-2026-018",
      quote_request->number);
  quote
      ->add_option("--line", quote_request->lines,
                   "KIND;DESCRIPTION;QTY;UNIT_PRICE[;warranty|paid], KIND work, part or travel "
                   "(repeat for each line)")
      ->required()
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  quote->add_option("--contract", quote_request->contract,
                    "repair contract no. (维修合同), needed for a large paid repair");
  quote->callback([&session, quote_request] {
    session.run = [&session, quote_request] {
      const Ticket t = quote_ticket(session.context(), quote_request->number, quote_request->lines,
                                    quote_request->contract);
      note_progress(session, t, "quoted");
      return 0;
    };
  });

  struct ReasonRequest {
    std::string number, reason;
  };
  auto waive_request = std::make_shared<ReasonRequest>();
  CLI::App* waive = add_verb(
      family, "waive", "ask for a free repair outside warranty (the GM approves)",
      "aftersales ticket waive SR-2026-000001 --reason 大客户, 首次故障", waive_request->number);
  waive->add_option("--reason", waive_request->reason, "why it should be free")->required();
  waive->callback([&session, waive_request] {
    session.run = [&session, waive_request] {
      const Ticket t =
          waive_ticket(session.context(), waive_request->number, waive_request->reason);
      note_progress(session, t, "free repair asked");
      return 0;
    };
  });

  auto start_number = std::make_shared<std::string>();
  CLI::App* start =
      add_verb(family, "start", "start the service; refused until every approval is given",
               "aftersales ticket start SR-2026-000001", *start_number);
  start->callback([&session, start_number] {
    session.run = [&session, start_number] {
      const Ticket t = start_ticket(session.context(), *start_number);
      note_progress(session, t, "in service");
      return 0;
    };
  });

  auto pause_request = std::make_shared<ReasonRequest>();
  CLI::App* pause =
      add_verb(family, "pause", "stop the SLA clock (waiting for parts or for the customer)",
               "aftersales ticket pause SR-2026-000001 --reason 等待配件", pause_request->number);
  pause->add_option("--reason", pause_request->reason, "what the ticket waits for")->required();
  pause->callback([&session, pause_request] {
    session.run = [&session, pause_request] {
      const Ticket t =
          pause_ticket(session.context(), pause_request->number, pause_request->reason);
      note_progress(session, t, "paused");
      return 0;
    };
  });

  auto resume_number = std::make_shared<std::string>();
  CLI::App* resume = add_verb(family, "resume", "restart the SLA clock after a pause",
                              "aftersales ticket resume SR-2026-000001", *resume_number);
  resume->callback([&session, resume_number] {
    session.run = [&session, resume_number] {
      const Ticket t = resume_ticket(session.context(), *resume_number);
      note_progress(session, t, "resumed");
      return 0;
    };
  });

  struct RecordRequest {
    std::string number;
    WorkRecordFields fields;
  };
  auto record_request = std::make_shared<RecordRequest>();
  CLI::App* record =
      add_verb(family, "record",
               "file the work record signed by the customer (表6); the ticket is signed off",
               "aftersales ticket record SR-2026-000001 --arrived 2026-11-27T10:00 --finished "
               "2026-11-27T15:30 --work 更换液压泵密封件 --signed-by 王明 --sealed --technician ma "
               "--labour-hours 5.5 --travel 150.00",
               record_request->number);
  WorkRecordFields& f = record_request->fields;
  record->add_option("--arrived", f.arrived, "arrival on site, ISO 8601")->required();
  record->add_option("--finished", f.finished, "end of the work, ISO 8601")->required();
  record->add_option("--work", f.work_done, "the work done")->required();
  record->add_option("--signed-by", f.signed_by, "the customer's signer (签字)")->required();
  record->add_option("--signed-at", f.signed_at, "when the customer signed (default: finished)");
  record->add_flag("--sealed", f.sealed, "the customer's seal was applied (盖章)");
  record
      ->add_option("--technician", f.technicians,
                   "a technician on site (repeat for each; default the assignee)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  record->add_option("--labour-hours", f.labour_hours, "labour hours worked");
  record->add_option("--travel", f.travel, "travel cost (旅差费), in yuan");
  record->callback([&session, record_request] {
    session.run = [&session, record_request] {
      const Ticket t =
          record_work(session.context(), record_request->number, record_request->fields);
      std::string done = "work record signed by " + record_request->fields.signed_by;
      if (t.visit_due_on) done += "; follow-up visit due by " + format_date(*t.visit_due_on);
      note_progress(session, t, done);
      return 0;
    };
  });

  auto close_number = std::make_shared<std::string>();
  CLI::App* close = add_verb(family, "close", "close a ticket whose work record is signed",
                             "aftersales ticket close SR-2026-000001", *close_number);
  close->callback([&session, close_number] {
    session.run = [&session, close_number] {
      const Ticket t = close_ticket(session.context(), *close_number);
      session.note(fmt::format("{}: {}", t.number, state_name(t.state)));
      return 0;
    };
  });

  auto cancel_request = std::make_shared<ReasonRequest>();
  CLI::App* cancel = add_verb(
      family, "cancel", "cancel a ticket before it is signed off; voids its approvals",
      "aftersales ticket cancel SR-2026-000001 --reason 客户自行修复", cancel_request->number);
  cancel->add_option("--reason", cancel_request->reason, "why")->required();
  cancel->callback([&session, cancel_request] {
    session.run = [&session, cancel_request] {
      const Ticket t =
          cancel_ticket(session.context(), cancel_request->number, cancel_request->reason);
      session.note(fmt::format("{}: {}", t.number, state_name(t.state)));
      return 0;
    };
  });
}

}  // namespace aftersales::cli
