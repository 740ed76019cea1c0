#include "views/ticket_view.h"

#include <fmt/format.h>

#include "aftersales/audit/audit.h"
#include "aftersales/tickets/ticket_rules.h"
#include "views/approval_view.h"
#include "views/text.h"
#include "views/visit_view.h"

namespace aftersales::cli {
namespace {

// "2h 30m", or seconds under a minute.
std::string late_text(std::int64_t seconds) {
  return seconds < 60 ? fmt::format("{}s", seconds) : duration_text(seconds);
}

// Local "YYYY-MM-DD HH:MM" (with seconds when they are not zero).
std::string local_time_text(Timestamp at, UtcOffset zone) {
  std::string text = format_timestamp(at, zone);  // YYYY-MM-DDTHH:MM:SS+08:00
  text[10] = ' ';
  return text.substr(0, text.compare(16, 3, ":00") == 0 ? 16 : 19);
}

// The SLA in words. "On time" only once someone arrived; before that the clock is running:
// "due 2026-03-05 14:00" (moved by the pauses) or "overdue by 5h"; it stops without an arrival
// when the ticket is cancelled or closed (settled remotely).
std::string sla_text(const SlaStatus& sla, TicketState state, UtcOffset zone) {
  if (sla.arrived) {
    return sla.on_time.value_or(false) ? "arrived on time"
                                       : "arrived late by " + late_text(sla.late_seconds);
  }
  if (sla.overdue) return "overdue by " + late_text(sla.late_seconds);
  if (state == TicketState::kCancelled || state == TicketState::kClosed) return "no arrival";
  return "due " + local_time_text(sla.due_at, zone);
}

}  // namespace

RecordView ticket_view(const TicketView& view, const Rules& rules) {
  const UtcOffset zone = rules.general.utc_offset;
  const Ticket& t = view.ticket;
  RecordView v;
  v.title = fmt::format("售后服务申请单 (表3) {}", t.number);
  v.add("number", "number 编号", t.number);
  v.add("state", "state", std::string(state_name(t.state)));
  v.add("unit", "unit 出厂编号", t.serial);
  v.add("model", "model 车型", view.parties.model_code);
  v.add("model_name", "model name", view.parties.model_name);
  v.add("plate", "plate 车号", view.parties.plate);
  v.add("customer", "customer 客户", t.customer_code);
  v.add("customer_name", "customer name 客户单位", view.parties.customer_name);
  v.add("contact", "contact 联系人", view.parties.contact);
  v.add("phone", "phone 电话", view.parties.phone);
  v.add("channel", "channel", t.channel);
  v.add("category", "fault category 故障类别", t.category);
  v.add("description", "description 故障描述", t.description);
  v.add("reported_at", "reported at", format_timestamp(t.reported_at, zone));
  v.add("km", "odometer km", optional_cell(t.km));
  v.add("coverage", "coverage 保内/保外", std::string(coverage_name(t.coverage)));
  v.add("coverage_reason", "coverage because", t.coverage_reason);
  v.add("charge", "charged as", std::string(charge_name(t)));
  v.add("priority", "priority", t.priority);
  v.add("due_at", "due at (moved by pauses)", format_timestamp(view.sla.due_at, zone));
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
  v.add("warranty_total", "warranty cost (estimated)", view.warranty_total);
  v.add("paid_total", "paid cost (estimated)", view.paid_total);
  v.add("actual_warranty_total", "warranty cost (actual, 表6)",
        view.record ? Cell{view.actual_warranty_total} : Cell{});
  v.add("actual_paid_total", "paid cost (actual, 表6)",
        view.record ? Cell{view.actual_paid_total} : Cell{});
  v.add("advice", "resolved on the phone with", t.advice);
  v.add("returned_reason", "returned to analysis because", t.returned_reason);
  v.add("cancel_reason", "cancelled because", t.cancel_reason);
  v.add("visit_due_on", "follow-up visit due (表2)", optional_cell(t.visit_due_on));
  v.add("visited", "follow-up visit made (表2)",
        view.follow_up ? Cell{follow_up_text(*view.follow_up)} : Cell{});
  v.add("response_limit", "response limit", duration_text(view.sla.limit_seconds));
  v.add("paused", "paused before arrival", duration_text(view.sla.paused_seconds));
  v.add("arrived_at", "arrived at", optional_time(view.sla.arrived, zone));
  v.add("sla", "SLA 服务及时", sla_text(view.sla, t.state, zone));
  v.add("on_time", "on time", optional_flag(view.sla.on_time));
  v.add("overdue", "overdue", view.sla.overdue);

  // Estimated lines (what the approvals signed) and actual ones (from the work record) in one
  // table, the stage first, so that the two read side by side.
  Table lines;
  lines.columns = {{"stage", ""},
                   {"kind", ""},
                   {"description", ""},
                   {"quantity", ""},
                   {"unit_price", "unit price"},
                   {"amount", ""},
                   {"coverage", ""}};
  const auto add_lines = [&](const char* stage, const std::vector<CostLine>& all) {
    for (const CostLine& line : all) {
      lines.add_row({std::string(stage), std::string(cost_kind_name(line.kind)), line.description,
                     decimal_text(line.quantity_milli, 1000), line.unit_price, line.amount,
                     std::string(coverage_name(line.coverage))});
    }
  };
  add_lines("estimated", view.lines);
  add_lines("actual", view.actual);
  v.tables.push_back({{"lines", "cost lines 费用 (estimated vs actual)"}, lines});

  Table supplements;
  supplements.columns = {{"form", ""}, {"approved", ""}, {"actual", ""}};
  for (const SupplementNeed& need : view.supplements) {
    supplements.add_row({form_label(need.form), need.approved, need.actual});
  }
  v.tables.push_back(
      {{"supplements", "actual costs waiting for a supplementary approval"}, supplements});

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
  record.columns = {{"version", ""},
                    {"technicians", ""},
                    {"arrived", ""},
                    {"finished", ""},
                    {"work_done", "work done"},
                    {"labour_hours", "labour hours"},
                    {"travel", ""},
                    {"signed_by", "signed by"},
                    {"signed_at", "signed at"},
                    {"sealed", "sealed 盖章"},
                    {"km", "odometer km"},
                    {"replaced", "replaced by a correction"}};
  const auto add_record = [&](const WorkRecord& w, const std::string& replaced) {
    record.add_row({std::int64_t{w.version}, joined(w.technicians),
                    format_timestamp(w.arrived, zone), format_timestamp(w.finished, zone),
                    w.work_done,
                    w.labour_hours_centi ? Cell{decimal_text(*w.labour_hours_centi, 100)} : Cell{},
                    w.travel ? Cell{*w.travel} : Cell{}, w.signed_by,
                    format_timestamp(w.signed_at, zone), w.sealed, optional_cell(w.km), replaced});
  };
  for (const ReplacedWorkRecord& r : view.replaced_records) {
    add_record(r.record,
               fmt::format("{} by {}", format_timestamp(r.replaced_at, zone), r.replaced_by));
  }
  if (view.record) add_record(*view.record, "");
  v.tables.push_back({{"work_record", "work record 现场工作记录 (表6), every version"}, record});

  Table parts_used;
  parts_used.columns = {
      {"part", ""}, {"name", ""}, {"quantity", ""}, {"unit_price", "unit price"}, {"major", ""}};
  if (view.record) {
    for (const PartUsed& p : view.record->parts) {
      parts_used.add_row({p.part, p.name, p.quantity, p.unit_price, p.major});
    }
  }
  v.tables.push_back({{"parts_used", "parts used 备件 (表6, current version)"}, parts_used});

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

std::vector<Column> ticket_columns() {
  return {{"number", "", ColumnKind::kText},   {"reported_at", "reported at", ColumnKind::kTime},
          {"unit", "", ColumnKind::kText},     {"customer", "", ColumnKind::kText},
          {"category", "", ColumnKind::kText}, {"priority", "", ColumnKind::kText},
          {"coverage", "", ColumnKind::kText}, {"state", "", ColumnKind::kText},
          {"assignee", "", ColumnKind::kText}, {"due_at", "due at", ColumnKind::kTime},
          {"overdue", "", ColumnKind::kFlag},  {"on_time", "on time", ColumnKind::kFlag},
          {"charge", "", ColumnKind::kText},   {"sla", "SLA", ColumnKind::kText}};
  // new columns last: the others keep their places
}

void fill_ticket_row(std::vector<Cell>& row, const TicketSummary& s, UtcOffset zone) {
  const Ticket& t = s.ticket;
  row.resize(14);
  const auto instant = [&](Cell& cell, Timestamp at) {
    std::string& text = text_cell(cell);
    text.clear();
    append_timestamp(text, at, zone);
  };
  text_cell(row[0]).assign(t.number);
  instant(row[1], t.reported_at);
  text_cell(row[2]).assign(t.serial);
  text_cell(row[3]).assign(t.customer_code);
  text_cell(row[4]).assign(t.category);
  text_cell(row[5]).assign(t.priority);
  text_cell(row[6]).assign(coverage_name(t.coverage));
  text_cell(row[7]).assign(state_name(t.state));
  text_cell(row[8]).assign(t.assignee);
  instant(row[9], s.sla.due_at);
  row[10] = s.sla.overdue;
  row[11] = optional_flag(s.sla.on_time);
  text_cell(row[12]).assign(charge_name(t));
  text_cell(row[13]) = sla_text(s.sla, t.state, zone);
}

std::vector<Cell> ticket_row(const TicketSummary& s, UtcOffset zone) {
  std::vector<Cell> row;
  fill_ticket_row(row, s, zone);
  return row;
}

Table ticket_table(const std::vector<TicketSummary>& tickets, UtcOffset zone) {
  Table table;
  table.columns = ticket_columns();
  for (const TicketSummary& s : tickets) table.add_row(ticket_row(s, zone));
  return table;
}

std::string progress_text(const TicketView& view) {
  std::vector<std::string> waiting;
  for (const Approval& a : view.approvals) {
    if (a.state != ApprovalState::kPending) continue;
    const std::string role = waiting_role(a);
    waiting.push_back(
        fmt::format("{} approval {} by {}", form_label(a.form), a.id, role.empty() ? "?" : role));
  }
  if (!waiting.empty()) return "waiting for " + joined(waiting);
  if (!view.next_steps.empty()) return "next: " + joined(view.next_steps);
  return {};
}

std::vector<std::string> voided_text(const std::vector<Approval>& voided) {
  std::vector<std::string> lines;
  for (const Approval& a : voided) {
    lines.push_back(fmt::format("voided {} approval {} ({}, {} of {} signatures)",
                                form_label(a.form), a.id, approval_state_name(a.state),
                                a.signatures.size(), a.chain.size()));
  }
  return lines;
}

}  // namespace aftersales::cli
