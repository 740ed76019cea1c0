#include "views/part_sale_view.h"

#include <fmt/format.h>

#include "views/approval_view.h"

namespace aftersales::cli {
namespace {

Cell date_or_empty(const std::optional<Date>& day) { return optional_cell(day); }

std::string lines_text(const std::vector<PlanLine>& lines) {
  std::string text;
  for (const PlanLine& line : lines) {
    if (!text.empty()) text += ", ";
    text += fmt::format("{} × {}", line.part ? *line.part : line.description, line.quantity);
  }
  return text;
}

}  // namespace

Table sale_table(const std::vector<SaleRow>& rows) {
  Table table;
  table.columns = {{"number", ""},
                   {"sold_on", "sold on"},
                   {"customer", ""},
                   {"customer_name", "name"},
                   {"quantity", ""},
                   {"total", ""},
                   {"paid", ""},
                   {"owed", ""},
                   {"arrears", "arrears 欠款"},
                   {"promised_on", "promised 还款日期"},
                   {"stage", ""},
                   {"large", ""},
                   {"credit", "credit 赊销"}};
  for (const SaleRow& row : rows) {
    const PartSale& s = row.sale;
    table.add_row({s.number, s.sold_on, s.customer, s.customer_name, s.quantity(), s.total, s.paid,
                   s.owed(), row.arrears, date_or_empty(s.promised_on), row.stage, s.large,
                   s.credit});
  }
  return table;
}

RecordView sale_view(const SaleView& view, const Rules& rules) {
  const PartSale& s = view.row.sale;
  const UtcOffset zone = rules.general.utc_offset;
  RecordView v;
  v.title = fmt::format("备件销售 {}", s.number);
  v.add("number", "sale", s.number);
  v.add("sold_on", "sold on", s.sold_on);
  v.add("sold_by", "sold by", s.sold_by);
  v.add("customer", "customer 客户", s.customer);
  v.add("customer_name", "name", s.customer_name);
  v.add("goods", "goods 备件", s.goods_value());
  v.add("freight", s.pickup ? "freight 运费 (自提)" : "freight 运费", s.freight);
  v.add("pickup", "self-pickup 自提", s.pickup);
  v.add("total", "total", s.total);
  v.add("paid", "paid", s.paid);
  v.add("owed", "owed", s.owed());
  v.add("arrears", "arrears 欠款", view.row.arrears);
  v.add("promised_on", "promised 还款日期", date_or_empty(s.promised_on));
  v.add("large", "large order", s.large);
  v.add("contract", "contract 购销合同", s.contract);
  v.add("credit", "credit 赊销 asked", s.credit);
  v.add("guarantee", "guarantee 担保", s.guarantee);
  v.add("plan", "purchase plan", view.plan ? Cell{view.plan->number} : Cell{});
  v.add("stage", "stage", view.row.stage);
  v.add("shipped_at", "shipped",
        s.shipped_at ? Cell{format_timestamp(*s.shipped_at, zone)} : Cell{});
  std::string missing;
  for (const std::string& gap : view.missing) missing += (missing.empty() ? "" : "; ") + gap;
  v.add("ready_to_ship", "ready to ship", view.missing.empty() && !s.shipped_at);
  v.add("missing", "before shipping it needs", missing);

  Table lines;
  lines.columns = {
      {"part", ""}, {"name", ""}, {"quantity", ""}, {"unit_price", "unit price"}, {"amount", ""}};
  for (const SaleLine& l : s.lines) {
    lines.add_row({l.part, l.name, l.quantity, l.unit_price, l.amount()});
  }
  v.tables.push_back({{"lines", "lines"}, lines});

  Table payments;
  payments.columns = {{"id", ""}, {"paid_on", "paid on"}, {"amount", ""}, {"recorded_by", "by"}};
  for (const SalePayment& p : view.payments) {
    payments.add_row({p.id, p.paid_on, p.amount, p.recorded_by});
  }
  v.tables.push_back({{"payments", "payments"}, payments});

  Table promises;
  promises.columns = {{"promised_on", "promised"}, {"recorded_at", "recorded"}, {"by", ""}};
  for (const SalePromise& p : view.promises) {
    promises.add_row({p.promised_on, format_timestamp(p.recorded_at, zone), p.recorded_by});
  }
  v.tables.push_back({{"promises", "promised repayment dates"}, promises});
  v.tables.push_back({{"approvals", "approvals"}, approval_table(view.approvals, zone)});
  return v;
}

RecordView sales_month_view(const PartsSalesMonth& m) {
  RecordView v;
  v.title = fmt::format("备件销售月报表 {:04}-{:02}", m.month.year(), m.month.month());
  v.add("month", "month", fmt::format("{:04}-{:02}", m.month.year(), m.month.month()));
  v.add("sales_amount", "sales amount 销售额", m.sales_amount);
  v.add("sales", "sales", static_cast<std::int64_t>(m.sales.size()));
  v.add("quantity", "quantity 数量", m.quantity);
  v.add("arrears", "arrears 欠款", m.arrears);
  std::string debtors;
  for (const std::string& d : m.debtors) debtors += (debtors.empty() ? "" : ", ") + d;
  v.add("debtors", "debtors 欠款单位", debtors);
  v.add("due_last_day", "due by (25日前)", m.due_last_day);
  v.add("late", "late", m.late);

  Table sales;
  sales.columns = {{"number", ""},   {"sold_on", "sold on"},
                   {"customer", ""}, {"customer_name", "name"},
                   {"quantity", ""}, {"amount", ""}};
  for (const MonthSale& s : m.sales) {
    sales.add_row({s.number, s.sold_on, s.customer, s.customer_name, s.quantity, s.amount});
  }
  v.tables.push_back({{"sales_rows", "sales of the month"}, sales});

  Table debts;
  debts.columns = {{"number", ""},   {"sold_on", "sold on"},
                   {"customer", ""}, {"customer_name", "debtor 欠款单位"},
                   {"amount", ""},   {"paid", ""},
                   {"arrears", ""},  {"promised_on", "promised 还款日期"}};
  for (const MonthDebt& d : m.debts) {
    debts.add_row({d.number, d.sold_on, d.customer, d.customer_name, d.amount, d.paid, d.arrears,
                   date_or_empty(d.promised_on)});
  }
  v.tables.push_back({{"debts", "arrears at the month's end"}, debts});
  return v;
}

Table plan_table(const std::vector<PurchasePlan>& plans, const Rules& rules) {
  Table table;
  table.columns = {{"number", ""},
                   {"origin", ""},
                   {"state", ""},
                   {"lines", ""},
                   {"raised_at", "raised"},
                   {"raised_by", "by"},
                   {"received_at", "received"},
                   {"warehouse", ""}};
  const UtcOffset zone = rules.general.utc_offset;
  for (const PurchasePlan& p : plans) {
    table.add_row({p.number, p.origin, std::string(procurement_state_name(p.state)),
                   lines_text(p.lines), format_timestamp(p.raised_at, zone), p.raised_by,
                   p.received_at ? Cell{format_timestamp(*p.received_at, zone)} : Cell{},
                   p.warehouse});
  }
  return table;
}

RecordView plan_view(const PurchasePlanView& view, const Rules& rules) {
  const PurchasePlan& p = view.plan;
  const UtcOffset zone = rules.general.utc_offset;
  RecordView v;
  v.title = fmt::format("采购计划 {}", p.number);
  v.add("number", "purchase plan", p.number);
  v.add("origin", "raised by (sale or 表13)", p.origin);
  v.add("state", "state", std::string(procurement_state_name(p.state)));
  v.add("raised_at", "raised", format_timestamp(p.raised_at, zone));
  v.add("raised_by", "raised by", p.raised_by);
  v.add("received_at", "received",
        p.received_at ? Cell{format_timestamp(*p.received_at, zone)} : Cell{});
  v.add("received_by", "received by", p.received_by);
  v.add("warehouse", "warehouse", p.warehouse);
  Table lines;
  lines.columns = {{"part", ""}, {"description", ""}, {"quantity", ""}};
  for (const PlanLine& l : p.lines) {
    lines.add_row({optional_cell(l.part), l.description, l.quantity});
  }
  v.tables.push_back({{"lines", "lines"}, lines});
  v.tables.push_back({{"approvals", "approvals"}, approval_table(view.approvals, zone)});
  return v;
}

Table urgent_table(const std::vector<UrgentRequest>& requests, const Rules& rules) {
  Table table;
  table.columns = {{"number", ""},
                   {"ticket", ""},
                   {"description", ""},
                   {"part", ""},
                   {"quantity", ""},
                   {"reason", ""},
                   {"state", ""},
                   {"plan", "purchase plan"},
                   {"requested_at", "requested"},
                   {"requested_by", "by"}};
  for (const UrgentRequest& r : requests) {
    table.add_row({r.number, r.ticket, r.description, optional_cell(r.part), r.quantity, r.reason,
                   std::string(procurement_state_name(r.state)), r.plan,
                   format_timestamp(r.requested_at, rules.general.utc_offset), r.requested_by});
  }
  return table;
}

}  // namespace aftersales::cli
