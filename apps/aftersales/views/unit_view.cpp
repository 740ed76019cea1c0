#include "views/unit_view.h"

#include <fmt/format.h>

#include "views/text.h"

namespace aftersales::cli {

RecordView archive_view(const UnitArchive& a, const Rules& rules) {
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

  Table notes;
  notes.columns = {{"at", ""}, {"kind", ""}, {"text", ""}, {"by", ""}};
  for (const UnitNote& n : a.notes) {
    notes.add_row({format_timestamp(n.at, rules.general.utc_offset),
                   std::string(note_kind_name(n.kind)), n.text, n.actor});
  }
  v.tables.push_back({{"history", "history 运行、质量和服务状况 / 技术变动 / 部件更换"}, notes});

  Table changes;
  changes.columns = {{"at", ""}, {"actor", ""}, {"action", ""}, {"before", ""}, {"after", ""}};
  for (const AuditEntry& e : a.changes) {
    changes.add_row(
        {format_timestamp(e.at, rules.general.utc_offset), e.actor, e.action, e.before, e.after});
  }
  v.tables.push_back({{"changes", "changes"}, changes});
  return v;
}

Table unit_table(const std::vector<UnitSummary>& units) {
  Table table;
  table.columns = {{"serial", ""},
                   {"model", ""},
                   {"customer", ""},
                   {"customer_name", "customer name"},
                   {"shipped", ""},
                   {"warranty_end", "warranty end"},
                   {"in_warranty", "in warranty"},
                   {"missing", ""}};
  for (const UnitSummary& s : units) {
    table.add_row({s.unit.serial, s.unit.model_code, s.unit.customer_code, s.customer_name,
                   s.unit.shipped_on, s.warranty.end, s.warranty.covered, joined(s.missing)});
  }
  return table;
}

}  // namespace aftersales::cli
