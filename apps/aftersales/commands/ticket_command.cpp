// aftersales ticket open|list|show|assign|analyse|estimate|quote|waive|start|pause|resume|record|
// close|cancel: service requests (表3), their costs (表5), approvals (表4, 表5) and the signed
// work record (表6). The rules live in the core (tickets/tickets.h); this file parses and renders.
#include <fmt/format.h>

#include "aftersales/approvals/approval_forms.h"
#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "aftersales/tickets/tickets.h"
#include "commands/registry.h"

namespace aftersales::cli {
namespace {

std::string joined(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, ", "));
}

// A fixed-point number as decimal text without trailing zeros: 1500/1000 -> "1.5".
std::string decimal_text(std::int64_t scaled, std::int64_t scale) {
  const bool negative = scaled < 0;
  const std::int64_t magnitude = negative ? -scaled : scaled;
  std::string text = std::to_string(magnitude / scale);
  std::int64_t fraction = magnitude % scale;
  if (fraction != 0) {
    std::string digits;
    for (std::int64_t unit = scale / 10; unit > 0; unit /= 10) {
      digits += static_cast<char>('0' + fraction / unit);
      fraction %= unit;
    }
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  return negative ? "-" + text : text;
}

// `24h`, `3h 20m`, `0m`.
std::string duration_text(std::int64_t seconds) {
  const std::int64_t minutes = seconds / 60;
  const std::int64_t hours = minutes / 60;
  if (hours == 0) return fmt::format("{}m", minutes);
  if (minutes % 60 == 0) return fmt::format("{}h", hours);
  return fmt::format("{}h {}m", hours, minutes % 60);
}

Cell optional_time(const std::optional<Timestamp>& at, UtcOffset zone) {
  return at ? Cell{format_timestamp(*at, zone)} : Cell{};
}

Cell optional_flag(const std::optional<bool>& flag) { return flag ? Cell{*flag} : Cell{}; }

// The SLA as a word: arrived on time / arrived late, or still within the limit / overdue.
std::string sla_text(const SlaStatus& sla) {
  if (sla.arrived) return sla.on_time ? "arrived on time" : "arrived late";
  return sla.overdue ? "overdue" : "within limit";
}

RecordView ticket_view(const TicketView& view, const Rules& rules) {
  const UtcOffset zone = rules.general.utc_offset;
  const Ticket& t = view.ticket;
  RecordView v;
  v.title = fmt::format("售后服务申请单 (表3) {}", t.number);
  v.add("number", "number 编号", t.number);
  v.add("state", "state", std::string(state_name(t.state)));
  v.add("unit", "unit 出厂编号", t.serial);
  v.add("customer", "customer 客户", t.customer_code);
  v.add("channel", "channel", t.channel);
  v.add("category", "fault category 故障类别", t.category);
  v.add("description", "description 故障描述", t.description);
  v.add("reported_at", "reported at", format_timestamp(t.reported_at, zone));
  v.add("km", "odometer km", optional_cell(t.km));
  v.add("coverage", "coverage 保内/保外", std::string(coverage_name(t.coverage)));
  v.add("coverage_reason", "coverage because", t.coverage_reason);
  v.add("priority", "priority", t.priority);
  v.add("due_at", "due at", format_timestamp(t.due_at, zone));
  v.add("opened_by", "opened by", t.opened_by);
  v.add("assignee", "assignee", t.assignee);
  v.add("analysis", "analysis 问题描述与分析", t.analysis);
  v.add("needs_factory", "needs the factory (表4)", t.needs_factory);
  v.add("quality_claim", "quality defect claimed", t.quality_claim);
  v.add("quality_confirmed", "quality defect confirmed", optional_flag(t.quality_confirmed));
  v.add("waiver_requested", "free repair asked", t.waiver_requested);
  v.add("waiver_reason", "free repair because", t.waiver_reason);
  v.add("free_repair", "free repair approved", t.free_repair);
  v.add("itemised", "itemised quotation 维修项目表", t.itemised);
  v.add("contract", "repair contract 维修合同", t.contract_no);
  v.add("warranty_total", "warranty cost", view.warranty_total);
  v.add("paid_total", "paid cost", view.paid_total);
  v.add("returned_reason", "returned to analysis because", t.returned_reason);
  v.add("cancel_reason", "cancelled because", t.cancel_reason);
  v.add("visit_due_on", "follow-up visit due (表2)", optional_cell(t.visit_due_on));
  v.add("response_limit", "response limit", duration_text(view.sla.limit_seconds));
  v.add("paused", "paused before arrival", duration_text(view.sla.paused_seconds));
  v.add("arrived_at", "arrived at", optional_time(view.sla.arrived, zone));
  v.add("sla", "SLA 服务及时", sla_text(view.sla));
  v.add("on_time", "on time", view.sla.on_time);
  v.add("overdue", "overdue", view.sla.overdue);

  Table lines;
  lines.columns = {{"kind", ""},     {"description", ""},
                   {"quantity", ""}, {"unit_price", "unit price"},
                   {"amount", ""},   {"coverage", ""}};
  for (const CostLine& line : view.lines) {
    lines.add_row({std::string(cost_kind_name(line.kind)), line.description,
                   decimal_text(line.quantity_milli, 1000), line.unit_price, line.amount,
                   std::string(coverage_name(line.coverage))});
  }
  v.tables.push_back({{"lines", "cost lines 费用"}, lines});

  v.tables.push_back({{"approvals", "approvals 审批"}, approval_table(view.approvals, zone)});

  Table requirements;
  requirements.columns = {{"rule", ""}, {"satisfied", ""}, {"explanation", ""}};
  for (const StartRequirement& r : view.requirements) {
    requirements.add_row({r.rule, r.satisfied, r.explanation});
  }
  v.tables.push_back({{"requirements", "before the service starts"}, requirements});

  Table pauses;
  pauses.columns = {{"from", ""}, {"to", ""}, {"reason", ""}};
  for (const Pause& p : view.pauses) {
    pauses.add_row({format_timestamp(p.from, zone), optional_time(p.to, zone), p.reason});
  }
  v.tables.push_back({{"pauses", "pauses of the SLA clock"}, pauses});

  Table record;
  record.columns = {{"technicians", ""},
                    {"arrived", ""},
                    {"finished", ""},
                    {"work_done", "work done"},
                    {"labour_hours", "labour hours"},
                    {"travel", ""},
                    {"signed_by", "signed by"},
                    {"signed_at", "signed at"},
                    {"sealed", "sealed 盖章"}};
  if (view.record) {
    const WorkRecord& w = *view.record;
    record.add_row({joined(w.technicians), format_timestamp(w.arrived, zone),
                    format_timestamp(w.finished, zone), w.work_done,
                    w.labour_hours_centi ? Cell{decimal_text(*w.labour_hours_centi, 100)} : Cell{},
                    w.travel ? Cell{*w.travel} : Cell{}, w.signed_by,
                    format_timestamp(w.signed_at, zone), w.sealed});
  }
  v.tables.push_back({{"work_record", "work record 现场工作记录 (表6)"}, record});

  Table next;
  next.columns = {{"step", "ticket ... (allowed now)"}};
  for (const std::string& step : view.next_steps) next.add_row({step});
  v.tables.push_back({{"next_steps", "next steps"}, next});

  Table history;
  history.columns = {{"at", ""}, {"actor", ""}, {"action", ""}, {"change", ""}};
  for (const AuditEntry& e : view.history) {
    history.add_row({format_timestamp(e.at, zone), e.actor, e.action, describe_change(e)});
  }
  v.tables.push_back({{"history", "history"}, history});
  return v;
}

// The summary of a change on stderr: `SR-2026-000001: analysed; waiting for 表4 approval by
// sales_manager`, or the next steps when nothing waits. The change is committed already, so a
// failure to read the summary only shortens it.
void note_progress(Session& session, const Ticket& ticket, const std::string& done) {
  if (session.options.quiet) return;
  std::string line = fmt::format("{}: {}", ticket.number, done);
  try {
    const TicketView view = show_ticket(session.context(), ticket.number);
    std::vector<std::string> waiting;
    for (const Approval& a : view.approvals) {
      if (a.state != ApprovalState::kPending) continue;
      const auto step = static_cast<std::size_t>(a.current_step());
      waiting.push_back(fmt::format("{} approval {} by {}", form_label(a.form), a.id,
                                    step < a.chain.size() ? a.chain[step] : std::string("?")));
    }
    if (!waiting.empty()) {
      line += "; waiting for " + joined(waiting);
    } else if (!view.next_steps.empty()) {
      line += "; next: " + joined(view.next_steps);
    }
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
      Table table;
      table.columns = {{"number", ""},   {"reported_at", "reported at"},
                       {"unit", ""},     {"customer", ""},
                       {"category", ""}, {"priority", ""},
                       {"coverage", ""}, {"state", ""},
                       {"assignee", ""}, {"due_at", "due at"},
                       {"overdue", ""},  {"on_time", "on time"}};
      for (const TicketSummary& s : list_tickets(ctx, *query)) {
        const Ticket& t = s.ticket;
        table.add_row({t.number, format_timestamp(t.reported_at, zone), t.serial, t.customer_code,
                       t.category, t.priority, std::string(coverage_name(t.coverage)),
                       std::string(state_name(t.state)), t.assignee,
                       format_timestamp(t.due_at, zone), s.sla.overdue, s.sla.on_time});
      }
      session.emit(table);
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
