#include "views/part_view.h"

#include <fmt/format.h>

#include "views/approval_view.h"

namespace aftersales::cli {

Table part_table() {
  Table table;
  table.columns = {{"number", ""},
                   {"name", ""},
                   {"spec", ""},
                   {"unit", ""},
                   {"unit_price", "unit price", ColumnKind::kMoney},
                   {"major", "major 重要部件"},
                   {"reorder_level", "reorder level"},
                   {"on_hand", "on hand"}};
  return table;
}

void add_part_row(Table& table, const Part& p, std::int64_t on_hand) {
  table.add_row({p.number, p.name, p.spec, p.unit, p.unit_price, p.major,
                 optional_cell(p.reorder_level), on_hand});
}

Table stock_table() {
  Table table;
  table.columns = {
      {"part", ""}, {"name", ""}, {"warehouse", ""}, {"on_hand", "on hand"}, {"unit", ""}};
  return table;
}

void add_stock_row(Table& table, const StockLevel& level) {
  table.add_row(
      {level.part.number, level.part.name, level.warehouse, level.on_hand, level.part.unit});
}

RecordView part_view(const PartView& view, const Rules& rules) {
  const Part& p = view.part;
  RecordView v;
  v.title = fmt::format("备件 {}", p.number);
  v.add("number", "part no. 备件号", p.number);
  v.add("name", "name 名称", p.name);
  v.add("spec", "spec 规格", p.spec);
  v.add("unit", "unit 单位", p.unit);
  v.add("unit_price", "unit price 单价", p.unit_price);
  v.add("major", "major part 重要部件", p.major);
  v.add("reorder_level", "reorder level", optional_cell(p.reorder_level));

  Table stock = stock_table();
  for (const StockLevel& level : view.stock) add_stock_row(stock, level);
  v.tables.push_back({{"stock", "stock 库存"}, stock});

  Table moves;
  moves.columns = {{"id", ""},       {"at", ""},        {"kind", ""},   {"warehouse", ""},
                   {"quantity", ""}, {"reference", ""}, {"reason", ""}, {"actor", ""}};
  for (const StockMove& m : view.moves) {
    moves.add_row({m.id, format_timestamp(m.at, rules.general.utc_offset),
                   std::string(move_kind_name(m.kind)), m.warehouse, m.quantity, m.reference,
                   m.reason, m.actor});
  }
  v.tables.push_back({{"moves", "latest moves, newest first"}, moves});
  return v;
}

std::string move_text(const StockMove& move) {
  return fmt::format("part {}: {} {:+} in {} (move {})", move.part, move_kind_name(move.kind),
                     move.quantity, move.warehouse, move.id);
}

Table issue_table(const std::vector<IssueRequest>& requests, UtcOffset zone) {
  Table table;
  table.columns = {{"number", ""},
                   {"ticket", ""},
                   {"state", ""},
                   {"warehouse", ""},
                   {"lines", ""},
                   {"value", ""},
                   {"freight", ""},
                   {"requested_by", "requested by"},
                   {"requested_at", "requested at"},
                   {"shipped_at", "shipped at"}};
  for (const IssueRequest& r : requests) {
    std::vector<std::string> lines;
    for (const IssueLine& line : r.lines) {
      lines.push_back(
          fmt::format("{}×{}@{}", line.part, line.quantity, format_money(line.unit_price, false)));
    }
    table.add_row({r.number, r.ticket, std::string(issue_state_name(r.state)), r.warehouse,
                   fmt::format("{}", fmt::join(lines, " ")), r.value(),
                   r.freight ? Cell{*r.freight} : Cell{}, r.requested_by,
                   format_timestamp(r.requested_at, zone),
                   r.shipped_at ? Cell{format_timestamp(*r.shipped_at, zone)} : Cell{}});
  }
  return table;
}

namespace {

std::string pass_state(const GatePassView& view) {
  return view.approval ? approval_state_name(view.approval->state) : "";
}

}  // namespace

Table gate_pass_table(const std::vector<GatePassView>& passes, UtcOffset zone) {
  Table table;
  table.columns = {{"number", ""},
                   {"kind", ""},
                   {"subject", ""},
                   {"value", ""},
                   {"chain", ""},
                   {"state", ""},
                   {"waiting", ""},
                   {"approval", ""},
                   {"raised_by", "raised by"},
                   {"raised_at", "raised at"}};
  for (const GatePassView& v : passes) {
    table.add_row({v.pass.number, v.pass.subject.kind, v.pass.subject.id, v.pass.value,
                   v.approval ? fmt::format("{}", fmt::join(v.approval->chain, " → ")) : "",
                   pass_state(v), v.approval ? waiting_role(*v.approval) : "",
                   v.approval ? Cell{v.approval->id} : Cell{}, v.pass.raised_by,
                   format_timestamp(v.pass.raised_at, zone)});
  }
  return table;
}

RecordView gate_pass_view(const GatePassView& view, UtcOffset zone) {
  RecordView v;
  v.title = fmt::format("出门证 {}", view.pass.number);
  v.add("number", "gate pass 出门证", view.pass.number);
  v.add("kind", "shipment", view.pass.subject.kind);
  v.add("subject", "of", view.pass.subject.id);
  v.add("value", "value 价值", view.pass.value);
  v.add("state", "state", pass_state(view));
  v.add("waiting", "waiting for", view.approval ? waiting_role(*view.approval) : "");
  v.add("raised_by", "raised for", view.pass.raised_by);
  v.add("raised_at", "raised at", format_timestamp(view.pass.raised_at, zone));
  std::vector<Approval> approvals;
  if (view.approval) approvals.push_back(*view.approval);
  v.tables.push_back({{"approvals", "approval 审批"}, approval_table(approvals, zone)});
  return v;
}

}  // namespace aftersales::cli
