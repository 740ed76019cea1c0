#include "views/unit_view.h"

#include <fmt/format.h>

#include "aftersales/audit/audit.h"
#include "aftersales/tickets/ticket_rules.h"
#include "views/care_view.h"
#include "views/text.h"

namespace aftersales::cli {
namespace {

// R21 in a line: `complete since 2025-03-10, 7 days late (within 2 days of shipping)`.
std::string filing_text(const UnitArchive& a, int within_days) {
  if (!a.missing.empty()) {
    return a.filing_overdue
               ? fmt::format("incomplete, past the {} days after shipping", within_days)
               : fmt::format("incomplete, within {} days of shipping", within_days);
  }
  if (!a.filing.completed_on) return "complete (the day it was completed is not known)";
  const std::string since = format_date(*a.filing.completed_on);
  if (a.filing.days_late == 0) {
    return fmt::format("complete since {}, on time (within {} days of shipping)", since,
                       within_days);
  }
  return fmt::format("complete since {}, {} day{} late (within {} days of shipping)", since,
                     a.filing.days_late, a.filing.days_late == 1 ? "" : "s", within_days);
}

Table tickets_table(const UnitArchive& a, UtcOffset zone) {
  Table table;
  table.columns = {{"number", ""},     {"reported_at", "reported at"},
                   {"category", ""},   {"state", ""},
                   {"coverage", ""},   {"charge", ""},
                   {"description", ""}};
  for (const FiledTicket& f : a.tickets) {
    const Ticket& t = f.ticket;
    table.add_row({t.number, format_timestamp(t.reported_at, zone), t.category,
                   std::string(state_name(t.state)), std::string(coverage_name(t.coverage)),
                   std::string(charge_name(t)), t.description});
  }
  return table;
}

Table work_records_table(const UnitArchive& a, UtcOffset zone) {
  Table table;
  table.columns = {{"ticket", ""},
                   {"arrived", ""},
                   {"finished", ""},
                   {"work_done", "work done"},
                   {"signed_by", "signed by"},
                   {"sealed", "sealed 盖章"}};
  for (const FiledTicket& f : a.tickets) {
    if (!f.record) continue;
    const WorkRecord& w = *f.record;
    table.add_row({f.ticket.number, format_timestamp(w.arrived, zone),
                   format_timestamp(w.finished, zone), w.work_done, w.signed_by, w.sealed});
  }
  return table;
}

// People read one line per changed field; data keeps field, before and after apart.
Table changes_table(const std::vector<AuditEntry>& changes, UtcOffset zone, Format format) {
  Table table;
  if (format == Format::kTable) {
    table.columns = {{"at", ""}, {"actor", ""}, {"action", ""}, {"change", ""}};
    for (const AuditEntry& e : changes) {
      const std::string at = format_timestamp(e.business_at.value_or(e.at), zone);
      if (e.action == "add") {
        table.add_row({at, e.actor, e.action, std::string("added")});
        continue;
      }
      for (const FieldChange& change : field_changes(e)) {
        table.add_row({at, e.actor, e.action, describe_field_change(change)});
      }
    }
    return table;
  }
  table.columns = {{"at", ""},    {"business_at", ""}, {"actor", ""}, {"action", ""},
                   {"field", ""}, {"before", ""},      {"after", ""}};
  for (const AuditEntry& e : changes) {
    for (const FieldChange& change : field_changes(e)) {
      table.add_row({format_timestamp(e.at, zone), optional_time(e.business_at, zone), e.actor,
                     e.action, change.field, optional_cell(change.before), change.after});
    }
  }
  return table;
}

}  // namespace

RecordView archive_view(const UnitArchive& a, const Rules& rules, Format format) {
  const UtcOffset zone = rules.general.utc_offset;
  const Unit& u = a.unit;
  RecordView v;
  v.title = fmt::format("产品出厂档案 (表1) {}", u.serial);
  v.add("serial", "serial no. 出厂编号", u.serial);
  v.add("model", "model 车型", u.model_code);
  v.add("model_name", "model name", a.model.name);
  v.add("category", "category", a.model.category);
  v.add("customer", "customer 客户", u.customer_code);
  v.add("customer_name", "customer name", a.customer.name);
  v.add("contact", "contact 联系人", u.contact.empty() ? a.customer.contact : u.contact);
  v.add("phone", "phone 电话", u.phone.empty() ? a.customer.phone : u.phone);
  v.add("vin", "chassis no. 底盘号", u.vin);
  v.add("engine", "engine no. 发动机编号", u.engine_no);
  v.add("plate", "plate 车号", u.plate);
  v.add("config", "configuration 主要配置", u.configuration);
  v.add("terms", "service terms 服务条款", u.terms);
  v.add("shipped", "shipped 出厂日期", u.shipped_on);
  v.add("packing_list", "packing list 发运装箱单", u.packing_list);
  v.add("accepted_on", "accepted 验收日期", optional_cell(u.accepted_on));
  v.add("accepted_by", "accepted by 验收人", u.accepted_by);
  v.add("warranty_start", "warranty start", a.warranty.start);
  v.add("warranty_end", "warranty end", a.warranty.end);
  v.add("warranty_end_source", "warranty end from",
        a.warranty.end_from_contract ? std::string("contract") : std::string("model"));
  v.add("km", "odometer km", optional_cell(u.odometer_km));
  v.add("km_on", "odometer read on", optional_cell(u.odometer_on));
  v.add("in_warranty", "in warranty today", a.warranty.covered);
  v.add("warranty_status", "warranty", a.warranty.reason);
  v.add("missing", "archive lacks", joined(a.missing));
  v.add("filing_overdue",
        fmt::format("incomplete past {} days", rules.archive.complete_within_days),
        a.filing_overdue);
  v.add("completed_on", "archive complete on", optional_cell(a.filing.completed_on));
  v.add("days_late", "days filed late",
        a.filing.completed_on ? Cell{std::int64_t{a.filing.days_late}} : Cell{});
  v.add("filing", "filing 电子存档", filing_text(a, rules.archive.complete_within_days));

  Table notes;
  notes.columns = {{"at", ""}, {"kind", ""}, {"text", ""}, {"by", ""}};
  for (const UnitNote& n : a.notes) {
    notes.add_row(
        {format_timestamp(n.at, zone), std::string(note_kind_name(n.kind)), n.text, n.actor});
  }
  v.tables.push_back({{"history", "history 运行、质量和服务状况 / 技术变动 / 部件更换"}, notes});
  v.tables.push_back(
      {{"tickets", "service requests 售后服务申请单 (表3)"}, tickets_table(a, zone)});
  v.tables.push_back(
      {{"work_records", "work records 现场工作记录 (表6)"}, work_records_table(a, zone)});
  v.tables.push_back({{"training", "handover training 新车交接培训"}, training_table(a.training)});
  v.tables.push_back(
      {{"complaints", "complaints 客户投诉"}, complaint_table(a.complaints, rules, a.today)});
  v.tables.push_back({{"changes", "changes"}, changes_table(a.changes, zone, format)});
  return v;
}

std::vector<Column> unit_columns() {
  return {{"serial", "", ColumnKind::kText},
          {"model", "", ColumnKind::kText},
          {"customer", "", ColumnKind::kText},
          {"customer_name", "customer name", ColumnKind::kText},
          {"shipped", "", ColumnKind::kDate},
          {"warranty_end", "warranty end", ColumnKind::kDate},
          {"in_warranty", "in warranty", ColumnKind::kFlag},
          {"missing", "", ColumnKind::kText},
          {"completed_on", "complete on", ColumnKind::kDate},  // last: the columns before keep
                                                               // their places
          {"days_late", "days late", ColumnKind::kNumber}};
}

std::vector<Cell> unit_row(const UnitSummary& s) {
  return {s.unit.serial,
          s.unit.model_code,
          s.unit.customer_code,
          s.customer_name,
          s.unit.shipped_on,
          s.warranty.end,
          s.warranty.covered,
          joined(s.missing),
          optional_cell(s.filing.completed_on),
          s.filing.completed_on ? Cell{std::int64_t{s.filing.days_late}} : Cell{}};
}

Table unit_table(const std::vector<UnitSummary>& units) {
  Table table;
  table.columns = unit_columns();
  for (const UnitSummary& s : units) table.add_row(unit_row(s));
  return table;
}

Table unit_find_table() {
  Table table;
  table.columns = {{"serial", ""},
                   {"vin", ""},
                   {"plate", ""},
                   {"engine", ""},
                   {"model", ""},
                   {"customer", ""},
                   {"customer_name", "customer name"},
                   {"shipped", ""},
                   {"matched", ""}};
  return table;
}

void add_found_unit(Table& table, const UnitNumberHit& hit) {
  std::vector<std::string> matched;
  for (const UnitNumber number : hit.matched) matched.push_back(unit_number_name(number));
  const Unit& u = hit.unit;
  table.add_row({u.serial, u.vin, u.plate, u.engine_no, u.model_code, u.customer_code,
                 hit.customer_name, u.shipped_on, joined(matched)});
}

}  // namespace aftersales::cli
